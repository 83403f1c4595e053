// Checks that run inside the page, each a self-contained function of plain arguments that returns
// plain data, so that any browser driver can run it (Playwright's page.evaluate(fn, arg), or
// WebDriver's execute script with fn's source): nothing here refers to anything outside itself.

// Every place where a number on a drawing runs into another number, a shape, a line or the
// drawing's edge. A number is a <text class="value"> (or, on the curve, the point's label and
// note); the names inside the shapes (x1, Σ, sigmoid) count as their shapes. Boxes are in the
// drawing's own units: getBBox() for texts and shapes, the exact segment for a line, and a
// 10-unit square for an arrowhead at a line's end.
//
// With `places`, it first moves the page's five sliders to that many random places (from `seed`:
// the same places each run), as a hand would, and looks after each. It gives the findings, each
// with the place and the sums that were showing.
export function drawingOverlaps({ drawings = ["diagram", "curve"], places = 0, seed = 1 } = {}) {
  const box = (node) => {
    const { x, y, width, height } = node.getBBox();
    return { x, y, right: x + width, bottom: y + height };
  };
  const meet = (a, b) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
  // Does the segment p-q cross the rectangle r? (Clip the segment to r's slab in x, then in y.)
  const crosses = (p, q, r) => {
    let t0 = 0;
    let t1 = 1;
    for (const [start, delta, low, high] of [[p.x, q.x - p.x, r.x, r.right], [p.y, q.y - p.y, r.y, r.bottom]]) {
      if (delta === 0) {
        if (start <= low || start >= high) return false;
      } else {
        const a = (low - start) / delta;
        const b = (high - start) / delta;
        t0 = Math.max(t0, Math.min(a, b));
        t1 = Math.min(t1, Math.max(a, b));
      }
    }
    return t0 < t1;
  };
  const visible = (node) => node.style.display !== "none" && getComputedStyle(node).display !== "none";
  const name = (node) => node.id || `${node.tagName}.${node.getAttribute("class")}` + (node.textContent ? ` "${node.textContent}"` : "");
  const overlapsIn = (svgId) => {
    const svg = document.getElementById(svgId);
    const view = svg.viewBox.baseVal;
    const labels = [...svg.querySelectorAll("text.value, text.point-text")].filter(visible).filter((node) => node.textContent);
    const shapes = [...svg.querySelectorAll("circle, rect, text.name, text.tick:not(.point-text)")].filter(visible);
    const lines = [...svg.querySelectorAll("line, polyline")].filter(visible);
    const found = [];
    for (const [i, label] of labels.entries()) {
      const a = box(label);
      if (a.x < view.x || a.y < view.y || a.right > view.x + view.width || a.bottom > view.y + view.height) {
        found.push(`${name(label)} "${label.textContent}" goes past the drawing's edge`);
      }
      for (const other of labels.slice(i + 1)) {
        if (meet(a, box(other))) found.push(`${name(label)} "${label.textContent}" runs into ${name(other)} "${other.textContent}"`);
      }
      for (const shape of shapes) {
        if (meet(a, box(shape))) found.push(`${name(label)} "${label.textContent}" runs into ${name(shape)}`);
      }
      for (const line of lines) {
        const points = line.tagName === "line"
          ? [[line.x1, line.y1], [line.x2, line.y2]].map(([x, y]) => ({ x: x.baseVal.value, y: y.baseVal.value }))
          : [...line.points].map(({ x, y }) => ({ x, y }));
        const end = points[points.length - 1];
        const hit = points.slice(1).some((q, k) => crosses(points[k], q, a)) ||
          (line.getAttribute("marker-end") && meet(a, { x: end.x - 5, y: end.y - 5, right: end.x + 5, bottom: end.y + 5 }));
        if (hit) found.push(`${name(label)} "${label.textContent}" runs into ${name(line)}`);
      }
    }
    return found;
  };
  if (!places) return drawings.flatMap(overlapsIn);
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0; // a linear congruential generator
    return state / 2 ** 32;
  };
  const findings = [];
  for (let place = 0; place < places; place++) {
    for (const slider of ["w1", "w2", "b", "x1", "x2"].map((box) => document.getElementById(`${box}-slider`))) {
      slider.value = (Math.round(random() * 2000) / 100 - 10).toFixed(2);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const overlaps = drawings.flatMap(overlapsIn);
    if (overlaps.length) findings.push({ place, sums: document.getElementById("sum-terms").textContent, overlaps });
  }
  return findings;
}

// The colour of every text and every line or shape on the drawings, with the colour behind it:
// the drawing's background, or the shape a name sits in. contrast.mjs's contrastRatio, in Node,
// gives each pair's contrast as WCAG 2.2 computes it.
export function drawingContrasts() {
  const results = [];
  for (const svg of document.querySelectorAll("#diagram, #curve")) {
    const background = getComputedStyle(svg).backgroundColor;
    const shapes = [...svg.querySelectorAll(".node")];
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent || getComputedStyle(text).display === "none") continue;
      const t = text.getBBox();
      const [cx, cy] = [t.x + t.width / 2, t.y + t.height / 2];
      const under = shapes.find((shape) => {
        const s = shape.getBBox();
        return s.x <= cx && cx <= s.x + s.width && s.y <= cy && cy <= s.y + s.height;
      });
      const behind = under ? getComputedStyle(under).fill : background;
      results.push({ what: `${svg.id} text "${text.textContent}"`, kind: "text", ink: getComputedStyle(text).fill, background: behind });
    }
    for (const graphic of svg.querySelectorAll("line, polyline, circle, rect, marker path")) {
      const style = getComputedStyle(graphic);
      if (style.display === "none") continue;
      const paint = style.stroke !== "none" ? style.stroke : style.fill;
      const label = graphic.id || graphic.getAttribute("class") || graphic.tagName;
      // A point drawn hollow, or filled with a ring the colour of the background: its colour is
      // whichever of fill and stroke is not the background's
      const colours = [style.stroke, style.fill].filter((c) => c && c !== "none" && c !== background);
      const colour = graphic.id === "point" ? colours[0] : paint;
      results.push({ what: `${svg.id} ${graphic.tagName} ${label}`, kind: "graphic", ink: colour, background });
    }
  }
  return results;
}

// The smallest text on the page as it is drawn, in CSS pixels: an HTML element's font size, or an
// SVG text's font size times the drawing's scale.
export function smallestText() {
  let smallest = { size: Infinity, what: "" };
  const seen = (size, what) => {
    if (size < smallest.size) smallest = { size, what };
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent || parent.closest("script, style, template, title, .visually-hidden")) continue;
    const rect = parent.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue; // not shown
    const size = parseFloat(getComputedStyle(parent).fontSize);
    const svg = parent.closest("svg");
    const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
    seen(size * scale, `${parent.tagName} "${node.textContent.trim().slice(0, 30)}"`);
  }
  return smallest;
}

// The height, in CSS pixels, of everything a finger taps: boxes, sliders, buttons.
export function targetHeights() {
  return [...document.querySelectorAll("input, button")]
    .filter((node) => node.getBoundingClientRect().width > 0)
    .map((node) => ({ what: node.id || node.textContent, height: node.getBoundingClientRect().height }));
}
