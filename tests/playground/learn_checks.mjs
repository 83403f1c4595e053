// The learning panel's checks, for browser_test.mjs. The functions at the top run inside the page:
// each stands alone (no name from outside it) and takes plain arguments, so that any driver can
// send it, as playwright's page.evaluate(fn, arg) or WebDriver's executeScript do. checkLearning,
// at the bottom, runs them in order and compares what the page shows with what
// lessons/one_neuron.py's own functions give on CPython for the same presses. It needs of the page
// only evaluate(fn, arg), screenshot(path) and, where the engine can, setColorScheme(scheme).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { WCAG_AA, assertClose, checkPanelColours, checkPanelOnPaper, loss4, output3 } from "./panel_checks.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// The panel, for panel_checks.mjs's checks of its colours, its print and axe-core.
const PANEL = {
  colours: { panel: "#learn", sides: ".female-side, .male-side", marks: "text, line, polyline, circle, rect, polygon", skip: "", under: "" },
  paper: { controls: "#learn button", code: "#learn .learn-code pre" },
  axe: { id: "learn", tags: WCAG_AA },
};

// ---- In the page -----------------------------------------------------------------------------

// True once the panel has drawn its first picture.
export function learnReady() {
  return document.getElementById("learn")?.dataset.ready === "true";
}

// Presses one of the panel's buttons by its id, and waits until the learning it starts is done.
export async function learnPress(id) {
  document.getElementById(id).click();
  while (document.getElementById("learn").hasAttribute("aria-busy")) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Types text into a box of the page (w1-box, ...) as a learner would, with its input event.
export function learnType([id, text]) {
  const box = document.getElementById(id);
  box.value = text;
  box.dispatchEvent(new Event("input", { bubbles: true }));
}

// What the panel shows, as text, with the boxes and sliders of w1, w2 and b.
export function learnShown() {
  const text = (id) => document.getElementById(id).textContent;
  const value = (id) => document.getElementById(id).value;
  const rows = {};
  for (const row of document.querySelectorAll("#learn-table tbody tr")) {
    rows[row.querySelector("th").textContent] = row.lastChild.textContent;
  }
  return {
    loss: text("learn-loss"),
    steps: text("learn-steps"),
    next: text("learn-next"),
    neuron: text("learn-neuron").replace(/\u00a0/g, " "),
    panel: document.getElementById("learn").innerText,
    status: text("learn-status"),
    rows,
    boxes: { w1: value("w1-box"), w2: value("w2-box"), b: value("b-box") },
    sliders: { w1: value("w1-slider"), w2: value("w2-slider"), b: value("b-slider") },
    boundary: document.getElementById("boundary").getAttribute("points"),
    lossPoints: document.querySelector("#loss-plot .loss-line").getAttribute("points").split(" ").length,
    buttons: [...document.querySelectorAll("#learn button")].map((button) => {
      const place = button.getBoundingClientRect();
      return { id: button.id, height: place.height };
    }),
    pageWidth: document.documentElement.scrollWidth,
  };
}

// In the panel's two drawings: pairs of words that overlap each other or a person's mark, words
// that stick out of their drawing, and the smallest word as drawn, in CSS pixels.
export function learnOverlaps() {
  const found = { overlaps: [], outside: [], smallestPx: Infinity };
  for (const svg of document.querySelectorAll("#learn svg")) {
    const frame = svg.getBoundingClientRect();
    const scale = frame.width / svg.viewBox.baseVal.width;
    const words = [...svg.querySelectorAll("text")].filter((node) => node.textContent !== "");
    const marks = [...svg.querySelectorAll(".mark, .next-ring, .loss-point")];
    const box = (node) => node.getBoundingClientRect();
    const name = (node) => `${node.tagName} ${node.getAttribute("class")} "${node.textContent}"`;
    const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    words.forEach((word, i) => {
      const place = box(word);
      found.smallestPx = Math.min(found.smallestPx, parseFloat(getComputedStyle(word).fontSize) * scale);
      if (place.left < frame.left - 0.5 || place.right > frame.right + 0.5 || place.top < frame.top - 0.5 || place.bottom > frame.bottom + 0.5) {
        found.outside.push(name(word));
      }
      for (const other of [...words.slice(i + 1), ...marks]) {
        if (meet(place, box(other))) found.overlaps.push(`${name(word)} / ${name(other)}`);
      }
    });
  }
  return found;
}

// ---- In Node.js ------------------------------------------------------------------------------

// What lessons/one_neuron.py's own functions give on CPython, from the given w1, w2 and b, after
// each count of steps in `presses`, with the lesson's own learn rate, Emily and Frank.
const CPYTHON_LEARNING = `
import json, sys
sys.path[:0] = [".", "lessons"]
from neuron import Neuron
from one_neuron import data, all_y_trues, emily, frank, learn_rate, loss, learn

asked = json.load(sys.stdin)
n = Neuron([float(asked["w1"]), float(asked["w2"])], float(asked["b"]))

def seen(steps):
    return {"steps": steps, "loss": loss(n), "weights": list(n.weights), "bias": n.bias,
            "outputs": [n.feedforward(x) for x in data],
            "emily": n.feedforward(emily), "frank": n.feedforward(frank)}

steps = 0
answers = [seen(0)]
for count in asked["presses"]:
    losses = []
    for _ in range(count):
        person = steps % len(data)
        learn(n, data[person], all_y_trues[person], learn_rate)
        steps += 1
        losses.append(loss(n))
    answers.append(dict(seen(steps), losses=losses))
print(json.dumps(answers))
`;

function cpythonLearning(start, presses) {
  const input = JSON.stringify({ ...start, presses });
  const result = spawnSync("python3", ["-c", CPYTHON_LEARNING], { cwd: ROOT, input, encoding: "utf8" });
  assert.equal(result.status, 0, `python3 failed: ${result.error ?? result.stderr}`);
  return JSON.parse(result.stdout);
}

const label = (x) => (x > 0.5 ? "female" : "male");
const PEOPLE = ["Alice", "Bob", "Charlie", "Diana"];
const BUTTON_STEPS = { "learn-step": 1, "learn-epoch": 4, "learn-epochs": 400 };

function compare(shown, expected, what) {
  assert.equal(shown.loss, loss4(expected.loss), `${what}: the loss`);
  PEOPLE.forEach((name, i) => {
    assert.equal(shown.rows[name], `${output3(expected.outputs[i])}, ${label(expected.outputs[i])}`, `${what}: ${name}`);
  });
  assert.equal(shown.rows.Emily, `${output3(expected.emily)}, ${label(expected.emily)}`, `${what}: Emily`);
  assert.equal(shown.rows.Frank, `${output3(expected.frank)}, ${label(expected.frank)}`, `${what}: Frank`);
  const steps = expected.steps;
  assert.match(shown.steps, new RegExp(`^${steps} \\(${Math.floor(steps / 4)} epochs? and ${steps % 4} steps?\\)$`), what);
  assert.equal(shown.next, PEOPLE[steps % 4], `${what}: who is next`);
  const [w1, w2, b] = [...expected.weights, expected.bias].map(output3);
  assert.equal(shown.neuron, `w1 = ${w1}, w2 = ${w2}, b = ${b}`, `${what}: the neuron, rounded`);
  let drift = 0;
  drift = Math.max(drift, assertClose(shown.boxes.w1, expected.weights[0], `${what}: w1`));
  drift = Math.max(drift, assertClose(shown.boxes.w2, expected.weights[1], `${what}: w2`));
  drift = Math.max(drift, assertClose(shown.boxes.b, expected.bias, `${what}: b`));
  return drift;
}

// The whole panel on one page, opened afresh at the worked example. `page` needs evaluate(fn,
// arg) and, for the pictures, screenshot({ path }) and emulateMedia (playwright's names); `ok`
// records a passed check; `screenshot` is where the panel's picture goes (or null), `phone` says
// which screen.
export async function checkLearning(page, { what, ok, screenshot, phone, width }) {
  for (const started = Date.now(); !(await page.evaluate(learnReady)); ) {
    assert.ok(Date.now() - started < 10000, `${what}: the learning panel did not start`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const start = (await page.evaluate(learnShown)).boxes;
  const presses = ["learn-step", "learn-epoch", "learn-epochs"];
  const expected = cpythonLearning(start, presses.map((id) => BUTTON_STEPS[id]));
  let shown = await page.evaluate(learnShown);
  compare(shown, expected[0], `${what}, at the start`);
  ok(`${what}: the panel starts at the worked example's loss ${shown.loss}, as on CPython`);
  await checkPicture(page, `${what}, at the start`, ok, phone);

  let drift = 0;
  for (const [i, id] of presses.entries()) {
    const before = shown;
    await page.evaluate(learnPress, id);
    shown = await page.evaluate(learnShown);
    drift = Math.max(drift, compare(shown, expected[i + 1], `${what}, after ${id}`));
    assert.notEqual(shown.loss, before.loss, `${what}: ${id} should change the loss`);
    for (const name of ["w1", "w2", "b"]) {
      assert.notEqual(shown.boxes[name], before.boxes[name], `${what}: ${id} should move ${name}'s box`);
    }
    // One step on Alice, whom the worked example already gets right, moves w1, w2 and b by less
    // than a slider's step of 0.01: the boxes show it, the sliders from the first epoch on.
    if (id !== "learn-step") assert.notDeepEqual(shown.sliders, before.sliders, `${what}: ${id} should move the sliders`);
    assert.notEqual(shown.boundary, before.boundary, `${what}: ${id} should move the boundary`);
    assert.equal(shown.lossPoints, expected[i + 1].steps + 1, `${what}: a loss plotted for each step`);
    ok(`${what}: ${id} (${BUTTON_STEPS[id]} steps): loss ${before.loss} -> ${shown.loss}, w1 ${before.boxes.w1} -> ${shown.boxes.w1}, the sliders and the boundary moved, as on CPython`);
  }
  const last = expected.at(-1);
  assert.ok(last.loss < 0.001, `after ${last.steps} steps the loss should be below 0.001, is ${last.loss}`);
  assert.ok(last.emily > 0.5 && last.frank < 0.5, "CPython's neuron should say Emily is female, Frank male");
  assert.match(shown.status, new RegExp(`^After ${last.steps} steps: loss ${loss4(last.loss)}; Emily ${output3(last.emily)}, female; Frank ${output3(last.frank)}, male\\.$`));
  ok(`${what}: after ${last.steps} steps, loss ${shown.loss} < 0.001; Emily ${shown.rows.Emily}, Frank ${shown.rows.Frank}, as CPython's (page and CPython within ${drift.toExponential(1)})`);
  await checkPicture(page, `${what}, after ${last.steps} steps`, ok, phone);

  if (phone) {
    assert.ok(shown.pageWidth <= width, `${what}: the page is ${shown.pageWidth} pixels wide`);
    for (const button of shown.buttons) assert.ok(button.height >= 44, `${what}: ${button.id} is ${button.height} px tall`);
    ok(`${what}: nothing scrolls sideways, every button at least 44 px tall`);
  }

  // Start again: back to the worked example, the loss as at the start.
  await page.evaluate(learnPress, "learn-reset");
  shown = await page.evaluate(learnShown);
  assert.deepEqual(shown.boxes, start, `${what}: "Start again" should put back w1, w2 and b`);
  compare(shown, expected[0], `${what}, after "Start again"`);
  ok(`${what}: "Start again" puts back w1, w2 and b and the loss ${shown.loss}`);

  // The ring round the next person to learn from, on each of the four: clear of every name.
  for (const next of ["Bob", "Charlie", "Diana", "Alice"]) {
    await page.evaluate(learnPress, "learn-step");
    assert.equal((await page.evaluate(learnShown)).next, next);
    assert.deepEqual((await page.evaluate(learnOverlaps)).overlaps, [], `${what}: with ${next} next`);
  }
  ok(`${what}: the ring round the next to learn from, on each person in turn, meets no name`);
  await page.evaluate(learnPress, "learn-reset");

  // A box that is no number: the panel waits and says why; put back, it works again.
  await page.evaluate(learnType, ["w2-box", "abc"]);
  await page.evaluate(learnPress, "learn-step");
  shown = await page.evaluate(learnShown);
  assert.equal(shown.loss, "?");
  assert.equal(shown.boxes.w2, "abc", `${what}: a step with a bad box should change nothing`);
  assert.match(shown.status, /learns once w1, w2 and b hold numbers/);
  await page.evaluate(learnType, ["w2-box", start.w2]);
  shown = await page.evaluate(learnShown);
  compare(shown, expected[0], `${what}, w2 put back`);
  ok(`${what}: with "abc" in w2 the panel waits and says why; put back, it shows the loss again`);

  // An infinite weight: no line can be placed; the panel says Python's inf, never JavaScript's.
  await page.evaluate(learnType, ["w1-box", "1e999"]);
  shown = await page.evaluate(learnShown);
  assert.equal(shown.boundary, "", `${what}: a boundary drawn for w1 = inf`);
  assert.match(shown.neuron, /^w1 = inf, /);
  assert.doesNotMatch(shown.panel, /NaN|Infinity/, `${what}: JavaScript's words for numbers on the panel`);
  await page.evaluate(learnType, ["w1-box", start.w1]);
  ok(`${what}: w1 = 1e999 shows as ${shown.neuron}, with no line, and no NaN or Infinity`);

  // The neuron that has it backwards (w1 = 1, w2 = 1, b = 0): 100 epochs, as on CPython; for 20
  // epochs the loss hardly moves, then it falls, as the panel says.
  await page.evaluate(learnPress, "learn-backwards");
  const backwards = cpythonLearning((await page.evaluate(learnShown)).boxes, [400]);
  assert.deepEqual((await page.evaluate(learnShown)).boxes, { w1: "1", w2: "1", b: "0" });
  compare(await page.evaluate(learnShown), backwards[0], `${what}, backwards`);
  await page.evaluate(learnPress, "learn-epochs");
  shown = await page.evaluate(learnShown);
  drift = Math.max(drift, compare(shown, backwards[1], `${what}, backwards, after 100 epochs`));
  const after20 = backwards[1].losses[20 * 4 - 1];
  assert.ok(after20 > 0.85 * backwards[0].loss, `the loss after 20 epochs backwards is ${after20}`);
  assert.ok(backwards[1].loss < 0.01 && backwards[1].emily > 0.5 && backwards[1].frank < 0.5);
  ok(`${what}: backwards (w1 = 1, w2 = 1, b = 0), loss ${loss4(backwards[0].loss)}, ${loss4(after20)} after 20 epochs, ${shown.loss} after 100; Emily ${shown.rows.Emily}, Frank ${shown.rows.Frank}, as on CPython`);
  if (screenshot) {
    // the screen from the status line down: the people, the numbers and, on a desktop, the loss
    await page.evaluate(() => document.getElementById("learn-status").scrollIntoView({ block: "start" }));
    await page.screenshot(screenshot);
    ok(`${what}: screenshot saved: ${screenshot}`);
  }
  await page.evaluate(learnPress, "learn-reset");
  assert.deepEqual((await page.evaluate(learnShown)).boxes, { w1: "1", w2: "1", b: "0" }, "Start again goes back to w1 = 1, w2 = 1, b = 0");
}

// The drawings readable, light and dark: no word on another or on a mark, none cut off, none
// under 12 px; every word at least 4.5:1 against every background it can be on, every mark and
// line 3:1; and axe-core finds nothing on the panel. An engine that cannot change its colour
// scheme once started is checked in the one it has (checkLearningColours, on a page opened dark).
async function checkPicture(page, what, ok, phone) {
  const placed = await page.evaluate(learnOverlaps);
  assert.deepEqual(placed.overlaps, [], `${what}: words overlap`);
  assert.deepEqual(placed.outside, [], `${what}: words cut off`);
  assert.ok(placed.smallestPx >= 12, `${what}: words of ${placed.smallestPx} px`);
  ok(`${what}: no word overlaps another or a mark, none cut off, the smallest ${placed.smallestPx.toFixed(1)} px`);
  let schemes = [null];
  if (page.setColorScheme) {
    try {
      await page.setColorScheme("light");
      schemes = ["light", "dark"];
    } catch {
      // this engine takes the scheme at its start: the one it has
    }
  }
  for (const scheme of schemes) {
    if (scheme) await page.setColorScheme(scheme);
    await checkLearningColours(page, what, ok);
  }
  if (schemes.length > 1) await page.setColorScheme("light");
  await checkPanelOnPaper(page, PANEL, what);
  ok(`${what}: on paper (the print rules on), no buttons and the whole lesson`);
}

// The contrast of the panel's drawings and axe-core's rules, in the colour scheme the page has.
export async function checkLearningColours(page, what, ok) {
  const { scheme, contrast, version } = await checkPanelColours(page, PANEL, what);
  ok(`${what}: ${scheme}: the lowest contrast is ${contrast.text.ratio.toFixed(2)}:1 for words (${contrast.text.what.trim()}), ${contrast.graphic.ratio.toFixed(2)}:1 for graphics (${contrast.graphic.what.trim()})`);
  ok(`${what}: ${scheme}: axe-core ${version} finds no WCAG 2.2 A or AA violation on the panel`);
}
