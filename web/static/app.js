// Readout works without this file. With it: copy buttons on quote pages, a quote reached by its
// anchor stays marked after the page scrolls, a search's order applies when chosen, and the
// filters are folded on a phone.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = "Copied";
      } catch {
        field.select();
        button.textContent = "Press Ctrl+C to copy";
      }
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
  // A quote that runs over several paragraphs: mark all its pieces when its anchor is the target.
  const mark = () => {
    for (const el of document.querySelectorAll(".quote.targeted")) el.classList.remove("targeted");
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("q-")) return;
    for (const el of document.querySelectorAll(".quote[data-quote]")) {
      if (el.dataset.quote === id.slice(2)) el.classList.add("targeted");
    }
  };
  window.addEventListener("hashchange", mark);
  mark();
  // A new order applies at once; without this file, the Search button applies it.
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // On a narrow screen the filters come before the results, folded; on a wide one, beside them.
  const filters = document.querySelector("details.facets");
  if (filters && matchMedia("(max-width: 59.99rem)").matches) filters.open = false;
});
