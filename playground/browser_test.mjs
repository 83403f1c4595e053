// The playground in a real browser: Debian's Chromium, driven headless by playwright-core, against
// the page served by `python3 -m http.server` from the repository, as the README serves it.
// It checks what a learner sees against what neuron.py computes on CPython for the same values.
//
//     npm ci && node playground/browser_test.mjs [screenshot.png]
//
// The browser is /usr/bin/chromium (Debian's package `chromium`), or the one named by $CHROMIUM;
// playwright-core never downloads one. The screenshot goes to playground/screenshot.png.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCREENSHOT = process.argv[2] ?? join(ROOT, "playground", "screenshot.png");
const BROWSER = process.env.CHROMIUM ?? "/usr/bin/chromium";
const WORKED_EXAMPLE = "0.9990889488055994"; // Neuron([0, 1], 4).feedforward([2, 3])
const LOAD_LIMIT_MS = 2000; // the README promises a page ready in under two seconds
const NAMES = ["w1", "w2", "b", "x1", "x2"];

// Chromium as root, with no network to talk to: no sandbox (it refuses to start as root with one),
// no GPU, and none of the background calls home, which this machine's closed network refuses.
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

// What neuron.py says on CPython for the boxes' text, read as the page reads it (page.py's
// number_or_text: a number where float() reads one, else the text itself).
const CPYTHON_ANSWER = `
import json, sys
sys.path[:0] = [".", "playground"]
from neuron import Neuron
from page import number_or_text

texts = json.load(sys.stdin)
w1, w2, b, x1, x2 = [number_or_text(texts[name]) for name in ("w1", "w2", "b", "x1", "x2")]
try:
    output = Neuron([w1, w2], b).feedforward([x1, x2])
    answer = {"sum": repr(w1 * x1 + w2 * x2 + b), "output": repr(output)}
except TypeError as error:
    answer = {"error": "TypeError: %s" % error}
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
function ok(what) {
  passed.push(what);
  console.log("ok  " + what);
}

async function boxTexts(page) {
  const texts = {};
  for (const name of NAMES) texts[name] = await page.inputValue(`#${name}-box`);
  return texts;
}

// The page's numbers against CPython's for whatever the boxes hold now.
async function checkAgainstCPython(page, what) {
  const texts = await boxTexts(page);
  const expected = cpython(CPYTHON_ANSWER, JSON.stringify(texts));
  const shownOutput = await page.textContent("#output");
  assert.notEqual(shownOutput, "NaN", "the page must never show JavaScript's NaN");
  if (expected.error) {
    assert.equal(shownOutput, "no output", `${what}: output with an error`);
  } else {
    assert.equal(shownOutput, expected.output, `${what}: output for ${JSON.stringify(texts)}`);
    assert.equal(await page.textContent("#sum"), expected.sum, `${what}: sum for ${JSON.stringify(texts)}`);
  }
  ok(`${what}: ${JSON.stringify(texts)} -> ${expected.output ?? expected.error}, as on CPython`);
  return expected;
}

async function errorsShown(page) {
  const errors = {};
  for (const name of NAMES) {
    const text = await page.textContent(`#${name}-error`);
    if (text) errors[name] = text;
  }
  return errors;
}

async function main() {
  const { server, url } = await startServer();
  const profile = mkdtempSync(join(tmpdir(), "playground-chromium-"));
  let context = null;
  try {
    const wasm = await fetch(url + "node_modules/@micropython/micropython-webassembly-pyscript/micropython.wasm");
    assert.equal(wasm.status, 200, "micropython.wasm is not served: run npm ci first");
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    ok("the server gives micropython.wasm as application/wasm");

    context = await chromium.launchPersistentContext(profile, {
      executablePath: BROWSER,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1440, height: 900 },
    });
    // Offline: any request that is not to the local server is refused, and fails the test.
    const elsewhere = [];
    await context.route("**/*", (route) => {
      if (route.request().url().startsWith(url)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const complaints = [];
    page.on("console", (message) => message.type() === "error" && complaints.push(message.text()));
    page.on("pageerror", (error) => complaints.push(error.message));

    const started = Date.now();
    await page.goto(url + "playground/");
    await page.waitForFunction(() => document.getElementById("output").textContent !== "…", null, {
      timeout: 10 * LOAD_LIMIT_MS,
    });
    const loadMs = Date.now() - started;
    assert.equal(await page.textContent("#output"), WORKED_EXAMPLE);
    assert.ok(loadMs < LOAD_LIMIT_MS, `the page took ${loadMs} ms to show the worked example`);
    ok(`the worked example ${WORKED_EXAMPLE} shows ${loadMs} ms after the page is asked for`);
    assert.match(await page.textContent("#status"), /^Python is running: MicroPython \d/);
    await checkAgainstCPython(page, "at start");

    const shownSource = await page.textContent("#source");
    assert.equal(shownSource, readFileSync(join(ROOT, "neuron.py"), "utf8"));
    ok("the source shown is neuron.py, byte for byte");
    await page.screenshot({ path: SCREENSHOT });
    ok(`screenshot saved: ${SCREENSHOT}`);

    // A slider dragged with the mouse: its box follows, and the output follows both.
    const slider = await page.locator("#w1-slider").boundingBox();
    await page.mouse.move(slider.x + slider.width / 2, slider.y + slider.height / 2);
    await page.mouse.down();
    await page.mouse.move(slider.x + slider.width * 0.2, slider.y + slider.height / 2, { steps: 5 });
    await page.mouse.up();
    const w1 = await page.inputValue("#w1-box");
    assert.equal(w1, await page.inputValue("#w1-slider"), "the box follows its slider");
    assert.ok(Number(w1) < -3, `w1 should be about -6 after the drag, is ${w1}`);
    await checkAgainstCPython(page, "w1 slider dragged");

    // A slider moved with the keyboard, 0.01 per key press.
    await page.focus("#x1-slider");
    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowLeft");
    assert.equal(await page.inputValue("#x1-box"), "1.93");
    await checkAgainstCPython(page, "x1 slider moved by 7 key presses");

    // Numbers typed in a box; the slider follows the box.
    await page.fill("#x2-box", "-2.5");
    assert.equal(await page.inputValue("#x2-slider"), "-2.5");
    await checkAgainstCPython(page, "x2 typed");
    await page.fill("#b-box", "0.1");
    await checkAgainstCPython(page, "b typed");
    await page.fill("#w2-box", "1e-5");
    await checkAgainstCPython(page, "w2 typed in exponent form");

    // Text that is no number: neuron.py's own message, under the box, and no output.
    for (const [name, text] of [["b", "abc"], ["x1", ""], ["w2", "1,5"]]) {
      const before = await page.inputValue(`#${name}-box`);
      await page.fill(`#${name}-box`, text);
      const expected = await checkAgainstCPython(page, `${name} = ${JSON.stringify(text)}`);
      assert.ok(expected.error, `CPython should refuse ${JSON.stringify(text)}`);
      assert.deepEqual(await errorsShown(page), { [name]: expected.error });
      assert.equal(await page.getAttribute(`#${name}-box`, "aria-invalid"), "true");
      ok(`${name} = ${JSON.stringify(text)}: the page shows "${expected.error}" under ${name}`);
      // The rest of the page still works: another slider moves, and the error stays until fixed.
      await page.focus("#x2-slider");
      await page.keyboard.press("ArrowRight");
      assert.deepEqual(await errorsShown(page), { [name]: expected.error });
      await page.fill(`#${name}-box`, before);
      assert.deepEqual(await errorsShown(page), {});
      await checkAgainstCPython(page, `${name} put back`);
    }

    // A number with no value: inf * 0 gives nan, which the page says in words, never silently.
    await page.fill("#w1-box", "1e999");
    await page.fill("#x1-box", "0");
    const nan = await checkAgainstCPython(page, "w1 = 1e999 (inf), x1 = 0");
    assert.equal(nan.output, "nan");
    assert.match(await page.textContent("#output-note"), /not a number/);
    ok("nan comes with a note that says why");

    // The page writes every float as CPython's repr does.
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

    assert.deepEqual(elsewhere, [], "the page asked for something outside the local server");
    ok("no request left the local server");
    assert.deepEqual(complaints, [], "the page logged errors");
    ok("no errors in the browser console");
    console.log(`all ${passed.length} checks passed`);
  } finally {
    await context?.close();
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
