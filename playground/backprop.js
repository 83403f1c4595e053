// The network view: the article's network learning, one value at a time.
//
// Every number here comes from Python: backprop_page.py, which runs the statements of
// lessons/train.py's own learn(), one by one, and train.py's loss(), feedforward() and learn()
// themselves, in the MicroPython that playground.js starts. This script only draws what they
// return: the network with its weights and biases, the step's values in order with the line of
// train.py that computes each, the people and where the network says 1 or 0, the loss, a table.
// The page fetches ../lessons/train.py, ../lessons/people.py and backprop_page.py, or finds them
// carried in the single file, shows train.py's text and gives MicroPython that very text.
//
// For another part of the page (a class's own table, a link that holds the page's state), once
// the view is ready, globalThis.networkView (also the detail of the event "network-ready" on
// document) gives:
//
//   setData({ names: ["a", "b"], rows: [[0, 1], [1, 0]], y_trues: [1, 0],
//             others: [["c", [0.5, 0.5]]], one: "yes, y_true 1", zero: "no, y_true 0" })
//       the table the network learns from: a name, two numbers and y_true (0 or 1) per row, and
//       people to try that it never learns from (optional), numbers or text, with what the key
//       calls a 1 and a 0 (optional). The network stays; the count of steps starts again.
//       Returns { refused: [...] }: the cells that hold no number (then nothing changes).
//       setData(null) goes back to the article's four people, Emily and Frank.
//   state()   { w: [w1 ... w6], b: [b1, b2, b3], learnRate, person, epoch, steps, everyDigit }
//       (person: the row the next step learns from, counted from 0; epoch = steps // rows)
//   setState({ w, b, learnRate, person, steps, everyDigit })   any of them, numbers or text;
//       returns { refused: [...] }: the parts that held no number, which stay as they were.
//   start("article") or start("random", seed)   the article's start, or train.py's
//       random_neuron() three times after random.seed(seed)
//
// and after every change the view dispatches "network-change" on document, with state() as its
// detail.
const FILES = [ // each file: the id of the element that carries it in the single file, its URL
  { id: "train-py", url: "../lessons/train.py" },
  { id: "backprop-page-py", url: "backprop_page.py" },
  { id: "people-py", url: "../lessons/people.py" },
];
const { loadTexts, draw, scale, pythonInfNan, decimal } = globalThis.playgroundTools; // playground.js's, shared
const GRID = [32, 20]; // the cells where the people's drawing says which side of 0.5 the output is
const PEOPLE_PLOT = { left: 56, right: 456, top: 10, bottom: 238 }; // in a 480 x 300 view box
const LOSS_PLOT = { left: 100, right: 456, top: 38, bottom: 170 }; // in a 480 x 200 view box
const RUN_FRAMES = 20; // 1,000 epochs are shown in 20 pictures, unless the reader asks for less motion
const GROUPS = [
  ["read", "From the network: the article's names for its weights and biases"],
  ["feedforward", "Feedforward: each sum, then its output"],
  ["loss", "How the loss changes with the prediction: d_L_d_ypred, as L = (y_true - y_pred) ** 2"],
  ["partial", "The article's partial derivatives"],
  ["update", "Each weight and bias: dL/dw, the chain rule's product, then w -= learn_rate * dL/dw"],
  ["store", "Back into the neurons"],
];
const ARTICLE_KEY = { one: "female, y_true 1", zero: "male, y_true 0" };

let bp = null; // backprop_page.py, imported in MicroPython
let toJs = null;
let pythonRepr = String;
let state = null; // the view's numbers, from Python
let seen = null; // what the drawings show, from Python
let trace = null; // the step worked out, { values, person, x, y_true, after, ... }, or null
let shown = 0; // how many of its values are shown
let taken = false; // whether the step has been taken (the network changed)
let preview = false; // the step is shown whole, not yet taken: Next value goes through it from the start
let everyDigit = false;
let losses = []; // [step, loss], for the plot
let running = false;
let key = ARTICLE_KEY;
let box = [-20, 30, -8, 8];

function element(id) {
  return document.getElementById(id);
}

function call(name, ...args) {
  return toJs(bp[name](...args));
}

// ---- How numbers are written -------------------------------------------------------------------

// 3 significant digits, as the article writes them: 0.0474, -0.952, -3; Python's exponent form.
function three(x) {
  if (!Number.isFinite(x)) return pythonInfNan(x);
  return String(Number(x.toPrecision(3))).replace(/e([+-])(\d)$/, "e$10$2");
}
// A value as the view writes it now: an int as it is; a float to 3 digits or every digit.
function number(x, isInt = false) {
  if (isInt) return String(x);
  return everyDigit ? pythonRepr(x) : three(x);
}
// On the drawing, at most 8 characters, to fit beside a line or inside a neuron on a phone: 3
// digits, or with every digit, Python's repr where it is short, else 4 digits after ≈ (the list
// beside the drawing writes every digit).
function short(x, isInt = false) {
  if (isInt) return String(x);
  if (!everyDigit) return three(x);
  const full = pythonRepr(x);
  if (full.length <= 7) return full;
  const four = pythonRepr(Number(x.toPrecision(4)));
  return "≈" + (four.length <= 7 ? four : x.toExponential(1).replace(/e([+-])(\d)$/, "e$10$2"));
}
const counted = (n, word) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

// The expression with its names, or with their numbers: a negative number in brackets after an
// operator, as a learner writes it: 1 * (-2) + 1 * (-1) + 0.
function filled(parts) {
  let text = "";
  for (const [piece, value, isInt] of parts) {
    if (value === null || value === undefined) {
      text += piece;
    } else {
      const written = number(value, isInt);
      text += written.startsWith("-") && /[-+*/] $/.test(text) ? `(${written})` : written;
    }
  }
  return text;
}

const formula = (parts) => parts.map(([piece]) => piece).join("");
// For a screen reader: the operators in words.
const spoken = (text) => text.replace(/ \* /g, " times ").replace(/ - /g, " minus ").replace(/ \+ /g, " plus ")
  .replace(/ -= /g, " minus equals ").replace(/\*\* 2/g, "squared");

// ---- train.py, its lines marked ----------------------------------------------------------------

function showSource(text) {
  const code = element("bp-source");
  code.replaceChildren();
  text.split("\n").forEach((line, i) => {
    const span = document.createElement("span");
    span.id = `bp-line-${i + 1}`;
    span.className = "bp-line";
    span.textContent = line + "\n";
    code.append(span);
  });
}

function markLines() {
  for (const node of document.querySelectorAll("#bp-source .bp-done, #bp-source .bp-current")) {
    node.classList.remove("bp-done", "bp-current");
    node.removeAttribute("aria-current");
  }
  if (!trace) return;
  const values = trace.values.slice(0, shown);
  values.forEach((value, i) => {
    const line = element(`bp-line-${value.line}`);
    line.classList.add(i === values.length - 1 && value.kind !== "read" ? "bp-current" : "bp-done");
  });
  const current = document.querySelector("#bp-source .bp-current");
  if (current) {
    current.setAttribute("aria-current", "true");
    // into view inside the code's own box, not by scrolling the page
    const pre = current.closest("pre");
    const top = current.offsetTop - pre.offsetTop;
    if (top < pre.scrollTop || top > pre.scrollTop + pre.clientHeight - 40) pre.scrollTop = top - pre.clientHeight / 3;
  }
}

// ---- The step's values ---------------------------------------------------------------------------

function groupOf(value) {
  if (value.kind !== "value") return value.kind;
  if (value.name === "d_L_d_ypred") return "loss";
  return value.name.startsWith("d_") ? "partial" : "feedforward";
}

// One value as text: its code, its numbers and what it is, for the list and for a screen reader.
function describe(value) {
  if (value.kind === "read") {
    return { code: value.code, numbers: value.names.map(([name, x, isInt]) => `${name} = ${number(x, isInt)}`).join(", ") };
  }
  if (value.kind === "update") {
    const name = value.name;
    const product = `dL/d${name} = ${formula(value.product_parts)} = ${filled(value.product_parts)} = ${number(value.product)}`;
    const bracketed = (x) => (x.startsWith("-") ? `(${x})` : x);
    const change = `${name} = ${number(value.old)} - ${bracketed(number(trace.learn_rate))} * ${bracketed(number(value.product))} = ${number(value.value)}`;
    return { code: value.code, product, numbers: change, result: number(value.value), old: number(value.old) };
  }
  const numbers = filled(value.parts);
  const result = value.kind === "store" ? numbers : number(value.value);
  return { code: value.code, numbers: numbers === result ? "" : numbers, result };
}

function showValues() {
  const list = element("bp-values");
  list.replaceChildren();
  if (!trace) {
    const note = document.createElement("p");
    note.textContent = "Press Next value or One step for the next step, value by value.";
    list.append(note);
    return;
  }
  const person = document.createElement("p");
  person.className = "bp-person";
  const [x1, x2] = trace.x;
  person.textContent = `${trace.name}: x = [${number(x1, trace.x_int[0])}, ${number(x2, trace.x_int[1])}], ` +
    `y_true = ${trace.y_true}, learn_rate = ${number(trace.learn_rate)}` + (taken ? ": the step is taken." : "");
  list.append(person);
  const groups = {};
  trace.values.slice(0, shown).forEach((value, i) => {
    const group = groupOf(value);
    if (!groups[group]) {
      const title = document.createElement("h4");
      title.textContent = GROUPS.find(([name]) => name === group)[1];
      groups[group] = document.createElement("ol");
      groups[group].className = "bp-group";
      list.append(title, groups[group]);
    }
    const item = document.createElement("li");
    item.dataset.name = value.name;
    if (i === shown - 1 && value.kind !== "read") item.className = "bp-latest";
    const said = describe(value);
    const code = document.createElement("code");
    code.textContent = said.code;
    const where = document.createElement("span");
    where.className = "bp-where";
    where.textContent = ` (line ${value.line})`;
    if (value.kind === "update") {
      const product = document.createElement("span");
      product.className = "bp-product";
      product.textContent = said.product;
      item.append(product, document.createElement("br"), code, where, document.createElement("br"));
      item.append(said.numbers);
    } else {
      item.append(code, where);
      if (said.numbers) item.append(document.createElement("br"), said.numbers);
      if (value.kind === "value") {
        const result = document.createElement("strong");
        result.textContent = said.result;
        item.append(said.numbers ? " = " : ": ", result);
      }
    }
    groups[group].append(item);
  });
  const left = trace.values.length - shown;
  if (left > 0) {
    const more = document.createElement("p");
    more.className = "bp-more";
    more.textContent = `${counted(left, "more value")} in this step.`;
    list.append(more);
  }
}

// What a screen reader hears for the value just shown.
function announce(value) {
  const said = describe(value);
  let text;
  if (value.kind === "update") text = `${said.product}. ${said.numbers}, was ${said.old}.`;
  else if (value.kind === "value") text = `${value.name} = ${said.numbers ? said.numbers + " = " : ""}${said.result}.`;
  else text = `${said.code}: ${said.numbers || said.result}.`;
  const first = trace.values.findIndex((v) => v.kind !== "read");
  const count = `Value ${shown - first} of ${trace.values.length - first}: `;
  element("bp-said").textContent = spoken(`${count}${text} Line ${value.line} of train.py.`);
}

// ---- The network, drawn --------------------------------------------------------------------------

// Where each part of the network is, in the 480 x 340 view box: the inputs, h1, h2 and o1 as
// the article draws them, each weight's number beside its line and each bias by its neuron.
const NODES = { x1: [26, 95], x2: [26, 245], h1: [250, 95], h2: [250, 245], o1: [410, 170] };
const EDGES = [["w1", "x1", "h1"], ["w2", "x2", "h1"], ["w3", "x1", "h2"], ["w4", "x2", "h2"], ["w5", "h1", "o1"], ["w6", "h2", "o1"]];
// [name's x, y; number's y]: each label two lines, the name above its number, centred.
const LABELS = {
  w1: [128, 54], w2: [148, 126], w3: [148, 184], w4: [128, 266], w5: [340, 34], w6: [340, 284],
  b1: [250, 22], b2: [250, 300], b3: [410, 222],
};
const PILL = { width: 100, height: 58 };

function drawNetwork() {
  const svg = element("bp-network");
  svg.querySelectorAll(":not(title)").forEach((node) => node.remove());
  const defs = draw(svg, "defs", {});
  const marker = draw(defs, "marker", { id: "bp-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  draw(marker, "path", { d: "M 0 0 L 10 5 L 0 10 z", class: "bp-arrowhead" });
  const edge = (from, to) => {
    const [x1, y1] = NODES[from];
    const [x2, y2] = NODES[to];
    const fromRadius = from.startsWith("x") ? 22 : PILL.width / 2;
    const toRadius = PILL.width / 2;
    // from the right of one shape to the left of the next
    return { x1: x1 + fromRadius, y1, x2: x2 - toRadius, y2 };
  };
  for (const [name, from, to] of EDGES) {
    draw(svg, "line", { ...edge(from, to), class: "bp-edge", id: `bp-edge-${name}` });
  }
  const [ox, oy] = NODES.o1;
  draw(svg, "line", { x1: ox + PILL.width / 2, y1: oy, x2: 476, y2: oy, class: "bp-edge", "marker-end": "url(#bp-arrow)" });
  for (const name of ["x1", "x2"]) {
    const [cx, cy] = NODES[name];
    draw(svg, "circle", { cx, cy, r: 22, class: "bp-node", id: `bp-node-${name}` });
    draw(svg, "text", { x: cx, y: cy + 6, "text-anchor": "middle", class: "bp-name" }, name);
  }
  for (const name of ["h1", "h2", "o1"]) {
    const [cx, cy] = NODES[name];
    draw(svg, "rect", { x: cx - PILL.width / 2, y: cy - PILL.height / 2, width: PILL.width, height: PILL.height, rx: PILL.height / 2, class: "bp-node", id: `bp-node-${name}` });
    draw(svg, "text", { x: cx, y: cy - 6, "text-anchor": "middle", class: "bp-name" }, name);
    draw(svg, "text", { x: cx, y: cy + 20, "text-anchor": "middle", class: "bp-value", id: `bp-out-${name}` }, "");
  }
  for (const [name, [x, y]] of Object.entries(LABELS)) {
    draw(svg, "text", { x, y, "text-anchor": "middle", class: "bp-label-name" }, name);
    draw(svg, "text", { x, y: y + 27, "text-anchor": "middle", class: "bp-value", id: `bp-num-${name}` }, "");
  }
  draw(svg, "text", { x: 4, y: 142, class: "bp-value", id: "bp-in-x1" }, "");
  draw(svg, "text", { x: 4, y: 206, class: "bp-value", id: "bp-in-x2" }, "");
  draw(svg, "text", { x: 4, y: 20, class: "bp-person-label", id: "bp-who" }, "");
}

// The numbers on the drawing: the network's weights and biases, or, as the step's updates are
// shown, their new values; each neuron's output once the step has worked it out.
function showNetwork() {
  const numbers = {};
  state.w.forEach((w, i) => (numbers[`w${i + 1}`] = w));
  state.b.forEach((b, i) => (numbers[`b${i + 1}`] = b));
  const outputs = {};
  const changed = new Set();
  const values = trace && !taken ? trace.values.slice(0, shown) : [];
  for (const value of values) {
    if (value.kind === "update") {
      numbers[value.name] = value.value;
      changed.add(value.name);
    }
    if (["h1", "h2", "o1"].includes(value.name)) outputs[value.name] = value.value;
  }
  for (const [name, value] of Object.entries(numbers)) {
    element(`bp-num-${name}`).textContent = short(value);
    element(`bp-num-${name}`).classList.toggle("bp-changed", changed.has(name));
    element(`bp-edge-${name}`)?.classList.toggle("bp-changed", changed.has(name));
  }
  for (const name of ["h1", "h2", "o1"]) element(`bp-out-${name}`).textContent = name in outputs ? short(outputs[name]) : "";
  const rows = seen.people.filter(([, , truth]) => truth !== null);
  const [who, x] = trace ? [trace.name, trace.x] : [rows[state.person][0], rows[state.person][1]];
  const xInt = trace ? trace.x_int : [false, false];
  element("bp-in-x1").textContent = `= ${short(x[0], xInt[0])}`;
  element("bp-in-x2").textContent = `= ${short(x[1], xInt[1])}`;
  element("bp-who").textContent = who;
  const full = (value) => pythonRepr(value);
  element("bp-network-numbers").textContent =
    `${who}: x1 = ${x[0]}, x2 = ${x[1]}. ` +
    Object.entries(numbers).map(([name, value]) => `${name} = ${full(value)}`).join(", ") + ". " +
    Object.entries(outputs).map(([name, value]) => `${name} outputs ${full(value)}.`).join(" ");
}

// ---- The people, and where the network says 1 or 0 ---------------------------------------------

function at([x1, x2]) {
  const { left, right, top, bottom } = PEOPLE_PLOT;
  return [scale(x1, box[0], box[1], left, right), scale(x2, box[2], box[3], bottom, top)];
}

// The drawing's box: the table's people with room around them, in round numbers.
function boxFor(people) {
  const xs = people.map(([, x]) => x[0]);
  const ys = people.map(([, x]) => x[1]);
  const around = (low, high) => {
    const span = Math.max(high - low, 1e-9);
    const step = 10 ** Math.floor(Math.log10(span / 2));
    return [Math.floor((low - span * 0.15) / step) * step, Math.ceil((high + span * 0.15) / step) * step];
  };
  return [...around(Math.min(...xs), Math.max(...xs)), ...around(Math.min(...ys), Math.max(...ys))];
}

function ticks(low, high) {
  const step = 10 ** Math.floor(Math.log10((high - low) / 2));
  const found = [];
  for (let v = Math.ceil(low / step) * step; v <= high + 1e-9; v += step) found.push(Number(v.toPrecision(6)));
  while (found.length > 6) found.splice(0, found.length, ...found.filter((_, i) => i % 2 === 0));
  return found;
}

function drawPeople() {
  const svg = element("bp-people");
  svg.querySelectorAll(":not(title)").forEach((node) => node.remove());
  const { left, right, top, bottom } = PEOPLE_PLOT;
  draw(svg, "g", { id: "bp-sides" });
  draw(svg, "path", { id: "bp-boundary", class: "bp-boundary", d: "" });
  draw(svg, "rect", { class: "bp-frame", x: left, y: top, width: right - left, height: bottom - top });
  const xTicks = ticks(box[0], box[1]);
  for (const v of xTicks) {
    const [x] = at([v, box[2]]);
    draw(svg, "line", { class: "bp-axis", x1: x, y1: bottom, x2: x, y2: bottom + 5 });
    draw(svg, "text", { class: "bp-tick", x, y: bottom + 20, "text-anchor": "middle" }, String(v));
  }
  for (const v of ticks(box[2], box[3]).slice(1)) { // not the lowest, whose number would meet x1's at the corner
    const [, y] = at([box[0], v]);
    if (y < top + 14) continue; // nor one at the very top, whose number would stick out
    draw(svg, "line", { class: "bp-axis", x1: left - 5, y1: y, x2: left, y2: y });
    draw(svg, "text", { class: "bp-tick", x: left - 8, y: y + 5, "text-anchor": "end" }, String(v));
  }
  const article = key === ARTICLE_KEY;
  draw(svg, "text", { class: "bp-axis-name", x: (left + right) / 2, y: bottom + 52, "text-anchor": "middle" }, article ? "x1 = weight − 135 (lb)" : "x1");
  draw(svg, "text", { class: "bp-axis-name", x: left + 8, y: top + 20, "text-anchor": "start" }, article ? "x2 = height − 66 (in)" : "x2");
  for (const [name, x, truth] of seen.people) {
    const [cx, cy] = at(x);
    const kind = truth === null ? "other" : truth === 1 ? "one" : "zero";
    if (kind === "one") draw(svg, "circle", { class: "bp-mark bp-one", cx, cy, r: 7 });
    else if (kind === "zero") draw(svg, "rect", { class: "bp-mark bp-zero", x: cx - 6.5, y: cy - 6.5, width: 13, height: 13 });
    else draw(svg, "polygon", { class: "bp-mark bp-other", points: `${cx},${cy - 9} ${cx + 9},${cy} ${cx},${cy + 9} ${cx - 9},${cy}` });
    // the name on the side away from the middle, unless that is nearer the edge than the name is long
    const rightSide = article ? ["Alice", "Diana", "Frank"].includes(name) : cx < (left + right) / 2;
    draw(svg, "text", { class: "bp-name-label", x: cx + (rightSide ? 18 : -18), y: cy + 5, "text-anchor": rightSide ? "start" : "end" }, name);
  }
  draw(svg, "circle", { id: "bp-next-ring", class: "bp-next-ring", r: 13, cx: -99, cy: -99 });
}

function showPeople() {
  const { left, right, top, bottom } = PEOPLE_PLOT;
  const [columns, lines] = GRID;
  const width = (right - left) / columns;
  const height = (bottom - top) / lines;
  const sides = element("bp-sides");
  sides.replaceChildren();
  const edges = [];
  seen.grid.forEach((row, line) => {
    let start = 0;
    for (let c = 1; c <= columns; c++) {
      if (c === columns || row[c] !== row[start]) { // a run of cells on one side, as one rectangle
        draw(sides, "rect", { x: left + start * width, y: top + line * height, width: (c - start) * width + 0.5, height: height + 0.5, class: row[start] ? "bp-side-one" : "bp-side-zero" });
        start = c;
      }
      if (c < columns && row[c] !== row[c - 1]) edges.push(`M${(left + c * width).toFixed(1)} ${(top + line * height).toFixed(1)}v${height.toFixed(1)}`);
      if (line > 0 && c - 1 < columns && row[c - 1] !== seen.grid[line - 1][c - 1]) {
        edges.push(`M${(left + (c - 1) * width).toFixed(1)} ${(top + line * height).toFixed(1)}h${width.toFixed(1)}`);
      }
    }
  });
  element("bp-boundary").setAttribute("d", edges.join(""));
  const rows = seen.people.filter(([, , truth]) => truth !== null);
  const [cx, cy] = at(rows[state.person][1]);
  element("bp-next-ring").setAttribute("cx", cx);
  element("bp-next-ring").setAttribute("cy", cy);
}

// ---- The loss ------------------------------------------------------------------------------------

function drawLoss() {
  const svg = element("bp-loss");
  svg.querySelectorAll(":not(title)").forEach((node) => node.remove());
  const { left, right, top, bottom } = LOSS_PLOT;
  const rows = state.rows;
  const plotted = losses.filter(([, loss]) => loss > 0 && Number.isFinite(loss));
  const powers = plotted.map(([, loss]) => Math.log10(loss));
  const highest = Math.min(0, Math.ceil(Math.max(-1, ...powers)));
  const lowest = Math.max(-12, Math.min(highest - 1, Math.floor(Math.min(...powers, 0))));
  const epochs = Math.max(1, Math.ceil(state.steps / rows));
  const x = (step) => scale(step / rows, 0, epochs, left, right);
  const y = (loss) => scale(Math.max(Math.log10(loss), lowest), lowest, highest, bottom, top);
  draw(svg, "line", { class: "bp-axis", x1: left, y1: bottom, x2: right, y2: bottom });
  draw(svg, "line", { class: "bp-axis", x1: left, y1: bottom, x2: left, y2: top });
  const every = Math.ceil((highest - lowest) / 3);
  for (let power = highest; power >= lowest; power--) {
    draw(svg, "line", { class: "bp-axis", x1: left - 5, y1: y(10 ** power), x2: left, y2: y(10 ** power) });
    if ((highest - power) % every === 0) {
      draw(svg, "text", { class: "bp-tick", x: left - 8, y: y(10 ** power) + 5, "text-anchor": "end" }, decimal(power));
    }
  }
  for (const [epoch, anchor] of [[0, "start"], [epochs, "end"]]) {
    draw(svg, "text", { class: "bp-tick", x: x(epoch * rows), y: bottom + 20, "text-anchor": anchor }, epoch.toLocaleString("en"));
  }
  draw(svg, "text", { class: "bp-axis-name", x: (left + right) / 2, y: bottom + 20, "text-anchor": "middle" }, "epochs");
  draw(svg, "text", { class: "bp-axis-name", x: left + 6, y: top - 12, "text-anchor": "start" }, "loss");
  draw(svg, "polyline", { class: "bp-loss-line", points: plotted.map(([s, l]) => `${x(s).toFixed(2)},${y(l).toFixed(2)}`).join(" ") });
  const last = plotted.at(-1);
  if (last) draw(svg, "circle", { class: "bp-loss-point", cx: x(last[0]), cy: y(last[1]), r: 4.5 });
}

// ---- The table -----------------------------------------------------------------------------------

const labelOf = (output) => (output > 0.5 ? `1, ${key.one.split(",")[0]}` : output < 0.5 ? `0, ${key.zero.split(",")[0]}` : "on the line");

function showTable() {
  const body = element("bp-table").tBodies[0];
  body.replaceChildren();
  for (const [name, [x1, x2], truth, output] of seen.people) {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = name;
    row.append(th);
    for (const text of [String(x1), String(x2), truth === null ? "?" : String(truth), `${Number.isFinite(output) ? output.toFixed(3) : pythonInfNan(output)}: ${labelOf(output)}`]) {
      row.insertCell().textContent = text;
    }
  }
}

// ---- What the view shows, and learning -----------------------------------------------------------

function changed() {
  document.dispatchEvent(new CustomEvent("network-change", { detail: publicState() }));
}

function drawNetworkView() {
  seen = call("network_view", box, GRID[0], GRID[1]);
  state = seen;
  showNetwork();
  showPeople();
  drawLoss();
  showTable();
  const select = element("bp-person");
  select.value = String(state.person);
}

// The next step, worked out by Python and not yet taken.
function prepare(reveal) {
  const answer = call("step", !everyDigit);
  const names = seen.people.map(([name]) => name);
  const xs = seen.people[answer.person][1];
  trace = { ...answer, name: names[answer.person], learn_rate: state.learn_rate, x_int: xs.map(Number.isInteger) };
  const reads = trace.values.findIndex((value) => value.kind !== "read");
  shown = reveal ? trace.values.length : reads;
  taken = false;
  preview = reveal;
}

function show() {
  showValues();
  markLines();
  showNetwork();
}

function take() {
  state = call("take");
  taken = true;
  preview = false;
  losses.push([state.steps, call("loss")]);
  drawNetworkView();
  show();
  changed();
}

function stepSummary() {
  const update = trace.values.find((value) => value.name === "w1");
  return `Step ${state.steps} taken, on ${trace.name}: dL/dw1 = ${number(update.product)}, w1 = ${number(update.value)}; ` +
    `the loss is ${three(seen.loss)}. Next: ${seen.people[state.person][0]}.`;
}

function nextValue() {
  pause();
  if (!trace || taken) prepare(false);
  else if (preview) {
    shown = trace.values.findIndex((value) => value.kind !== "read");
    preview = false;
  }
  shown += 1;
  const value = trace.values[shown - 1];
  show();
  if (shown === trace.values.length) {
    take();
    element("bp-status").textContent = stepSummary();
  } else {
    // said once, as the step begins; each value is said by itself (announce)
    const going = `Going through ${trace.name}'s step, value by value.`;
    if (element("bp-status").textContent !== going) element("bp-status").textContent = going;
  }
  announce(value);
}

function oneStep() {
  pause();
  const started = performance.now();
  if (!trace || taken) prepare(true);
  shown = trace.values.length;
  show();
  take();
  element("bp-status").textContent = stepSummary();
  element("bp-said").textContent = spoken(element("bp-status").textContent);
  element("backprop").dataset.stepMs = (performance.now() - started).toFixed(1);
}

function learnSteps(count) {
  const answer = call("learn_steps", count);
  losses.push(...answer.losses);
  trace = null;
  taken = false;
  drawNetworkView();
  show();
  return answer;
}

function oneEpoch() {
  pause();
  const count = state.rows - state.person;
  learnSteps(count);
  element("bp-status").textContent = `Epoch ${state.epoch.toLocaleString("en")} done, by learn() itself: the loss is ${three(seen.loss)}. ${others()}`;
  changed();
}

function others() {
  return seen.people.filter(([, , truth]) => truth === null).map(([name, , , output]) => `${name} ${output.toFixed(3)}: ${labelOf(output)}.`).join(" ");
}

function pause() {
  running = false;
}

async function run() {
  if (running) {
    running = false;
    return;
  }
  running = true;
  const button = element("bp-run");
  button.textContent = "Pause";
  const section = element("backprop");
  section.setAttribute("aria-busy", "true");
  const target = (Math.floor(state.steps / state.rows) + state.epochs) * state.rows;
  const calm = matchMedia("(prefers-reduced-motion: reduce)").matches;
  const chunk = calm ? target - state.steps : Math.ceil((target - state.steps) / RUN_FRAMES);
  const started = performance.now();
  let learning = 0;
  try {
    while (running && state.steps < target) {
      const before = performance.now();
      learnSteps(Math.min(chunk, target - state.steps));
      learning += performance.now() - before;
      element("bp-status").textContent = `Epoch ${state.epoch.toLocaleString("en")}: loss ${three(seen.loss)}`;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }
  } finally {
    const done = state.steps >= target;
    running = false;
    button.textContent = "Run 1,000 epochs";
    section.removeAttribute("aria-busy");
    if (done) {
      section.dataset.runMs = (performance.now() - started).toFixed(0);
      section.dataset.runLearnMs = learning.toFixed(0);
    }
    element("bp-status").textContent = `${done ? "" : "Paused. "}Epoch ${state.epoch.toLocaleString("en")}: the loss is ${three(seen.loss)}. ${others()}`;
    changed();
  }
}

function startFrom(kind, seed) {
  pause();
  state = call("start", kind, seed);
  losses = [[0, call("loss")]];
  drawNetworkView();
  prepare(kind === "article");
  show();
  element("bp-status").textContent = kind === "article"
    ? "The article's worked example: every weight 1, every bias 0, one step of learn() on " +
      `${trace.name}, every value shown. Next value goes through it one value at a time; One step takes it.`
    : `A random start (random.seed(${seed})): the loss is ${three(seen.loss)}.`;
  changed();
}

function startAgain() {
  pause();
  state = call("start_again");
  losses = [[0, call("loss")]];
  drawNetworkView();
  prepare(false);
  show();
  element("bp-status").textContent = `Back to the start: the loss is ${three(seen.loss)}. Next value, or One step.`;
  changed();
}

// Something the next step depends on changed: work it out again, showing as much as before.
function again() {
  if (trace && !taken) {
    const count = shown;
    const whole = preview;
    prepare(whole);
    if (!whole) shown = Math.max(shown, Math.min(count, trace.values.length - 1));
  }
  show();
}

function setLearnRate() {
  const box = element("bp-rate");
  const rate = call("set_learn_rate", box.value);
  const error = element("bp-rate-error");
  if (rate === null || rate === undefined) {
    error.textContent = `Write a number, such as 0.1: learn_rate stays ${pythonRepr(state.learn_rate)}.`;
    box.setAttribute("aria-invalid", "true");
    return;
  }
  error.textContent = "";
  box.removeAttribute("aria-invalid");
  state = call("state");
  seen = { ...seen, ...state };
  again();
  changed();
}

function setDigits(every) {
  everyDigit = every;
  element("bp-digits").setAttribute("aria-pressed", String(every));
  element("bp-digits-note").textContent = every
    ? "Every digit, as train.py computes them (Python's repr)."
    : "Numbers as the article works them by hand: each rounded to 3 digits before it is used.";
  again();
  drawNetworkView();
  changed();
}

function makePeopleChoice() {
  const select = element("bp-person");
  select.replaceChildren();
  seen.people.filter(([, , truth]) => truth !== null).forEach(([name], i) => {
    const option = document.createElement("option");
    option.value = String(i);
    option.textContent = name;
    select.append(option);
  });
  select.value = String(state.person);
}

// ---- What another part of the page uses ----------------------------------------------------------

function publicState() {
  return { w: [...state.w], b: [...state.b], learnRate: state.learn_rate, person: state.person, epoch: state.epoch, steps: state.steps, everyDigit };
}

const text = (value) => (typeof value === "number" ? pythonRepr(value) : String(value));

function setData(table) {
  pause();
  const t = table ?? null;
  const answer = t === null
    ? call("article_table")
    : call("set_table_json", JSON.stringify([t.names.map(String), t.rows.map((row) => row.map(text)), t.y_trues.map(text),
      (t.others ?? []).map(([name]) => String(name)), (t.others ?? []).map(([, x]) => x.map(text))]));
  if (answer.refused.length) return { refused: answer.refused };
  key = t === null ? ARTICLE_KEY : { one: t.one ?? "y_true 1", zero: t.zero ?? "y_true 0" };
  element("bp-key-one").textContent = key.one;
  element("bp-key-zero").textContent = key.zero;
  losses = [[0, call("loss")]];
  relayout();
  changed();
  return { refused: [] };
}

// The people's drawing and the choice of who is next, for the table learned from now.
function layout() {
  seen = call("network_view", [0, 1, 0, 1], 1, 1); // the people, for the box
  box = key === ARTICLE_KEY ? [-20, 30, -8, 8] : boxFor(seen.people);
  drawPeople();
  makePeopleChoice();
}

function relayout() {
  layout();
  drawNetworkView();
  trace = null;
  prepare(false);
  show();
}

function setState(values) {
  pause();
  const texts = {};
  if (values.w) texts.w = values.w.map(text);
  if (values.b) texts.b = values.b.map(text);
  if (values.learnRate !== undefined) texts.learn_rate = text(values.learnRate);
  if (values.person !== undefined) texts.person = text(values.person);
  if (values.steps !== undefined) texts.steps = text(values.steps);
  const answer = call("set_state_json", JSON.stringify(texts));
  if (values.everyDigit !== undefined) {
    everyDigit = Boolean(values.everyDigit);
    element("bp-digits").setAttribute("aria-pressed", String(everyDigit));
  }
  element("bp-rate").value = pythonRepr(answer.learn_rate);
  losses = [[answer.steps, call("loss")]];
  drawNetworkView();
  prepare(false);
  show();
  changed();
  return { refused: answer.refused };
}

// ---- Start -----------------------------------------------------------------------------------

const files = loadTexts(FILES); // at once, while MicroPython loads

let markReady;
const ready = new Promise((resolve) => (markReady = resolve));

document.addEventListener("playground-ready", async (event) => {
  try {
    const [lesson, glue, people] = await files;
    const mp = event.detail.python;
    pythonRepr = event.detail.pythonRepr;
    showSource(lesson);
    drawNetwork();
    mp.FS.writeFile("/people.py", people);
    mp.FS.writeFile("/train.py", lesson); // the text shown is the module imported
    mp.FS.writeFile("/backprop_page.py", glue);
    // A pause between the pieces of the start, so that the page answers in between.
    const breathe = () => new Promise((resolve) => setTimeout(resolve));
    await breathe();
    bp = mp.pyimport("backprop_page");
    toJs = mp.PyProxy.toJs;
    state = call("start", "article");
    element("bp-rate").value = pythonRepr(state.learn_rate);
    layout();
    await breathe();
    startFrom("article");
    element("bp-next").addEventListener("click", nextValue);
    element("bp-step").addEventListener("click", oneStep);
    element("bp-epoch").addEventListener("click", oneEpoch);
    element("bp-run").addEventListener("click", run);
    element("bp-again").addEventListener("click", startAgain);
    element("bp-article").addEventListener("click", () => startFrom("article"));
    element("bp-random").addEventListener("click", () => startFrom("random", Math.floor(Math.random() * 1000) + 1));
    element("bp-rate").addEventListener("input", setLearnRate);
    element("bp-digits").addEventListener("click", () => setDigits(!everyDigit));
    element("bp-person").addEventListener("change", () => {
      pause();
      state = call("set_person", Number(element("bp-person").value));
      drawNetworkView();
      trace = null;
      prepare(false);
      show();
      element("bp-status").textContent = `The next step learns from ${trace.name}.`;
      changed();
    });
    const api = {
      setData, setState, state: publicState, start: (kind, seed = 1) => startFrom(kind, seed), ready,
    };
    globalThis.networkView = api;
    element("backprop").dataset.ready = "true";
    markReady(api);
    document.dispatchEvent(new CustomEvent("network-ready", { detail: api }));
  } catch (error) {
    element("bp-status").textContent = `The network view could not start: ${error.message}`;
    throw error;
  }
});
