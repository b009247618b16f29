// The file's hand-over: its state line, its path, download, copy, the Git host's new-file page, the draft download
// and the YAML view; the file leaves only once the check passed on the text now in the form.
import { el } from "../dom.mjs";
import { settled } from "./check.mjs";
import { forgetDraft } from "./draft.mjs";
import { hidden } from "./entries.mjs";
import { gitUrl, HOSTS } from "./git-host.mjs";
import { renderProblems } from "./problems.mjs";
import { clean, emittedEntries, isCurrent } from "./state.mjs";
import { renderViews } from "./views.mjs";

/** Build the outputs box (page.out holds its parts). */
export function buildOutputs(page) {
  const { ed } = page;
  const out = page.out;
  out.stateBox = el("div", { class: "qp-check-state", id: "qp-office-state", role: "status" });
  out.pathCode = el("code", { id: "qp-office-path" });
  out.downloadButton = el("button", { type: "button", class: "qp-obutton qp-primary", id: "qp-office-download",
    text: "下载 YAML 文件", onclick: () => deliver(page, "download") });
  out.copyButton = el("button", { type: "button", class: "qp-obutton qp-secondary", id: "qp-office-copy",
    text: "复制 YAML", onclick: () => deliver(page, "copy") });
  const repo = ed.data.repository;
  if (repo) {
    out.gitLink = el("a", { class: "qp-obutton qp-secondary", id: "qp-office-git", target: "_blank", rel: "noopener noreferrer",
      onclick: (event) => { if (!clean(ed)) { event.preventDefault(); deliver(page, "git"); } } },
    `在 ${HOSTS[repo.host] ?? repo.host} 上新建文件`, hidden("（在新窗口打开）"));
  }
  out.checkAllButton = el("button", { type: "button", class: "qp-obutton qp-link-button", id: "qp-office-check-all",
    text: "显示全部问题", onclick: async () => {
      ed.showAll = true;
      await settled(page);
      renderProblems(page);
      renderOutputs(page);
      if (!page.summary.hidden) page.summary.focus();
    } });
  out.actionStatus = el("p", { class: "qp-action-status", id: "qp-office-action-status", role: "status" });
  out.draftBox = el("details", { class: "qp-draft-box" },
    el("summary", { text: "尚有问题时保存草稿" }),
    el("p", { class: "qp-ohint", text: "草稿文件的第一行注明“草稿”，不能直接发布：以后可以照着它继续填写，或交给同事处理。" }),
    el("button", { type: "button", class: "qp-obutton qp-secondary", id: "qp-office-draft", text: "下载草稿（不能发布）",
      onclick: () => {
        const n = ed.answer?.problems.length ?? 0;
        const note = ed.engine === "ready" ? `尚有 ${n} 个问题未解决` : "未经检查";
        save(`# 草稿：${note}，不能发布。\n${ed.yamlText}`, `草稿-${ed.filePath.split("/").pop()}`);
        out.actionStatus.textContent = "已下载草稿。";
      } }));
  out.yamlPre = el("pre", { class: "qp-yaml", id: "qp-office-yaml", tabindex: "0", "aria-label": "生成的 YAML 文本" });
  const clear = el("button", { type: "button", class: "qp-obutton qp-link-button", id: "qp-office-clear", text: "清空表单，重新开始",
    onclick: () => {
      if (!window.confirm("清空表单中填写的全部内容？")) return;
      forgetDraft();
      location.reload();
    } });
  page.outputsBox.replaceChildren(
    out.stateBox,
    el("dl", { class: "qp-path" }, el("dt", { text: "文件在仓库中的路径" }), el("dd", {}, out.pathCode)),
    el("div", { class: "qp-office-actions" }, out.downloadButton, out.copyButton, out.gitLink ?? null),
    el("p", { class: "qp-ohint", text: repo
      ? `“在 ${HOSTS[repo.host] ?? repo.host} 上新建文件”在新窗口打开代码托管网站的新建文件页面，路径和内容已经填好；提交后须经审核，并由网站的自动检查再查一遍，通过后才会发布。`
      : "把下载的文件按上面的路径放入网站的仓库并提交；提交后须经审核，并由网站的自动检查再查一遍，通过后才会发布。" }),
    out.actionStatus, out.checkAllButton, out.draftBox,
    el("details", { class: "qp-yaml-box" }, el("summary", { text: "查看生成的 YAML 文本" }), out.yamlPre),
    el("p", {}, clear));
}

/** The state line's kind (pass, fail, pending, failed) and text, for the editor as it stands (pure). */
export function checkState(ed) {
  if (ed.engine === "failed") {
    return ["failed", `检查程序未能启动（${ed.engineMessage}），无法在本页检查。可以下载草稿，或按工作指引在电脑上检查。`];
  }
  if (ed.engine === "loading") return ["pending", "检查程序准备好后自动检查（首次打开需下载约数秒）。"];
  if (!isCurrent(ed)) return ["pending", "正在检查……"];
  const n = ed.answer.problems.length;
  if (n === 0 && ed.opened && !ed.edits.length && !ed.notice.correction.withdraw) {
    return ["pass", "尚未修改：这份公示与网站上发布的版本相同。修改有误的内容，或选择撤回本公示。"];
  }
  if (n === 0) {
    let text = `检查通过：没有发现问题（名单 ${emittedEntries(ed).length} 项）。可以下载文件或提交。`;
    for (const reminder of ed.answer.reminders ?? []) text += reminder.replace(/^提醒：/, "注意：");
    return ["pass", text];
  }
  const hiddenN = ed.hiddenProblems;
  return ["fail", hiddenN > 0 && hiddenN === n
    ? `尚有 ${n} 项需要填写或修改：填完后逐项显示，或选“显示全部问题”。`
    : `发现 ${n} 个问题，请按提示修改${hiddenN ? `（另有 ${hiddenN} 项尚未填写的内容）` : ""}。`];
}

/** Redraw the state line, the path, the buttons' state and the Git host's link. */
export function renderOutputs(page) {
  const { ed, out } = page;
  if (!out.stateBox) return;
  out.pathCode.textContent = ed.filePath;
  const [kind, text] = checkState(ed);
  if (out.stateBox.textContent !== text) out.stateBox.textContent = text;
  out.stateBox.className = `qp-check-state qp-check-${kind}`;
  page.root.dataset.state = kind;
  const ok = clean(ed);
  for (const b of [out.downloadButton, out.copyButton, out.gitLink]) {
    if (!b) continue;
    b.setAttribute("aria-disabled", String(!ok));
    b.setAttribute("aria-describedby", "qp-office-state");
  }
  if (out.gitLink) {
    const url = gitUrl(ed.data.repository, ed.filePath, ed.yamlText);
    out.gitLink.href = url;
    // Very long addresses may be refused by the host: the file can always be uploaded instead.
    out.gitLink.dataset.long = String(url.length > 8000);
  }
  out.checkAllButton.hidden = !(kind === "fail" && ed.hiddenProblems > 0);
  out.draftBox.hidden = ok;
}

function save(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/x-yaml;charset=utf-8" }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function deliver(page, how) {
  const { ed, out } = page;
  renderViews(page);
  if (ed.engine === "ready" && !isCurrent(ed)) {
    out.actionStatus.textContent = "正在检查……";
    await settled(page);
  }
  if (!clean(ed)) {
    ed.showAll = true;
    renderProblems(page);
    renderOutputs(page);
    if (ed.engine !== "ready") {
      out.actionStatus.textContent = ed.engine === "failed"
        ? "检查程序未能启动，不能确认文件无误：请下载草稿，或按工作指引在电脑上检查。"
        : "检查程序尚未就绪，请稍候。";
      return;
    }
    out.actionStatus.textContent = `尚有 ${ed.answer.problems.length} 个问题，修改后才能${how === "copy" ? "复制" : how === "git" ? "提交" : "下载"}文件。`;
    page.summary.focus();
    return;
  }
  const name = ed.filePath.split("/").pop();
  if (how === "download") {
    save(ed.yamlText, name);
    out.actionStatus.textContent = `已下载 ${name}：请放入仓库的 ${ed.filePath.split("/").slice(0, -1).join("/")}/ 文件夹并提交。`;
  } else if (how === "copy") {
    try {
      await navigator.clipboard.writeText(ed.yamlText);
      out.actionStatus.textContent = "已复制 YAML 文本。";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(out.yamlPre);
      out.yamlPre.closest("details").open = true;
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      out.actionStatus.textContent = "浏览器不允许复制：已选中下方的 YAML 文本，请按 Ctrl+C 复制。";
    }
  } else if (how === "git") {
    window.open(gitUrl(ed.data.repository, ed.filePath, ed.yamlText), "_blank", "noopener");
  }
}
