// The calculator's pure modules (assess/share.mjs, assess/regions.mjs) under Node's own test runner;
// tests/test_assess_modules.py runs it with a link Python wrote, so ./dev test does.
import assert from "node:assert/strict";
import { test } from "node:test";

import { regionPlace } from "../../site_src/assets/javascripts/assess/regions.mjs";
import { decode, encode, isProfile, versioned } from "../../site_src/assets/javascripts/assess/share.mjs";

const [pythonLink, pythonProfile] = JSON.parse(process.env.QP_SHARED ?? '["", null]');

test("a share link round-trips Chinese text and reads the link Python writes", () => {
  const profile = { organisation: "苏州某某精密机械有限公司", region_code: "320506", invention_patents: 3, sectors: ["制造业"] };
  assert.deepEqual(decode(encode(profile)), profile);
  assert.match(encode(profile), /^[A-Za-z0-9_-]+$/);  // no + / =: it sits in a URL as it is
  assert.deepEqual(decode(pythonLink), pythonProfile);
  assert.equal(encode(pythonProfile), pythonLink);
});

test("what leaves the page names the format's version, replacing an older one", () => {
  assert.deepEqual(versioned({ profile_version: "0.9", sector: "service" }, "1.2"), { profile_version: "1.2", sector: "service" });
  assert.equal(isProfile({}), true);
  assert.equal(isProfile([]), false);
  assert.equal(isProfile(null), false);
  assert.equal(isProfile("x"), false);
});

test("a region code's place: county, a code outside the table, a city-level municipality", () => {
  const regions = { provinces: [
    ["320000", "江苏省", [["320500", "苏州市", [["320506", "吴中区"]]]]],
    ["110000", "北京市", [["110000", "北京市", [["110105", "朝阳区"]]]]],
  ] };
  assert.deepEqual(regionPlace(regions, "320506"), { province: "320000", city: "320500", county: "320506", name: "江苏省苏州市吴中区" });
  assert.deepEqual(regionPlace(regions, "320599"), { province: "320000", city: "320500", county: undefined, name: "江苏省苏州市" });
  assert.deepEqual(regionPlace(regions, "110105"), { province: "110000", city: "110000", county: "110105", name: "北京市朝阳区" });
  assert.deepEqual(regionPlace(regions, "329900"), { province: "320000", name: "江苏省" });
  assert.equal(regionPlace(regions, "990000"), null);
  assert.equal(regionPlace(null, "320506"), null);
});
