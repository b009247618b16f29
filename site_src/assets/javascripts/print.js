// Print one form: mark it, print, unmark. Works with Material's instant navigation off or on.
document.addEventListener("click", (event) => {
  if (event.target.closest("button.qp-print-page")) {
    window.print();
    return;
  }
  const button = event.target.closest("button.qp-print");
  if (!button) return;
  const sheet = document.getElementById(button.dataset.print);
  if (!sheet) return;
  document.body.classList.add("qp-printing");
  sheet.classList.add("qp-print-target");
  window.print();
  sheet.classList.remove("qp-print-target");
  document.body.classList.remove("qp-printing");
});
