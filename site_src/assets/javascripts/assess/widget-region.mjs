// The region picker (the widget "region" of the field spec: region_code): by name, province → city → county, or by
// its 6-digit code, from the GB/T 2260 table (data/regions.json, in page.state.regions once fetched). A scalar
// widget: its answer is the code, written to the profile when whole.
import { el } from "../dom.mjs";
import { EXAMPLES } from "./help.mjs";
import { regionPlace } from "./regions.mjs";
import { register } from "./widgets.mjs";

const WHOLE = /^\d{6}$/;

// The parts of each picker drawn, for read and write.
const pickers = new WeakMap();

// The picker's own event: a whole answer typed or picked (a province or a city alone answers nothing).
const PICKED = "qp-region-picked";

function render(field, id, page) {
  const { state } = page;
  const box = el("div", { class: "qp-region" });
  const note = el("small", { class: "qp-field-note", id: `${id}-note`, "aria-live": "polite" });
  const pick = (name, text) => el("select", { "aria-label": `注册地${name}`, class: `qp-region-${name}` }, el("option", { value: "", text }));
  const prov = pick("省份", "省份"), city = pick("城市", "城市"), county = pick("区县", "区县");
  const code = el("input", { id, type: "text", inputmode: "numeric", maxlength: "6", autocomplete: "off",
    placeholder: `例如 ${EXAMPLES.region_code}`, "aria-describedby": `${id}-note` });
  const options = (select, items, chosen) => {
    select.replaceChildren(select.firstElementChild, ...items.map(([c, n]) => el("option", { value: c, text: n, selected: c === chosen })));
    select.disabled = !items.length;
  };
  const citiesOf = (province) => state.regions?.provinces.find(([c]) => c === province)?.[2] || [];
  const sync = () => {
    const { regions } = state;
    const place = WHOLE.test(code.value) ? regionPlace(regions, code.value) : null;
    options(prov, regions?.provinces || [], place?.province);
    const cities = citiesOf(prov.value);
    options(city, cities, place?.city);
    options(county, cities.find(([c]) => c === city.value)?.[2] || [], place?.county);
    if (!code.value) note.textContent = "可按名称选择，也可直接输入 6 位代码（如 320506）。";
    else if (!WHOLE.test(code.value)) note.textContent = `代码应为 6 位数字，已输入 ${code.value.length} 位；补全之前本项按“未填写”计算。`;
    else note.textContent = place?.county ? `${code.value}：${place.name}` : `${code.value} 不在区县代码表中（${regions?.source || "GB/T 2260"}），请核对。`;
    note.classList.toggle("qp-field-error", Boolean(code.value) && !place?.county);
  };
  prov.addEventListener("change", () => { options(city, citiesOf(prov.value), null); options(county, [], null); });
  city.addEventListener("change", () => options(county, citiesOf(prov.value).find(([c]) => c === city.value)?.[2] || [], null));
  county.addEventListener("change", () => { code.value = county.value; box.dispatchEvent(new Event(PICKED)); sync(); });
  code.addEventListener("input", () => { code.value = code.value.replace(/\D/g, "").slice(0, 6); box.dispatchEvent(new Event(PICKED)); sync(); });
  state.regionsReady.then(sync);
  box.append(el("span", { class: "qp-region-pick", role: "group", "aria-label": "按名称选择注册地" }, prov, city, county),
    el("span", { class: "qp-region-code" }, code), note);
  pickers.set(box, { code, sync });
  return box;
}

register("region", {
  event: PICKED,
  render,
  // Only a whole code reaches the profile: a half-typed one is "unfilled", never an error that clears results.
  read: (box) => { const { code } = pickers.get(box); return WHOLE.test(code.value) ? code.value : undefined; },
  write: (box, value) => { const { code, sync } = pickers.get(box); code.value = value ?? ""; sync(); },
});
