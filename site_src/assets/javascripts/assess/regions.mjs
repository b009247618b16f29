// Where a region code lies in data/regions.json ({source, provinces: [[code, name, [[code, name, [[code, name]]]]]]},
// GB/T 2260), for the calculator's region picker (widget-region.mjs). Pure: no DOM; tests/test_assess_modules.py runs it.

/**
 * {province, city, county, name} of a six-digit code: county undefined when the code is not a county of the table
 * (name then the province and city found); {province, name} when only the province is known; null when not even that.
 */
export function regionPlace(regions, code) {
  for (const [pc, pn, cities] of regions?.provinces || []) {
    if (pc.slice(0, 2) !== code.slice(0, 2)) continue;
    for (const [cc, cn, counties] of cities) {
      if (cc.slice(0, 4) !== code.slice(0, 4) && !(cities.length === 1 && cn === pn)) continue;
      const county = counties.find(([k]) => k === code);
      return { province: pc, city: cc, county: county?.[0], name: [pn, cn === pn ? "" : cn, county?.[1] || ""].join("") };
    }
    return { province: pc, name: pn };
  }
  return null;
}
