// Rows pasted from a spreadsheet (Excel, WPS, LibreOffice), read into the office editor's entries: pure, no DOM, so
// that Node tests it as the browser runs it (tests/node/paste.test.mjs).
//
// What a spreadsheet puts on the clipboard as text: one line per row, cells separated by tabs; a cell that holds a
// line break, a tab or a double quote is quoted ("…", a quote doubled), so a line break inside quotes is part of
// the cell, not the end of the row. Columns: 名称, 信用代码, 奖项/等级, 行业, 母公司, 区外原因 (a header row names its
// columns and is skipped). A line without tabs is read around the credit code it holds.

export const ENTRY_COLUMNS = ["organisation", "credit_code", "tier", "sector", "parent", "outside_area_reason"];
const CODE_RE = /^[0-9A-Z]{2}\d{6}[0-9A-Z]{10}$/;
const HEADER_WORDS = {
  organisation: ["名称", "组织", "单位", "企业", "organisation", "organization"],
  credit_code: ["信用代码", "代码", "credit_code", "uscc"],
  tier: ["奖项", "等级", "tier", "级别"],
  sector: ["行业", "sector"],
  parent: ["母公司", "parent", "集团"],
  outside_area_reason: ["区外", "原因", "outside"],
};
const ASCII_WORD = /[A-Za-z0-9]/;

/** The clipboard's text as rows of cells, quoted cells kept whole (their quotes removed, "" read as "). A quote that
 * does not close a cell (a stray " inside a name) is read as text, as the spreadsheet wrote it. One pass over the
 * text: 10,000 rows take milliseconds. */
export function splitCells(text) {
  const rows = [];
  let row = [];
  let at = 0;
  const n = text.length;
  const endOfCell = (i) => i >= n || text[i] === "\t" || text[i] === "\n" || text[i] === "\r";
  while (at <= n) {
    let cell = null;
    let next = at;
    if (text[at] === '"') {  // a quoted cell, if a quote followed by a cell's end closes it
      let value = "";
      let i = at + 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) break;
        if (text[quote + 1] === '"') { value += text.slice(i, quote + 1); i = quote + 2; continue; }
        if (endOfCell(quote + 1)) { value += text.slice(i, quote); cell = value; next = quote + 1; }
        break;
      }
    }
    if (cell === null) {  // unquoted: up to the next tab or line break
      let i = at;
      while (!endOfCell(i)) i += 1;
      cell = text.slice(at, i);
      next = i;
    }
    row.push(cell);
    if (next >= n) { rows.push(row); break; }
    if (text[next] === "\t") { at = next + 1; continue; }
    rows.push(row);
    row = [];
    at = next + (text[next] === "\r" && text[next + 1] === "\n" ? 2 : 1);
    if (at >= n) break;
  }
  return rows;
}

/** A cell's text as one line: a line break inside it (the spreadsheet wrapped a long name) joins the two parts,
 * with a space only between two Latin letters or digits (示例海州\n精密机械 -> 示例海州精密机械). */
export function oneLine(cell) {
  if (!cell.includes("\n") && !cell.includes("\r")) return cell.trim();
  return cell.replace(/[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g, (_, offset, whole) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + _.length] ?? "";
    return ASCII_WORD.test(before) && ASCII_WORD.test(after) ? " " : "";
  }).trim();
}

function wordsAroundCode(line) {
  const words = line.trim().split(/[\s\u3000]+/);
  const at = words.findIndex((w) => CODE_RE.test(w.toUpperCase()));
  if (at > 0) return [words.slice(0, at).join(" "), words[at], ...words.slice(at + 1)];
  return [line.trim()];
}

function headerColumns(cells) {
  const found = cells.map((c) => {
    const t = c.toLowerCase();
    if (!t || CODE_RE.test(c.toUpperCase())) return null;
    return Object.keys(HEADER_WORDS).find((k) => HEADER_WORDS[k].some((w) => t.includes(w))) ?? null;
  });
  return found.filter(Boolean).length >= 2 && !cells.some((c) => CODE_RE.test(c.replace(/\s/g, "").toUpperCase()))
    ? found : null;
}

/** A tier as the scheme names it (its id, its name, the name without 级, the end of the name); else as written. */
export function resolveTier(value, tiers) {
  const v = value.trim();
  if (!v) return "";
  const hit = tiers.find((t) => t.id.toLowerCase() === v.toLowerCase() || t.name === v)
    ?? tiers.find((t) => t.name.replace(/级$/, "") === v.replace(/级$/, ""))
    ?? tiers.find((t) => v.length >= 2 && t.name.endsWith(v));
  return hit ? hit.id : v;
}

/** A sector's id from its id or its name (制造业, 制造); else as written. */
export function resolveSector(value, sectors) {
  const v = value.trim();
  if (!v) return "";
  const hit = Object.entries(sectors).find(([id, name]) => id === v.toLowerCase() || name === v
    || name.replace(/业$/, "") === v.replace(/业$/, ""));
  return hit ? hit[0] : v;
}

/** The entries in pasted text: [{organisation, credit_code, tier?, sector?, parent?, outside_area_reason?}], with
 * the scheme's ``tiers`` ([{id, name}]) and the ``sectors`` ({id: name}) resolved to their ids. */
export function parseTable(text, { tiers = [], sectors = {} } = {}) {
  const lines = splitCells(text)
    .map((cells) => (cells.length > 1 ? cells.map((c) => oneLine(c)) : wordsAroundCode(oneLine(cells[0]))))
    .filter((cells) => cells.some(Boolean));
  if (!lines.length) return [];
  let columns = ENTRY_COLUMNS;
  const head = headerColumns(lines[0]);
  if (head) { columns = head; lines.shift(); }
  // A column holds few distinct tiers and sectors: each is resolved once.
  const resolved = { tier: new Map(), sector: new Map() };
  const resolve = (c, value) => {
    let id = resolved[c].get(value);
    if (id === undefined) {
      id = c === "tier" ? resolveTier(value, tiers) : resolveSector(value, sectors);
      resolved[c].set(value, id);
    }
    return id;
  };
  return lines.map((cells) => {
    const row = {};
    cells.forEach((value, i) => {
      const c = columns[i];
      if (!c || !value) return;
      row[c] = c === "tier" || c === "sector" ? resolve(c, value)
        : c === "credit_code" ? value.replace(/[\s\u3000]+/g, "") : value;
    });
    // Without a tier column in the scheme, a third column that names a sector is the sector.
    if (!head && row.tier && !tiers.length && !row.sector) {
      const sector = resolveSector(row.tier, sectors);
      if (sector in sectors) { row.sector = sector; delete row.tier; }
    }
    return row;
  }).filter((r) => Object.keys(r).length);
}

/** Whether pasted text is more than one value for one input: several cells or several rows. */
export function isTable(text) {
  const rows = splitCells(text.replace(/(?:\r\n|\r|\n)+$/, ""));
  return rows.length > 1 || rows[0].length > 1;
}
