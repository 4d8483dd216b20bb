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
  // A transcript's turn: mark its paragraphs, its own words, not only the line that names who spoke.
  const mark = () => {
    for (const el of document.querySelectorAll(".targeted")) el.classList.remove("targeted");
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("q-")) return;
    for (const el of document.querySelectorAll(".quote[data-quote], .para[data-turn]")) {
      if ((el.dataset.quote || el.dataset.turn) === id.slice(2)) el.classList.add("targeted");
    }
  };
  window.addEventListener("hashchange", mark);
  mark();
  // Empty date fields stay out of the address: it reads as the search it is.
  for (const form of document.querySelectorAll("form[role=search]")) {
    form.addEventListener("submit", () => {
      for (const f of form.querySelectorAll('input[type="date"]')) if (!f.value) f.disabled = true;
    });
  }
  // A new order applies at once; without this file, the Search button applies it.
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // Searched words in an article: from one match to the next and back, by the links or by the
  // keys n and p; the count says which match is shown.
  const box = document.querySelector(".highlighting[data-matches]");
  const total = box ? parseInt(box.dataset.matches, 10) : 0;
  if (total > 0) {
    const count = box.querySelector(".match-count");
    let at = 0;
    const go = (step) => {
      at = ((at - 1 + step + total) % total) + 1;
      const el = document.getElementById("m-" + at);
      if (!el) return;
      for (const c of document.querySelectorAll("mark.current")) c.classList.remove("current");
      el.classList.add("current");
      el.scrollIntoView({block: "center"});
      history.replaceState(null, "", "#m-" + at);
      count.textContent = at + " of " + total + (total === 1 ? " match" : " matches");
    };
    for (const link of box.querySelectorAll("a[data-match]")) {
      link.addEventListener("click", (e) => { e.preventDefault(); go(link.dataset.match === "next" ? 1 : -1); });
    }
    document.addEventListener("keydown", (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, textarea, select, [contenteditable]")) return;
      if (e.key === "n") go(1);
      else if (e.key === "p") go(-1);
    });
  }
  // On a narrow screen the filters come before the results, folded; on a wide one, beside them.
  const filters = document.querySelector("details.facets");
  if (filters && matchMedia("(max-width: 59.99rem)").matches) filters.open = false;
});
