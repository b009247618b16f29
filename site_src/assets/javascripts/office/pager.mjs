// The office editor's list of entries shown a page at a time: 10,000 rows pasted from a spreadsheet would be
// 10,000 rows of inputs, which the browser takes seconds to lay out and every keystroke then pays for. The form
// holds every entry; the page shows PAGE_ROWS of them, with a way to the others and to any row a problem names.
import { el } from "../dom.mjs";

export const PAGE_ROWS = 50;

/** The first row (from 0) of the page that shows row ``index``. */
export const pageStart = (index) => Math.max(0, Math.floor(index / PAGE_ROWS) * PAGE_ROWS);

/** The pager for ``count`` rows with the page from ``first`` shown: nothing when one page holds them all; else the
 * rows shown, 上一页 / 下一页, and a list of the pages. ``go(first)`` shows another page. */
export function pager(count, first, go) {
  if (count <= PAGE_ROWS) return [];
  const last = Math.min(count, first + PAGE_ROWS);
  const pages = el("select", { class: "qp-oselect", id: "qp-o-entry-page" });
  for (let start = 0; start < count; start += PAGE_ROWS) {
    pages.append(el("option", { value: String(start), text: `第 ${start + 1}–${Math.min(count, start + PAGE_ROWS)} 项` }));
  }
  pages.value = String(first);
  pages.addEventListener("change", () => go(Number(pages.value)));
  const button = (text, to, disabled) => el("button", { type: "button", class: "qp-obutton qp-secondary", text,
    disabled, onclick: () => go(to) });
  return [
    el("p", { class: "qp-ohint", id: "qp-o-entry-shown", role: "status", tabindex: "-1",
      text: `名单共 ${count} 项，这里显示第 ${first + 1}–${last} 项。` }),
    el("p", { class: "qp-entry-actions" },
      button("上一页", Math.max(0, first - PAGE_ROWS), first === 0),
      el("label", { class: "qp-olabel qp-inline", for: "qp-o-entry-page", text: "显示" }), pages,
      button("下一页", first + PAGE_ROWS, last >= count)),
  ];
}
