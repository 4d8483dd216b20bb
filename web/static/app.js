// Readout works without this file. With it: copy buttons on quote pages, and a quote reached by
// its anchor stays marked after the page scrolls.
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
});
