// What the checks of the page's two cards, the learning panel (learn_checks.mjs) and the network
// view (backprop_checks.mjs), share, with data_checks.mjs: axe-core, the panel's way of writing
// numbers, a closeness to CPython's, and the checks of a card's colours and of it on paper
// (checkPanelColours, checkPanelOnPaper). The functions under "In the page" run inside the page:
// each is sent to the browser alone, so it uses no name from outside itself, and takes one plain
// argument that says which panel (its selectors), as every driver can send.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { lowestContrasts } from "./contrast.mjs";

// axe-core, the accessibility checker, put into the page once; it gives its version. Its source
// is a function, so that the page runs it as it runs the checks: not through eval, which the
// single file's Content-Security-Policy forbids.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const injectAxe = new Function(`if (!globalThis.axe) {\n${AXE}\n}\nreturn globalThis.axe.version;`);
// The WCAG 2.2 rules, levels A and AA, by axe-core's tags.
export const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// The learning panel's way of writing numbers (learn.js), applied to CPython's.
export const output3 = (x) => x.toFixed(3);
export const loss4 = (x) => String(Number(x.toPrecision(4)));

// A number the page shows (text) against CPython's: within 1e-9 of it, relative, as MicroPython
// and CPython may round exp() differently in the last bit and hundreds of steps keep that small.
// Gives how far apart they are.
export function assertClose(shown, expected, what) {
  const distance = Math.abs(Number(shown) - expected);
  assert.ok(distance <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${shown} on the page, ${expected} on CPython`);
  return distance;
}

// ---- In the page -----------------------------------------------------------------------------

// The colour of every word and every mark or line in the panel's drawings, paired with every
// background it may stand on (the drawing's own, both sides of the boundary and, where given, a
// shape that words are written on), with what each is; contrast.mjs gives each pair's contrast.
//   panel   the panel's selector, "#learn"
//   sides   the two sides of the boundary, ".female-side, .male-side"
//   marks   what is drawn, "text, line, polyline, circle, rect, polygon"
//   skip    drawn parts left out, beside the sides ("marker path"), or ""
//   under   a shape that words stand on ("rect.bp-node"), or ""
export function panelColours({ panel, sides, marks, skip, under }) {
  const pairs = [];
  const leftOut = skip ? `${sides}, ${skip}` : sides;
  for (const svg of document.querySelectorAll(`${panel} svg`)) {
    const backgrounds = [getComputedStyle(svg).backgroundColor];
    for (const side of svg.querySelectorAll(sides)) backgrounds.push(getComputedStyle(side).fill);
    const shape = under ? svg.querySelector(under) : null;
    if (shape) backgrounds.push(getComputedStyle(shape).fill);
    for (const part of svg.querySelectorAll(marks)) {
      if (part.matches(leftOut) || (part.tagName === "text" && part.textContent === "")) continue;
      const style = getComputedStyle(part);
      const kind = part.tagName === "text" ? "text" : "graphic";
      const ink = kind === "text" || style.stroke === "none" ? style.fill : style.stroke;
      for (const background of backgrounds) {
        pairs.push({ kind, what: `${part.tagName}.${part.getAttribute("class")} ${part.textContent}`, ink, background });
      }
    }
  }
  return pairs;
}

// For print: the panel's controls hidden, and its code whole, not cut off at a height. The page's
// print rules are turned on for the screen (their @media print made @media all) while it looks,
// which any engine can do, then put back.
//   controls  the panel's buttons and boxes, "#learn button"
//   code      the element that holds the code, "#learn .learn-code pre"
export function panelOnPaper({ controls, code }) {
  const flipped = [];
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (rule.media?.mediaText === "print") {
        rule.media.mediaText = "all";
        flipped.push(rule);
      }
    }
  }
  const pre = document.querySelector(code);
  const seen = {
    printRules: flipped.length,
    controlsShown: [...document.querySelectorAll(controls)].some((node) => node.getClientRects().length > 0),
    codeCut: pre.scrollHeight > pre.clientHeight + 1,
  };
  for (const rule of flipped) rule.media.mediaText = "print";
  return seen;
}

// axe-core (put into the page by injectAxe) on the panel alone, by its element's id; its
// violations, in short.
export async function panelAxe({ id, tags }) {
  const results = await globalThis.axe.run(document.getElementById(id), { runOnly: { type: "tag", values: tags } });
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

// ---- In Node.js ------------------------------------------------------------------------------

// The card's drawings in the colour scheme the page has now: every word at least 4.5:1 and every
// mark or line 3:1 against each background it can be on (WCAG's AA), and axe-core's WCAG 2.2 A
// and AA rules on the card. `panel` is the card's PANEL (its selectors). Gives the scheme, the
// lowest contrasts and axe-core's version, for the caller's report.
export async function checkPanelColours(page, panel, what) {
  const scheme = (await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)) ? "dark" : "light";
  const contrast = lowestContrasts(await page.evaluate(panelColours, panel.colours));
  assert.ok(contrast.text.ratio >= 4.5, `${what}: ${JSON.stringify(contrast.text)}`);
  assert.ok(contrast.graphic.ratio >= 3, `${what}: ${JSON.stringify(contrast.graphic)}`);
  const version = await page.evaluate(injectAxe);
  assert.deepEqual(await page.evaluate(panelAxe, panel.axe), [], `${what}: axe-core`);
  return { scheme, contrast, version };
}

// The card on paper (the page's print rules on): the print rules found, no control shown, and
// its code whole.
export async function checkPanelOnPaper(page, panel, what) {
  const paper = await page.evaluate(panelOnPaper, panel.paper);
  assert.ok(paper.printRules > 0, `${what}: no print rules found`);
  assert.deepEqual({ controlsShown: paper.controlsShown, codeCut: paper.codeCut }, { controlsShown: false, codeCut: false }, `${what}: on paper`);
}
