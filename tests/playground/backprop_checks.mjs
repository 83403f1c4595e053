// The network view's checks, for browser_test.mjs. The functions at the top run inside the page:
// each stands alone and takes plain arguments, so that any driver can send it. checkNetworkView,
// at the bottom, runs them and compares what the page shows with what lessons/train.py gives on
// CPython, through the same backprop_page.py.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WCAG_AA, checkPanelColours, checkPanelOnPaper } from "./panel_checks.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// The view, for panel_checks.mjs's checks of its colours, its print and axe-core. Its words may
// stand on a neuron's colour too (rect.bp-node); its arrows' heads (marker path) are not marks.
const PANEL = {
  colours: { panel: "#backprop", sides: ".bp-side-one, .bp-side-zero", marks: "text, line, polyline, path, circle, rect, polygon", skip: "marker path", under: "rect.bp-node" },
  paper: { controls: "#backprop button, #backprop select, #backprop input", code: "#backprop .bp-code pre" },
  axe: { id: "backprop", tags: WCAG_AA },
};
const WORKED = { h1: "0.0474", o1: "0.524", d_L_d_ypred: "-0.952", d_ypred_d_h1: "0.249", d_h1_d_w1: "-0.0904" };

// ---- In the page -----------------------------------------------------------------------------

export function bpReady() {
  return document.getElementById("backprop")?.dataset.ready === "true";
}

// Presses a button of the view by its id and waits until what it started is done.
export async function bpPress(id) {
  document.getElementById(id).click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  while (document.getElementById("backprop").hasAttribute("aria-busy")) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// What the view shows, as text.
export function bpShown() {
  const items = [...document.querySelectorAll("#bp-values li")].map((li) => ({ name: li.dataset.name, text: li.innerText.trim() }));
  const current = document.querySelector("#bp-source .bp-current");
  const rows = {};
  for (const row of document.querySelectorAll("#bp-table tbody tr")) rows[row.cells[0].textContent] = row.cells[4].textContent;
  const section = document.getElementById("backprop");
  return {
    status: document.getElementById("bp-status").textContent,
    said: document.getElementById("bp-said").textContent,
    items,
    current: current ? Number(current.id.replace("bp-line-", "")) : null,
    numbers: Object.fromEntries([...document.querySelectorAll("#bp-network text[id^='bp-num-']")].map((t) => [t.id.slice(7), t.textContent])),
    rows,
    stepMs: Number(section.dataset.stepMs),
    runMs: Number(section.dataset.runMs),
    runLearnMs: Number(section.dataset.runLearnMs),
    source: document.getElementById("bp-source").textContent,
    heights: [...section.querySelectorAll("button, select, input")].map((node) => ({ id: node.id, height: node.getBoundingClientRect().height })),
    pageWidth: document.documentElement.scrollWidth,
    boundary: document.getElementById("bp-boundary").getAttribute("d").length,
    text: section.innerText,
  };
}

// In the view's three drawings: words that overlap another word or a shape (a neuron, an input,
// a person's mark), words that stick out of their drawing, and the smallest word, in CSS pixels.
// Each measured by its shape in the drawing (getBBox), not its halo, which may run over things.
export function bpOverlaps() {
  const found = { overlaps: [], outside: [], smallestPx: Infinity };
  for (const svg of document.querySelectorAll("#backprop svg")) {
    const view = svg.viewBox.baseVal;
    const frame = { left: view.x, top: view.y, right: view.x + view.width, bottom: view.y + view.height };
    const scale = svg.getBoundingClientRect().width / view.width;
    const words = [...svg.querySelectorAll("text")].filter((node) => node.textContent !== "");
    const shapes = [...svg.querySelectorAll(".bp-node, .bp-mark, .bp-next-ring, .bp-loss-point")];
    const box = (node) => {
      const { x, y, width, height } = node.getBBox();
      return { left: x, top: y, right: x + width, bottom: y + height };
    };
    const name = (node) => `${node.tagName} ${node.id || node.getAttribute("class")} "${node.textContent}"`;
    const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const inside = (a, b) => a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
    words.forEach((word, i) => {
      const place = box(word);
      found.smallestPx = Math.min(found.smallestPx, parseFloat(getComputedStyle(word).fontSize) * scale);
      if (place.left < frame.left - 0.5 || place.right > frame.right + 0.5 || place.top < frame.top - 0.5 || place.bottom > frame.bottom + 0.5) {
        found.outside.push(name(word));
      }
      for (const other of words.slice(i + 1)) if (meet(place, box(other))) found.overlaps.push(`${name(word)} / ${name(other)}`);
      for (const shape of shapes) {
        // a neuron's own name and output are written inside it, and must stay inside
        const own = shape.classList.contains("bp-node") && inside(place, box(shape));
        if (!own && meet(place, box(shape))) found.overlaps.push(`${name(word)} / ${name(shape)}`);
      }
    });
  }
  return found;
}

// The colour of every word and every mark or line in the view's drawings, paired with every
// background it can be on; checkDrawings takes the lowest contrast by contrast.mjs.
// The entry point another part of the page uses: a table of its own, the state set and read.
export function bpEntryPoint() {
  const view = globalThis.networkView;
  const heard = [];
  document.addEventListener("network-change", (event) => heard.push(event.detail.steps), { once: true });
  const refused = view.setData({ names: ["a", "b"], rows: [[0, "one"], [1, 0]], y_trues: [1, 0] }).refused;
  const xor = view.setData({ names: ["00", "01", "10", "11"], rows: [[0, 0], [0, 1], [1, 0], [1, 1]], y_trues: [0, 1, 1, 0], one: "yes, y_true 1", zero: "no, y_true 0" });
  const rows = document.querySelectorAll("#bp-table tbody tr").length;
  const set = view.setState({ w: [0.5, -0.5, 1, 1, 2, -2], b: ["0", "0", "0.25"], learnRate: "1", person: 2, steps: 8 });
  const after = view.state();
  return { refused, xor: xor.refused, rows, set: set.refused, after, heard, key: document.getElementById("bp-key-one").textContent };
}

export function bpArticleAgain() {
  const back = globalThis.networkView.setData(null);
  globalThis.networkView.setState({ learnRate: 0.1 });
  globalThis.networkView.start("article");
  return { back: back.refused, key: document.getElementById("bp-key-one").textContent };
}

// ---- In Node.js ------------------------------------------------------------------------------

// What backprop_page.py gives on CPython, from the article's start: the worked example by hand
// and with every digit, the line of each value, and the network after 1,000 epochs of learn().
const CPYTHON = `
import json, sys
sys.path[:0] = [".", "lessons", "playground"]
import backprop_page as bp
bp.start("article")
by_hand = bp.step(True)
exact = bp.step(False)
one = lambda v: {"name": v["name"], "kind": v["kind"], "line": v["line"], "value": v.get("value"), "product": v.get("product")}
bp.learn_steps(4 * 1000)
print(json.dumps({"by_hand": [one(v) for v in by_hand["values"]], "exact": [one(v) for v in exact["values"]],
                  "same": exact["same_as_learn"], "trained": bp.state(), "loss": bp.loss(),
                  "people": [p[3] for p in bp.network_view([-20, 30, -8, 8], 1, 1)["people"]]}))
`;

function cpython() {
  const result = spawnSync("python3", ["-c", CPYTHON], { cwd: ROOT, encoding: "utf8" });
  assert.equal(result.status, 0, `python3 failed: ${result.error ?? result.stderr}`);
  return JSON.parse(result.stdout);
}

const three = (x) => String(Number(x.toPrecision(3))).replace(/e([+-])(\d)$/, "e$10$2");

// The view, from the article's start, on one page: the worked example as the article gives it,
// every digit, and the drawings (overlaps, contrast, axe-core's WCAG rules, print, a phone's
// sizes); and, as `parts` asks, value by value with its line ("next"), one step and 1,000
// epochs ("run"), the entry point ("entry"): all on one page, the rest where they add.
export async function checkNetworkView(page, { what, ok, screenshot, phone, width, parts = ["next", "run", "entry"] }) {
  for (const started = Date.now(); !(await page.evaluate(bpReady)); ) {
    assert.ok(Date.now() - started < 15000, `${what}: the network view did not start`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const expected = cpython();
  let shown = await page.evaluate(bpShown);
  assert.equal(shown.source, readFileSync(`${ROOT}/lessons/train.py`, "utf8") + "\n", `${what}: train.py shown as it is`);
  // The worked example, whole, as the page opens: the article's numbers, and each value as
  // CPython's run of the same statements gives it, to 3 digits.
  const results = Object.fromEntries(shown.items.map(({ name, text }) => [name, text]));
  for (const [name, value] of Object.entries(WORKED)) {
    assert.ok(results[name].endsWith(`= ${value}`) || results[name].endsWith(`: ${value}`), `${what}: ${name} shows ${results[name]}, not ${value}`);
  }
  assert.match(results.w1, /^dL\/dw1 = d_L_d_ypred \* d_ypred_d_h1 \* d_h1_d_w1 = -0\.952 \* 0\.249 \* \(-0\.0904\) = 0\.0214/);
  for (const value of expected.by_hand.filter((v) => v.kind === "value")) {
    assert.ok(results[value.name].endsWith(three(value.value)), `${what}: ${value.name} is ${results[value.name]}, CPython ${three(value.value)}`);
  }
  ok(`${what}: opens on the worked example, by hand as the article: h1 0.0474, o1 0.524, d_L_d_ypred -0.952, d_ypred_d_h1 0.249, d_h1_d_w1 -0.0904, dL/dw1 0.0214, and every value as on CPython`);

  // Every digit: the same step, each value as learn() computes it, CPython's to 1e-12.
  await page.evaluate(bpPress, "bp-digits");
  shown = await page.evaluate(bpShown);
  const full = Object.fromEntries(shown.items.map(({ name, text }) => [name, text]));
  for (const value of expected.exact.filter((v) => v.kind === "value")) {
    const number = Number(full[value.name].split(/ = |: /).at(-1));
    assert.ok(Math.abs(number - value.value) <= 1e-12 * Math.max(1, Math.abs(value.value)), `${what}: ${value.name} ${full[value.name]}, CPython ${value.value}`);
  }
  assert.ok(expected.same, "CPython: the statements run one by one do what learn() does");
  const product = Number(full.w1.split(" = ")[3].split(/\s/)[0]);
  assert.ok(Math.abs(product - 0.02146953526581111) < 1e-15, `${what}: dL/dw1 in full is ${full.w1}`);
  const placed = await page.evaluate(bpOverlaps);
  assert.deepEqual([...placed.overlaps, ...placed.outside], [], `${what}: every digit on the drawing`);
  ok(`${what}: every digit: dL/dw1 = ${product}, d_L_d_ypred = ${full.d_L_d_ypred.split(" = ").at(-1)}, as CPython's learn(); the drawing's longer numbers run into nothing`);
  await page.evaluate(bpPress, "bp-digits");

  // Next value, one at a time: each shows one more value, marks its line of train.py and says it.
  const values = parts.includes("next") ? expected.by_hand.filter((v) => v.kind !== "read") : [];
  for (const [i, value] of values.entries()) {
    await page.evaluate(bpPress, "bp-next");
    shown = await page.evaluate(bpShown);
    assert.equal(shown.items.at(-1).name, value.name, `${what}: value ${i + 1} should be ${value.name}`);
    assert.match(shown.said, new RegExp(`Line ${value.line} of train.py\\.$`), `${what}: ${value.name} said`);
    if (i < values.length - 1) assert.equal(shown.current, value.line, `${what}: ${value.name}'s line`);
    if (value.name === "w1" && screenshot && !phone) {
      // the picture: dL/dw1 and w1's update just shown, beside train.py with its line marked
      await page.evaluate(() => document.querySelector("#bp-values .bp-latest").scrollIntoView({ block: "center" }));
      await page.screenshot(screenshot);
      ok(`${what}: screenshot saved, at w1's update: ${screenshot}`);
    }
  }
  if (values.length) {
    assert.match(shown.status, /^Step 1 taken, on Alice: dL\/dw1 = 0\.0214, w1 = 0\.998;/);
    ok(`${what}: Next value ${values.length} times: each value in turn, its line of train.py marked, its words for a screen reader; then the step is taken: ${shown.status}`);
  }

  if (parts.includes("run")) await checkRun(page, what, ok, expected);
  if (parts.includes("entry")) await checkEntry(page, what, ok);

  shown = await page.evaluate(bpShown);
  if (phone) {
    assert.ok(shown.pageWidth <= width, `${what}: the page is ${shown.pageWidth} pixels wide`);
    for (const { id, height } of shown.heights) assert.ok(height >= 44, `${what}: ${id} is ${height} px tall`);
    ok(`${what}: nothing scrolls sideways, every button, box and choice 44 px tall or more`);
  }
  await checkDrawings(page, `${what}, at the worked example`, ok);
  await checkPanelOnPaper(page, PANEL, what);
  ok(`${what}: on paper (the print rules on), no buttons and the whole of train.py`);
  if (screenshot && (phone || !parts.includes("next"))) {
    // at the worked example: on a phone the network and its first values, else the controls too
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: "start" }), phone ? "bp-network" : "bp-heading");
    await page.screenshot(screenshot);
    ok(`${what}: screenshot saved: ${screenshot}`);
  }
}

// The drawings readable: no word on another or on a shape, none cut off or under 12 px; the
// contrast of every word and mark in the scheme the page has; axe-core's rules on the view.
export async function checkDrawings(page, what, ok) {
  const placed = await page.evaluate(bpOverlaps);
  assert.deepEqual(placed.overlaps, [], `${what}: words overlap`);
  assert.deepEqual(placed.outside, [], `${what}: words cut off`);
  assert.ok(placed.smallestPx >= 12, `${what}: words of ${placed.smallestPx} px`);
  const { scheme, contrast, version } = await checkPanelColours(page, PANEL, what);
  ok(`${what}: ${scheme}: no word overlaps, the smallest ${placed.smallestPx.toFixed(1)} px; lowest contrast ${contrast.text.ratio.toFixed(2)}:1 for words, ${contrast.graphic.ratio.toFixed(2)}:1 for graphics; axe-core ${version}: no WCAG 2.2 A or AA violation`);
}

// One step, timed; then from the article's start again, 1,000 epochs, timed, against CPython.
async function checkRun(page, what, ok, expected) {
  await page.evaluate(bpPress, "bp-step");
  let shown = await page.evaluate(bpShown);
  const stepMs = shown.stepMs;
  assert.match(shown.status, /^Step [12] taken, on (Alice|Bob)/);
  await page.evaluate(bpPress, "bp-article");
  await page.evaluate(bpPress, "bp-run");
  shown = await page.evaluate(bpShown);
  const state = await page.evaluate(() => globalThis.networkView.state());
  assert.equal(state.epoch, 1000, `${what}: 1,000 epochs run`);
  [...expected.trained.w, ...expected.trained.b].forEach((want, i) => {
    const got = [...state.w, ...state.b][i];
    assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: after 1,000 epochs, number ${i} is ${got}, CPython ${want}`);
  });
  assert.ok(expected.loss < 0.01);
  assert.match(shown.status, /^Epoch 1,000: the loss is 0\.00\d+\. Emily 0\.9\d\d: 1, female\. Frank 0\.0\d\d: 0, male\.$/, shown.status);
  assert.match(shown.rows.Emily, /: 1, female$/);
  assert.match(shown.rows.Frank, /: 0, male$/);
  ok(`${what}: one step in ${stepMs} ms; 1,000 epochs in ${shown.runMs} ms (${shown.runLearnMs} ms of it in learn()): ${shown.status} The network as CPython's`);
  await checkDrawings(page, `${what}, after 1,000 epochs`, ok);
  await page.evaluate(bpPress, "bp-article");
}

// The entry point another part of the page uses: XOR's table, the state set and read, and back.
async function checkEntry(page, what, ok) {
  const entry = await page.evaluate(bpEntryPoint);
  assert.deepEqual(entry.refused, ["row 1, x2"]);
  assert.deepEqual([entry.xor, entry.rows, entry.set, entry.heard.length, entry.key], [[], 4, [], 1, "yes, y_true 1"]);
  assert.deepEqual(entry.after, { w: [0.5, -0.5, 1, 1, 2, -2], b: [0, 0, 0.25], learnRate: 1, person: 2, epoch: 2, steps: 8, everyDigit: false });
  const xorPlaced = await page.evaluate(bpOverlaps);
  assert.deepEqual([...xorPlaced.overlaps, ...xorPlaced.outside], [], `${what}: the XOR table's drawings`);
  const back = await page.evaluate(bpArticleAgain);
  assert.deepEqual(back, { back: [], key: "female, y_true 1" });
  ok(`${what}: networkView.setData (XOR: ${entry.rows} rows), setState and state(), and setData(null) back to the article's people`);
}
