// The playground in real browsers, the three engines a class has: Chromium, Firefox and WebKit,
// Debian's own builds, driven through playground/engines.mjs, against both forms of the page:
// served by `python3 -m http.server` from the repository, as the README serves it, and the single
// file neuron-playground.html opened from its file: address with the network off. Each is checked
// on a desktop's screen and a phone's. It checks what a learner sees against what neuron.py
// computes on CPython for the same values.
//
//     npm ci && node playground/browser_test.mjs [--screenshots DIR] [--engines chromium,firefox,webkit]
//
// The browsers are Debian's chromium, firefox-esr and WebKitGTK's MiniBrowser (webkit2gtk-driver,
// under Xvfb): engines.mjs says how each is found and driven; none is ever downloaded. Every
// engine runs every check; one that fails, or does not start, fails the run. Chromium's
// screenshots, screenshot.png (the served page on a desktop), screenshot-phone.png (the single
// file on a phone) and learn-desktop.png and learn-phone.png (the learning panel), go to a folder
// outside the repository unless DIR names one (`--screenshots playground` makes the README's);
// the other engines' go to that outside folder always.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DESKTOP, ENGINES, LIMITS, PHONE, Unsupported, open } from "./engines.mjs";
import { checkLearning, checkLearningColours } from "./learn_checks.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values: options } = parseArgs({
  options: { screenshots: { type: "string" }, engines: { type: "string", default: ENGINES.join(",") } },
});
const OUTSIDE = join(tmpdir(), "neuron-playground-screenshots");
const SCREENSHOTS = options.screenshots ? resolve(options.screenshots) : OUTSIDE;
const SINGLE_FILE = pathToFileURL(join(ROOT, "playground", "neuron-playground.html")).href;
const WORKED_EXAMPLE = "0.9990889488055994"; // Neuron([0, 1], 4).feedforward([2, 3])
const LOAD_LIMIT_MS = 2000; // the README promises a page ready in under two seconds
const NAMES = ["w1", "w2", "b", "x1", "x2"];
const LABELS = { w1: "weight w1", w2: "weight w2", b: "bias b", x1: "input x1", x2: "input x2" };

// What neuron.py says on CPython for the boxes' text, read as the page reads it (page.py's
// number_or_text: a number where float() reads one, else the text itself), and what the
// diagram should say: the neuron's weights and bias, the inputs, each input times its weight.
const CPYTHON_ANSWER = `
import json, sys
sys.path[:0] = [".", "playground"]
from neuron import Neuron
from page import number_or_text

texts = json.load(sys.stdin)
w1, w2, b, x1, x2 = [number_or_text(texts[name]) for name in ("w1", "w2", "b", "x1", "x2")]
try:
    neuron = Neuron([w1, w2], b)
    output = neuron.feedforward([x1, x2])
    t1, t2 = neuron.weights[0] * x1, neuron.weights[1] * x2
    answer = {"sum": repr(w1 * x1 + w2 * x2 + b), "output": repr(output), "diagram": {
        "x1": repr(x1), "x2": repr(x2), "w1": "w1 = %r" % neuron.weights[0],
        "w2": "w2 = %r" % neuron.weights[1], "t1": repr(t1), "t2": repr(t2),
        "b": "b = %r" % neuron.bias, "sum": repr(t1 + t2 + neuron.bias), "output": "y = %r" % output}}
except TypeError as error:
    answer = {"error": "TypeError: %s" % error, "named": str(error).split(" ")[0]}
print(json.dumps(answer))
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
  const server = spawn("python3", ["-u", "-m", "http.server", "--bind", "127.0.0.1", "0"], { cwd: ROOT });
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

// The page's numbers, and the diagram's, against CPython's for whatever the boxes hold now.
async function checkAgainstCPython(page, what) {
  const texts = await boxTexts(page);
  const expected = cpython(CPYTHON_ANSWER, JSON.stringify(texts));
  const shownOutput = await page.text("#output");
  assert.notEqual(shownOutput, "NaN", "the page must never show JavaScript's NaN");
  if (expected.error) {
    assert.equal(shownOutput, "no output", `${what}: output with an error`);
    assert.equal(await page.text("#diagram-output"), "y = ?", `${what}: the diagram's output`);
  } else {
    assert.equal(shownOutput, expected.output, `${what}: output for ${JSON.stringify(texts)}`);
    assert.equal(await page.text("#sum"), expected.sum, `${what}: sum for ${JSON.stringify(texts)}`);
    assert.deepEqual(await diagramTexts(page), expected.diagram, `${what}: the diagram for ${JSON.stringify(texts)}`);
  }
  ok(`${what}: ${JSON.stringify(texts)} -> ${expected.output ?? expected.error}, as on CPython`);
  return expected;
}

// The refusals under the boxes: neuron.py's message, and the page's words before it.
async function errorsShown(page) {
  const errors = {};
  for (const name of NAMES) {
    if (await page.text(`#${name}-error`)) {
      errors[name] = {
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
function openBrowser(viewport, allowed, offline) {
  return open(engine, { viewport, allow: allowed, offline });
}

// Opens the page and waits for the worked example, within the time the README promises.
async function openPage(page, url, what) {
  const started = Date.now();
  await page.goto(url);
  // Until the output shows, or the page says Python could not start
  const settled = () =>
    document.getElementById("output").textContent !== "…" ||
    document.getElementById("status").classList.contains("error");
  await page.waitFor(settled, 10 * LOAD_LIMIT_MS);
  const loadMs = Date.now() - started;
  assert.equal(await page.text("#output"), WORKED_EXAMPLE, await page.text("#status"));
  assert.ok(loadMs < LOAD_LIMIT_MS, `${what}: the page took ${loadMs} ms to show the worked example`);
  ok(`${what}: the worked example ${WORKED_EXAMPLE} shows ${loadMs} ms after the page is asked for`);
  assert.match(await page.text("#status"), /^Python is running: MicroPython \d/);
}

async function checkNothingElse(page, what) {
  assert.deepEqual(await page.requestsElsewhere(), [], `${what}: the page asked for something it should not`);
  ok(`${what}: no request left ${what.startsWith("served") ? "the local server" : "the file"}`);
  assert.deepEqual(await page.errors(), [], `${what}: the page logged errors`);
  ok(`${what}: no errors in the browser console`);
}

// Everything a learner does on a desktop: sliders, keys, boxes, refusals, nan.
async function checkDesktop(url, allowed, what, screenshot) {
  const page = await openBrowser(DESKTOP, allowed, what !== "served");
  try {
    await openPage(page, url, what);
    await checkAgainstCPython(page, `${what}, at start`);
    assert.match(await page.innerText("header"), /the file shown on the right/);
    ok(`${what}: the text says neuron.py is on the right, where it is`);

    const shownSource = await page.text("#source");
    assert.equal(shownSource, readFileSync(join(ROOT, "neuron.py"), "utf8"));
    ok(`${what}: the source shown is neuron.py, byte for byte`);
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
    for (const name of ["w1", "t1", "sum", "output"]) {
      assert.notEqual(diagramAfter[name], diagramBefore[name], `the diagram's ${name} should move with w1`);
    }
    ok(`${what}: the diagram follows the slider: ${diagramBefore.w1} -> ${diagramAfter.w1}, ${diagramAfter.output}`);

    // A slider moved with the keyboard, 0.01 per key press.
    for (let i = 0; i < 7; i++) await page.press("#x1-slider", "ArrowLeft");
    assert.equal(await page.value("#x1-box"), "1.93");
    await checkAgainstCPython(page, `${what}, x1 slider moved by 7 key presses`);

    // Numbers typed in a box; the slider follows the box.
    await page.fill("#x2-box", "-2.5");
    assert.equal(await page.value("#x2-slider"), "-2.5");
    await checkAgainstCPython(page, `${what}, x2 typed`);
    await page.fill("#b-box", "0.1");
    await checkAgainstCPython(page, `${what}, b typed`);
    await page.fill("#w2-box", "1e-5");
    await checkAgainstCPython(page, `${what}, w2 typed in exponent form`);

    // Text that is no number: neuron.py's own message under the box, with the page's words
    // saying which box, and no output.
    for (const [name, text] of [["w1", "abc"], ["b", "abc"], ["x1", ""], ["w2", "1,5"]]) {
      const before = await page.value(`#${name}-box`);
      await page.fill(`#${name}-box`, text);
      const expected = await checkAgainstCPython(page, `${what}, ${name} = ${JSON.stringify(text)}`);
      assert.ok(expected.error, `CPython should refuse ${JSON.stringify(text)}`);
      const shown = await errorsShown(page);
      assert.deepEqual(Object.keys(shown), [name], `the message should be under ${name} alone`);
      assert.equal(shown[name].message, expected.error);
      // "neuron.py refused weight w1, its weights[0] (lists count from 0):"
      assert.ok(shown[name].words.startsWith(`neuron.py refused ${LABELS[name]}`), shown[name].words);
      if (expected.named !== LABELS[name].split(" ")[0]) {
        assert.ok(shown[name].words.includes(`its ${expected.named} (lists count from 0)`), shown[name].words);
      }
      assert.equal(await page.attribute(`#${name}-box`, "aria-invalid"), "true");
      ok(`${what}: ${name} = ${JSON.stringify(text)}: under ${name}, "${shown[name].words} ${expected.error}"`);
      // The rest of the page still works: another slider moves, and the error stays until fixed.
      await page.press("#x2-slider", "ArrowRight");
      assert.deepEqual(await errorsShown(page), shown);
      await page.fill(`#${name}-box`, before);
      assert.deepEqual(await errorsShown(page), {});
      await checkAgainstCPython(page, `${what}, ${name} put back`);
    }

    // A number with no value: inf * 0 gives nan, which the page says in words, never silently.
    await page.fill("#w1-box", "1e999");
    await page.fill("#x1-box", "0");
    const nan = await checkAgainstCPython(page, `${what}, w1 = 1e999 (inf), x1 = 0`);
    assert.equal(nan.output, "nan");
    assert.match(await page.text("#output-note"), /not a number/);
    ok(`${what}: nan comes with a note that says why`);

    if (what === "served") await checkReprs(page);
    await checkNothingElse(page, what);
  } finally {
    await page.close();
  }
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

// A phone, 390 x 844: nothing scrolls sideways, every box and slider is on the screen and works
// by touch, and the text says neuron.py is further down.
async function checkPhone(url, allowed, what, screenshot) {
  const page = await openBrowser(PHONE, allowed, what !== "served");
  const width = PHONE.width;
  try {
    await openPage(page, `${url}`, `${what} on a phone`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${what} on a phone: the page is ${scrollWidth} pixels wide`);
    ok(`${what} on a phone: the page is ${scrollWidth} pixels wide, nothing scrolls sideways`);
    const header = await page.innerText("header");
    assert.match(header, /the file shown further down/);
    assert.doesNotMatch(header, /on the right/);
    ok(`${what} on a phone: the text says neuron.py is further down, where it is`);

    for (const [i, name] of NAMES.entries()) {
      for (const part of ["box", "slider"]) {
        const place = await page.box(`#${name}-${part}`);
        assert.ok(place.x >= 0 && place.x + place.width <= width, `${name}'s ${part} is cut off: ${JSON.stringify(place)}`);
        assert.ok(place.height >= 24, `${name}'s ${part} is too small to touch: ${JSON.stringify(place)}`);
      }
      // A finger taps the slider a quarter or three quarters along: the box follows.
      const along = i % 2 ? 0.75 : 0.25;
      await page.tap(`#${name}-slider`, along, 0.5);
      const tapped = Number(await page.value(`#${name}-box`));
      assert.ok(Math.abs(tapped - (20 * along - 10)) < 1.5, `${name} should be about ${20 * along - 10} after the tap, is ${tapped}`);
      await checkAgainstCPython(page, `${what} on a phone, ${name} slider tapped`);
      await page.tap(`#${name}-box`);
      await page.fill(`#${name}-box`, String(i + 0.5));
      assert.equal(await page.value(`#${name}-slider`), String(i + 0.5));
      await checkAgainstCPython(page, `${what} on a phone, ${name} typed`);
    }
    ok(`${what} on a phone: every box and slider is on the screen and works by ${page.touch ? "touch" : "mouse (no touch here)"}`);
    await page.fill("#w1-box", "abc");
    const refusal = await page.box("#w1-error");
    assert.ok(refusal.x + refusal.width <= width, `the refusal under w1 is cut off: ${JSON.stringify(refusal)}`);
    await page.fill("#w1-box", "0");
    ok(`${what} on a phone: the refusal under w1 fits the screen`);
    if (screenshot) {
      for (const [name, start] of NAMES.map((name, i) => [name, ["0", "1", "4", "2", "3"][i]])) {
        await page.fill(`#${name}-box`, start); // back to the worked example for the picture
      }
      await page.evaluate(() => (document.activeElement.blur(), window.scrollTo(0, 0)));
      await page.screenshot(screenshot); // the first screen, as a phone shows it
      ok(`${what} on a phone: screenshot saved: ${screenshot}`);
    }
    await checkNothingElse(page, `${what} on a phone`);
  } finally {
    await page.close();
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

// What engines.mjs promises beyond the checks above: a dark system where asked for, and the page
// printed to PDF where the engine can print (engines.mjs's LIMITS says where it cannot).
async function checkEngineLayer(url) {
  const page = await open(engine, { viewport: DESKTOP, allow: url, colorScheme: "dark" });
  try {
    await openPage(page, url + "playground/", "served, in a dark system");
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
  const shots = (name) => join(engine === "chromium" ? SCREENSHOTS : OUTSIDE, engine === "chromium" ? name : name.replace(".png", `-${engine}.png`));
  await checkDesktop(url + "playground/", url, "served", shots("screenshot.png"));
  await checkPhone(url + "playground/", url, "served", shots("screenshot-served-phone.png"));
  // The single file, with no server and the network off: it asks for nothing but itself.
  await checkDesktop(SINGLE_FILE, SINGLE_FILE, "file:", shots("screenshot-file.png"));
  await checkPhone(SINGLE_FILE, SINGLE_FILE, "file:", shots("screenshot-phone.png"));
  await checkLearningPanel(url + "playground/", url, "served, learning", DESKTOP, shots("learn-desktop.png"));
  await checkLearningPanel(url + "playground/", url, "served on a phone, learning", PHONE, null);
  await checkLearningPanel(SINGLE_FILE, SINGLE_FILE, "file:, learning", DESKTOP, null);
  await checkLearningPanel(SINGLE_FILE, SINGLE_FILE, "file: on a phone, learning", PHONE, shots("learn-phone.png"));
  await checkLearningDark(url + "playground/", url, "served, dark, learning", DESKTOP, join(OUTSIDE, `learn-dark-${engine}.png`));
  await checkLearningDark(SINGLE_FILE, SINGLE_FILE, "file: on a phone, dark, learning", PHONE, join(OUTSIDE, `learn-dark-phone-${engine}.png`));
  await checkPolicy();
  await checkEngineLayer(url);
}

async function main() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(OUTSIDE, { recursive: true });
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
  } finally {
    server.kill();
  }
  console.log(`time per engine: ${timings.join("; ")}`);
  console.log(`screenshots in ${SCREENSHOTS}${SCREENSHOTS === OUTSIDE ? "" : ` and ${OUTSIDE}`}`);
  for (const failure of failed) console.log(`failed: ${failure}`);
  console.log(`${passed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length ? 1 : 0;
}

await main();
