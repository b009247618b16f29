// The search page: Pagefind's UI over the chunked index; ?q= from the header form runs at once.
(() => {
  const box = document.getElementById("qp-search");
  if (!box || typeof PagefindUI === "undefined") return;
  const ui = new PagefindUI({
    element: "#qp-search",
    bundlePath: new URL(box.dataset.bundle, location.href).pathname,
    showSubResults: true,
    excerptLength: 45, // words; a Chinese word is short, and the default left a few characters around the match
    showImages: false,
    resetStyles: false,
    translations: { placeholder: "输入关键词，例如 首席质量官、公示期" },
  });
  const query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
