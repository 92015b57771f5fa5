// Measures the report as a browser lays it out and writes the findings, as JSON, into a
// pre element with id layout-check: tests/test_report_browser.py reads them from --dump-dom.
(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  const overlap = (a, b, slack = 1) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
  const pageWidth = document.documentElement.clientWidth;

  const sections = [...document.querySelectorAll("main > section")].map((s) => ({
    id: s.id,
    visible: visible(s) && visible(s.querySelector("h2")),
  }));

  const charts = [...document.querySelectorAll("figure")].map((figure) => {
    const svg = figure.querySelector("svg");
    const box = svg ? svg.getBoundingClientRect() : null;
    const texts = svg
      ? [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim() && visible(t))
      : [];
    const rects = texts.map((t) => t.getBoundingClientRect());
    const textOverlaps = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (overlap(rects[i], rects[j])) {
          textOverlaps.push([texts[i].textContent.trim(), texts[j].textContent.trim()]);
        }
      }
    }
    // Data lines drawn in the plot area (dashed projections): no text may sit on them.
    const lineOverlaps = [];
    const lines = svg
      ? [...svg.querySelectorAll("path[clip-path]")].filter((p) =>
          (p.getAttribute("style") || "").includes("stroke-dasharray"))
      : [];
    for (const line of lines) {
      const matrix = line.getScreenCTM();
      const length = line.getTotalLength();
      const hits = new Set();
      for (let at = 0; at <= length; at += 0.5) {
        const p = line.getPointAtLength(at).matrixTransform(matrix);
        rects.forEach((r, k) => {
          if (p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1) {
            hits.add(texts[k].textContent.trim());
          }
        });
      }
      lineOverlaps.push(...hits);
    }
    return {
      id: figure.id,
      visible: Boolean(svg) && visible(svg) && box.width > 100 && box.height > 60,
      inside_page: Boolean(box) && box.left >= 0 && box.right <= pageWidth + 1,
      caption: Boolean(figure.querySelector("figcaption")) && visible(figure.querySelector("figcaption")),
      n_texts: texts.length,
      text_overlaps: textOverlaps,
      text_on_lines: lineOverlaps,
    };
  });

  const out = document.createElement("pre");
  out.id = "layout-check";
  out.textContent = JSON.stringify({ page_width: pageWidth, sections, charts });
  document.body.appendChild(out);
})();
