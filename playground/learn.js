// The learning panel: the neuron learns the article's four people, and the page's w1, w2 and b
// sliders move as it learns.
//
// Every number here comes from Python: learn_page.py, which calls lessons/one_neuron.py's own
// learn() and loss() through neuron.py, in the MicroPython that playground.js starts. This script
// only draws what they return, and keeps the count of steps and the losses seen, for the plot.
// The page fetches ../lessons/one_neuron.py and learn_page.py, or finds them carried in the
// single file, shows the lesson's text and gives MicroPython that very text to import.
const CARRIED = { lesson: "one-neuron-py", glue: "learn-page-py", people: "people-py" }; // ids in the single file

// The part of the (x1, x2) plane drawn: weight - 135 from -20 to 30 lb, height - 66 from -8 to
// 8 in, which holds the six people with room around them; and where it goes in the SVG.
const BOX = [-20, 30, -8, 8];
const PEOPLE_PLOT = { left: 56, right: 456, top: 10, bottom: 238 }; // in a 480 x 300 view box
const LOSS_PLOT = { left: 100, right: 456, top: 38, bottom: 170 }; // in a 480 x 200 view box
// Which side of its mark each name is written on, clear of the other marks.
const LABEL_SIDE = { Alice: "right", Bob: "left", Charlie: "left", Diana: "right", Emily: "left", Frank: "right" };
const EPOCH = 4; // steps in an epoch: one for each of the four people
const BUTTONS = { "learn-step": 1, "learn-epoch": EPOCH, "learn-epochs": 100 * EPOCH };
const BACKWARDS = { w1: "1", w2: "1", b: "0" }; // heavier and taller says female: all four wrong
const FRAMES = 25; // 100 epochs are shown in 25 pictures, unless the reader asks for less motion

let learner = null; // learn_page.py, imported in MicroPython
let toJs = null;
let setValues = null; // playground.js's: moves the boxes and sliders, and updates the page
let start = null; // the boxes' text when this run of learning began, for "Start again"
let fresh = true; // no step taken since the start, a reset or a change by hand
let steps = 0; // steps taken since then
let person = 0; // the next step learns from data[person]
let losses = []; // [step, loss] since then, for the plot
let busy = false;
let stopped = false; // a change by hand stops the 100 epochs under way

const SVG = "http://www.w3.org/2000/svg";

function element(id) {
  return document.getElementById(id);
}

function draw(parent, tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  parent.append(node);
  return node;
}

function scale(value, low, high, from, to) {
  return from + ((value - low) / (high - low)) * (to - from);
}

function at([x1, x2]) {
  const { left, right, top, bottom } = PEOPLE_PLOT;
  return [scale(x1, BOX[0], BOX[1], left, right), scale(x2, BOX[2], BOX[3], bottom, top)];
}

function boxes() {
  return ["w1", "w2", "b"].map((name) => element(name + "-box").value);
}

// How the panel writes the numbers: outputs to three places, as the lesson prints them; the loss
// to four significant digits, which show one step's change and still show it when it is tiny.
const python = (x) => (Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf"); // what Python writes
const output3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : python(x));
const loss4 = (x) => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : python(x));
const counted = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
// A power of ten as a learner writes it: 1, 0.1, 0.01, ...
const decimal = (power) => (power >= 0 ? String(10 ** power) : "0." + "0".repeat(-power - 1) + "1");

// ---- The people and the boundary --------------------------------------------------------------

function drawPeopleAxes(svg) {
  const { left, right, top, bottom } = PEOPLE_PLOT;
  draw(svg, "polygon", { id: "male-side", class: "male-side", points: `${left},${top} ${right},${top} ${right},${bottom} ${left},${bottom}` });
  draw(svg, "polygon", { id: "female-side", class: "female-side", points: "" });
  draw(svg, "rect", { class: "frame", x: left, y: top, width: right - left, height: bottom - top });
  for (const x1 of [-20, -10, 0, 10, 20, 30]) {
    const [x] = at([x1, 0]);
    draw(svg, "line", { class: "axis", x1: x, y1: bottom, x2: x, y2: bottom + 5 });
    draw(svg, "text", { class: "tick", x, y: bottom + 20, "text-anchor": "middle" }, String(x1));
  }
  for (const x2 of [-4, 0, 4]) { // not -8, whose number would meet x1's -20 at the corner
    const [, y] = at([0, x2]);
    draw(svg, "line", { class: "axis", x1: left - 5, y1: y, x2: left, y2: y });
    draw(svg, "text", { class: "tick", x: left - 8, y: y + 5, "text-anchor": "end" }, String(x2));
  }
  draw(svg, "text", { class: "axis-name", x: (left + right) / 2, y: bottom + 52, "text-anchor": "middle" }, "x1 = weight − 135 (lb)");
  draw(svg, "text", { class: "axis-name", x: left + 8, y: top + 20, "text-anchor": "start" }, "x2 = height − 66 (in)");
  draw(svg, "polyline", { id: "boundary", class: "boundary", points: "" });
  draw(svg, "circle", { id: "next-ring", class: "next-ring", r: 13, cx: -99, cy: -99 });
}

function drawPeople(svg, seen) {
  for (const { name, x, y_true: truth } of seen.people) {
    const kind = truth === null ? "newcomer" : truth === 1 ? "female" : "male";
    const [cx, cy] = at(x);
    if (kind === "female") draw(svg, "circle", { class: "mark female", cx, cy, r: 7 });
    else if (kind === "male") draw(svg, "rect", { class: "mark male", x: cx - 6.5, y: cy - 6.5, width: 13, height: 13 });
    else draw(svg, "polygon", { class: "mark newcomer", points: `${cx},${cy - 9} ${cx + 9},${cy} ${cx},${cy + 9} ${cx - 9},${cy}` });
    const right = LABEL_SIDE[name] === "right";
    draw(svg, "text", { class: "name", x: cx + (right ? 20 : -20), y: cy + 5, "text-anchor": right ? "start" : "end" }, name);
  }
}

function showBoundary(seen) {
  const points = (corners) => corners.map((corner) => at(corner).map((v) => v.toFixed(2)).join(",")).join(" ");
  const placed = seen.boundary !== null; // not where the numbers are too big to place the line
  element("female-side").setAttribute("points", placed ? points(seen.female_side) : "");
  element("boundary").setAttribute("points", placed ? points(seen.boundary) : "");
  element("male-side").style.display = placed ? "" : "none"; // no side shaded, rather than a wrong one
}

function showNext(seen) {
  const [cx, cy] = at(seen.people[person].x); // the four people come first, in the lesson's order
  element("next-ring").setAttribute("cx", cx);
  element("next-ring").setAttribute("cy", cy);
  element("learn-next").textContent = seen.people[person].name;
}

// ---- The table of outputs --------------------------------------------------------------------

function makeTable(seen) {
  const body = element("learn-table").tBodies[0];
  for (const { name, x: [x1, x2], y_true: truth } of seen.people) {
    const row = body.insertRow();
    row.id = "learn-row-" + name;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = name;
    row.append(th);
    for (const text of [String(x1), String(x2), truth === null ? "?" : String(truth), "…"]) {
      row.insertCell().textContent = text;
    }
    row.lastChild.className = "learn-output";
  }
}

function showOutputs(seen) {
  for (const { name, output, says } of seen.people) {
    element("learn-row-" + name).lastChild.textContent = `${output3(output)}, ${says}`;
  }
}

// ---- The loss plot ---------------------------------------------------------------------------

// The loss on a scale of powers of ten, each line down ten times smaller: it falls from 0.7 to
// 0.0001 and keeps falling, which a straight scale would show as a flat line at 0.
function drawLoss() {
  const svg = element("loss-plot");
  svg.querySelectorAll(":not(title)").forEach((node) => node.remove());
  const { left, right, top, bottom } = LOSS_PLOT;
  const shown = losses.filter(([, loss]) => loss > 0 && Number.isFinite(loss));
  const powers = shown.map(([, loss]) => Math.log10(loss));
  const highest = Math.min(0, Math.ceil(Math.max(-1, ...powers))); // the loss is at most 1
  const lowest = Math.max(-12, Math.min(highest - 1, Math.floor(Math.min(...powers, 0))));
  const epochs = Math.max(1, Math.ceil(steps / EPOCH)); // the plot's width, in whole epochs
  const x = (step) => scale(step / EPOCH, 0, epochs, left, right);
  const y = (loss) => scale(Math.max(Math.log10(loss), lowest), lowest, highest, bottom, top);
  draw(svg, "line", { class: "axis", x1: left, y1: bottom, x2: right, y2: bottom });
  draw(svg, "line", { class: "axis", x1: left, y1: bottom, x2: left, y2: top });
  const every = Math.ceil((highest - lowest) / 3); // a mark at each power of ten, four numbers at most
  for (let power = highest; power >= lowest; power--) {
    draw(svg, "line", { class: "axis", x1: left - 5, y1: y(10 ** power), x2: left, y2: y(10 ** power) });
    if ((highest - power) % every === 0) {
      draw(svg, "text", { class: "tick", x: left - 8, y: y(10 ** power) + 5, "text-anchor": "end" }, decimal(power));
    }
  }
  for (const [epoch, anchor] of [[0, "start"], [epochs, "end"]]) {
    draw(svg, "text", { class: "tick", x: x(epoch * EPOCH), y: bottom + 20, "text-anchor": anchor }, String(epoch));
  }
  draw(svg, "text", { class: "axis-name", x: (left + right) / 2, y: bottom + 20, "text-anchor": "middle" }, "epochs");
  draw(svg, "text", { class: "axis-name", x: left + 6, y: top - 12, "text-anchor": "start" }, "loss");
  draw(svg, "polyline", { class: "loss-line", points: shown.map(([s, l]) => `${x(s).toFixed(2)},${y(l).toFixed(2)}`).join(" ") });
  const last = shown.at(-1);
  if (last) draw(svg, "circle", { class: "loss-point", cx: x(last[0]), cy: y(last[1]), r: 4.5 });
}

// ---- Looking and learning --------------------------------------------------------------------

// Asks Python about the boxes' neuron and shows its answer; null where neuron.py refuses a box.
function refresh() {
  const seen = toJs(learner.look(...boxes(), BOX));
  const panel = element("learn");
  panel.classList.toggle("refused", seen.error !== null);
  // Disabled, not just dimmed, while a box is refused: a screen reader says so, and a dimmed
  // button would fail its contrast
  for (const button of panel.querySelectorAll(".learn-buttons button")) button.disabled = seen.error !== null;
  if (seen.error !== null) {
    element("learn-loss").textContent = "?";
    element("learn-neuron").textContent = "?";
    for (const cell of panel.querySelectorAll(".learn-output")) cell.textContent = "?";
    element("learn-status").textContent =
      "The neuron learns once w1, w2 and b hold numbers: see the message above.";
    return null;
  }
  if (fresh) {
    steps = 0;
    person = 0;
    losses = [[0, seen.loss]];
  }
  showBoundary(seen);
  showNext(seen);
  showOutputs(seen);
  element("learn-loss").textContent = loss4(seen.loss);
  const [w1, w2, b] = [...seen.weights, seen.bias].map(output3);
  // no-break spaces, so that a narrow screen breaks the line after a comma, not inside "b = 4"
  element("learn-neuron").textContent = `w1 = ${w1}, w2 = ${w2}, b = ${b}`.replace(/ = /g, "\u00a0=\u00a0");
  element("learn-steps").textContent =
    `${steps} (${counted(Math.floor(steps / EPOCH), "epoch")} and ${counted(steps % EPOCH, "step")})`;
  drawLoss();
  return seen;
}

function summary(seen) {
  const newcomers = seen.people
    .filter(({ y_true: truth }) => truth === null)
    .map(({ name, output, says }) => `${name} ${output3(output)}, ${says}`);
  return `After ${steps} steps: loss ${loss4(seen.loss)}; ${newcomers.join("; ")}.`;
}

// `count` steps of gradient descent, by the lesson's learn(), from the boxes' w1, w2 and b.
function learn(count) {
  if (fresh) start = boxes();
  const trained = toJs(learner.train(...boxes(), count, person));
  fresh = false;
  trained.losses.forEach((loss, i) => losses.push([steps + i + 1, loss]));
  steps += count;
  person = trained.person;
  const [w1, w2] = trained.weights;
  setValues({ w1, w2, b: trained.bias }); // the sliders move; playground.js updates the page
  return refresh();
}

async function press(count) {
  if (busy || element("learn").classList.contains("refused")) return;
  busy = true;
  stopped = false;
  // Busy while it learns: a screen reader hears the end, not the 25 pictures of 100 epochs, here
  // and in the neuron's numbers above.
  for (const id of ["learn", "controls"]) element(id)?.setAttribute("aria-busy", "true");
  try {
    const calm = matchMedia("(prefers-reduced-motion: reduce)").matches;
    const pictures = count >= 100 && !calm ? FRAMES : 1;
    let seen = null;
    for (let i = 0; i < pictures && !stopped; i++) {
      seen = learn(count / pictures);
      if (pictures > 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    if (seen) element("learn-status").textContent = summary(seen);
  } finally {
    busy = false;
    for (const id of ["learn", "controls"]) element(id)?.removeAttribute("aria-busy");
  }
}

function startAgain() {
  stopped = true;
  if (start !== null) setValues({ w1: start[0], w2: start[1], b: start[2] });
  fresh = true;
  const seen = refresh();
  if (seen) element("learn-status").textContent = `Back to the start: loss ${loss4(seen.loss)}.`;
}

function backwards() {
  stopped = true;
  setValues(BACKWARDS);
  fresh = true;
  const seen = refresh();
  if (seen) element("learn-status").textContent = `w1 = 1, w2 = 1, b = 0: loss ${loss4(seen.loss)}. Now learn.`;
}

// ---- Start -----------------------------------------------------------------------------------

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

function loadFiles() {
  const carried = (id) => document.getElementById(id)?.textContent;
  if (carried(CARRIED.lesson) !== undefined) {
    return Promise.resolve([carried(CARRIED.lesson), carried(CARRIED.glue), carried(CARRIED.people)]);
  }
  return Promise.all([fetchText("../lessons/one_neuron.py"), fetchText("learn_page.py"), fetchText("../lessons/people.py")]);
}

const files = loadFiles(); // at once, while MicroPython loads

document.addEventListener("python-ready", async (event) => {
  try {
    const [lesson, glue, people] = await files;
    const { mp } = event.detail;
    setValues = event.detail.setValues;
    element("lesson-source").textContent = lesson;
    mp.FS.writeFile("/one_neuron.py", lesson); // the text shown is the module imported
    mp.FS.writeFile("/learn_page.py", glue);
    mp.FS.writeFile("/people.py", people); // the lesson's data, which it imports
    learner = mp.pyimport("learn_page");
    toJs = mp.PyProxy.toJs;
    const seen = toJs(learner.look(...boxes(), BOX));
    drawPeopleAxes(element("people"));
    drawPeople(element("people"), seen);
    makeTable(seen);
    refresh();
    element("learn-status").textContent = `Ready: loss ${loss4(seen.loss)}. Press a button to learn.`;
    for (const [id, count] of Object.entries(BUTTONS)) element(id).addEventListener("click", () => press(count));
    element("learn-reset").addEventListener("click", startAgain);
    element("learn-backwards").addEventListener("click", backwards);
    // w1, w2 or b changed by hand: learning starts again from there.
    document.addEventListener("input", (changed) => {
      if (!/^(w1|w2|b)-(box|slider)$/.test(changed.target.id)) return;
      stopped = true;
      fresh = true;
      refresh();
    });
    element("learn").dataset.ready = "true";
  } catch (error) {
    element("learn-status").textContent = `The learning panel could not start: ${error.message}`;
    throw error;
  }
});
