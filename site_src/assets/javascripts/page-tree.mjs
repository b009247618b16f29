// Builds a node tree drawn by the portal's Python (generator/views/page_tree.py: {tag, attrs, children}, a child
// being a node or a text) with dom.mjs `el`: texts go in as textContent, never as HTML. The tags and attributes a
// public page's parts use are the only ones built: any other tag is dropped with its children, any other attribute
// (on* handlers among them) is left out, and a link only keeps an address of the web, mail or telephone, or one on
// this site; so a hostile tree stays harmless.
import { el } from "./dom.mjs";

const TAGS = new Set(["article", "p", "h3", "h4", "div", "dl", "dt", "dd", "br", "span", "code", "a",
  "table", "caption", "thead", "tbody", "tr", "th", "td"]);
const ATTRS = new Set(["class", "scope", "href", "aria-label", "data-label"]);
const SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

/** Whether `href` may be a link's address: no scheme (this site), or one of SCHEMES. */
export function safeHref(href) {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so does this test.
  const bare = href.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(bare);
  return scheme === null || SCHEMES.has(scheme[0].toLowerCase());
}

/** The DOM node of `tree` (a text or {tag, attrs, children}), or null when it is refused. */
export function materialise(tree) {
  if (typeof tree === "string") return tree;  // el appends a string as a text node
  if (tree === null || typeof tree !== "object" || !TAGS.has(tree.tag)) return null;
  const attrs = {};
  for (const [name, value] of Object.entries(tree.attrs ?? {})) {
    if (!ATTRS.has(name) || typeof value !== "string") continue;
    if (name === "href" && !safeHref(value)) continue;
    attrs[name] = value;
  }
  const children = Array.isArray(tree.children) ? tree.children : [];
  return el(tree.tag, attrs, ...children.map(materialise));
}
