// The playground in real browsers, the three engines a class has: Chromium, Firefox and WebKit,
// Debian's own builds, driven through tests/playground/engines.mjs, against both forms of the page:
// served by `python3 -m http.server` from the repository, as the README serves it, and the single
// file neuron-playground.html opened from its file: address with the network off. Each is checked
// on a desktop's screen and a phone's. It checks what a learner sees against what neuron.py
// computes on CPython for the same values.
//
//     npm ci && node tests/playground/browser_test.mjs [--screenshots DIR] [--engines chromium,firefox,webkit]
//
// The browsers are Debian's chromium, firefox-esr and WebKitGTK's MiniBrowser (webkit2gtk-driver,
// under Xvfb): engines.mjs says how each is found and driven; none is ever downloaded. Every
// engine runs every check; one that fails, or does not start, fails the run. Chromium's seven
// screenshots kept in playground/screenshots (the names in checkEngine's `readme`) go to a folder
// outside the repository unless DIR names one (`--screenshots playground/screenshots` makes the
// repository's); the other engines' go to that outside folder always.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DESKTOP, ENGINES, LIMITS, PHONE, Unsupported, open } from "./engines.mjs";
import { drawingContrasts, drawingOverlaps, smallestText, targetHeights } from "./page_checks.mjs";
import { checkLearning, checkLearningColours } from "./learn_checks.mjs";
import { checkNetworkView } from "./backprop_checks.mjs";
import { checkSameState, checkTable } from "./data_checks.mjs";
import { contrastRatio } from "./contrast.mjs";
import { injectAxe } from "./panel_checks.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const { values: options } = parseArgs({
  options: { screenshots: { type: "string" }, engines: { type: "string", default: ENGINES.join(",") } },
});
const OUTSIDE = join(tmpdir(), "neuron-playground-screenshots");
const SCREENSHOTS = options.screenshots ? resolve(options.screenshots) : OUTSIDE;
// Every other picture the test takes, to look at (light and dark, desktop and phone, the printed
// pages), and the PDFs: always outside the repository, each named after its engine.
const LOOKED_AT = join(tmpdir(), "neuron-playground-looked-at");
const SINGLE_FILE = pathToFileURL(join(ROOT, "playground", "neuron-playground.html")).href;
const WORKED_EXAMPLE = "0.9990889488055994"; // Neuron([0, 1], 4).feedforward([2, 3])
const LOAD_LIMIT_MS = 2000; // a page ready in under two seconds (tests/playground/README.md)
const FILE_LIMIT_MS = 1000; // and the single file, opened from file:, in under one
const NAMES = ["w1", "w2", "b", "x1", "x2"];
const LABELS = { w1: "weight w1", w2: "weight w2", b: "bias b", x1: "input x1", x2: "input x2" };
const SMALL_DESKTOP = { width: 1366, height: 768, phone: false }; // a school laptop, or a projector
const RANDOM_PLACES = 300;

// What the page should show for the boxes' text, from CPython: each box read by CPython's own
// float() (an empty box waits; text float() refuses goes to neuron.py, whose message is expected
// under that box), neuron.py's output and what the diagram should say: the numbers shortened to 8
// characters, as the page promises, by this independent copy of the rule.
const CPYTHON_ANSWER = `
import json, sys
sys.path[:0] = ["."]
from neuron import Neuron

def read(text):
    try:
        return float(text)
    except ValueError:
        return None

def short(x):
    full = repr(x)
    if len(full) <= 8:
        return full
    for digits in range(6, 0, -1):
        written = "%.*e" % (digits - 1, x)
        if len(repr(float(written))) <= 8:
            return "\u2248" + repr(float(written))
        mantissa, exponent = written.split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        written = "%se%s%02d" % (mantissa, "-" if int(exponent) < 0 else "+", abs(int(exponent)))
        if len(written) <= 8:
            return "\u2248" + written

def named(name, x):
    if x is None:
        return name + " = ?"
    text = short(x)
    return name + (" \u2248 " + text[1:] if text.startswith("\u2248") else " = " + text)

names = ("w1", "w2", "b", "x1", "x2")
texts = json.load(sys.stdin)
value = {name: read(texts[name]) for name in names}
waiting = [name for name in names if value[name] is None and not texts[name].strip()]
refused = {}
for name in names:
    if value[name] is None and name not in waiting:
        given = dict.fromkeys(names, 0.0)
        given[name] = texts[name]
        try:
            Neuron([given["w1"], given["w2"]], given["b"]).feedforward([given["x1"], given["x2"]])
        except TypeError as error:
            refused[name] = {"error": "TypeError: %s" % error, "named": str(error).split(" ")[0]}
w1, w2, b, x1, x2 = [value[name] for name in names]
t1 = w1 * x1 if None not in (w1, x1) else None
t2 = w2 * x2 if None not in (w2, x2) else None
total = output = None
if None not in value.values():
    neuron = Neuron([w1, w2], b)
    output = neuron.feedforward([x1, x2])
    w1, w2, b = neuron.weights[0], neuron.weights[1], neuron.bias
    t1, t2 = w1 * x1, w2 * x2
    total = t1 + t2 + b
shown = lambda x: "?" if x is None else short(x)
full = lambda x: "?" if x is None else repr(x)
print(json.dumps({"value": {name: None if x is None else repr(x) for name, x in value.items()}, "waiting": waiting, "refused": refused,
    "output": "no output" if output is None else repr(output), "sum": full(total),
    "product1": full(t1), "product2": full(t2), "diagram": {
        "x1": shown(x1), "x2": shown(x2), "w1": named("w1", w1), "w2": named("w2", w2),
        "t1": shown(t1), "t2": shown(t2), "b": named("b", b), "sum": shown(total),
        "output": named("y", output)}}))
`;

// Floats of every kind (random bit patterns, and the edges where repr changes form) with CPython's
// repr of each, to check the page writes numbers as CPython does.
const CPYTHON_REPRS = `
import json, random, struct
random.seed(5)
numbers = [0.0, -0.0, 1e-4, 9.999999999999999e-05, 1e16, 9999999999999998.0, 5e-324, 1.0, 0.5,
           float("inf"), float("-inf"), 2.0322308024e-313, 0.806257841135055]
while len(numbers) < 20000:
    number = struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]
    if number == number:
        numbers.append(number)
numbers += [random.random() for _ in range(5000)]
bits = [struct.unpack("<Q", struct.pack("<d", number))[0] for number in numbers]
print(json.dumps({"bits": ["%016x" % b for b in bits], "reprs": [repr(n) for n in numbers]}))
`;

function cpython(script, input = "") {
  const options = { cwd: ROOT, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 };
  const result = spawnSync("python3", ["-c", script], options);
  assert.equal(result.status, 0, `python3 failed: ${result.error ?? result.stderr}`);
  return JSON.parse(result.stdout);
}

function startServer() {
  // Port 0: the system picks a free port, which the server prints.
  // Its standard error, a line for every request, goes nowhere: a pipe that nobody reads fills
  // (64 KB, a few hundred requests) and the server then waits for ever to write its next line.
  const server = spawn("python3", ["-u", "-m", "http.server", "--bind", "127.0.0.1", "0"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    let printed = "";
    server.stdout.on("data", (data) => {
      printed += data;
      const port = printed.match(/port (\d+)/);
      if (port) resolve({ server, url: `http://127.0.0.1:${port[1]}/` });
    });
    server.on("exit", (code) => reject(new Error(`http.server exited with ${code}: ${printed}`)));
  });
}

const passed = [];
let engine = ""; // the engine the checks now run in, which every line names
function ok(what) {
  passed.push(what);
  console.log(`ok  ${engine}: ${what}`);
}

async function boxTexts(page) {
  const texts = {};
  for (const name of NAMES) texts[name] = await page.value(`#${name}-box`);
  return texts;
}

async function diagramTexts(page) {
  const texts = {};
  for (const name of ["x1", "x2", "w1", "w2", "t1", "t2", "b", "sum", "output"]) {
    texts[name] = await page.text(`#diagram-${name}`);
  }
  return texts;
}

// The page's numbers, and the diagram's, against CPython's for whatever the boxes hold now; under
// each box, a refusal where CPython's float() reads no number and the box is not empty, nothing
// otherwise; and each slider where Python read its box (at the slider's end past it).
async function checkAgainstCPython(page, what) {
  const texts = await boxTexts(page);
  const expected = cpython(CPYTHON_ANSWER, JSON.stringify(texts));
  const shownOutput = await page.text("#output");
  const where = `${what}: for ${JSON.stringify(texts)}`;
  assert.notEqual(shownOutput, "NaN", "the page must never show JavaScript's NaN");
  assert.equal(shownOutput, expected.output, `${where}, the output`);
  assert.equal(await page.text("#sum"), expected.sum, `${where}, the sum`);
  assert.equal(await page.text("#product1"), expected.product1, `${where}, w1·x1`);
  assert.equal(await page.text("#product2"), expected.product2, `${where}, w2·x2`);
  assert.deepEqual(await diagramTexts(page), expected.diagram, `${where}, the diagram`);
  const shown = await errorsShown(page);
  assert.deepEqual(Object.keys(shown).sort(), Object.keys(expected.refused).sort(), `${where}, the boxes with a refusal`);
  for (const [name, { error }] of Object.entries(expected.refused)) {
    assert.equal(shown[name].message, error, `${where}, neuron.py's message under ${name}`);
    assert.match(shown[name].hint, /^Write .+\.$/, `${where}, what to write in ${name}`);
  }
  for (const name of NAMES) {
    const invalid = (await page.attribute(`#${name}-box`, "aria-invalid")) === "true";
    assert.equal(invalid, name in expected.refused, `${where}, aria-invalid on ${name}`);
    const read = expected.value[name]; // CPython's repr, or null
    const number = { inf: Infinity, "-inf": -Infinity, nan: NaN }[read] ?? Number(read);
    if (read !== null && !Number.isNaN(number)) {
      const slider = Number(await page.value(`#${name}-slider`));
      const end = Math.min(Math.max(number, -10), 10);
      assert.ok(Math.abs(slider - end) <= 0.005 + 1e-9, `${where}, the ${name} slider is at ${slider}, not ${end}`);
    }
  }
  ok(`${what}: ${JSON.stringify(texts)} -> ${expected.output}, as on CPython`);
  return expected;
}

// The refusals under the boxes: what to write, the page's words, and neuron.py's message.
async function errorsShown(page) {
  const errors = {};
  for (const name of NAMES) {
    if (await page.text(`#${name}-error`)) {
      errors[name] = {
        hint: await page.text(`#${name}-error .hint`),
        words: await page.text(`#${name}-error .refusal`),
        message: await page.text(`#${name}-error .message`),
      };
    }
  }
  return errors;
}

// A new browser of the engine under test with an empty profile, its own each time, as a first
// visit would be. Every request that does not start with `allowed` is refused (in WebKit, seen:
// engines.mjs says why) and listed by page.requestsElsewhere().
function openBrowser(viewport, allowed, offline, colorScheme = "light") {
  return open(engine, { viewport, allow: allowed, offline, colorScheme });
}

// Opens the page and waits for the worked example, within the time the README promises: two
// seconds until the test sees it, and for the single file from file:, under one second from the
// page being asked for to the output written (the page's performance mark; the test's own polling
// can wait longer behind the learning panel's start-up, which comes after). On a shared machine a
// second load may try again, once, when the first is late.
async function openPage(page, url, what) {
  const limit = url.startsWith("file:") ? FILE_LIMIT_MS : LOAD_LIMIT_MS;
  const times = [];
  for (let tries = 0; tries < 2 && !(times.at(-1) < limit); tries++) {
    const started = Date.now();
    await page.goto(url);
    // Until the output shows, or the page says Python could not start
    const settled = () =>
      document.getElementById("output").textContent !== "…" ||
      document.getElementById("status").classList.contains("error");
    await page.waitFor(settled, 10 * LOAD_LIMIT_MS);
    const seen = Date.now() - started;
    assert.equal(await page.text("#output"), WORKED_EXAMPLE, await page.text("#status"));
    assert.ok(seen < LOAD_LIMIT_MS, `${what}: the test saw the worked example after ${seen} ms`);
    const written = await page.evaluate(() => performance.getEntriesByName("worked-example-shown")[0]?.startTime ?? null);
    times.push(url.startsWith("file:") ? Math.round(written) : seen);
  }
  assert.ok(times.at(-1) < limit, `${what}: the page took ${times.join(" and ")} ms to show the worked example`);
  ok(`${what}: the worked example ${WORKED_EXAMPLE} shows ${times.join(" ms, then ")} ms after the page is asked for (under ${limit} ms)`);
  assert.match(await page.text("#status"), /^Python is running: MicroPython \d/);
}

async function checkNothingElse(page, what) {
  assert.deepEqual(await page.requestsElsewhere(), [], `${what}: the page asked for something it should not`);
  ok(`${what}: no request left ${what.startsWith("served") ? "the local server" : "the file"}`);
  assert.deepEqual(await page.errors(), [], `${what}: the page logged errors`);
  ok(`${what}: no errors in the browser console`);
}

// ---- Checks shared by every screen ------------------------------------------------------------

// axe-core, the accessibility checker, over the whole page as it is now: no violation of any of
// its rules (WCAG 2.2 A and AA, and its best practices). Its source is run by the driver, which
// the single file's Content-Security-Policy does not govern, so the file is checked as is.
async function checkAxe(page, what) {
  const version = await page.evaluate(injectAxe);
  const violations = await page.evaluate(async () => {
    const results = await globalThis.axe.run(document);
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  assert.deepEqual(violations, [], `${what}: axe-core finds violations`);
  ok(`${what}: axe-core ${version} finds no violation`);
}

// The drawings' colours, by the test's own calculation (axe cannot judge SVG text): each text
// 4.5:1 against what is behind it, each line and shape 3:1 against the background.
const lowestContrast = {};
async function checkContrast(page, what, scheme) {
  const contrasts = (await page.evaluate(drawingContrasts)).map((pair) => ({
    ...pair,
    ratio: contrastRatio(pair.ink, pair.background),
  }));
  assert.ok(contrasts.length > 40, `${what}: only ${contrasts.length} colours measured`);
  for (const { what: part, kind, ratio } of contrasts) {
    assert.ok(ratio >= (kind === "text" ? 4.5 : 3), `${what}, ${scheme}: ${part} has contrast ${ratio.toFixed(2)}:1`);
  }
  const lowest = (kind) => Math.min(...contrasts.filter((c) => c.kind === kind).map((c) => c.ratio));
  const figures = `text ${lowest("text").toFixed(2)}:1, lines and shapes ${lowest("graphic").toFixed(2)}:1`;
  lowestContrast[`${engine}, ${what}, ${scheme}`] = figures;
  ok(`${what}, ${scheme}: every colour on the drawings has its contrast; the lowest: ${figures}`);
}

// Both colour schemes: the light one, then the dark one the system may ask for, each with its
// contrast, axe's verdict and a screenshot. Where the engine takes the scheme only at launch
// (engines.mjs's LIMITS), the dark page is a second browser, opened dark.
async function checkScheme(page, what, scheme, shot) {
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background === "rgb(251, 251, 253)", scheme === "light", `${what}: a ${scheme} page is ${background}`);
  await checkContrast(page, what, scheme);
  await checkAxe(page, `${what}, ${scheme}`);
  if (shot) {
    await page.screenshot(shot);
    ok(`${what}, ${scheme}: screenshot saved: ${shot}`);
  }
}

async function checkBothSchemes(page, where, what, shots) {
  await checkScheme(page, what, "light", shots?.light);
  try {
    await page.setColorScheme("dark");
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    const dark = await openBrowser(where.viewport, where.allowed, where.offline, "dark");
    try {
      await openPage(dark, where.url, `${what}, opened dark`);
      await checkScheme(dark, what, "dark", shots?.dark);
    } finally {
      await dark.close();
    }
    return;
  }
  await checkScheme(page, what, "dark", shots?.dark);
  await page.setColorScheme("light");
}

// No number on either drawing runs into another or into a shape or line, wherever the sliders
// are and whatever long number a box holds.
const LONG_NUMBERS = [
  // the widest short forms everywhere at once: ≈-1.2e+45 on every number but y, off the chart
  { w1: "-1.2345678e+45", x1: "1.0000001", w2: "-1.2345678e+45", x2: "1.0000001", b: "-1.2345678e+45" },
  { w1: "0", w2: "0", b: "-10", x1: "-0.000123456789", x2: "-98765.4321" }, // y ≈ 4.54e-05
  { w1: "-1.2345678901234567e+300", x1: "1e999", w2: "123456789012345678901234567890", x2: "-5e-324" },
  { w1: "nan", b: "-inf", w2: "7.0600000000000005", x2: "-9.99" },
];
const overlapCounts = {};
async function checkOverlaps(page, what) {
  const found = await page.evaluate(drawingOverlaps, { places: RANDOM_PLACES, seed: 18 });
  overlapCounts[`${engine}, ${what}`] = found.length;
  assert.deepEqual(found.slice(0, 3), [], `${what}: ${found.length} of ${RANDOM_PLACES} places have numbers running into something`);
  ok(`${what}: at ${RANDOM_PLACES} random slider places, no number on the drawings runs into another, a shape or a line`);
  const before = await boxTexts(page);
  for (const texts of LONG_NUMBERS) {
    for (const [name, text] of Object.entries(texts)) await page.fill(`#${name}-box`, text);
    const overlaps = await page.evaluate(drawingOverlaps, {});
    assert.deepEqual(overlaps, [], `${what}: with ${JSON.stringify(await boxTexts(page))}`);
    await checkAgainstCPython(page, `${what}, long numbers`);
  }
  ok(`${what}: long numbers are shortened on the drawing and run into nothing`);
  for (const name of NAMES) await page.fill(`#${name}-box`, before[name]);
}

// The header says where neuron.py is: on the right where it is beside the neuron, else further down.
async function checkWhereTheCodeIs(page, what) {
  const beside = await page.evaluate(() =>
    document.getElementById("code").getBoundingClientRect().left >=
    document.getElementById("controls").getBoundingClientRect().right);
  const header = await page.innerText("header");
  assert.match(header, beside ? /the file shown on the right/ : /the file shown further down/);
  assert.doesNotMatch(header, beside ? /further down/ : /on the right/);
  ok(`${what}: the text says neuron.py is ${beside ? "on the right" : "further down"}, where it is`);
}

// A box with a very long number: the page wraps it (in the sums, under the box), never wider
// than the screen.
async function checkLongInput(page, what) {
  const width = await page.evaluate(() => window.innerWidth);
  for (const text of ["9".repeat(400), "1,".repeat(200)]) {
    // pasted, as 400 characters would be, not typed key by key
    await page.evaluate((pasted) => {
      const box = document.getElementById("x2-box");
      box.value = pasted;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${what}: with ${text.length} characters in x2 the page is ${scrollWidth} pixels wide`);
  }
  await page.fill("#x2-box", "3");
  ok(`${what}: a 400-character box wraps; the page stays ${width} pixels wide`);
}

// The buttons: the article's example back, the gates and 0.5, each as CPython computes it.
async function checkPresets(page, what) {
  const expectations = { and: "0.6224593312018546", or: "0.6224593312018546", nand: "0.3775406687981454", half: "0.5" };
  for (const [preset, output] of Object.entries(expectations)) {
    await page.click(`#presets [data-preset="${preset}"]`);
    const expected = await checkAgainstCPython(page, `${what}, preset ${preset}`);
    assert.equal(expected.output, output);
  }
  // Each gate's truth table, x1 and x2 each 0 or 1: over 0.5 means yes.
  const tables = { and: [false, false, false, true], or: [false, true, true, true], nand: [true, true, true, false] };
  for (const [preset, table] of Object.entries(tables)) {
    await page.click(`#presets [data-preset="${preset}"]`);
    const answers = [];
    for (const [x1, x2] of [["0", "0"], ["0", "1"], ["1", "0"], ["1", "1"]]) {
      await page.fill("#x1-box", x1);
      await page.fill("#x2-box", x2);
      answers.push(Number((await checkAgainstCPython(page, `${what}, ${preset} gate`)).output) > 0.5);
    }
    assert.deepEqual(answers, table, `${what}: the ${preset} gate's truth table`);
  }
  // The prompts' own numbers, as lessons/worksheet.md has them: 1a, and 2b's x2 = -4.
  for (const [texts, output] of [[{ w1: "1", w2: "-1", b: "0", x1: "3", x2: "2" }, "0.7310585786300049"],
    [{ w1: "0", w2: "1", b: "4", x1: "100", x2: "-4" }, "0.5"]]) {
    for (const [box, text] of Object.entries(texts)) await page.fill(`#${box}-box`, text);
    assert.equal((await checkAgainstCPython(page, `${what}, a prompt's numbers`)).output, output);
  }
  await page.click('#presets [data-preset="article"]');
  assert.equal(await page.text("#output"), WORKED_EXAMPLE);
  ok(`${what}: the buttons give the AND, OR and NAND gates (each truth table checked), 0.5, and the article's example back; the prompts' numbers give what they say`);
}

// What another script on the page (a learning panel) uses: globalThis.neuronPlayground's
// setValues, the "playground-set" event, and the "playground-change" event after each change.
async function checkHooks(page, what) {
  const seen = await page.evaluate(async () => {
    const changes = [];
    document.addEventListener("playground-change", (event) => changes.push(event.detail.texts));
    globalThis.neuronPlayground.setValues({ w1: 0.5, b: -1, x1: "2" });
    document.dispatchEvent(new CustomEvent("playground-set", { detail: { w2: 0.1 + 0.2 } }));
    return { changes, texts: globalThis.neuronPlayground.boxTexts(), output: globalThis.neuronPlayground.answer().output };
  });
  assert.deepEqual(seen.texts, { w1: "0.5", w2: "0.30000000000000004", b: "-1.0", x1: "2", x2: "3" });
  assert.deepEqual(seen.changes, [{ ...seen.texts, w2: "1" }, seen.texts]);
  const expected = await checkAgainstCPython(page, `${what}, values set by another script`);
  assert.equal(String(seen.output), expected.output);
  await page.click('#presets [data-preset="article"]');
  ok(`${what}: another script sets the boxes through neuronPlayground.setValues and "playground-set", and hears "playground-change"`);
}

// Everything a learner does on a desktop: sliders, keys, boxes, refusals, nan, buttons.
async function checkDesktop(url, allowed, what, screenshot) {
  const page = await openBrowser(DESKTOP, allowed, what !== "served");
  try {
    await openPage(page, url, what);
    await checkAgainstCPython(page, `${what}, at start`);
    await checkWhereTheCodeIs(page, what);

    const shownSource = await page.text("#source");
    assert.equal(shownSource, readFileSync(join(ROOT, "neuron.py"), "utf8"));
    ok(`${what}: the source shown is neuron.py, byte for byte`);
    const name = `${what === "served" ? "served" : "file"}-desktop-${engine}`;
    const where = { url, viewport: DESKTOP, allowed, offline: what !== "served" };
    await checkBothSchemes(page, where, what, { light: join(LOOKED_AT, `${name}-light.png`), dark: join(LOOKED_AT, `${name}-dark.png`) });
    if (screenshot) {
      await page.screenshot(screenshot);
      ok(`${what}: screenshot saved: ${screenshot}`);
    }

    // A slider dragged with the mouse: its box follows, and the output and the diagram follow both.
    const diagramBefore = await diagramTexts(page);
    await page.drag("#w1-slider", [0.5, 0.5], [0.2, 0.5]);
    const w1 = await page.value("#w1-box");
    assert.equal(w1, await page.value("#w1-slider"), "the box follows its slider");
    assert.ok(Number(w1) < -3, `w1 should be about -6 after the drag, is ${w1}`);
    await checkAgainstCPython(page, `${what}, w1 slider dragged`);
    const diagramAfter = await diagramTexts(page);
    for (const part of ["w1", "t1", "sum", "output"]) {
      assert.notEqual(diagramAfter[part], diagramBefore[part], `the diagram's ${part} should move with w1`);
    }
    ok(`${what}: the diagram follows the slider: ${diagramBefore.w1} -> ${diagramAfter.w1}, ${diagramAfter.output}`);

    // A slider moved with the keyboard, 0.01 per key press.
    for (let i = 0; i < 7; i++) await page.press("#x1-slider", "ArrowLeft");
    assert.equal(await page.value("#x1-box"), "1.93");
    await checkAgainstCPython(page, `${what}, x1 slider moved by 7 key presses`);

    // Numbers typed in a box, however CPython's float() reads them: the slider follows the box.
    for (const [box, text] of [["x2", "-2.5"], ["b", "0.1"], ["w2", "1e-5"], ["x2", "\u0663"], ["x2", "\uff13.5"],
      ["b", " 1_000 "], ["b", "inf"], ["b", "0.1"]]) {
      await page.fill(`#${box}-box`, text);
      await checkAgainstCPython(page, `${what}, ${box} typed`);
    }
    assert.equal(await page.value("#x2-slider"), "3.5");

    // Text that is no number: what to write and neuron.py's own message under that box alone,
    // the rest of the diagram still drawn, the slider left where it was, nothing moved sideways,
    // and the page still working.
    const hints = { "1,5": "Write 1.5, with a point.", "0x10": "Write 16: float() reads no hexadecimal.",
      "\u22122": 'Write -2, with the keyboard\'s minus sign "-".' };
    for (const [box, text] of [["w1", "abc"], ["b", "abc"], ["w2", "1,5"], ["x1", "0x10"], ["x2", "\u22122"]]) {
      const before = await page.value(`#${box}-box`);
      const sliderBefore = await page.value(`#${box}-slider`);
      const placeBefore = await page.box("#w1-slider");
      await page.fill(`#${box}-box`, text);
      const expected = await checkAgainstCPython(page, `${what}, ${box} = ${JSON.stringify(text)}`);
      assert.deepEqual(Object.keys(expected.refused), [box], `CPython should refuse ${JSON.stringify(text)}`);
      const shown = (await errorsShown(page))[box];
      // "neuron.py refused weight w1, its weights[0] (lists count from 0):"
      assert.ok(shown.words.startsWith(`neuron.py refused ${LABELS[box]}`), shown.words);
      if (expected.refused[box].named !== LABELS[box].split(" ")[0]) {
        assert.ok(shown.words.includes(`its ${expected.refused[box].named} (lists count from 0)`), shown.words);
      }
      if (hints[text]) assert.equal(shown.hint, hints[text]);
      assert.equal(await page.attribute(`#${box}-box`, "aria-describedby"), `${box}-error`);
      // The slider stays where it was, or (where an engine types key by key) where the last
      // number Python read, on the way, put it: 1 of 1,5, 0 of 0x10; never where JavaScript's
      // Number() would read the text (0x10 as 16).
      const onTheWay = { "1,5": "1", "0x10": "0" }[text];
      const slider = await page.value(`#${box}-slider`);
      assert.ok([sliderBefore, onTheWay].includes(slider), `${what}: ${text} moved the ${box} slider to ${slider}`);
      assert.deepEqual(await page.box("#w1-slider"), placeBefore, `${what}: the sliders moved`);
      const unknown = Object.entries(await diagramTexts(page)).filter(([, t]) => t.includes("?")).map(([part]) => part);
      ok(`${what}: ${box} = ${JSON.stringify(text)}: "${shown.hint} ${shown.words} ${shown.message}"; the slider and the layout stay; only ${unknown} wait`);
      if (box === "w1") await checkAxe(page, `${what}, showing a refusal`);
      // The rest of the page still works: another slider moves, and the error stays until fixed.
      await page.press(box === "x2" ? "#x1-slider" : "#x2-slider", "ArrowRight");
      assert.deepEqual(Object.keys(await errorsShown(page)), [box]);
      await page.fill(`#${box}-box`, before);
      assert.deepEqual(await errorsShown(page), {});
      await checkAgainstCPython(page, `${what}, ${box} put back`);
    }

    // Two boxes refused at once: each gets its own message, as neuron.py gives it for that box.
    await page.fill("#w1-box", "abc");
    await page.fill("#x2-box", "1,5");
    const both = await checkAgainstCPython(page, `${what}, two boxes refused`);
    assert.deepEqual(Object.keys(both.refused).sort(), ["w1", "x2"]);
    assert.equal(await page.text("#output-note"), "neuron.py refused weight w1 and input x2: see the message under each");
    await page.click('#presets [data-preset="article"]');
    ok(`${what}: two boxes refused at once each show their own message`);

    // An empty box waits: no refusal, no output, and a word that says for what.
    await page.fill("#x1-box", "");
    await checkAgainstCPython(page, `${what}, x1 emptied`);
    assert.equal(await page.text("#output-note"), "waiting for a number in input x1");
    assert.match(await page.text("#product1-terms"), /·\?$/);
    const w2 = await page.value("#w2-box");
    await page.fill("#w2-box", "1,5");
    await checkAgainstCPython(page, `${what}, x1 empty and w2 refused`);
    assert.equal(await page.text("#output-note"),
      "neuron.py refused weight w2: see the message under it; waiting for a number in input x1");
    await page.fill("#w2-box", w2);
    await page.fill("#x1-box", "2");
    ok(`${what}: an empty box waits quietly, with no refusal`);

    // Numbers with no value: nan, which the page says in words, with where it came from.
    for (const [texts, source] of [
      [{ w1: "1e999", x1: "0" }, "w1·x1 is inf × 0.0, which has no value"],
      [{ w1: "0", x1: "2", w2: "nan" }, "w2 is nan, and a sum with a nan in it is nan"],
      [{ w2: "1", w1: "1e999", x1: "1", b: "-inf" }, "the sum adds inf and -inf, which has no value"],
    ]) {
      for (const [box, text] of Object.entries(texts)) await page.fill(`#${box}-box`, text);
      const nan = await checkAgainstCPython(page, `${what}, nan from ${JSON.stringify(texts)}`);
      assert.equal(nan.output, "nan");
      assert.equal(await page.text("#output-note"), `not a number: ${source}, and sigmoid(nan) is nan, as in NumPy`);
    }
    ok(`${what}: nan comes with a note that says where it came from`);
    await page.click('#presets [data-preset="article"]');

    await checkLongInput(page, what);
    await checkPresets(page, what);
    await checkHooks(page, what);
    await checkOverlaps(page, what);
    await checkPrint(page, what, name);
    if (what === "served") await checkReprs(page);
    await checkNothingElse(page, what);
  } finally {
    await page.close();
  }
}

// On paper: printed to PDF, the whole of neuron.py is on the pages, readable, with the drawing and
// the numbers, and none of the sliders, buttons or the start-up timing. (Where an engine cannot
// print, or cannot show the page as printed, engines.mjs's LIMITS says so and the test notes it.)
async function checkPrint(page, what, name) {
  await page.click('#presets [data-preset="article"]');
  try {
    await page.emulateMedia("print");
    const printed = await page.evaluate(() => ({
      hidden: [...document.querySelectorAll(".slider, #presets, #status")].every((node) => node.getClientRects().length === 0),
      codeSize: parseFloat(getComputedStyle(document.querySelector("#code pre")).fontSize),
      drawings: [...document.querySelectorAll("#diagram, #curve")].every((node) => node.getBoundingClientRect().width > 200),
    }));
    await page.emulateMedia(null);
    assert.ok(printed.hidden, `${what}: sliders, buttons or the status line are printed`);
    assert.ok(printed.codeSize >= 11, `${what}: neuron.py is printed at ${printed.codeSize} px`);
    assert.ok(printed.drawings, `${what}: the drawings are not printed`);
    ok(`${what}: as printed, no slider, button or status line; neuron.py at ${printed.codeSize} px; both drawings`);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    console.log(`note ${engine}: ${error.message}`);
  }
  const pdf = join(LOOKED_AT, `${name}-print.pdf`);
  try {
    await page.pdf(pdf);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    console.log(`note ${engine}: not printed: ${error.message}`);
    return;
  }
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  assert.equal(text.status, 0, `pdftotext (Debian's poppler-utils) failed: ${text.error ?? text.stderr}`);
  const squeeze = (t) => t.replace(/\s+/g, "");
  const source = readFileSync(join(ROOT, "neuron.py"), "utf8");
  assert.ok(squeeze(text.stdout).includes(squeeze(source)), `${what}: the printed pages do not hold the whole of neuron.py`);
  for (const shown of [WORKED_EXAMPLE, "0·2 + 1·3 + 4 = 7.0", "w1 = 0.0", "sigmoid", "y ≈ 0.999089", "n = Neuron([0.0, 1.0], 4.0)"]) {
    assert.ok(text.stdout.includes(shown), `${what}: "${shown}" is not on paper`);
  }
  assert.doesNotMatch(text.stdout, /started in|Python is running|AND gate/);
  const pages = (text.stdout.match(/\f/g) ?? []).length;
  const looked = spawnSync("pdftoppm", ["-r", "60", "-png", pdf, join(LOOKED_AT, `${name}-print-page`)]);
  assert.equal(looked.status, 0, "pdftoppm failed");
  ok(`${what}: printed, ${pages} pages hold all ${source.split("\n").length - 1} lines of neuron.py, the drawings and the numbers, and no timing or buttons (${pdf})`);
}

// The page writes every float as CPython's repr does. (The single file carries the same
// playground.js, which CI's rebuild of it keeps the same; only the served one can import it.)
async function checkReprs(page) {
  const { bits, reprs } = cpython(CPYTHON_REPRS);
  const written = await page.evaluate(async (allBits) => {
    const { pythonRepr } = await import("./playground.js");
    const view = new DataView(new ArrayBuffer(8));
    return allBits.map((hex) => {
      view.setBigUint64(0, BigInt("0x" + hex));
      return pythonRepr(view.getFloat64(0));
    });
  }, bits);
  const wrong = written.map((text, i) => [text, reprs[i]]).filter(([text, repr]) => text !== repr);
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${reprs.length} floats written unlike CPython`);
  ok(`${reprs.length} floats written exactly as CPython's repr writes them`);
}

// A phone, 390 x 844: nothing scrolls sideways, every box, slider and button is on the screen, 44
// pixels tall and works by touch, no text is under 12 pixels, and the text says neuron.py is
// further down.
async function checkPhone(url, allowed, what, screenshot) {
  const page = await openBrowser(PHONE, allowed, what !== "served");
  const width = PHONE.width;
  try {
    await openPage(page, `${url}`, `${what} on a phone`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${what} on a phone: the page is ${scrollWidth} pixels wide`);
    ok(`${what} on a phone: the page is ${scrollWidth} pixels wide, nothing scrolls sideways`);
    await checkWhereTheCodeIs(page, `${what} on a phone`);
    const smallest = await page.evaluate(smallestText);
    assert.ok(smallest.size >= 12, `${what} on a phone: ${smallest.what} is ${smallest.size} px`);
    ok(`${what} on a phone: the smallest text, ${smallest.what}, is ${smallest.size.toFixed(1)} px`);
    const small = (await page.evaluate(targetHeights)).filter(({ height }) => height < 44);
    assert.deepEqual(small, [], `${what} on a phone: targets under 44 px`);
    ok(`${what} on a phone: every box, slider and button is 44 px tall or more`);
    const name = `${what === "served" ? "served" : "file"}-phone-${engine}`;
    const where = { url, viewport: PHONE, allowed, offline: what !== "served" };
    await checkBothSchemes(page, where, `${what} on a phone`, { light: join(LOOKED_AT, `${name}-light.png`), dark: join(LOOKED_AT, `${name}-dark.png`) });

    for (const [i, box] of NAMES.entries()) {
      for (const part of ["box", "slider"]) {
        const place = await page.box(`#${box}-${part}`);
        assert.ok(place.x >= 0 && place.x + place.width <= width, `${box}'s ${part} is cut off: ${JSON.stringify(place)}`);
      }
      // A finger taps the slider a quarter or three quarters along: the box follows.
      const along = i % 2 ? 0.75 : 0.25;
      await page.tap(`#${box}-slider`, along, 0.5);
      const tapped = Number(await page.value(`#${box}-box`));
      assert.ok(Math.abs(tapped - (20 * along - 10)) < 1.5, `${box} should be about ${20 * along - 10} after the tap, is ${tapped}`);
      await checkAgainstCPython(page, `${what} on a phone, ${box} slider tapped`);
      await page.tap(`#${box}-box`);
      await page.fill(`#${box}-box`, String(i + 0.5));
      assert.equal(await page.value(`#${box}-slider`), String(i + 0.5));
      await checkAgainstCPython(page, `${what} on a phone, ${box} typed`);
    }
    ok(`${what} on a phone: every box and slider is on the screen and works by ${page.touch ? "touch" : "mouse (no touch here)"}`);
    await page.fill("#w1-box", "1,5");
    const refusal = await page.box("#w1-error");
    assert.ok(refusal.x + refusal.width <= width, `the refusal under w1 is cut off: ${JSON.stringify(refusal)}`);
    await checkAxe(page, `${what} on a phone, showing a refusal`);
    await page.fill("#w1-box", "0");
    ok(`${what} on a phone: the refusal under w1 fits the screen`);
    await checkLongInput(page, `${what} on a phone`);
    await checkOverlaps(page, `${what} on a phone`);
    if (screenshot) {
      await page.click('#presets [data-preset="article"]'); // back to the worked example for the picture
      await page.evaluate(() => (document.activeElement.blur(), window.scrollTo(0, 0)));
      await page.screenshot(screenshot); // the first screen, as a phone shows it
      ok(`${what} on a phone: screenshot saved: ${screenshot}`);
    }
    await checkNothingElse(page, `${what} on a phone`);
  } finally {
    await page.close();
  }
}

// A school laptop or a projector, 1366 x 768: the drawing and the sigmoid curve are on the first
// screen, beside the boxes.
async function checkSmallDesktop(url, allowed, what) {
  const page = await openBrowser(SMALL_DESKTOP, allowed, what !== "served");
  try {
    await openPage(page, url, `${what} at 1366 x 768`);
    const bottom = await page.evaluate(() => document.getElementById("curve").getBoundingClientRect().bottom);
    assert.ok(bottom <= SMALL_DESKTOP.height, `${what} at 1366 x 768: the curve ends at ${bottom} px`);
    ok(`${what} at 1366 x 768: the curve is on the first screen (it ends at ${Math.round(bottom)} px)`);
    const where = { url, viewport: SMALL_DESKTOP, allowed, offline: what !== "served" };
    await checkBothSchemes(page, where, `${what} at 1366 x 768`, {
      light: join(LOOKED_AT, `small-desktop-${engine}-light.png`), dark: join(LOOKED_AT, `small-desktop-${engine}-dark.png`),
    });
    await checkLongInput(page, `${what} at 1366 x 768`);
    await checkNothingElse(page, `${what} at 1366 x 768`);
  } finally {
    await page.close();
  }
}

// Long input wraps at every width, from a small phone to a wide screen, across each layout; and
// on the narrowest common phone, 360 pixels wide, no text is under 12 pixels either.
async function checkWidths(url, allowed, what) {
  for (const width of [320, 360, 600, 1000, 1920]) {
    const page = await openBrowser({ width, height: 800, phone: width < 600 }, allowed, what !== "served");
    try {
      await openPage(page, url, `${what} at ${width} pixels wide`);
      await checkLongInput(page, `${what} at ${width} pixels wide`);
      if (width === 360) {
        const smallest = await page.evaluate(smallestText);
        assert.ok(smallest.size >= 12, `${what} at 360 pixels wide: ${smallest.what} is ${smallest.size} px`);
        ok(`${what} at 360 pixels wide: the smallest text, ${smallest.what}, is ${smallest.size.toFixed(1)} px`);
      }
    } finally {
      await page.close();
    }
  }
}

// The single file as a course site would serve it, under a Content-Security-Policy header: the
// README's directives are enough, and without 'wasm-unsafe-eval' the page says what stops it.
// A small server of the test's own sends it, with the header, to this machine alone.
const README_POLICY =
  "script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; connect-src data:; img-src data:";

async function checkPolicy() {
  const body = readFileSync(fileURLToPath(SINGLE_FILE));
  for (const [policy, works] of [[README_POLICY, true], [README_POLICY.replace(" 'wasm-unsafe-eval'", ""), false]]) {
    const server = createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "text/html", "Content-Security-Policy": policy });
      response.end(body);
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const site = `http://127.0.0.1:${server.address().port}/course/`;
    const page = await openBrowser(DESKTOP, site, false);
    try {
      if (works) {
        await openPage(page, site + "neuron-playground.html", `file: under the policy "${policy}"`);
        await checkNothingElse(page, "file: under the README's policy");
      } else {
        await page.goto(site + "neuron-playground.html");
        await page.waitFor(() => document.querySelector("#status.error") !== null);
        assert.match(await page.text("#status"), /must let it run its inline scripts and WebAssembly/);
        ok(`file: under "${policy}": the page says what stops it`);
      }
    } finally {
      await page.close();
      server.close();
    }
  }
}

// The learning panel (learn_checks.mjs), on a page of its own at the worked example: its steps
// against lessons/one_neuron.py on CPython, its drawings, contrast and axe-core, and on paper.
async function checkLearningPanel(url, allowed, what, viewport, screenshot) {
  const page = await openBrowser(viewport, allowed, !what.startsWith("served"));
  try {
    await openPage(page, url, what);
    await checkLearning(page, { what, ok, screenshot, phone: viewport.phone, width: PHONE.width });
    await checkNothingElse(page, what);
  } finally {
    await page.close();
  }
}

// The learning panel in a system set to dark from the start (which is how Firefox and WebKit
// take it): its contrast and axe-core again, and a picture.
async function checkLearningDark(url, allowed, what, viewport, screenshot) {
  const page = await open(engine, { viewport, allow: allowed, offline: !what.startsWith("served"), colorScheme: "dark" });
  try {
    await openPage(page, url, what);
    await page.waitFor(() => document.getElementById("learn")?.dataset.ready === "true");
    assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), true);
    await checkLearningColours(page, what, ok);
    await page.evaluate(() => document.getElementById("learn-status").scrollIntoView({ block: "start" }));
    await page.screenshot(screenshot);
    ok(`${what}: screenshot saved: ${screenshot}`);
    await checkNothingElse(page, what);
  } finally {
    await page.close();
  }
}

// The network view (backprop_checks.mjs): the single file from file:, on a desktop (the
// whole) and a phone (with 1,000 epochs), and the served page in a system set dark from the start
// (its drawings); each on a page of its own.
async function checkNetworkViews(url, shots) {
  for (const [address, allowed, what, viewport, scheme, shot, parts] of [
    [SINGLE_FILE, SINGLE_FILE, "file:, the network view", DESKTOP, "light", shots("network-desktop.png"), ["next", "run", "entry"]],
    [SINGLE_FILE, SINGLE_FILE, "file: on a phone, the network view", PHONE, "light", shots("network-phone.png"), ["run"]],
    [url + "playground/", url, "served, dark, the network view", DESKTOP, "dark", join(OUTSIDE, `network-dark-${engine}.png`), []],
  ]) {
    const page = await open(engine, { viewport, allow: allowed, offline: address === SINGLE_FILE, colorScheme: scheme });
    try {
      await openPage(page, address, what);
      await checkNetworkView(page, { what, ok, screenshot: shot, phone: viewport.phone, width: PHONE.width, parts });
      await checkNothingElse(page, what);
    } finally {
      await page.close();
    }
  }
}

// A class's own table, the link and "copy as Python" (data_checks.mjs), in the single file from
// file: with the network off: six rows pasted from a spreadsheet and learned, as on CPython; the
// copied Python run by python3 (and, in the first engine, on the emulated micro:bit); the link
// after a reload and in a new browser; a hand-broken link. Each engine's link is opened in
// another engine at the end (checkLinksAcrossEngines).
const links = [];
async function checkOwnTable(url, allowed, what, first, learned) {
  const page = await openBrowser(DESKTOP, allowed, true);
  const reopen = async (link) => {
    const other = await openBrowser(DESKTOP, allowed, true);
    await other.goto(link);
    return other;
  };
  const shots = {
    learned, broken: join(LOOKED_AT, `table-broken-link-${engine}.png`),
    refused: join(LOOKED_AT, `table-refused-${engine}.png`), share: join(LOOKED_AT, `table-share-${engine}.png`),
  };
  try {
    await openPage(page, url, what);
    const made = await checkTable(page, { what, ok, reopen, board: first, shots });
    links.push({ engine, ...made });
    await checkNothingElse(page, what);
  } finally {
    await page.close();
  }
}

async function checkLinksAcrossEngines(engines) {
  for (const { engine: from, link, state } of links) {
    const to = engines[(engines.indexOf(from) + 1) % engines.length];
    if (to === from) continue;
    engine = to;
    const page = await openBrowser(DESKTOP, SINGLE_FILE, true);
    try {
      await page.goto(link);
      await checkSameState(page, state, `${from}'s link in ${to}`);
      ok(`the link ${from} made (${link.length} characters), opened in a new ${to}: the same neuron, network, learn rates, table and loss`);
      await checkNothingElse(page, `${from}'s link in ${to}`);
    } finally {
      await page.close();
    }
  }
}

// What engines.mjs promises beyond the checks above: a dark system where asked for, and the page
// printed to PDF where the engine can print (engines.mjs's LIMITS says where it cannot).
async function checkEngineLayer(url) {
  const page = await open(engine, { viewport: DESKTOP, allow: url, colorScheme: "dark" });
  try {
    await page.goto(url + "playground/");
    assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), true);
    ok("a page opened with colorScheme dark sees prefers-color-scheme: dark");
    const pdf = join(OUTSIDE, `print-${engine}.pdf`);
    try {
      await page.pdf(pdf);
      assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
      ok(`the page prints to PDF: ${pdf}`);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      console.log(`note ${engine}: no PDF: ${error.message}`);
    }
  } finally {
    await page.close();
  }
}

// Every check, in one engine: the served page, the single file, on a desktop and a phone.
async function checkEngine(url) {
  for (const [what, why] of Object.entries(LIMITS[engine])) console.log(`note ${engine} cannot: ${what}: ${why}`);
  // Chromium's seven kept in the repository go where --screenshots says; every other one outside.
  const readme = (name) => engine === "chromium" && ["screenshot.png", "screenshot-phone.png", "learn-desktop.png", "learn-phone.png", "network-desktop.png", "network-phone.png", "table-desktop.png"].includes(name);
  const shots = (name) => (readme(name) ? join(SCREENSHOTS, name) : join(OUTSIDE, name.replace(".png", `-${engine}.png`)));
  await checkDesktop(url + "playground/", url, "served", shots("screenshot.png"));
  await checkPhone(url + "playground/", url, "served", shots("screenshot-served-phone.png"));
  await checkSmallDesktop(url + "playground/", url, "served");
  await checkWidths(url + "playground/", url, "served");
  // The single file, with no server and the network off: it asks for nothing but itself.
  await checkDesktop(SINGLE_FILE, SINGLE_FILE, "file:", shots("screenshot-file.png"));
  await checkPhone(SINGLE_FILE, SINGLE_FILE, "file:", shots("screenshot-phone.png"));
  await checkLearningPanel(url + "playground/", url, "served, learning", DESKTOP, shots("learn-desktop.png"));
  await checkLearningPanel(url + "playground/", url, "served on a phone, learning", PHONE, null);
  await checkLearningPanel(SINGLE_FILE, SINGLE_FILE, "file:, learning", DESKTOP, null);
  await checkLearningPanel(SINGLE_FILE, SINGLE_FILE, "file: on a phone, learning", PHONE, shots("learn-phone.png"));
  await checkLearningDark(url + "playground/", url, "served, dark, learning", DESKTOP, join(OUTSIDE, `learn-dark-${engine}.png`));
  await checkLearningDark(SINGLE_FILE, SINGLE_FILE, "file: on a phone, dark, learning", PHONE, join(OUTSIDE, `learn-dark-phone-${engine}.png`));
  await checkNetworkViews(url, shots);
  await checkOwnTable(SINGLE_FILE, SINGLE_FILE, "file:, own table", engine === options.engines.split(",")[0], shots("table-desktop.png"));
  await checkPolicy();
  await checkEngineLayer(url);
}

async function main() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(OUTSIDE, { recursive: true });
  rmSync(LOOKED_AT, { recursive: true, force: true });
  mkdirSync(LOOKED_AT, { recursive: true });
  const engines = options.engines.split(",");
  const failed = [];
  const timings = [];
  const { server, url } = await startServer();
  try {
    const wasm = await fetch(url + "node_modules/@micropython/micropython-webassembly-pyscript/micropython.wasm");
    assert.equal(wasm.status, 200, "micropython.wasm is not served: run npm ci first");
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    ok("the server gives micropython.wasm as application/wasm");

    // Each engine runs every check; one that fails, or cannot start, is a failure, never a skip.
    for (engine of engines) {
      const started = Date.now();
      const before = passed.length;
      try {
        await checkEngine(url);
      } catch (error) {
        failed.push(`${engine}: ${error.message}`);
        console.log(`FAIL ${engine}: ${error.stack}`);
      }
      timings.push(`${engine} ${((Date.now() - started) / 1000).toFixed(1)} s, ${passed.length - before} checks`);
    }
    try {
      await checkLinksAcrossEngines(engines);
    } catch (error) {
      failed.push(`links across engines: ${error.message}`);
      console.log(`FAIL links across engines: ${error.stack}`);
    }
  } finally {
    server.kill();
  }
  console.log("overlaps at the random places:", JSON.stringify(overlapCounts));
  console.log("lowest contrast on the drawings:", JSON.stringify(lowestContrast, null, 1));
  console.log(`time per engine: ${timings.join("; ")}`);
  console.log(`screenshots in ${SCREENSHOTS}${SCREENSHOTS === OUTSIDE ? "" : ` and ${OUTSIDE}`}; the rest to look at in ${LOOKED_AT}`);
  for (const failure of failed) console.log(`failed: ${failure}`);
  console.log(`${passed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length ? 1 : 0;
}

await main();
