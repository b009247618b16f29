// Notice status from the dates, on the reader's clock (China time), so a static page never goes
// stale; the build's status stays in place when scripts do not run.
(() => {
  const LABELS = { upcoming: "即将发布", open: "正在公示", closed: "已结束", published: "已发布" };
  const DAY = 86400000;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const days = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
  for (const el of document.querySelectorAll(".qp-notice-status[data-published]")) {
    const { published, end } = el.dataset;
    let status;
    if (today < published) status = "upcoming";
    else if (!end) status = "published";
    else status = today <= end ? "open" : "closed";
    el.className = `qp-notice-status qp-ns-${status}`;
    el.textContent = status === "open" ? `${LABELS.open}，剩余 ${days(today, end) + 1} 天` : LABELS[status];
    el.dataset.status = status;
    const row = el.closest("[data-live-open]");
    if (row) row.hidden = !(status === "open" || status === "upcoming");
  }
  for (const list of document.querySelectorAll("[data-live-list]")) {
    const shown = list.querySelectorAll("[data-live-open]:not([hidden])").length;
    const empty = list.parentElement.querySelector("[data-live-empty]");
    if (empty) empty.hidden = shown > 0;
  }
  // Winners table: filters and name search.
  const table = document.getElementById("qp-winners");
  if (!table) return;
  const controls = document.querySelectorAll("[data-filter]");
  const count = document.getElementById("qp-winners-count");
  const apply = () => {
    const want = {};
    controls.forEach((c) => { want[c.dataset.filter] = c.value.trim(); });
    let shown = 0;
    for (const row of table.tBodies[0].rows) {
      const ok = (!want.scheme || row.dataset.scheme === want.scheme) && (!want.year || row.dataset.year === want.year)
        && (!want.tier || row.dataset.tier === want.tier) && (!want.area || row.dataset.area.startsWith(want.area))
        && (!want.name || row.dataset.name.includes(want.name));
      row.hidden = !ok;
      shown += ok;
    }
    count.textContent = `显示 ${shown} 条`;
  };
  controls.forEach((c) => c.addEventListener("input", apply));
  apply();
})();
