// The office editor's spreadsheet paste parser (site_src/assets/javascripts/office/paste.mjs), under Node's own test
// runner; tests/test_paste.py runs it, so ./dev test does.
import assert from "node:assert/strict";
import { test } from "node:test";

import { isTable, oneLine, parseTable, splitCells } from "../../site_src/assets/javascripts/office/paste.mjs";

const TIERS = [{ id: "award", name: "海州质量奖" }, { id: "excellence", name: "海州质量管理优秀奖" }];
const SECTORS = { manufacturing: "制造业", service: "服务业", agriculture: "农业" };
const options = { tiers: TIERS, sectors: SECTORS };

test("a cell Excel quoted because it holds a line break stays one cell of one row", () => {
  const text = '"示例海州\n精密机械有限公司"\t91320706AY4CL12THY\t海州质量奖\t制造业\r\n'
    + "示例海州物流服务有限公司\t91320706J3Y7LLJY1W\t\t服务业\r\n";
  assert.deepEqual(splitCells(text), [
    ["示例海州\n精密机械有限公司", "91320706AY4CL12THY", "海州质量奖", "制造业"],
    ["示例海州物流服务有限公司", "91320706J3Y7LLJY1W", "", "服务业"],
  ]);
  assert.deepEqual(parseTable(text, options), [
    { organisation: "示例海州精密机械有限公司", credit_code: "91320706AY4CL12THY", tier: "award", sector: "manufacturing" },
    { organisation: "示例海州物流服务有限公司", credit_code: "91320706J3Y7LLJY1W", sector: "service" },
  ]);
});

test("quotes inside a quoted cell are doubled; a tab inside quotes is text; a stray quote is text", () => {
  assert.deepEqual(splitCells('"甲""乙""公司"\t"a\tb"\n丙"丁"公司\tx'), [['甲"乙"公司', "a\tb"], ['丙"丁"公司', "x"]]);
  assert.deepEqual(splitCells('"未闭合的引号\t91320706AY4CL12THY'), [['"未闭合的引号', "91320706AY4CL12THY"]]);
  assert.deepEqual(splitCells('"引号"后有字\tx'), [['"引号"后有字', "x"]]);
});

test("a line break inside a cell joins the parts, with a space only between Latin words", () => {
  assert.equal(oneLine("示例海州\r\n精密机械有限公司"), "示例海州精密机械有限公司");
  assert.equal(oneLine("Haizhou Precision\nMachinery Co., Ltd."), "Haizhou Precision Machinery Co., Ltd.");
  assert.equal(oneLine("  甲 \n 乙  "), "甲乙");
});

test("a header row names the columns and is skipped; a line without tabs is read around its code", () => {
  const text = "行业\t统一社会信用代码\t名称\n服务业\t91320706J3Y7LLJY1W\t示例海州物流服务有限公司\n";
  assert.deepEqual(parseTable(text, options),
    [{ sector: "service", credit_code: "91320706J3Y7LLJY1W", organisation: "示例海州物流服务有限公司" }]);
  assert.deepEqual(parseTable("示例 海州公司 91320706J3Y7LLJY1W 服务业\n\n", options),
    [{ organisation: "示例 海州公司", credit_code: "91320706J3Y7LLJY1W", tier: "服务业" }]);
  assert.deepEqual(parseTable("示例海州公司\t91320706J3Y7LLJY1W\t服务业", { sectors: SECTORS }),
    [{ organisation: "示例海州公司", credit_code: "91320706J3Y7LLJY1W", sector: "service" }]);
  assert.deepEqual(parseTable("", options), []);
  assert.deepEqual(parseTable("\n\t\n", options), []);
});

test("one value is not a table, even quoted with a line break; cells or rows are", () => {
  assert.equal(isTable("示例海州公司"), false);
  assert.equal(isTable("示例海州公司\r\n"), false);
  assert.equal(isTable('"示例海州\n公司"\r\n'), false);
  assert.equal(isTable("甲\t乙"), true);
  assert.equal(isTable("甲\n乙"), true);
});

test("10,000 rows, a quoted cell among them, are read in well under a second", () => {
  const rows = [];
  for (let i = 0; i < 10000; i += 1) {
    const name = i % 100 === 7 ? `"示例第${i}\n有限公司"` : `示例第${i}有限公司`;
    rows.push(`${name}\t91320706AY4CL12THY\t海州质量奖\t制造业\t\t`);
  }
  const started = performance.now();
  const parsed = parseTable(rows.join("\r\n") + "\r\n", options);
  const ms = performance.now() - started;
  assert.equal(parsed.length, 10000);
  assert.equal(parsed[7].organisation, "示例第7有限公司");
  assert.ok(ms < 500, `${ms} ms`);
});
