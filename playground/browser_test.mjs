// The playground in a real browser: Debian's Chromium, driven headless by playwright-core, against
// both forms of the page: served by `python3 -m http.server` from the repository, as the README
// serves it, and the single file neuron-playground.html opened from its file: address with the
// network off. Each is checked on a desktop's screen and a phone's. It checks what a learner sees
// against what neuron.py computes on CPython for the same values.
//
//     npm ci && node playground/browser_test.mjs [--screenshots DIR]
//
// The browser is /usr/bin/chromium (Debian's package `chromium`), or the one named by $CHROMIUM;
// playwright-core never downloads one. The screenshots, screenshot.png (the served page on a
// desktop), screenshot-phone.png (the single file on a phone) and learn-desktop.png and
// learn-phone.png (the learning panel), go to a folder outside the repository unless DIR names
// one: `--screenshots playground` makes the README's.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { checkLearning } from "./learn_checks.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values: options } = parseArgs({ options: { screenshots: { type: "string" } } });
const SCREENSHOTS = options.screenshots
  ? resolve(options.screenshots)
  : join(tmpdir(), "neuron-playground-screenshots");
const SINGLE_FILE = pathToFileURL(join(ROOT, "playground", "neuron-playground.html")).href;
const BROWSER = process.env.CHROMIUM ?? "/usr/bin/chromium";
const WORKED_EXAMPLE = "0.9990889488055994"; // Neuron([0, 1], 4).feedforward([2, 3])
const LOAD_LIMIT_MS = 2000; // the README promises a page ready in under two seconds
const NAMES = ["w1", "w2", "b", "x1", "x2"];
const LABELS = { w1: "weight w1", w2: "weight w2", b: "bias b", x1: "input x1", x2: "input x2" };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

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
function ok(what) {
  passed.push(what);
  console.log("ok  " + what);
}

async function boxTexts(page) {
  const texts = {};
  for (const name of NAMES) texts[name] = await page.inputValue(`#${name}-box`);
  return texts;
}

async function diagramTexts(page) {
  const texts = {};
  for (const name of ["x1", "x2", "w1", "w2", "t1", "t2", "b", "sum", "output"]) {
    texts[name] = await page.textContent(`#diagram-${name}`);
  }
  return texts;
}

// The page's numbers, and the diagram's, against CPython's for whatever the boxes hold now.
async function checkAgainstCPython(page, what) {
  const texts = await boxTexts(page);
  const expected = cpython(CPYTHON_ANSWER, JSON.stringify(texts));
  const shownOutput = await page.textContent("#output");
  assert.notEqual(shownOutput, "NaN", "the page must never show JavaScript's NaN");
  if (expected.error) {
    assert.equal(shownOutput, "no output", `${what}: output with an error`);
    assert.equal(await page.textContent("#diagram-output"), "y = ?", `${what}: the diagram's output`);
  } else {
    assert.equal(shownOutput, expected.output, `${what}: output for ${JSON.stringify(texts)}`);
    assert.equal(await page.textContent("#sum"), expected.sum, `${what}: sum for ${JSON.stringify(texts)}`);
    assert.deepEqual(await diagramTexts(page), expected.diagram, `${what}: the diagram for ${JSON.stringify(texts)}`);
  }
  ok(`${what}: ${JSON.stringify(texts)} -> ${expected.output ?? expected.error}, as on CPython`);
  return expected;
}

// The refusals under the boxes: neuron.py's message, and the page's words before it.
async function errorsShown(page) {
  const errors = {};
  for (const name of NAMES) {
    if (await page.textContent(`#${name}-error`)) {
      errors[name] = {
        words: await page.textContent(`#${name}-error .refusal`),
        message: await page.textContent(`#${name}-error .message`),
      };
    }
  }
  return errors;
}

// A new browser with an empty profile, its own each time, as a first visit would be. With
// `allowed`, every request that does not start with it is refused and listed in `elsewhere`.
async function openBrowser(device, allowed, offline) {
  const profile = mkdtempSync(join(tmpdir(), "playground-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER,
    headless: true,
    args: CHROMIUM_FLAGS,
    offline,
    ...device,
  });
  const elsewhere = [];
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith(allowed)) return route.continue();
    elsewhere.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const complaints = [];
  page.on("console", (message) => message.type() === "error" && complaints.push(message.text()));
  page.on("pageerror", (error) => complaints.push(error.message));
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, elsewhere, complaints, close };
}

// Opens the page and waits for the worked example, within the time the README promises.
async function openPage(page, url, what) {
  const started = Date.now();
  await page.goto(url);
  // Until the output shows, or the page says Python could not start
  const settled = () =>
    document.getElementById("output").textContent !== "…" ||
    document.getElementById("status").classList.contains("error");
  await page.waitForFunction(settled, null, { timeout: 10 * LOAD_LIMIT_MS });
  const loadMs = Date.now() - started;
  assert.equal(await page.textContent("#output"), WORKED_EXAMPLE, await page.textContent("#status"));
  assert.ok(loadMs < LOAD_LIMIT_MS, `${what}: the page took ${loadMs} ms to show the worked example`);
  ok(`${what}: the worked example ${WORKED_EXAMPLE} shows ${loadMs} ms after the page is asked for`);
  assert.match(await page.textContent("#status"), /^Python is running: MicroPython \d/);
}

async function checkNothingElse(browser, what) {
  assert.deepEqual(browser.elsewhere, [], `${what}: the page asked for something it should not`);
  ok(`${what}: no request left ${what.startsWith("served") ? "the local server" : "the file"}`);
  assert.deepEqual(browser.complaints, [], `${what}: the page logged errors`);
  ok(`${what}: no errors in the browser console`);
}

// Everything a learner does on a desktop: sliders, keys, boxes, refusals, nan.
async function checkDesktop(url, allowed, what, screenshot) {
  const browser = await openBrowser(DESKTOP, allowed, what !== "served");
  const { page } = browser;
  try {
    await openPage(page, url, what);
    await checkAgainstCPython(page, `${what}, at start`);
    assert.match(await page.innerText("header"), /the file shown on the right/);
    ok(`${what}: the text says neuron.py is on the right, where it is`);

    const shownSource = await page.textContent("#source");
    assert.equal(shownSource, readFileSync(join(ROOT, "neuron.py"), "utf8"));
    ok(`${what}: the source shown is neuron.py, byte for byte`);
    if (screenshot) {
      await page.screenshot({ path: screenshot });
      ok(`${what}: screenshot saved: ${screenshot}`);
    }

    // A slider dragged with the mouse: its box follows, and the output and the diagram follow both.
    const diagramBefore = await diagramTexts(page);
    const slider = await page.locator("#w1-slider").boundingBox();
    await page.mouse.move(slider.x + slider.width / 2, slider.y + slider.height / 2);
    await page.mouse.down();
    await page.mouse.move(slider.x + slider.width * 0.2, slider.y + slider.height / 2, { steps: 5 });
    await page.mouse.up();
    const w1 = await page.inputValue("#w1-box");
    assert.equal(w1, await page.inputValue("#w1-slider"), "the box follows its slider");
    assert.ok(Number(w1) < -3, `w1 should be about -6 after the drag, is ${w1}`);
    await checkAgainstCPython(page, `${what}, w1 slider dragged`);
    const diagramAfter = await diagramTexts(page);
    for (const name of ["w1", "t1", "sum", "output"]) {
      assert.notEqual(diagramAfter[name], diagramBefore[name], `the diagram's ${name} should move with w1`);
    }
    ok(`${what}: the diagram follows the slider: ${diagramBefore.w1} -> ${diagramAfter.w1}, ${diagramAfter.output}`);

    // A slider moved with the keyboard, 0.01 per key press.
    await page.focus("#x1-slider");
    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowLeft");
    assert.equal(await page.inputValue("#x1-box"), "1.93");
    await checkAgainstCPython(page, `${what}, x1 slider moved by 7 key presses`);

    // Numbers typed in a box; the slider follows the box.
    await page.fill("#x2-box", "-2.5");
    assert.equal(await page.inputValue("#x2-slider"), "-2.5");
    await checkAgainstCPython(page, `${what}, x2 typed`);
    await page.fill("#b-box", "0.1");
    await checkAgainstCPython(page, `${what}, b typed`);
    await page.fill("#w2-box", "1e-5");
    await checkAgainstCPython(page, `${what}, w2 typed in exponent form`);

    // Text that is no number: neuron.py's own message under the box, with the page's words
    // saying which box, and no output.
    for (const [name, text] of [["w1", "abc"], ["b", "abc"], ["x1", ""], ["w2", "1,5"]]) {
      const before = await page.inputValue(`#${name}-box`);
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
      assert.equal(await page.getAttribute(`#${name}-box`, "aria-invalid"), "true");
      ok(`${what}: ${name} = ${JSON.stringify(text)}: under ${name}, "${shown[name].words} ${expected.error}"`);
      // The rest of the page still works: another slider moves, and the error stays until fixed.
      await page.focus("#x2-slider");
      await page.keyboard.press("ArrowRight");
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
    assert.match(await page.textContent("#output-note"), /not a number/);
    ok(`${what}: nan comes with a note that says why`);

    if (what === "served") await checkReprs(page);
    await checkNothingElse(browser, what);
  } finally {
    await browser.close();
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
  const browser = await openBrowser(PHONE, allowed, what !== "served");
  const { page } = browser;
  const width = PHONE.viewport.width;
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
        const place = await page.locator(`#${name}-${part}`).boundingBox();
        assert.ok(place.x >= 0 && place.x + place.width <= width, `${name}'s ${part} is cut off: ${JSON.stringify(place)}`);
        assert.ok(place.height >= 24, `${name}'s ${part} is too small to touch: ${JSON.stringify(place)}`);
      }
      // A finger taps the slider a quarter or three quarters along: the box follows.
      await page.locator(`#${name}-slider`).scrollIntoViewIfNeeded();
      const slider = await page.locator(`#${name}-slider`).boundingBox();
      const along = i % 2 ? 0.75 : 0.25;
      await page.touchscreen.tap(slider.x + slider.width * along, slider.y + slider.height / 2);
      const tapped = Number(await page.inputValue(`#${name}-box`));
      assert.ok(Math.abs(tapped - (20 * along - 10)) < 1.5, `${name} should be about ${20 * along - 10} after the tap, is ${tapped}`);
      await checkAgainstCPython(page, `${what} on a phone, ${name} slider tapped`);
      await page.locator(`#${name}-box`).tap();
      await page.fill(`#${name}-box`, String(i + 0.5));
      assert.equal(await page.inputValue(`#${name}-slider`), String(i + 0.5));
      await checkAgainstCPython(page, `${what} on a phone, ${name} typed`);
    }
    ok(`${what} on a phone: every box and slider is on the screen and works by touch`);
    await page.fill("#w1-box", "abc");
    const refusal = await page.locator("#w1-error").boundingBox();
    assert.ok(refusal.x + refusal.width <= width, `the refusal under w1 is cut off: ${JSON.stringify(refusal)}`);
    await page.fill("#w1-box", "0");
    ok(`${what} on a phone: the refusal under w1 fits the screen`);
    if (screenshot) {
      for (const [name, start] of NAMES.map((name, i) => [name, ["0", "1", "4", "2", "3"][i]])) {
        await page.fill(`#${name}-box`, start); // back to the worked example for the picture
      }
      await page.evaluate(() => (document.activeElement.blur(), window.scrollTo(0, 0)));
      await page.screenshot({ path: screenshot }); // the first screen, as a phone shows it
      ok(`${what} on a phone: screenshot saved: ${screenshot}`);
    }
    await checkNothingElse(browser, `${what} on a phone`);
  } finally {
    await browser.close();
  }
}

// The learning panel (learn_checks.mjs), on a page of its own at the worked example: its steps
// against lessons/one_neuron.py on CPython, its drawings, contrast and axe-core, light and dark.
async function checkLearningPanel(url, allowed, what, phone, shots) {
  const browser = await openBrowser(phone ? PHONE : DESKTOP, allowed, !what.startsWith("served"));
  try {
    const { page } = browser;
    await openPage(page, url, what);
    // learn_checks.mjs asks a page for these alone, as engines other than Chromium give them
    const driven = {
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      screenshot: (path, selector) => page.locator(selector).screenshot({ path }),
      setColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    };
    await checkLearning(driven, { what, ok, shots, phone, width: PHONE.viewport.width });
    await checkNothingElse(browser, what);
  } finally {
    await browser.close();
  }
}

// The single file as a course site would serve it, under a Content-Security-Policy header: the
// README's directives are enough, and without 'wasm-unsafe-eval' the page says what stops it.
// The browser answers the request itself (route.fulfill): nothing is served, nothing is sent.
const README_POLICY =
  "script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; connect-src data:; img-src data:";

async function checkPolicy() {
  const site = "http://127.0.0.1/course/neuron-playground.html";
  const body = readFileSync(fileURLToPath(SINGLE_FILE));
  for (const [policy, works] of [[README_POLICY, true], [README_POLICY.replace(" 'wasm-unsafe-eval'", ""), false]]) {
    const browser = await openBrowser(DESKTOP, site, true);
    const { page } = browser;
    try {
      await page.route(site, (route) =>
        route.fulfill({ body, contentType: "text/html", headers: { "Content-Security-Policy": policy } }),
      );
      if (works) {
        await openPage(page, site, `file: under the policy "${policy}"`);
        await checkNothingElse(browser, "file: under the README's policy");
      } else {
        await page.goto(site);
        await page.waitForSelector("#status.error");
        assert.match(await page.textContent("#status"), /must let it run its inline scripts and WebAssembly/);
        ok(`file: under "${policy}": the page says what stops it`);
      }
    } finally {
      await browser.close();
    }
  }
}

async function main() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { server, url } = await startServer();
  try {
    const wasm = await fetch(url + "node_modules/@micropython/micropython-webassembly-pyscript/micropython.wasm");
    assert.equal(wasm.status, 200, "micropython.wasm is not served: run npm ci first");
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    ok("the server gives micropython.wasm as application/wasm");

    // The served page: every request goes to the local server, and nowhere else.
    await checkDesktop(url + "playground/", url, "served", join(SCREENSHOTS, "screenshot.png"));
    await checkPhone(url + "playground/", url, "served", null);
    await checkLearningPanel(url + "playground/", url, "served, learning", false, SCREENSHOTS);
    await checkLearningPanel(url + "playground/", url, "served on a phone, learning", true, null);
  } finally {
    server.kill();
  }
  // The single file, with no server and the network off: it asks for nothing but itself.
  await checkDesktop(SINGLE_FILE, SINGLE_FILE, "file:", null);
  await checkPhone(SINGLE_FILE, SINGLE_FILE, "file:", join(SCREENSHOTS, "screenshot-phone.png"));
  await checkLearningPanel(SINGLE_FILE, SINGLE_FILE, "file:, learning", false, null);
  await checkLearningPanel(SINGLE_FILE, SINGLE_FILE, "file: on a phone, learning", true, SCREENSHOTS);
  await checkPolicy();
  console.log(`all ${passed.length} checks passed; screenshots in ${SCREENSHOTS}`);
}

await main();
