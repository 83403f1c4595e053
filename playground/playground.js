// The playground page: sliders and boxes in, neuron.py's answers out.
//
// Python runs in the page: MicroPython compiled to WebAssembly, from the npm package that
// package.json pins as its one dependency (`npm ci --omit=dev` puts it alone in node_modules),
// served by the same local server as this page, so nothing comes from the internet. The page
// fetches ../neuron.py and page.py, shows neuron.py's text and gives the very same text to
// MicroPython to import.
//
// The single file neuron-playground.html (build_single_file.py) carries all of that inside it
// instead: neuron.py's and page.py's text in <script type="text/plain"> elements, MicroPython's
// glue code in a module script before this one, and its .wasm as base64, given to MicroPython as a
// data: URL. This script looks for those first, so that the page and the file run the same code.
const MICROPYTHON = "../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs";
// The files this script runs: the id of the element that carries each in the single file, and
// where the server has it.
const FILES = [
  { id: "neuron-py", url: "../neuron.py" },
  { id: "page-py", url: "page.py" },
];
const WASM_ID = "micropython-wasm"; // MicroPython's .wasm, as base64, in the single file

// The five values, starting at the article's worked example: Neuron([0, 1], 4).feedforward([2, 3]).
const VALUES = [
  { name: "w1", label: "weight w1", start: "0" },
  { name: "w2", label: "weight w2", start: "1" },
  { name: "b", label: "bias b", start: "4" },
  { name: "x1", label: "input x1", start: "2" },
  { name: "x2", label: "input x2", start: "3" },
];

const LABELS = Object.fromEntries(VALUES.map(({ name, label }) => [name, label]));

// The curve is drawn from z = -10 to 10, where the sigmoid goes from 0.00005 to 0.99995: the
// whole S. A sum outside shows as a point at the edge, with its value written beside it.
const Z_LOW = -10;
const Z_HIGH = 10;
const CURVE_STEPS = 400;
// The drawing area inside the SVG's 440 x 260 view box, leaving room for the axis labels.
const PLOT = { left: 50, right: 428, top: 14, bottom: 206 };

// The buttons above the boxes. The gates are the micro:bit section's AND gate (README.md) and
// its OR and NAND cousins: with x1 and x2 each 0 or 1, the output is over 0.5 for a 1.
const PRESETS = {
  article: { w1: "0", w2: "1", b: "4", x1: "2", x2: "3" },
  and: { w1: "1", w2: "1", b: "-1.5", x1: "1", x2: "1" },
  or: { w1: "1", w2: "1", b: "-0.5", x1: "1", x2: "0" },
  nand: { w1: "-1", w2: "-1", b: "1.5", x1: "1", x2: "1" },
  half: { w1: "0", w2: "1", b: "-3", x1: "2", x2: "3" }, // 0·2 + 1·3 - 3 = 0, and sigmoid(0) = 0.5
};

// Python's repr of a float, the way CPython prints it: the shortest digits that read back as the
// same float. JavaScript finds the same shortest digits (toExponential() with no argument), but
// writes 1e-7 where Python writes 1e-07, 0.00001 where Python writes 1e-05, and 7 where Python
// writes 7.0. (MicroPython's own repr sometimes gives one digit more than CPython, the same float
// but not the digits a learner sees in CPython: 0.8062578411350551 for 0.806257841135055.)
export function pythonRepr(x) {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [digits, exponentText] = x.toExponential().split("e"); // 7 -> "7e+0" -> "7", "+0"
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    // Python's float repr switches to this form below 1e-4 and from 1e16 up
    const sign = exponent < 0 ? "-" : "+";
    return digits + "e" + sign + String(Math.abs(exponent)).padStart(2, "0");
  }
  const plain = String(x); // between 1e-4 and 1e16 JavaScript writes the digits out in full
  return plain.includes(".") ? plain : plain + ".0";
}

// A number for the drawing, in at most 8 characters, so that it fits the room the drawing keeps
// for it: Python's repr where that is short enough, else the most digits that fit, rounded, in
// Python's way of writing (7.0600000000000005 -> 7.06, 123456789.0 -> 1.2346e+08). A shortened
// number starts with ≈; the page writes every number in full beside the drawing.
export const SHORT = 8;
export function shortRepr(x) {
  const full = pythonRepr(x);
  if (full.length <= SHORT) return full;
  for (let digits = SHORT - 2; digits >= 1; digits--) {
    const plain = pythonRepr(Number(x.toPrecision(digits)));
    if (plain.length <= SHORT) return "≈" + plain;
    const [mantissa, exponent] = x.toExponential(digits - 1).split("e");
    const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
    const power = Number(exponent);
    const written = `${trimmed}e${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
    if (written.length <= SHORT) return "≈" + written;
  }
  throw new Error(`no short form for ${full}`); // never: -5e-324 is 7 characters
}

const rows = {}; // name -> { box, slider, error }
let page = null; // page.py, imported in MicroPython
let toJs = null; // turns a Python list handed to JavaScript into a JavaScript array

function element(id) {
  return document.getElementById(id);
}

function showStatus(text, isError = false) {
  element("status").textContent = text;
  element("status").classList.toggle("error", isError);
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

// The text of each file in `files`, in order: the single file's copy where it carries one (the
// element with the file's id), else the server's (from its url).
function loadTexts(files) {
  return Promise.all(files.map(({ id, url }) => document.getElementById(id)?.textContent ?? fetchText(url)));
}

function makeRows() {
  const template = element("row-template");
  for (const { name, label, start } of VALUES) {
    const group = template.content.firstElementChild.cloneNode(true); // a <tbody> of two rows
    const box = group.querySelector(".box");
    const slider = group.querySelector(".slider");
    const error = group.querySelector(".error");
    box.id = name + "-box";
    slider.id = name + "-slider";
    error.id = name + "-error";
    group.querySelector("label").htmlFor = box.id;
    group.querySelector("label").textContent = label;
    slider.setAttribute("aria-label", label);
    box.setAttribute("aria-describedby", error.id); // a screen reader reads the refusal with its box
    box.value = start;
    slider.value = start;
    slider.addEventListener("input", () => {
      box.value = slider.value;
      update();
    });
    // The slider follows the box where Python reads a number in it (update does that), so that
    // 0x10, which Python refuses, leaves the slider where it was, and inf puts it at its end.
    box.addEventListener("input", update);
    element("rows").append(group);
    rows[name] = { box, slider, error };
  }
}

// Writes values into the boxes, as if typed, and shows what the neuron makes of them. A number
// is written as Python's repr writes it, so that Python reads back the very same float.
export function setValues(values) {
  for (const [name, value] of Object.entries(values)) {
    if (!(name in rows)) throw new Error(`no box named ${name}: the boxes are ${VALUES.map((v) => v.name)}`);
    rows[name].box.value = typeof value === "number" ? pythonRepr(value) : String(value);
  }
  update();
}

// The boxes' text, as the page gives it to Python.
export function boxTexts() {
  return Object.fromEntries(VALUES.map(({ name }) => [name, rows[name].box.value]));
}

function makePresets() {
  for (const button of document.querySelectorAll("#presets button")) {
    button.addEventListener("click", () => setValues(PRESETS[button.dataset.preset]));
  }
}

// ---- The curve -------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

// A new SVG element, `tag` with its attributes (and its text, if given), at the end of parent.
function draw(parent, tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  parent.append(node);
  return node;
}

// Where value, from low to high, falls between from and to: a number to a place in a drawing.
function scale(value, low, high, from, to) {
  return from + ((value - low) / (high - low)) * (to - from);
}

// How Python writes a float that is no finite number: nan, inf or -inf.
function pythonInfNan(x) {
  return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
}

// A power of ten as a learner writes it: 1, 0.1, 0.01, ...
function decimal(power) {
  return power >= 0 ? String(10 ** power) : "0." + "0".repeat(-power - 1) + "1";
}

function svg(tag, attributes, text) {
  return draw(element("curve"), tag, attributes, text);
}

function xOf(z) {
  return PLOT.left + ((z - Z_LOW) / (Z_HIGH - Z_LOW)) * (PLOT.right - PLOT.left);
}

function yOf(output) {
  return PLOT.bottom - output * (PLOT.bottom - PLOT.top);
}

function drawCurve(points) {
  svg("line", { class: "axis", x1: PLOT.left, y1: yOf(0), x2: PLOT.right, y2: yOf(0) });
  svg("line", { class: "axis", x1: PLOT.left, y1: yOf(0), x2: PLOT.left, y2: yOf(1) });
  for (const z of [-10, -5, 0, 5, 10]) {
    svg("line", { class: "axis", x1: xOf(z), y1: yOf(0), x2: xOf(z), y2: yOf(0) + 5 });
    const anchor = z === 10 ? "end" : "middle"; // 10 kept inside the frame
    svg("text", { class: "tick", x: xOf(z) + (z === 10 ? 4 : 0), y: yOf(0) + 22, "text-anchor": anchor }, String(z));
  }
  svg("text", { class: "tick", x: PLOT.right, y: yOf(0) + 44, "text-anchor": "end" }, "w · x + b");
  for (const output of [0, 1]) {
    svg("text", { class: "tick", x: PLOT.left - 8, y: yOf(output) + 5, "text-anchor": "end" }, String(output));
  }
  svg("line", { class: "half", x1: PLOT.left, y1: yOf(0.5), x2: PLOT.right, y2: yOf(0.5) });
  svg("text", { class: "tick", x: PLOT.left - 8, y: yOf(0.5) + 5, "text-anchor": "end" }, "0.5");
  const path = points.map(([z, output]) => `${xOf(z).toFixed(2)},${yOf(output).toFixed(2)}`);
  svg("polyline", { class: "sigmoid", points: path.join(" ") });
  svg("line", { id: "point-drop", class: "guide", x1: 0, y1: 0, x2: 0, y2: 0 });
  svg("circle", { id: "point", r: 6, cx: xOf(0), cy: yOf(0.5) });
  svg("text", { id: "point-label", class: "tick point-text", x: 0, y: 0 }, "");
  svg("text", { id: "point-note", class: "tick point-text", x: 0, y: 0 }, "");
}

function drawPoint(sum, output) {
  const point = element("point");
  const label = element("point-label");
  const note = element("point-note");
  const drop = element("point-drop");
  const visible = sum !== null && output !== null && !Number.isNaN(sum) && !Number.isNaN(output);
  for (const node of [point, label, note, drop]) node.style.display = visible ? "" : "none";
  if (!visible) {
    element("curve-numbers").textContent = "No point: the neuron has no output now.";
    return;
  }
  const z = Math.min(Math.max(sum, Z_LOW), Z_HIGH); // a sum off the chart sits at its edge
  const offChart = z !== sum;
  point.setAttribute("cx", xOf(z));
  point.setAttribute("cy", yOf(output));
  point.classList.toggle("off-chart", offChart);
  drop.setAttribute("x1", xOf(z));
  drop.setAttribute("x2", xOf(z));
  drop.setAttribute("y1", yOf(output));
  drop.setAttribute("y2", yOf(0));
  // The label goes in a corner the curve never enters, away from the point: top left for a point
  // on the right half (where the curve is over 0.5), bottom right for one on the left half.
  const topLeft = z > 0;
  for (const [node, line] of [[label, 0], [note, 1]]) {
    node.setAttribute("x", topLeft ? PLOT.left + 8 : PLOT.right - 6);
    node.setAttribute("y", (topLeft ? yOf(0.86) : yOf(0.22)) + 21 * line);
    node.setAttribute("text-anchor", topLeft ? "start" : "end");
  }
  label.textContent = `sigmoid(${shortRepr(sum)})`;
  note.textContent = offChart ? "off the chart" : "";
  element("curve-numbers").textContent =
    `The point is at sum ${pythonRepr(sum)}, output ${pythonRepr(output)}` +
    (offChart ? ", off the chart, drawn at its edge." : ".");
}

// ---- The numbers -----------------------------------------------------------------------------

// A box's text as the sums beside the drawing write it, a negative number in brackets: 1·(-3),
// and an empty box as ?
function boxShown(name) {
  const text = rows[name].box.value.trim();
  if (text === "") return "?";
  return text.startsWith("-") ? `(${text})` : text;
}

// A refusal under its box: what to write, then neuron.py's own message, in the page's words.
function showRefusal(box, { hint, named, error: message }) {
  const label = LABELS[box];
  // "weight w1 is weights[0] to neuron.py": its lists count from 0, the labels from 1
  const alias = named === label.split(" ")[0] ? "" : `, its ${named} (lists count from 0)`;
  const advice = document.createElement("span");
  advice.className = "hint";
  advice.textContent = hint.charAt(0).toUpperCase() + hint.slice(1) + ".";
  const words = document.createElement("span");
  words.className = "refusal";
  words.textContent = `neuron.py refused ${label}${alias}:`;
  const said = document.createElement("code");
  said.className = "message";
  said.textContent = message;
  rows[box].error.replaceChildren(advice, " ", words, " ", said);
  rows[box].box.setAttribute("aria-invalid", "true");
}

// The article's picture: every number on it is one that neuron.py (through page.py) returned,
// shortened to fit; a part the boxes do not give yet shows "?".
function drawDiagram(answer) {
  const shown = (value) => (value === null ? "?" : shortRepr(value));
  const named = (name, value) => {
    const text = shown(value);
    return text.startsWith("≈") ? `${name} ≈ ${text.slice(1)}` : `${name} = ${text}`;
  };
  const [w1, w2] = answer.weights;
  const [x1, x2] = answer.inputs;
  const [t1, t2] = answer.terms;
  const texts = {
    x1: shown(x1),
    x2: shown(x2),
    w1: named("w1", w1),
    w2: named("w2", w2),
    t1: shown(t1),
    t2: shown(t2),
    b: named("b", answer.bias),
    sum: shown(answer.sum),
    output: named("y", answer.output),
  };
  for (const [name, text] of Object.entries(texts)) element("diagram-" + name).textContent = text;
  // The same numbers in full, for a screen reader
  const full = (value) => (value === null ? "not given" : pythonRepr(value));
  element("diagram-numbers").textContent =
    `x1 = ${full(x1)} times w1 = ${full(w1)} gives ${full(t1)}; ` +
    `x2 = ${full(x2)} times w2 = ${full(w2)} gives ${full(t2)}; ` +
    `their sum with b = ${full(answer.bias)} is ${full(answer.sum)}; ` +
    `the sigmoid of that is y = ${full(answer.output)}.`;
}

// Each slider follows what Python read in its box: to its end for a number past it, and not at
// all for a box with no number in it.
function followBoxes(read) {
  for (const [name, { slider }] of Object.entries(rows)) {
    const value = read[name];
    if (value === null || Number.isNaN(value)) continue;
    const min = Number(slider.min);
    const max = Number(slider.max);
    slider.value = String(Math.min(Math.max(value, min), max));
    if (value < min || value > max) {
      slider.setAttribute("aria-valuetext", `${pythonRepr(value)}, past the slider's end`);
    } else {
      slider.removeAttribute("aria-valuetext");
    }
  }
}

let lastAnswer = null;

function update() {
  if (page === null) return; // Python is still loading: the first update comes when it is ready
  for (const { box, error } of Object.values(rows)) {
    error.replaceChildren();
    box.removeAttribute("aria-invalid");
  }
  // The boxes' text goes to Python, not JavaScript numbers: MicroPython 1.27 hands a whole
  // JavaScript number over as a 32-bit int, so 3000000000 would arrive as -1294967296, 1e300 as 0.
  const texts = VALUES.map(({ name }) => rows[name].box.value);
  const answer = toJs(page.evaluate(...texts));
  lastAnswer = answer;
  followBoxes(answer.read);
  drawDiagram(answer);
  const [t1, t2] = answer.terms;
  const full = (value) => (value === null ? "?" : pythonRepr(value));
  element("product1-terms").textContent = `${boxShown("w1")}·${boxShown("x1")}`;
  element("product2-terms").textContent = `${boxShown("w2")}·${boxShown("x2")}`;
  element("product1").textContent = full(t1);
  element("product2").textContent = full(t2);
  element("sum-terms").textContent = `${element("product1-terms").textContent} + ` +
    `${element("product2-terms").textContent} + ${boxShown("b")}`;
  element("sum").textContent = full(answer.sum);
  for (const [box, refusal] of Object.entries(answer.refused)) showRefusal(box, refusal);
  const note = element("output-note");
  // in the page's order (a MicroPython dict keeps no order)
  const refused = VALUES.map(({ name }) => name).filter((name) => name in answer.refused);
  if (refused.length || answer.waiting.length) {
    element("output").textContent = "no output";
    const said = [];
    if (refused.length) {
      said.push(`neuron.py refused ${refused.map((name) => LABELS[name]).join(" and ")}: ` +
        `see the message under ${refused.length > 1 ? "each" : "it"}`);
    }
    if (answer.waiting.length) {
      said.push(`waiting for a number in ${answer.waiting.map((name) => LABELS[name]).join(" and ")}`);
    }
    note.textContent = said.join("; ");
    note.className = refused.length ? "error" : "";
    drawPoint(null, null);
  } else {
    const { sum, output } = answer;
    element("output").textContent = pythonRepr(output);
    if (Number.isNaN(output)) {
      note.textContent = `not a number: ${answer.nan_from}, and sigmoid(nan) is nan, as in NumPy`;
      note.className = "warning";
    } else {
      note.textContent = "";
      note.className = "";
    }
    drawPoint(sum, output);
  }
  document.dispatchEvent(new CustomEvent("playground-change", { detail: { texts: boxTexts(), answer } }));
}

// The files and MicroPython: carried in the single file, else fetched from the server.
async function loadFiles() {
  const [source, pageSource] = await loadTexts(FILES);
  const wasm = document.getElementById(WASM_ID)?.textContent;
  if (wasm !== undefined) {
    // MicroPython's glue, a module script before this one, left its loader here
    const mp = await globalThis.loadMicroPython({ url: "data:application/wasm;base64," + wasm.replace(/\s/g, "") });
    return { source, pageSource, mp };
  }
  // Imported here, not at the top, so that a missing package shows as a message on the page
  const { loadMicroPython } = await import(MICROPYTHON);
  return { source, pageSource, mp: await loadMicroPython() };
}

async function start() {
  const started = performance.now();
  makeRows();
  makePresets();
  const { source, pageSource, mp } = await loadFiles();
  element("source").textContent = source;
  mp.FS.writeFile("/neuron.py", source); // the text shown is the module imported
  mp.FS.writeFile("/page.py", pageSource);
  page = mp.pyimport("page");
  toJs = mp.PyProxy.toJs;
  const version = page.python_version();
  element("python-version").textContent = version + " compiled to WebAssembly";
  drawCurve(toJs(page.curve(Z_LOW, Z_HIGH, CURVE_STEPS)));
  update();
  performance.mark("worked-example-shown"); // for the browser test: when the output was written
  const milliseconds = Math.round(performance.now() - started);
  showStatus(`Python is running: ${version}, started in ${milliseconds} ms.`);
  // The other parts of the page (learn.js) start once the worked example has been drawn, so
  // that their own start-up does not hold back its first paint.
  requestAnimationFrame(() => setTimeout(() => {
    document.dispatchEvent(new CustomEvent("python-ready", { detail: { mp, setValues } })); // learn.js
    announceReady(mp);
  }));
}

// For other parts of the page, such as a learning panel with a script of its own: once Python
// runs, globalThis.neuronPlayground holds what they need, and the event "playground-ready" on
// document carries the same. They set the boxes with setValues({ w1: 0.5, b: -1 }) (numbers or
// box text), or by dispatching a "playground-set" event on document with those values as its
// detail; after each change the page dispatches "playground-change" with the boxes' text and
// page.py's answer. `python` is the MicroPython that runs neuron.py, with neuron.py in its files.
function announceReady(mp) {
  const api = { setValues, boxTexts, answer: () => lastAnswer, python: mp, pythonRepr, shortRepr };
  globalThis.neuronPlayground = api;
  document.addEventListener("playground-set", (event) => setValues(event.detail));
  document.dispatchEvent(new CustomEvent("playground-ready", { detail: api }));
}

// For the page's other scripts, learn.js and backprop.js, which run after this one: the same
// loader for their own files (lessons/one_neuron.py, train.py...), the same drawing helpers and
// the same way of writing numbers.
globalThis.playgroundTools = { loadTexts, draw, scale, pythonInfNan, decimal };

start().catch((error) => {
  const help = document.getElementById(WASM_ID)
    ? // the single file: what stops it is a web site's Content-Security-Policy, or an old browser
      "A web site that serves this file must let it run its inline scripts and WebAssembly: " +
      "see the README's Content-Security-Policy. Opened from a file, it needs a browser " +
      "that runs WebAssembly."
    : "Serve the repository's top folder after npm ci " +
      "(see the README: npm ci --omit=dev && python3 -m http.server --bind 127.0.0.1 8000), " +
      "then open http://127.0.0.1:8000/playground/, or open the single file " +
      "playground/neuron-playground.html.";
  showStatus(`Python could not start: ${error.message}. ${help}`, true);
  throw error;
});
