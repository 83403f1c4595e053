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
const CARRIED = {
  neuron: "neuron-py", // ids of the elements that carry the files in the single file
  page: "page-py",
  wasm: "micropython-wasm",
};

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
// The drawing area inside the SVG's 440 x 250 view box, leaving room for the axis labels.
const PLOT = { left: 44, right: 430, top: 12, bottom: 218 };

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

function makeRows() {
  const template = element("row-template");
  for (const { name, label, start } of VALUES) {
    const group = template.content.firstElementChild.cloneNode(true); // a <tbody> of two rows
    const box = group.querySelector(".box");
    const slider = group.querySelector(".slider");
    box.id = name + "-box";
    slider.id = name + "-slider";
    group.querySelector("label").htmlFor = box.id;
    group.querySelector("label").textContent = label;
    slider.setAttribute("aria-label", label);
    const error = group.querySelector(".error");
    error.id = name + "-error";
    box.value = start;
    slider.value = start;
    slider.addEventListener("input", () => {
      box.value = slider.value;
      update();
    });
    box.addEventListener("input", () => {
      // The slider follows the box when the box holds a number; the browser keeps it in -10..10.
      const number = Number(box.value);
      if (box.value.trim() !== "" && Number.isFinite(number)) slider.value = number;
      update();
    });
    element("rows").append(group);
    rows[name] = { box, slider, error };
  }
}

// ---- The curve -------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  element("curve").append(node);
  return node;
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
    svg("line", { class: "axis", x1: xOf(z), y1: yOf(0), x2: xOf(z), y2: yOf(0) + 4 });
    svg("text", { class: "tick", x: xOf(z), y: yOf(0) + 16, "text-anchor": "middle" }, String(z));
  }
  svg("text", { class: "tick", x: PLOT.right, y: yOf(0) + 30, "text-anchor": "end" }, "w · x + b");
  for (const output of [0, 1]) {
    svg("text", { class: "tick", x: PLOT.left - 6, y: yOf(output) + 4, "text-anchor": "end" }, String(output));
  }
  svg("line", { class: "half", x1: PLOT.left, y1: yOf(0.5), x2: PLOT.right, y2: yOf(0.5) });
  svg("text", { class: "tick", x: PLOT.left - 6, y: yOf(0.5) + 4, "text-anchor": "end" }, "0.5");
  const path = points.map(([z, output]) => `${xOf(z).toFixed(2)},${yOf(output).toFixed(2)}`);
  svg("polyline", { class: "sigmoid", points: path.join(" ") });
  svg("line", { id: "point-drop", class: "guide", x1: 0, y1: 0, x2: 0, y2: 0 });
  svg("circle", { id: "point", r: 6, cx: xOf(0), cy: yOf(0.5) });
  svg("text", { id: "point-label", class: "tick", x: 0, y: 0 }, "");
}

function drawPoint(sum, output) {
  const point = element("point");
  const label = element("point-label");
  const drop = element("point-drop");
  const visible = !Number.isNaN(sum) && !Number.isNaN(output);
  for (const node of [point, label, drop]) node.style.display = visible ? "" : "none";
  if (!visible) return;
  const z = Math.min(Math.max(sum, Z_LOW), Z_HIGH); // a sum off the chart sits at its edge
  const offChart = z !== sum;
  point.setAttribute("cx", xOf(z));
  point.setAttribute("cy", yOf(output));
  point.classList.toggle("off-chart", offChart);
  drop.setAttribute("x1", xOf(z));
  drop.setAttribute("x2", xOf(z));
  drop.setAttribute("y1", yOf(output));
  drop.setAttribute("y2", yOf(0));
  const labelOnLeft = z > 0; // on the side away from the chart's nearer edge
  label.setAttribute("x", xOf(z) + (labelOnLeft ? -10 : 10));
  label.setAttribute("y", yOf(output) + (output > 0.5 ? 40 : -40)); // clear of the curve
  label.setAttribute("text-anchor", labelOnLeft ? "end" : "start");
  label.textContent = (offChart ? "off the chart: " : "") + `sigmoid(${pythonRepr(sum)})`;
}

// ---- The numbers -----------------------------------------------------------------------------

function termsText() {
  // w1·x1 + w2·x2 + b with the boxes' text, a negative number in brackets: 1·(-3)
  const shown = (name) => {
    const text = rows[name].box.value.trim();
    return text.startsWith("-") ? `(${text})` : text;
  };
  return `${shown("w1")}·${shown("x1")} + ${shown("w2")}·${shown("x2")} + ${shown("b")}`;
}

// neuron.py's refusal, in the page's words and in its own: which box, and what neuron.py said.
function showRefusal(answer) {
  const { box, named, error: message } = answer;
  const label = LABELS[box];
  // "weight w1 is weights[0] to neuron.py": its lists count from 0, the labels from 1
  const alias = named === label.split(" ")[0] ? "" : `, its ${named} (lists count from 0)`;
  const words = document.createElement("span");
  words.className = "refusal";
  words.textContent = `neuron.py refused ${label}${alias}:`;
  const said = document.createElement("code");
  said.className = "message";
  said.textContent = message;
  rows[box].error.replaceChildren(words, " ", said);
  rows[box].box.setAttribute("aria-invalid", "true");
}

// The article's picture: every number on it is one that neuron.py (through page.py) returned.
function drawDiagram(answer) {
  const shown = (value) => (value === null ? "?" : pythonRepr(value));
  const [w1, w2] = answer.weights ?? [null, null];
  const [x1, x2] = answer.inputs ?? [null, null];
  const [t1, t2] = answer.terms ?? [null, null];
  const texts = {
    x1: shown(x1),
    x2: shown(x2),
    w1: `w1 = ${shown(w1)}`,
    w2: `w2 = ${shown(w2)}`,
    t1: shown(t1),
    t2: shown(t2),
    b: `b = ${shown(answer.bias)}`,
    sum: shown(answer.sum),
    output: `y = ${shown(answer.output)}`,
  };
  for (const [name, text] of Object.entries(texts)) element("diagram-" + name).textContent = text;
}

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
  const note = element("output-note");
  element("sum-terms").textContent = termsText();
  drawDiagram(answer);
  if (answer.error !== null) {
    // neuron.py refused a value: its own message goes under the box it names
    if (answer.box) showRefusal(answer);
    element("sum").textContent = "?";
    element("output").textContent = "no output";
    note.textContent = answer.box
      ? `neuron.py refused ${LABELS[answer.box]}: see the message under it`
      : answer.error;
    note.className = "error";
    drawPoint(NaN, NaN);
    return;
  }
  const { sum, output } = answer;
  element("sum").textContent = pythonRepr(sum);
  element("output").textContent = pythonRepr(output);
  if (Number.isNaN(output)) {
    note.textContent =
      "not a number: inf × 0 or inf − inf in the sum has no value, and sigmoid(nan) is nan, as in NumPy";
    note.className = "warning";
  } else {
    note.textContent = "";
    note.className = "";
  }
  drawPoint(sum, output);
}

// For the learning panel (learn.js): numbers, or a box's text, into boxes and sliders as if typed,
// e.g. {w1: 0.5, b: "4"}.
export function setValues(values) {
  for (const [name, value] of Object.entries(values)) {
    rows[name].box.value = typeof value === "string" ? value : pythonRepr(value);
    rows[name].slider.value = value;
  }
  update();
}

// The files and MicroPython: carried in the single file, else fetched from the server.
async function loadFiles() {
  const carried = (id) => document.getElementById(id)?.textContent;
  if (carried(CARRIED.neuron) !== undefined) {
    // MicroPython's glue, a module script before this one, left its loader here
    const wasm = "data:application/wasm;base64," + carried(CARRIED.wasm).replace(/\s/g, "");
    const mp = await globalThis.loadMicroPython({ url: wasm });
    return { source: carried(CARRIED.neuron), pageSource: carried(CARRIED.page), mp };
  }
  const [source, pageSource] = await Promise.all([fetchText("../neuron.py"), fetchText("page.py")]);
  // Imported here, not at the top, so that a missing package shows as a message on the page
  const { loadMicroPython } = await import(MICROPYTHON);
  return { source, pageSource, mp: await loadMicroPython() };
}

async function start() {
  const started = performance.now();
  makeRows();
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
  const milliseconds = Math.round(performance.now() - started);
  showStatus(`Python is running: ${version}, started in ${milliseconds} ms.`);
  document.dispatchEvent(new CustomEvent("python-ready", { detail: { mp, setValues } })); // learn.js
}

start().catch((error) => {
  const help = document.getElementById(CARRIED.neuron)
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
