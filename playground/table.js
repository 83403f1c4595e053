// The table the page learns from, the page's state as a link, and the learned neuron as Python.
//
// - The table: a ready one (the article's four people, the AND, OR and XOR gates, "Does it
//   float?") or a class's own, typed or pasted from a spreadsheet into the box. The page's Python
//   reads it (table_page.py, with page.py's reading of numbers as CPython's float() reads them),
//   keeps the rows it can read and holds them, the one place every view learns from; each row it
//   refuses is listed, with its row and what is wrong, and the box keeps everything typed.
// - The link: the page's state after the # of its address (which a browser never sends), a small
//   versioned object, one section per view: v=1, the neuron's five boxes, the learn rate, the
//   view in use and the table; another view adds its own keys, each named "view.key". The
//   address bar holds it too, so a reload keeps it. A link from an older or hand-edited state
//   opens at the nearest valid state, and the page says what it dropped.
// - Copy as Python: the neuron of the boxes, in full (Python's repr of each float), as lines to
//   paste under `from neuron import Neuron`, and two lines that use it on a row of the table;
//   always shown, to select by hand where the browser lets a page copy nothing.
//
// It starts once learn.js has imported the Python (the event "learn-ready"), and offers other
// views (a network's) globalThis.neuronTable: table(), the table in use; addView(name, {...}), for
// the view's own part of the link and of the Python; saveSoon(), after the view's state changed.
// When the table changes it dispatches "table-change" on document, with the table as its detail.
const VERSION = 1;
const READY = ["people", "and", "or", "xor", "float"];
const BOXES = ["w1", "w2", "b", "x1", "x2"];
const SAVE_AFTER_MS = 250; // the address is written this long after the last change (browsers
// refuse hundreds of history writes a second, which 100 epochs' pictures would make)

let tables = null; // table_page.py
let page = null; // page.py, for reading numbers
let learner = null; // learn_page.py, for the learn rate
let toJs = null;
let playground = null; // globalThis.neuronPlayground: setValues, boxTexts, answer, pythonRepr
let view = "neuron"; // the part of the page in use, for the link
let written = null; // the state this page last wrote into its address
let filled = ""; // what the page last put into the table's box itself (a ready table's text)
// The views: the part of the page each is, and, for views other than the neuron's, their own
// part of the link (save() -> { key: text }, open({ key: text }) -> { opened, dropped }, each a
// list of words for the page's note) and of the Python (python() -> lines, or null).
const views = new Map([["neuron", { section: "controls" }], ["learn", { section: "learn" }]]);

function element(id) {
  return document.getElementById(id);
}

const counted = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

// ---- The table --------------------------------------------------------------------------------

function inUse() {
  return toJs(tables.in_use());
}

// A number of the table as text that Python reads back as the very same float.
function numberText(x) {
  return Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : playground.pythonRepr(x);
}

// A table as a class would type it, tab-separated, with its column names.
function tableText(table) {
  const lines = table.columns ? [table.columns.join("\t")] : [];
  for (const { name, x: [x1, x2], y } of table.rows) lines.push([name, numberText(x1), numberText(x2), y].join("\t"));
  return lines.join("\n");
}

function markReady(ready) {
  for (const button of document.querySelectorAll("#data-ready button")) {
    button.setAttribute("aria-pressed", String(button.dataset.table === ready));
  }
}

// Uses a ready table (by name) or the rows of `text`; says what was read, lists each row refused,
// and tells the views. Gives what Python read.
function useTable(text, ready = "") {
  const read = toJs(tables.use(text, ready));
  const list = element("data-refusals");
  list.replaceChildren();
  for (const { row, text: line, why } of read.refused) {
    const item = document.createElement("li");
    const quoted = document.createElement("code");
    quoted.textContent = line.replace(/\t/g, "  ");
    item.append(`Row ${row}, `, quoted, `: ${why}.`);
    list.append(item);
  }
  const table = inUse();
  const status = element("data-status");
  if (read.used) {
    const from = ready ? table.title : `your table, ${counted(table.rows.length, "row")}`;
    const header = !ready && table.columns ? " (its first row named the columns)" : "";
    const refused = read.refused.length
      ? `; ${counted(read.refused.length, "row")} refused, listed below, and kept in the box to mend`
      : "";
    status.textContent = `Learning from ${from}${header}${refused}.`;
    markReady(ready);
    document.dispatchEvent(new CustomEvent("table-change", { detail: table }));
    saveSoon();
  } else {
    status.textContent = `No row could be read, so the neuron still learns from ${table.ready ? table.title : "your table"}: ` +
      (read.refused.length ? "see why below. The box keeps what you typed." : "the box is empty.");
  }
  status.classList.toggle("error", !read.used);
  return read;
}

function pickReady(name) {
  const box = element("data-text");
  useTable("", name);
  // The box shows the ready table, to edit, unless it holds a class's own text, which stays.
  if (box.value.trim() === "" || box.value === filled) {
    box.value = filled = tableText(inUse());
  } else {
    element("data-status").textContent += " Your own table is still in the box.";
  }
}

// ---- The link ---------------------------------------------------------------------------------

// Text as it goes into the link: every character that would end or split a value escaped, and
// commas too, which separate a row's values.
const linked = (text) => encodeURIComponent(text);

function linkState() {
  const texts = playground.boxTexts();
  const read = playground.answer().read; // what Python read in each box: a float, or null
  const parts = [["v", VERSION]];
  for (const name of BOXES) {
    // A box's number as typed where that is short and plain, else Python's repr of it (a box
    // may hold 400 digits); a box with no number in it is left out.
    if (read[name] === null) continue;
    const plain = texts[name].trim().length <= 24 && /^[0-9eE.+-]+$/.test(texts[name].trim());
    parts.push([name, plain ? texts[name].trim() : playground.pythonRepr(read[name])]);
  }
  const [rate] = toJs(learner.read_rate(element("learn-rate").value));
  if (rate !== null) {
    const text = element("learn-rate").value.trim();
    parts.push(["rate", text.length <= 24 && /^[0-9eE.+-]+$/.test(text) ? text : playground.pythonRepr(rate)]);
  }
  parts.push(["view", view]);
  for (const [name, { save }] of views) {
    if (!save) continue;
    // (commas as they are: they part a list of numbers)
    for (const [key, value] of Object.entries(save())) parts.push([`${name}.${key}`, linked(value).replace(/%2C/g, ",")]);
  }
  const table = inUse();
  if (table.ready) {
    parts.push(["table", table.ready]);
  } else {
    if (table.columns) parts.push(["cols", table.columns.map(linked).join(",")]);
    for (const { name, x: [x1, x2], y } of table.rows) {
      parts.push(["row", [linked(name), numberText(x1), numberText(x2), y].join(",")]);
    }
  }
  return parts.map(([key, value]) => `${key}=${value}`).join("&");
}

function linkNow() {
  return location.href.split("#")[0] + "#" + linkState();
}

let saveTimer = null;
function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_AFTER_MS);
}

// Writes the state into the address (so that a reload keeps it) and into the link's box.
function save() {
  const state = linkState();
  const link = location.href.split("#")[0] + "#" + state;
  if (element("share-link").value !== link) element("share-link").value = link; // a selection stays
  showPython();
  if (state === written) return;
  written = state;
  try {
    history.replaceState(history.state, "", "#" + state);
  } catch {
    location.replace("#" + state); // where a file: page may not rewrite its history
  }
}

const decoded = (text) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // a broken %-escape
  }
};
const quote = (text) => `"${text.length > 40 ? text.slice(0, 40) + "…" : text}"`;

// Opens the page at the state a link holds, as near as it can: each part it cannot use is
// dropped, and the page says which and why.
function openLink(hash) {
  const dropped = [];
  const opened = [];
  const seen = new Set();
  const values = {};
  let version = null;
  let ready = null;
  let columns = null;
  const rows = [];
  const others = new Map();
  let rate = null;
  let newView = null;
  for (const part of hash.replace(/^#/, "").split("&")) {
    if (!part) continue;
    const [rawKey, ...rest] = part.split("=");
    const raw = rest.join("=");
    const key = decoded(rawKey) ?? rawKey;
    if (key === "row") {
      if (raw === "") dropped.push("an empty row");
      else rows.push(raw);
      continue;
    }
    if (seen.has(key)) {
      dropped.push(`a second ${key} (${quote(decoded(raw) ?? raw)}): the first is kept`);
      continue;
    }
    seen.add(key);
    const value = key === "cols" ? raw : decoded(raw);
    if (value === null) {
      dropped.push(`${key}: its text ${quote(raw)} has a broken %-escape`);
    } else if (key === "v") {
      version = value;
    } else if (BOXES.includes(key)) {
      if (page.read_number(value) == null) dropped.push(`${key} = ${quote(value)}, which is no number: the box keeps ${playground.boxTexts()[key]}`);
      else values[key] = value;
    } else if (key === "rate") {
      const [number, hint] = toJs(learner.read_rate(value));
      if (number === null) dropped.push(`the learn rate ${quote(value)} (${hint}): it stays ${element("learn-rate").value}`);
      else rate = value;
    } else if (key === "view") {
      if (views.has(value)) newView = value;
      else dropped.push(`the view ${quote(value)}: this page has ${[...views.keys()].join(", ")}`);
    } else if (key === "table") {
      if (READY.includes(value)) ready = value;
      else dropped.push(`the table ${quote(value)}: the ready tables are ${READY.join(", ")}`);
    } else if (key === "cols") {
      columns = raw.split(",").map(decoded);
      if (columns.length !== 4 || columns.includes(null)) {
        dropped.push(`the column names ${quote(decoded(raw) ?? raw)}: a name, x1, x2 and the answer are 4`);
        columns = null;
      }
    } else if (key.includes(".") && views.get(key.split(".")[0])?.open) {
      const [name, ...sub] = key.split(".");
      if (!others.has(name)) others.set(name, {});
      others.get(name)[sub.join(".")] = value;
    } else {
      dropped.push(`${quote(key)}, which is not part of this page's link`);
    }
  }
  if (version === null) dropped.unshift(`no version (v=${VERSION} today): it is read as version ${VERSION}`);
  else if (version !== String(VERSION)) dropped.unshift(`its version, ${quote(version)}: this page reads version ${VERSION}, and it is read so`);

  // The table first, then the boxes: the views learn from both.
  if (rows.length) {
    if (ready) dropped.push(`table=${ready}, since the link has rows of its own`);
    const lines = rows.map((raw) => {
      const parts = raw.split(",").map(decoded);
      return parts.includes(null) ? "\u0000broken" : parts.join("\t");
    });
    const text = [...(columns ? [columns.join("\t")] : []), ...lines].join("\n");
    const read = toJs(tables.use(text, ""));
    const first = columns ? 2 : 1; // the text's row of the link's first row
    for (const { row, why } of read.refused) {
      const raw = rows[row - first] ?? columns.join(",");
      dropped.push(`the row ${quote(decoded(raw) ?? raw)}: ${raw.includes("%") && decoded(raw) === null ? "a broken %-escape" : why}`);
    }
    if (read.used) {
      opened.push(`your table (${counted(read.rows.length, "row")})`);
      element("data-text").value = tableText(inUse());
      markReady("");
      element("data-status").textContent = `Learning from the link's table, ${counted(read.rows.length, "row")}.`;
    } else {
      dropped.push(`every row of the table, so it stays ${inUse().title}`);
    }
  } else if (ready) {
    pickReady(ready);
    opened.push(inUse().title);
  }
  if (rate !== null) {
    element("learn-rate").value = rate;
    opened.push(`the learn rate ${rate}`);
  }
  if (Object.keys(values).length) {
    playground.setValues(values);
    opened.push(Object.entries(values).map(([name, text]) => `${name} = ${text}`).join(", "));
  }
  for (const [name, state] of others) {
    const answer = views.get(name).open(state);
    opened.push(...answer.opened);
    dropped.push(...answer.dropped);
  }
  if (newView) view = newView;
  // learn.js draws the table afresh, from the boxes' neuron and with the learn rate
  document.dispatchEvent(new CustomEvent("table-change", { detail: inUse() }));

  const note = element("link-note");
  note.replaceChildren(`Opened from a link: ${opened.join("; ") || "nothing it holds could be used"}.`);
  note.classList.toggle("warning", dropped.length > 0);
  if (dropped.length) {
    note.append(` Dropped, as this page cannot use ${dropped.length === 1 ? "it" : "them"}:`);
    const list = document.createElement("ul");
    for (const words of dropped) {
      const item = document.createElement("li");
      // a sentence's capital, but not on a box's name (w1, b, ...)
      item.textContent = (/^(w1|w2|b|x1|x2) /.test(words) ? words : words[0].toUpperCase() + words.slice(1)) + ".";
      list.append(item);
    }
    note.append(list);
  }
  if (view !== "neuron") element(views.get(view).section)?.scrollIntoView({ block: "start" });
  save(); // the address now holds the state as opened: the nearest valid one
  return dropped;
}

// ---- Copy as Python ---------------------------------------------------------------------------

function pythonText() {
  const texts = playground.boxTexts();
  const answer = playground.answer();
  const found = tables.example(texts.w1, texts.w2, texts.b);
  if (found == null || answer.weights.includes(null) || answer.bias === null) return null;
  const example = toJs(found);
  const table = inUse();
  const repr = playground.pythonRepr;
  const x = `[${example.x.map(numberText).join(", ")}]`;
  const from = table.ready ? table.title : `your table (${counted(table.rows.length, "row")})`;
  let lines = [
    "from neuron import Neuron",
    "",
    `# The neuron in the playground, learning from ${from}:`,
    `n = Neuron([${repr(answer.weights[0])}, ${repr(answer.weights[1])}], ${repr(answer.bias)})`,
    `y = n.feedforward(${x})  # ${example.name}, the row it is least sure of`,
    `print(y)  # the playground: ${repr(example.output)}`,
  ];
  for (const [, { python }] of views) {
    const more = python?.();
    if (more) lines = lines.concat("", more);
  }
  return lines.join("\n") + "\n";
}

function showPython() {
  const text = pythonText();
  const shown = text ?? "# w1, w2 and b must hold numbers first: see the messages under the boxes above.";
  // written only when it changed, so that a selection of it (to copy by hand) stays
  if (element("share-python-code").textContent !== shown) element("share-python-code").textContent = shown;
  element("share-copy-python").disabled = text === null;
}

// Copies text: by the clipboard where the browser allows it, else by selecting it and asking the
// browser to copy; where neither works (a page opened from a file, in some browsers), the text
// stays selected, on the screen, for the learner to copy.
async function copy(text, selectIt, status, what) {
  const said = element(status);
  try {
    await navigator.clipboard.writeText(text);
    said.textContent = `Copied ${what}.`;
    return;
  } catch {
    // no clipboard for this page: select it instead
  }
  selectIt();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  said.textContent = copied
    ? `Copied ${what}.`
    : `This browser lets the page copy nothing here: ${what} is selected above; copy it with Ctrl+C (⌘C on a Mac).`;
}

function copyLink() {
  save();
  const box = element("share-link");
  return copy(box.value, () => (box.focus(), box.select()), "share-link-status", "the link");
}

function copyPython() {
  save();
  const code = element("share-python-code");
  return copy(code.textContent, () => {
    element("share-python").focus();
    getSelection().selectAllChildren(code);
  }, "share-python-status", "the Python");
}

// ---- The network view (backprop.js), where the page has it -----------------------------------

// The table as the network view takes it: null for the article's four people (with Emily and
// Frank), else the rows, and the words for a 1 and a 0.
function networkData(table) {
  if (table.ready === "people") return null;
  const [no, yes] = table.labels;
  return {
    names: table.rows.map(({ name }) => name), rows: table.rows.map(({ x }) => x), y_trues: table.rows.map(({ y }) => y),
    one: `${yes}, y_true 1`, zero: `${no}, y_true 0`,
  };
}

const NETWORK_KEYS = { w: 6, b: 3 }; // w1 ... w6 and b1, b2, b3, as lessons/train.py names them

// The network's part of the link (network.w, network.b, network.rate), of the page's note and of
// the Python: three Neuron lines, h1, h2 and o1, and two that use them.
function networkView(network) {
  const repr = playground.pythonRepr;
  return {
    section: "backprop",
    save() {
      const { w, b, learnRate } = network.state();
      return { w: w.map(repr).join(","), b: b.map(repr).join(","), rate: repr(learnRate) };
    },
    open(values) {
      const dropped = [];
      const asked = {};
      const opened = [];
      for (const [key, text] of Object.entries(values)) {
        if (key in NETWORK_KEYS) {
          const numbers = text.split(",");
          const read = numbers.map((number) => page.read_number(number));
          if (numbers.length !== NETWORK_KEYS[key] || read.some((number) => number == null || !Number.isFinite(number))) {
            dropped.push(`the network's ${key} ${quote(text)}: ${NETWORK_KEYS[key]} numbers, with commas between them`);
          } else {
            asked[key] = numbers;
          }
        } else if (key === "rate") {
          if (page.read_number(text) == null) dropped.push(`the network's learn rate ${quote(text)}, which is no number`);
          else asked.learnRate = text;
        } else {
          dropped.push(`network.${key}, which is not part of this page's link`);
        }
      }
      const { refused } = network.setState(asked);
      for (const part of refused) dropped.push(`the network's ${part}, which held no number`);
      if (asked.w && asked.b) opened.push("the network's weights and biases");
      else if (asked.w || asked.b) opened.push(`the network's ${asked.w ? "weights" : "biases"}`);
      if (asked.learnRate !== undefined && !refused.includes("learn_rate")) opened.push(`its learn rate ${asked.learnRate}`);
      return { opened, dropped };
    },
    python() {
      const { w, b } = network.state();
      const found = tables.network_example(w.map(repr), b.map(repr));
      if (found == null) return null;
      const example = toJs(found);
      const neuron = (i, j) => `Neuron([${repr(w[i])}, ${repr(w[i + 1])}], ${repr(b[j])})`;
      return [
        "# The network in the playground (h1 and h2 into o1, as lessons/train.py):",
        `h1 = ${neuron(0, 0)}`,
        `h2 = ${neuron(2, 1)}`,
        `o1 = ${neuron(4, 2)}`,
        `x = [${example.x.map(numberText).join(", ")}]  # ${example.name}, the row it is least sure of`,
        `print(o1.feedforward([h1.feedforward(x), h2.feedforward(x)]))  # the playground: ${repr(example.output)}`,
      ];
    },
  };
}

function joinNetwork(network) {
  addView("network", networkView(network));
  // (it starts with the article's people: only another table is worth drawing it afresh for)
  if (inUse().ready !== "people") network.setData(networkData(inUse()));
  document.addEventListener("table-change", (event) => network.setData(networkData(event.detail)));
  document.addEventListener("network-change", () => {
    showPython();
    saveSoon();
  });
}

// ---- Start ------------------------------------------------------------------------------------

// The view in use: the last part of the page the learner pressed or moved to.
function follow(event) {
  const section = event.target.closest?.("section");
  for (const [name, { section: id }] of views) {
    if (section?.id === id && view !== name) {
      view = name;
      saveSoon();
    }
  }
}

function addView(name, parts) {
  views.set(name, parts);
}

// Its start waits for the learning panel's Python, and for the network view where the page has
// one (a link may hold its state), then yields once, so that it does not hold up their first
// pictures.
const learnReady = new Promise((resolve) => document.addEventListener("learn-ready", (event) => resolve(event), { once: true }));
const networkReady = document.getElementById("backprop")
  ? new Promise((resolve) => {
    if (globalThis.networkView) resolve(globalThis.networkView);
    else document.addEventListener("network-ready", (event) => resolve(event.detail), { once: true });
  })
  : Promise.resolve(null);
Promise.all([learnReady, networkReady]).then(([event, network]) => setTimeout(() => start(event, network), 0));

function start(event, network) {
  ({ tables, learner } = event.detail);
  const { mp } = event.detail;
  toJs = mp.PyProxy.toJs;
  page = mp.pyimport("page");
  playground = globalThis.neuronPlayground;
  for (const button of document.querySelectorAll("#data-ready button")) {
    button.addEventListener("click", () => pickReady(button.dataset.table));
  }
  element("data-use").addEventListener("click", () => {
    const box = element("data-text");
    if (box.value === filled && inUse().ready) {
      // the ready table's own text, as the page put it: that table
      useTable("", inUse().ready);
    } else {
      useTable(box.value);
    }
  });
  element("share-copy-link").addEventListener("click", copyLink);
  element("share-copy-python").addEventListener("click", copyPython);
  // The Python at once, for a page printed or copied now; the address a moment later.
  document.addEventListener("playground-change", () => {
    showPython();
    saveSoon();
  });
  document.addEventListener("table-change", showPython);
  element("learn-rate").addEventListener("input", saveSoon);
  document.addEventListener("pointerdown", follow);
  document.addEventListener("focusin", follow);
  window.addEventListener("hashchange", () => {
    if (location.hash.slice(1) !== written) openLink(location.hash);
  });
  if (network) joinNetwork(network);
  element("data-text").value = filled = tableText(inUse());
  element("data-status").textContent = `Learning from ${inUse().title}.`;
  const api = { table: inUse, addView, saveSoon, link: linkNow, python: pythonText, openLink };
  globalThis.neuronTable = api;
  if (location.hash.length > 1) {
    openLink(location.hash);
  } else {
    element("share-link").value = linkNow();
    showPython();
  }
  element("data").dataset.ready = "true";
  document.dispatchEvent(new CustomEvent("table-ready", { detail: api }));
}
