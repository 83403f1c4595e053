// The learning panel: the neuron learns the article's four people, or the table the page learns
// from (table.js: a ready table or a class's own), and the page's w1, w2 and b sliders move as it
// learns.
//
// Every number here comes from Python: learn_page.py, which calls lessons/one_neuron.py's own
// learn() and loss() through neuron.py, in the MicroPython that playground.js starts. This script
// only draws what they return, and keeps the count of steps and the losses seen, for the plot.
// The page fetches ../lessons/one_neuron.py, ../lessons/people.py (the lesson's data, which it
// imports), learn_page.py and table_page.py (the table the page learns from, which learn_page.py
// imports), or finds them carried in the single file, shows the lesson's text and gives
// MicroPython that very text to import.
const FILES = [ // each file: the id of the element that carries it in the single file, its URL
  { id: "one-neuron-py", url: "../lessons/one_neuron.py" },
  { id: "learn-page-py", url: "learn_page.py" },
  { id: "people-py", url: "../lessons/people.py" },
  { id: "table-page-py", url: "table_page.py" },
];
const { loadTexts, draw, scale, pythonInfNan, decimal } = globalThis.playgroundTools; // playground.js's, shared

// The part of the (x1, x2) plane drawn comes with the table (table_page.py): for the four people,
// weight - 135 from -20 to 30 lb, height - 66 from -8 to 8 in, which holds the six people with
// room around them. Where it goes in the SVG:
let drawnBox = [-20, 30, -8, 8];
const PEOPLE_PLOT = { left: 56, right: 456, top: 10, bottom: 238 }; // in a 480 x 300 view box
const LOSS_PLOT = { left: 100, right: 456, top: 38, bottom: 170 }; // in a 480 x 200 view box
// Which side of its mark each of the article's people's name is written on, clear of the other
// marks; another table's names go where they meet nothing (placeNames).
const LABEL_SIDE = { Alice: "right", Bob: "left", Charlie: "left", Diana: "right", Emily: "left", Frank: "right" };
let stepsPerEpoch = 4; // steps in an epoch: one for each row of the table (the four people)
const EPOCHS = 100; // the third button's epochs
const ALL_FOUR_WRONG = { w1: "1", w2: "1", b: "0" }; // heavier and taller says female: all four wrong
let table = null; // the table learned from, as table_page.in_use() gives it
const FRAMES = 25; // 100 epochs are shown in 25 pictures, unless the reader asks for less motion

let learner = null; // learn_page.py, imported in MicroPython
let tables = null; // table_page.py, which holds the table learned from
let toJs = null;
let setValues = null; // playground.js's: moves the boxes and sliders, and updates the page
let start = null; // the boxes' text when this run of learning began, for "Start again"
let fresh = true; // no step taken since the start, a reset or a change by hand
let steps = 0; // steps taken since then
let person = 0; // the next step learns from data[person]
let losses = []; // [step, loss] since then, for the plot
let busy = false;
let stopped = false; // a change by hand stops the 100 epochs under way

function element(id) {
  return document.getElementById(id);
}

function at([x1, x2]) {
  const { left, right, top, bottom } = PEOPLE_PLOT;
  return [scale(x1, drawnBox[0], drawnBox[1], left, right), scale(x2, drawnBox[2], drawnBox[3], bottom, top)];
}

function boxes() {
  return ["w1", "w2", "b"].map((name) => element(name + "-box").value);
}

// The learn rate's box: the lesson's 0.1 at first; a box that is no number above 0 is refused,
// with what to write, and the panel waits.
function rate() {
  return element("learn-rate").value;
}

// How the panel writes the numbers: outputs to three places, as the lesson prints them; the loss
// to four significant digits, which show one step's change and still show it when it is tiny.
const output3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : pythonInfNan(x));
const loss4 = (x) => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : pythonInfNan(x));
const counted = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

// ---- The people and the boundary --------------------------------------------------------------

function drawPeopleAxes(svg) {
  const { left, right, top, bottom } = PEOPLE_PLOT;
  draw(svg, "polygon", { id: "male-side", class: "male-side", points: `${left},${top} ${right},${top} ${right},${bottom} ${left},${bottom}` });
  draw(svg, "polygon", { id: "female-side", class: "female-side", points: "" });
  draw(svg, "rect", { class: "frame", x: left, y: top, width: right - left, height: bottom - top });
  const people = table.ready === "people";
  const [x1Ticks, x2Ticks] = people
    ? [[-20, -10, 0, 10, 20, 30], [-4, 0, 4]] // not -8, whose number would meet x1's -20 at the corner
    : [ticks(drawnBox[0], drawnBox[1], 6), ticks(drawnBox[2], drawnBox[3], 5)];
  for (const x1 of x1Ticks) {
    const [x] = at([x1, drawnBox[2]]);
    draw(svg, "line", { class: "axis", x1: x, y1: bottom, x2: x, y2: bottom + 5 });
    draw(svg, "text", { class: "tick", x, y: bottom + 20, "text-anchor": "middle" }, tickText(x1));
  }
  for (const x2 of x2Ticks) {
    const [, y] = at([drawnBox[0], x2]);
    if (bottom - y < 16) continue; // its number would meet x1's first at the corner
    draw(svg, "line", { class: "axis", x1: left - 5, y1: y, x2: left, y2: y });
    draw(svg, "text", { class: "tick", x: left - 8, y: y + 5, "text-anchor": "end" }, tickText(x2));
  }
  const [, x1Name, x2Name] = table.columns ?? [];
  draw(svg, "text", { class: "axis-name", x: (left + right) / 2, y: bottom + 52, "text-anchor": "middle" }, x1Name ? `x1 = ${x1Name}` : "x1");
  draw(svg, "text", { class: "axis-name", x: left + 8, y: top + 20, "text-anchor": "start" }, x2Name ? `x2 = ${x2Name}` : "x2");
  draw(svg, "polyline", { id: "boundary", class: "boundary", points: "" });
  draw(svg, "circle", { id: "next-ring", class: "next-ring", r: 13, cx: -99, cy: -99 });
}

// Marks at a tick: a few round numbers across the range, as a learner writes them.
function ticks(low, high, most) {
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const raw = span / most;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => span / s <= most) ?? 10 * power;
  const found = [];
  for (let k = Math.ceil(low / step); k * step <= high + step * 1e-9; k++) found.push(k * step);
  return found;
}

const tickText = (x) => String(Number(x.toPrecision(12)));

function drawPeople(svg, seen) {
  // the names go on last, where they meet no mark, ring or word
  const marks = [];
  seen.people.forEach(({ x, y_true: truth }, i) => {
    const kind = truth === null ? "newcomer" : truth === 1 ? "female" : "male";
    const [cx, cy] = at(x);
    let mark;
    if (kind === "female") mark = draw(svg, "circle", { class: "mark female", cx, cy, r: 7 });
    else if (kind === "male") mark = draw(svg, "rect", { class: "mark male", x: cx - 6.5, y: cy - 6.5, width: 13, height: 13 });
    else mark = draw(svg, "polygon", { class: "mark newcomer", points: `${cx},${cy - 9} ${cx + 9},${cy} ${cx},${cy + 9} ${cx - 9},${cy}` });
    mark.id = `learn-mark-${i}`;
    marks.push([cx, cy]);
  });
  placeNames(svg, seen.people, marks);
}

// Each name beside its mark, on the side that meets nothing: the article's people where they have
// always been; for another table the right, the left, above or below, in that order, clear of
// every mark (and of the ring round the next to learn from, which goes round each in turn), every
// name placed, the axis's name and the drawing's edge. A name with no room is left off the
// drawing: the table below has every row.
function placeNames(svg, people, marks) {
  const { left, right, top, bottom } = PEOPLE_PLOT;
  const taken = marks.map(([cx, cy]) => ({ left: cx - 14, right: cx + 14, top: cy - 14, bottom: cy + 14 }));
  for (const name of svg.querySelectorAll(".axis-name")) {
    const box = name.getBBox();
    taken.push({ left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height });
  }
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  let leftOff = 0;
  people.forEach(({ name }, i) => {
    const [cx, cy] = marks[i];
    const sides = LABEL_SIDE[name] && table.ready === "people" ? [LABEL_SIDE[name]] : ["right", "left", "above", "below"];
    const text = draw(svg, "text", { class: "name" }, name);
    const placed = sides.some((side) => {
      const [x, y, anchor] = {
        right: [cx + 20, cy + 5, "start"], left: [cx - 20, cy + 5, "end"],
        above: [cx, cy - 19, "middle"], below: [cx, cy + 29, "middle"],
      }[side];
      text.setAttribute("x", x);
      text.setAttribute("y", y);
      text.setAttribute("text-anchor", anchor);
      if (table.ready === "people") return true;
      const bbox = text.getBBox();
      const box = { left: bbox.x - 2, right: bbox.x + bbox.width + 2, top: bbox.y - 1, bottom: bbox.y + bbox.height + 1 };
      const inside = box.left >= left && box.right <= right + 22 && box.top >= top && box.bottom <= bottom;
      if (!inside || taken.some((other) => meet(box, other))) return false;
      taken.push(box);
      return true;
    });
    if (!placed) {
      text.remove();
      leftOff++;
    }
  });
  return leftOff;
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
  body.replaceChildren();
  seen.people.forEach(({ name, x: [x1, x2], y_true: truth }, i) => {
    const row = body.insertRow();
    row.id = "learn-row-" + i;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = name;
    row.append(th);
    for (const text of [tickText(x1), tickText(x2), truth === null ? "?" : String(truth), "…"]) {
      row.insertCell().textContent = text;
    }
    row.lastChild.className = "learn-output";
  });
}

function showOutputs(seen) {
  seen.people.forEach(({ output, label }, i) => {
    element("learn-row-" + i).lastChild.textContent = `${output3(output)}, ${label}`;
  });
}

// The panel's words for the table: what it is, its key and its table's caption. The article's
// four people keep index.html's own words; another table has its own.
let peopleWords = null;
function describeTable() {
  const ids = ["learn-about", "learn-key", "learn-caption", "learn-person-heading"];
  peopleWords ??= Object.fromEntries(ids.map((id) => [id, element(id).innerHTML]));
  const try_ = document.querySelector("#learn .learn-try");
  try_.hidden = table.ready !== "people";
  if (table.ready === "people") {
    for (const id of ids) element(id).innerHTML = peopleWords[id];
    return;
  }
  const [first, x1Name, x2Name, answer] = table.columns ?? [];
  const [no, yes] = table.labels;
  const named = (x, name) => (name ? `${x} = ${name}` : x);
  const rows = counted(table.rows.length, "row");
  element("learn-about").textContent =
    `${table.title[0].toUpperCase() + table.title.slice(1)}: ${rows}, each at its ${named("x1", x1Name)} and ` +
    `${named("x2", x2Name)}. The line is the neuron's boundary, where its output is 0.5: on the pink side the ` +
    `output is above 0.5 and the neuron says ${yes}, on the blue side ${no}. Each step of gradient descent, the ` +
    "lesson's learn() on one row, moves w1, w2 and b a little to make the loss smaller: watch the line, and the sliders above.";
  const key = element("learn-key");
  key.replaceChildren();
  const item = (mark, className, words) => {
    const span = document.createElement("span");
    const symbol = document.createElement("span");
    symbol.setAttribute("aria-hidden", "true");
    if (className) symbol.className = className;
    symbol.textContent = mark;
    span.append(symbol, " " + words);
    key.append(span, " ");
  };
  const answerName = answer || "y_true";
  item("●", "key-female", yes === "1" || yes === answerName ? `${answerName} = 1` : `${yes}, ${answerName} = 1`);
  item("■", "key-male", no === "0" || no === `not ${answerName}` ? `${answerName} = 0` : `${no}, ${answerName} = 0`);
  item("◌", "", "the next to learn from");
  element("learn-caption").textContent =
    `Each row's output, n.feedforward(x): near 1 says ${yes}, near 0 ${no}.`;
  element("learn-person-heading").textContent = first || "name";
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
  const epochs = Math.max(1, Math.ceil(steps / stepsPerEpoch)); // the plot's width, in whole epochs
  const x = (step) => scale(step / stepsPerEpoch, 0, epochs, left, right);
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
    draw(svg, "text", { class: "tick", x: x(epoch * stepsPerEpoch), y: bottom + 20, "text-anchor": anchor }, String(epoch));
  }
  draw(svg, "text", { class: "axis-name", x: (left + right) / 2, y: bottom + 20, "text-anchor": "middle" }, "epochs");
  draw(svg, "text", { class: "axis-name", x: left + 6, y: top - 12, "text-anchor": "start" }, "loss");
  draw(svg, "polyline", { class: "loss-line", points: shown.map(([s, l]) => `${x(s).toFixed(2)},${y(l).toFixed(2)}`).join(" ") });
  const last = shown.at(-1);
  if (last) draw(svg, "circle", { class: "loss-point", cx: x(last[0]), cy: y(last[1]), r: 4.5 });
}

// ---- What the panel shows, and learning ----------------------------------------------------------

// Asks Python about the boxes' neuron and shows its answer; null where neuron.py refuses a box.
let shownFor = null; // the w1, w2 and b boxes' text the panel shows
function refresh() {
  shownFor = boxes().join("\n");
  const seen = toJs(learner.learning_panel(...boxes()));
  const panel = element("learn");
  panel.classList.toggle("refused", seen.error !== null);
  // Disabled, not just dimmed, while a box is refused: a screen reader says so, and a dimmed
  // button would fail its contrast
  const [, rateHint] = toJs(learner.read_rate(rate()));
  for (const button of panel.querySelectorAll(".learn-buttons button")) button.disabled = seen.error !== null || rateHint !== null;
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
  const rateRefused = showRate();
  // a refusal mended: the line under the buttons says so, not the refusal any more
  if (!rateRefused && element("learn-status").textContent.startsWith("The neuron learns once")) {
    element("learn-status").textContent = `Ready: loss ${loss4(seen.loss)}. Press a button to learn.`;
  }
  showBoundary(seen);
  showNext(seen);
  showOutputs(seen);
  element("learn-loss").textContent = loss4(seen.loss);
  const [w1, w2, b] = [...seen.weights, seen.bias].map(output3);
  // no-break spaces, so that a narrow screen breaks the line after a comma, not inside "b = 4"
  element("learn-neuron").textContent = `w1 = ${w1}, w2 = ${w2}, b = ${b}`.replace(/ = /g, "\u00a0=\u00a0");
  element("learn-steps").textContent =
    `${steps} (${counted(Math.floor(steps / stepsPerEpoch), "epoch")} and ${counted(steps % stepsPerEpoch, "step")})`;
  drawLoss();
  return rateRefused ? null : seen;
}

// The learn rate's box, and under it what to write where it holds no number above 0.
function showRate() {
  const [, hint] = toJs(learner.read_rate(rate()));
  const box = element("learn-rate");
  const said = element("learn-rate-error");
  if (hint === null) {
    box.removeAttribute("aria-invalid");
    said.textContent = "";
    return false;
  }
  box.setAttribute("aria-invalid", "true");
  said.textContent = `${hint[0].toUpperCase() + hint.slice(1)}: the neuron learns once the learn rate is a number above 0.`;
  element("learn-status").textContent = "The neuron learns once the learn rate is a number above 0: see under its box.";
  return true;
}

function summary(seen) {
  const newcomers = seen.people
    .filter(({ y_true: truth }) => truth === null)
    .map(({ name, output, label }) => `${name} ${output3(output)}, ${label}`);
  if (newcomers.length) return `After ${steps} steps: loss ${loss4(seen.loss)}; ${newcomers.join("; ")}.`;
  const right = seen.people.filter(({ y_true: truth, output }) => (truth === 1 ? output > 0.5 : output < 0.5)).length;
  return `After ${steps} steps: loss ${loss4(seen.loss)}; ${right} of ${counted(seen.people.length, "row")} right.`;
}

// `count` steps of gradient descent, by the lesson's learn(), from the boxes' w1, w2 and b.
function learn(count) {
  if (fresh) start = boxes();
  const trained = toJs(learner.learn_steps(...boxes(), count, person, rate()));
  fresh = false;
  trained.losses.forEach((loss, i) => losses.push([steps + i + 1, loss]));
  steps += count;
  person = trained.person;
  const [w1, w2] = trained.weights;
  setValues({ w1, w2, b: trained.bias }); // the sliders move; playground.js updates the page
  return refresh();
}

async function press(count) {
  if (busy || element("learn").classList.contains("refused") || element("learn-rate").hasAttribute("aria-invalid")) return;
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

function startAllFourWrong() {
  stopped = true;
  setValues(ALL_FOUR_WRONG);
  fresh = true;
  const seen = refresh();
  if (seen) element("learn-status").textContent = `w1 = 1, w2 = 1, b = 0: loss ${loss4(seen.loss)}. Now learn.`;
}

// ---- Start -----------------------------------------------------------------------------------

// The table changed (table.js): the panel draws it afresh, and learning starts again from the
// boxes' w1, w2 and b.
function showTable() {
  table = toJs(tables.in_use());
  drawnBox = table.box;
  stepsPerEpoch = table.rows.length;
  const svg = element("people");
  svg.querySelectorAll(":not(title)").forEach((node) => node.remove());
  stopped = true;
  fresh = true;
  const seen = toJs(learner.learning_panel(...boxes()));
  // where the boxes hold no neuron, the rows are placed all the same
  const rows = seen.error === null ? seen : toJs(learner.learning_panel("0", "0", "0"));
  drawPeopleAxes(svg);
  drawPeople(svg, rows);
  describeTable();
  makeTable(rows);
  return refresh();
}

const files = loadTexts(FILES); // at once, while MicroPython loads

document.addEventListener("python-ready", async (event) => {
  try {
    const [lesson, glue, people, tableText] = await files;
    const { mp } = event.detail;
    setValues = event.detail.setValues;
    element("lesson-source").textContent = lesson;
    mp.FS.writeFile("/one_neuron.py", lesson); // the text shown is the module imported
    mp.FS.writeFile("/learn_page.py", glue);
    mp.FS.writeFile("/people.py", people); // the lesson's data, which it imports
    mp.FS.writeFile("/table_page.py", tableText);
    learner = mp.pyimport("learn_page");
    tables = mp.pyimport("table_page");
    toJs = mp.PyProxy.toJs;
    element("learn-rate").value = String(learner.learn_rate); // the lesson's
    const seen = showTable();
    element("learn-status").textContent = `Ready: loss ${loss4(seen.loss)}. Press a button to learn.`;
    const counts = { "learn-step": () => 1, "learn-epoch": () => stepsPerEpoch, "learn-epochs": () => EPOCHS * stepsPerEpoch };
    for (const [id, count] of Object.entries(counts)) element(id).addEventListener("click", () => press(count()));
    element("learn-reset").addEventListener("click", startAgain);
    element("learn-backwards").addEventListener("click", startAllFourWrong);
    // w1, w2 or b changed by hand, or the learn rate: learning starts again from there.
    document.addEventListener("input", (changed) => {
      if (!/^((w1|w2|b)-(box|slider)|learn-rate)$/.test(changed.target.id)) return;
      stopped = true;
      fresh = true;
      refresh();
    });
    // w1, w2 or b set by another part of the page (a preset, a link): the same, unless it is
    // this panel's own learning that set them.
    document.addEventListener("playground-change", () => {
      if (busy || boxes().join("\n") === shownFor) return; // x1 or x2: nothing to learn again
      stopped = true;
      fresh = true;
      refresh();
    });
    // Another table (table.js): drawn afresh, and learned from the boxes' neuron.
    document.addEventListener("table-change", () => {
      const shown = showTable();
      if (shown) element("learn-status").textContent = `Ready: loss ${loss4(shown.loss)}. Press a button to learn.`;
    });
    element("learn").dataset.ready = "true";
    // For table.js and any other part of the page: Python's modules, once they are imported.
    document.dispatchEvent(new CustomEvent("learn-ready", { detail: { mp, learner, tables } }));
  } catch (error) {
    element("learn-status").textContent = `The learning panel could not start: ${error.message}`;
    throw error;
  }
});
