// The one small DOM builder of the portal's page scripts (assess/, office/): texts always go in as
// textContent, never as HTML.

/** el("a", {href, text, onclick}, ...children): attributes (true: present, null/undefined/false: absent), "text" as
 * textContent, "onx" as a listener; children flattened, null/undefined/false skipped. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}
