// The builder of the page trees Python draws (site_src/assets/javascripts/page-tree.mjs), under Node's own test
// runner with a small stand-in for the DOM; tests/test_notice_page.py runs it, with QP_TREE naming a JSON file of
// {tree, text}: an editor's preview the check answered for a hostile notice, and the text Python says it shows.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

// Just enough of the DOM for dom.mjs `el`: elements with attributes, listeners and children; strings as text nodes.
class Element {
  constructor(tag) { this.tagName = tag; this.attributes = {}; this.listeners = []; this.childNodes = []; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  addEventListener(type) { this.listeners.push(type); }
  append(...nodes) { for (const n of nodes) this.childNodes.push(typeof n === "string" ? { text: n } : n); }
  set textContent(value) { this.childNodes = [{ text: String(value) }]; }
  get textContent() { return this.childNodes.map((c) => (c instanceof Element ? c.textContent : c.text)).join(""); }
  set innerHTML(_) { throw new Error("innerHTML is never set"); }
}
globalThis.document = { createElement: (tag) => new Element(tag) };

const { materialise, safeHref } = await import("../../site_src/assets/javascripts/page-tree.mjs");

const all = (node) => [node, ...node.childNodes.filter((c) => c instanceof Element).flatMap(all)];

test("a tree is built as elements, its texts as text nodes", () => {
  const node = materialise({ tag: "td", attrs: { "data-label": "组织名称", class: "x" },
    children: ["<script>alert(1)</script> & ", { tag: "br", attrs: {}, children: [] },
      { tag: "span", attrs: { class: "qp-help" }, children: ["<b>粗</b>"] }] });
  assert.equal(node.tagName, "td");
  assert.deepEqual(node.attributes, { "data-label": "组织名称", class: "x" });
  assert.equal(node.textContent, "<script>alert(1)</script> & <b>粗</b>");
  assert.deepEqual(all(node).map((n) => n.tagName), ["td", "br", "span"]);
});

test("an unknown tag is dropped with its children, an unknown or on* attribute left out", () => {
  const node = materialise({ tag: "div", attrs: { onclick: "alert(1)", onmouseover: "x", style: "color:red",
    id: "qp-office-form", class: "ok", text: "<b>x</b>" },
  children: ["kept", { tag: "script", attrs: {}, children: ["alert(1)"] },
    { tag: "img", attrs: { src: "x", onerror: "alert(1)" }, children: [] },
    { tag: "iframe", attrs: {}, children: [{ tag: "p", attrs: {}, children: ["inside"] }] }, 7, null]});
  assert.deepEqual(node.attributes, { class: "ok" });
  assert.deepEqual(node.listeners, []);
  assert.equal(node.textContent, "kept");
  assert.deepEqual(all(node).map((n) => n.tagName), ["div"]);
  assert.equal(materialise({ tag: "script", attrs: {}, children: ["alert(1)"] }), null);
  assert.equal(materialise({ tag: "onclick", attrs: {}, children: [] }), null);
  assert.equal(materialise(null), null);
});

test("a link keeps only an address of the web, mail or telephone, or of this site", () => {
  const href = (value) => materialise({ tag: "a", attrs: { href: value }, children: ["链接"] }).attributes.href;
  for (const bad of ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)", "data:text/html,<b>",
    "vbscript:x", "\u0000javascript:x"]) {
    assert.equal(href(bad), undefined, bad);
    assert.equal(safeHref(bad), false, bad);
  }
  for (const good of ["tel:0518-85551234", "mailto:a@example.org", "https://example.org/", "../../schemes/x/",
    "#entries"]) assert.equal(href(good), good);
});

test("the preview the check answered shows the text Python says it shows", { skip: !process.env.QP_TREE }, () => {
  const { tree, text } = JSON.parse(readFileSync(process.env.QP_TREE, "utf8"));
  const page = materialise(tree);
  assert.equal(page.tagName, "article");
  assert.equal(page.textContent, text);
  assert.ok(all(page).some((n) => n.tagName === "table"));
});
