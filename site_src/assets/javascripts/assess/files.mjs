// Save, load, share, clear: the profile leaves the page only as a file the user saves or a share link (the URL
// fragment, never sent to a server), and comes in from either.
import { el } from "../dom.mjs";
import { assessNow } from "./engine.mjs";
import { buildForm } from "./form.mjs";
import { clearProblem, showProblem } from "./problems.mjs";
import { replaceProfile } from "./state.mjs";
import { decode, encode, isProfile, versioned } from "./share.mjs";

/** Once shared, the address follows every edit. */
export function writeHashIfShared(page) {
  const { state } = page;
  if (state.shared) history.replaceState(null, "", `#p=${encode(versioned(state.profile, state.spec.profile_version))}`);
}

/** Show `profile` (a file, a link, a blank) in a new form and assess it. */
export function loadProfile(page, profile) {
  replaceProfile(page.state, profile);
  buildForm(page);
  page.state.dirty = false; // a profile just loaded (file, link, blank) is no unsaved work
  writeHashIfShared(page);
  assessNow(page);
}

/** The profile the address carries (#p=…), with the problem to show when it cannot be read. */
export function profileFromAddress(page) {
  if (!location.hash.startsWith("#p=")) return { profile: {}, problem: null };
  let profile;
  try { profile = decode(location.hash.slice(3)); } catch { profile = null; }
  if (isProfile(profile)) { page.state.shared = true; return { profile, problem: null }; }
  return { profile: {}, problem: "分享链接中的档案无法读取（链接可能不完整）：已改为空白档案。请向分享人重新索取完整的链接。" };
}

async function onAction(page, action) {
  const { state, statusLine } = page;
  if (action === "save") {
    state.dirty = false;
    const blob = new Blob([JSON.stringify(versioned(state.profile, state.spec.profile_version), null, 2)], { type: "application/json" });
    const a = el("a", { href: URL.createObjectURL(blob), download: "申报档案.json" });
    a.click();
    URL.revokeObjectURL(a.href);
  } else if (action === "share") {
    state.shared = true;
    writeHashIfShared(page);
    try { await navigator.clipboard.writeText(location.href); statusLine.textContent = "分享链接已复制。档案保存在链接的 # 之后，不会发送到服务器。"; }
    catch { statusLine.textContent = "分享链接已放入地址栏，请手动复制。"; }
  } else if (action === "print") {
    window.print();
  } else if (action === "clear") {
    if (Object.keys(state.profile).length && !window.confirm("清空全部已填写的内容？未保存的内容将无法恢复。")) return;
    state.shared = false;
    history.replaceState(null, "", location.pathname);
    clearProblem(page);
    loadProfile(page, {});
  }
}

async function onFile(page, input) {
  const file = input.files[0];
  if (!file) return;
  let loaded = null;
  try { loaded = JSON.parse(await file.text()); } catch { loaded = null; }
  if (isProfile(loaded)) { clearProblem(page); loadProfile(page, loaded); page.statusLine.textContent = `已载入 ${file.name}`; }
  else showProblem(page, `${file.name} 不是有效的档案文件（应为“保存档案”得到的 JSON 文件），未载入；表单保留原来的内容。`);
  input.value = "";
}

/** The page's buttons (data-action), the file input, and the question before leaving unsaved answers. */
export function wireFiles(page) {
  const { root } = page;
  root.addEventListener("click", (e) => {
    const action = e.target.closest("[data-action]")?.dataset.action;
    if (action) onAction(page, action);
  });
  root.querySelector("[data-action=load]").addEventListener("change", (e) => onFile(page, e.target));
  // Leaving with answers not saved anywhere asks first (the browser shows its own words).
  window.addEventListener("beforeunload", (e) => { if (page.state.dirty) { e.preventDefault(); e.returnValue = ""; } });
}
