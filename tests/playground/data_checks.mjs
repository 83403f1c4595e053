// The class's own table, the link and "copy as Python" (table.js, table_page.py), for
// browser_test.mjs. The functions at the top run inside the page: each stands alone and takes
// plain arguments, so that any driver can send it. checkTable, at the bottom, does what a new
// user does: pastes six rows from a spreadsheet, watches the neuron learn them, copies the
// Python and runs it on CPython (and, once, on the emulated micro:bit), opens the link in a new
// browser and a hand-broken one; each against what CPython's table_page.py and the lesson's
// learn() give for the same text and presses.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertClose, injectAxe, loss4, output3 } from "./panel_checks.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// Six rows as a spreadsheet set to write a decimal comma copies them: a header, tabs between the
// cells, \r\n at each end.
export const SPREADSHEET = [
  ["thing", "mass (g)", "volume (cm3)", "floats"],
  ["cork", "2,4", "10", "1"],
  ["ice cube", "9,2", "10", "1"],
  ["coin", "7,5", "1", "0"],
  ["marble", "5", "2", "0"],
  ["key", "10", "1,3", "0"],
  ["apple", "15", "18", "1"],
].map((cells) => cells.join("\t") + "\r\n").join("");
// The same with three rows a class gets wrong, each refused alone.
const WITH_MISTAKES = SPREADSHEET + "shell\t1,500\t2\t0\r\nlid\t3\t1\r\nbottle\t20\t30\tyes\r\n";
const RATE = "0,5"; // refused: the box wants a point
const EPOCHS = 100;

// ---- In the page -----------------------------------------------------------------------------

export function tableReady() {
  return document.getElementById("data")?.dataset.ready === "true";
}

// Puts text into the table's box as a paste does (one input event, tabs and all).
export function tablePaste(text) {
  const box = document.getElementById("data-text");
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event("input", { bubbles: true }));
}

// Presses a button of the page by its id (or a CSS selector) and waits until any learning it
// started is done.
export async function tablePress(selector) {
  document.querySelector(selector.startsWith("#") || selector.startsWith("[") ? selector : "#" + selector).click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  while (document.getElementById("learn").hasAttribute("aria-busy")) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// What the page shows of the table, the learning, the link and the Python.
export function tableShown() {
  const text = (id) => document.getElementById(id).textContent;
  return {
    box: document.getElementById("data-text").value,
    status: text("data-status"),
    refusals: [...document.querySelectorAll("#data-refusals li")].map((item) => item.textContent),
    rows: [...document.querySelectorAll("#learn-table tbody tr")].map((row) =>
      [...row.cells].map((cell) => cell.textContent)),
    pressed: [...document.querySelectorAll("#data-ready [aria-pressed=true]")].map((button) => button.dataset.table),
    boxes: Object.fromEntries(["w1", "w2", "b", "x1", "x2"].map((name) => [name, document.getElementById(name + "-box").value])),
    rate: document.getElementById("learn-rate").value,
    rateError: text("learn-rate-error"),
    loss: text("learn-loss"),
    learnStatus: text("learn-status"),
    axisNames: [...document.querySelectorAll("#people .axis-name")].map((node) => node.textContent),
    names: [...document.querySelectorAll("#people text.name")].map((node) => node.textContent),
    link: document.getElementById("share-link").value,
    hash: location.hash,
    python: text("share-python-code"),
    note: document.getElementById("link-note").innerText,
    noteItems: [...document.querySelectorAll("#link-note li")].map((item) => item.textContent),
    pythonStatus: text("share-python-status"),
    selected: getSelection().toString(),
    network: globalThis.networkView ? (({ w, b, learnRate }) => ({ w, b, learnRate }))(globalThis.networkView.state()) : null,
    networkRows: [...document.querySelectorAll("#bp-table tbody tr > :first-child")].map((cell) => cell.textContent),
  };
}

export function tableRate(text) {
  const box = document.getElementById("learn-rate");
  box.value = text;
  box.dispatchEvent(new Event("input", { bubbles: true }));
}

// axe-core over the whole page, WCAG 2.2 A and AA and its best practices.
export async function tableAxe() {
  const results = await globalThis.axe.run(document);
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

// ---- In Node.js ------------------------------------------------------------------------------

// CPython's reading of the text (table_page.py, the page's own file, run by CPython, whose float()
// the page follows), and the lesson's learning of the rows, with learn(), mse_loss() and the
// given learn rate, from the given w1, w2 and b, after each count of steps.
const CPYTHON_TABLE = `
import json, sys
sys.path[:0] = [".", "lessons", "playground"]
from neuron import Neuron
from one_neuron import learn, mse_loss
from table_page import read_table

asked = json.load(sys.stdin)
table = read_table(asked["text"])
rows = table["rows"]
n = Neuron([float(asked["w1"]), float(asked["w2"])], float(asked["b"]))
def seen(steps):
    outputs = [n.feedforward(row["x"]) for row in rows]
    return {"steps": steps, "loss": mse_loss([row["y"] for row in rows], outputs),
            "weights": list(n.weights), "bias": n.bias, "outputs": outputs}
answers, steps = [seen(0)], 0
for count in asked["presses"]:
    for _ in range(count):
        row = rows[steps % len(rows)]
        learn(n, row["x"], row["y"], asked["rate"])
        steps += 1
    answers.append(seen(steps))
print(json.dumps({"table": table, "answers": answers}))
`;

function cpython(script, input, what) {
  const result = spawnSync("python3", ["-c", script], { cwd: ROOT, input, encoding: "utf8" });
  assert.equal(result.status, 0, `${what}: python3 failed: ${result.error ?? result.stderr}`);
  return result.stdout;
}

// The copied Python, run by python3 from the repository's root (where neuron.py is), and what it
// printed; on the emulated micro:bit too where asked (compat/microbit.mjs puts neuron.py beside it).
function runPython(code, board) {
  const folder = mkdtempSync(join(tmpdir(), "copied-python-"));
  const file = join(folder, "main.py");
  writeFileSync(file, code);
  const printed = { python3: cpython(code, "", "the copied Python").trim() };
  if (board) {
    const result = spawnSync("node", [join(ROOT, "compat", "microbit.mjs"), file], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
    assert.equal(result.status, 0, `the copied Python on the micro:bit: ${result.stdout}${result.stderr}`);
    printed.board = result.stdout.trim();
  }
  return printed;
}

// "Learn from this table", clicked, and the page's answer. (Not by the keyboard: Firefox's
// driver sends keys that do not press a button.)
async function useTheTable(page) {
  await page.evaluate(() => (document.getElementById("data-status").textContent = ""));
  await page.click("#data-use");
  await page.waitFor(() => document.getElementById("data-status").textContent !== "", 5000);
}

async function waitReady(page, what) {
  for (const started = Date.now(); !(await page.evaluate(tableReady)); ) {
    assert.ok(Date.now() - started < 15000, `${what}: the table did not start`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The whole of it, on one page opened afresh at the worked example (`url`, the single file from
// file:); `reopen(url)` opens a new browser of the same engine at a URL and gives its page.
// Gives the link the page made, and what a page opened at it must show, for another engine.
export async function checkTable(page, { what, ok, reopen, board, shots }) {
  await waitReady(page, what);
  let shown = await page.evaluate(tableShown);
  assert.deepEqual(shown.pressed, ["people"], `${what}: the four people are the table at the start`);
  assert.match(shown.box, /^person\tweight − 135 \(lb\)\theight − 66 \(in\)\tfemale\nAlice\t-2\t-1\t1\n/);

  // Pasted with three mistakes: each refused alone, with its row and CPython's reason; the rest
  // learned from; the box keeps every character.
  await page.evaluate(tablePaste, WITH_MISTAKES);
  await useTheTable(page);
  shown = await page.evaluate(tableShown);
  const start = shown.boxes;
  const expectedMistakes = JSON.parse(cpython(CPYTHON_TABLE, JSON.stringify({ text: WITH_MISTAKES, ...start, rate: 0.1, presses: [] }), what));
  const refused = expectedMistakes.table.refused;
  assert.equal(refused.length, 3);
  assert.deepEqual(shown.refusals, refused.map(({ row, text, why }) => `Row ${row}, ${text.replace(/\t/g, "  ")}: ${why}.`), `${what}: the refusals`);
  // (a text box's value ends its lines with \n alone, whatever was pasted)
  assert.equal(shown.box, WITH_MISTAKES.replace(/\r\n/g, "\n"), `${what}: the box should keep what was pasted`);
  assert.match(shown.status, /^Learning from your table, 6 rows \(its first row named the columns\); 3 rows refused, listed below, and kept in the box to mend\.$/);
  assert.deepEqual(shown.rows.map((row) => row[0]), ["cork", "ice cube", "coin", "marble", "key", "apple"]);
  ok(`${what}: of 9 rows pasted, 3 refused, each saying why ("${shown.refusals[0]}"), the box as pasted; the 6 others learned from`);

  // The six rows alone, as a spreadsheet pastes them; a learn rate written with a comma is
  // refused, and learning waits; 0.5 is taken.
  await page.evaluate(tablePaste, SPREADSHEET);
  await useTheTable(page);
  await page.evaluate(tableRate, RATE);
  shown = await page.evaluate(tableShown);
  assert.equal(shown.rateError, "Write 0.5, with a point: the neuron learns once the learn rate is a number above 0.");
  await page.evaluate(tablePress, "learn-epochs");
  assert.deepEqual((await page.evaluate(tableShown)).boxes, start, `${what}: a refused learn rate should stop learning`);
  await page.evaluate(tableRate, "0.5");
  const cpythonRun = JSON.parse(cpython(CPYTHON_TABLE, JSON.stringify({ text: SPREADSHEET, ...start, rate: 0.5, presses: [1, 6, 6 * EPOCHS] }), what));
  const { table, answers } = cpythonRun;
  shown = await page.evaluate(tableShown);
  assert.deepEqual(shown.refusals, []);
  assert.deepEqual(shown.axisNames, ["x1 = mass (g)", "x2 = volume (cm3)"]);
  assert.deepEqual(shown.rows.map((row) => row.slice(0, 4)), table.rows.map(({ name, x, y }) => [name, ...x.map(String), String(y)]));
  assert.equal(shown.loss, loss4(answers[0].loss));
  ok(`${what}: six rows pasted from a spreadsheet (tabs, a header, decimal commas): read as CPython's table_page.py reads them, the axes named "${shown.axisNames.join('", "')}", loss ${shown.loss}`);

  for (const [i, id] of ["learn-step", "learn-epoch", "learn-epochs"].entries()) {
    await page.evaluate(tablePress, id);
    shown = await page.evaluate(tableShown);
    const expected = answers[i + 1];
    assert.equal(shown.loss, loss4(expected.loss), `${what}, after ${id}: the loss`);
    assertClose(shown.boxes.w1, expected.weights[0], `${what}, after ${id}: w1`);
    assertClose(shown.boxes.w2, expected.weights[1], `${what}, after ${id}: w2`);
    assertClose(shown.boxes.b, expected.bias, `${what}, after ${id}: b`);
    shown.rows.forEach((row, k) => assert.equal(row[4].split(",")[0], output3(expected.outputs[k]), `${what}: ${row[0]}`));
  }
  const last = answers.at(-1);
  assert.ok(last.loss < 0.01, `after ${last.steps} steps the loss is ${last.loss}`);
  assert.match(shown.learnStatus, new RegExp(`^After ${last.steps} steps: loss ${loss4(last.loss).replace(".", "\\.")}; 6 of 6 rows right\\.$`));
  ok(`${what}: 1 step, 1 epoch, 100 epochs at learn rate 0.5: loss ${loss4(answers[0].loss)} -> ${shown.loss}, all six right, as on CPython`);
  if (shots) {
    await page.evaluate(() => document.getElementById("learn-status").scrollIntoView({ block: "start" }));
    await page.screenshot(shots.learned);
    ok(`${what}: screenshot saved: ${shots.learned}`);
  }

  // The network view, where the page has it, learns the same table: two epochs.
  const network = shown.network !== null;
  if (network) {
    assert.deepEqual(shown.networkRows, table.rows.map(({ name }) => name), `${what}: the network's table`);
    for (const steps of [6, 12]) {
      await page.click("#bp-epoch");
      await page.waitFor((count) => globalThis.networkView.state().steps === count, 10000, steps);
    }
    await page.waitFor(() => document.getElementById("share-python-code").textContent.includes(globalThis.neuronPlayground.pythonRepr(globalThis.networkView.state().w[0])), 5000);
    ok(`${what}: the network view learns the same six rows: two epochs`);
  }

  // Copy as Python: the boxes' neuron in full, and two lines on the row it is least sure of (and
  // the network's three neurons, and two lines on its own); python3 prints the page's output for
  // each, and the micro:bit the same within its float32.
  await page.evaluate(tablePress, "#share-copy-python");
  await new Promise((resolve) => setTimeout(resolve, 300));
  shown = await page.evaluate(tableShown);
  const code = shown.python;
  assert.ok(code.includes(`n = Neuron([${shown.boxes.w1}, ${shown.boxes.w2}], ${shown.boxes.b})\n`), `${what}: the Python's neuron is not the boxes': ${code}`);
  const pageOutputs = [...code.matchAll(/# the playground: (\S+)\n/g)].map((match) => match[1]);
  assert.equal(pageOutputs.length, network ? 2 : 1, `${what}: ${code}`);
  const pageOutput = pageOutputs[0];
  if (network) {
    const lines = await page.evaluate(() => {
      const { w, b } = globalThis.networkView.state();
      const repr = globalThis.neuronPlayground.pythonRepr;
      return [[0, 0], [2, 1], [4, 2]].map(([i, j], k) => `${["h1", "h2", "o1"][k]} = Neuron([${repr(w[i])}, ${repr(w[i + 1])}], ${repr(b[j])})\n`);
    });
    for (const line of lines) assert.ok(code.includes(line), `${what}: the network's ${line} is not in ${code}`);
  }
  const unsure = last.outputs.reduce((best, output, k) => (Math.abs(output - 0.5) < Math.abs(last.outputs[best] - 0.5) ? k : best), 0);
  const row = table.rows[unsure];
  assert.ok(code.includes(`y = n.feedforward([${row.x.join(", ")}])  # ${row.name}, the row it is least sure of\n`), `${what}: ${code}`);
  assertClose(pageOutput, last.outputs[unsure], `${what}: the page's output for ${row.name}`);
  assert.ok(/^Copied the Python\.$/.test(shown.pythonStatus) || (/copy it with Ctrl\+C/.test(shown.pythonStatus) && shown.selected.trim() === code.trim()),
    `${what}: after "Copy as Python": ${shown.pythonStatus}, selected ${JSON.stringify(shown.selected)}`);
  const printed = runPython(code, board);
  assert.deepEqual(printed.python3.split("\n"), pageOutputs, `${what}: python3 ran the copied Python`);
  let onBoard = "";
  if (board) {
    const boardLines = printed.board.split(/\r?\n/);
    assert.equal(boardLines.length, pageOutputs.length, `${what}: the micro:bit printed ${printed.board}`);
    pageOutputs.forEach((output, k) => {
      const difference = Math.abs(Number(boardLines[k]) - Number(output));
      assert.ok(difference <= 1e-5 * Math.max(1, Math.abs(Number(output))), `${what}: the micro:bit printed ${boardLines[k]}, the page ${output}`);
    });
    onBoard = `; the emulated micro:bit ${boardLines.join(" and ")}`;
  }
  ok(`${what}: "Copy as Python" (${shown.pythonStatus.split(":")[0]}): python3 prints ${printed.python3.split("\n").join(" and ")}, the page's outputs for ${row.name}${network ? " (the neuron) and the network's row" : ""}${onBoard}`);

  // The link, in the address too: a reload keeps the state, and so does a new browser.
  const link = shown.link;
  assert.equal(shown.hash, "#" + link.split("#")[1], `${what}: the address holds the link`);
  const state = { boxes: shown.boxes, rate: shown.rate, rows: shown.rows.map((row) => row.slice(0, 4)), loss: shown.loss, axisNames: shown.axisNames, network: shown.network };
  await page.evaluate(() => {
    globalThis.beforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  for (const started = Date.now(); ; ) {
    const fresh = await page.evaluate(() => !globalThis.beforeReload && document.getElementById("data")?.dataset.ready === "true").catch(() => false);
    if (fresh) break;
    assert.ok(Date.now() - started < 15000, `${what}: the page did not come back after a reload`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await checkSameState(page, state, `${what}, reloaded`);
  ok(`${what}: reloaded, the page shows the same neuron, network, learn rates, table and loss`);
  const again = await reopen(link);
  try {
    await waitReady(again, what);
    await checkSameState(again, state, `${what}, the link in a new browser`);
    ok(`${what}: the link (${link.length} characters) in a new browser shows the same state`);
  } finally {
    await again.close();
  }

  // A hand-broken link: each part the page cannot use dropped, and said; the rest opened.
  const broken = link.split("#")[0] +
    "#v=7&w1=abc&w2=0.5&b=-1&rate=-2&view=sideways&colour=red&network.w=1,2,x&cols=thing,mass,volume,floats&row=cork,2.4,10,1&row=coin,7.5,x,0&row=key,10,1.3,0&row=lid%ZZ,1,1,0&row=ap";
  const hand = await reopen(broken);
  try {
    await waitReady(hand, what);
    const opened = await hand.evaluate(tableShown);
    assert.deepEqual(opened.noteItems, [
      'Its version, "7": this page reads version 1, and it is read so.',
      'w1 = "abc", which is no number: the box keeps 0.',
      'The learn rate "-2" (write a number above 0, such as 0.1): it stays 0.1.',
      `The view "sideways": this page has neuron, learn${network ? ", network" : ""}.`,
      '"colour", which is not part of this page\'s link.',
      'The row "coin,7.5,x,0": x2 is "x": write a number as Python does, such as 2.5, -0.1, 1e-3 or inf.',
      'The row "lid%ZZ,1,1,0": a broken %-escape.',
      'The row "ap": it has 1 value: a name, x1, x2 and the answer are 4.',
      ...(network ? ['The network\'s w "1,2,x": 6 numbers, with commas between them.'] : ['"network.w", which is not part of this page\'s link.']),
    ], `${what}: a hand-broken link`);
    assert.match(opened.note, /^Opened from a link: your table \(2 rows\); w2 = 0\.5, b = -1\. Dropped, as this page cannot use them:/);
    assert.deepEqual(opened.rows.map((row) => row[0]), ["cork", "key"]);
    assert.deepEqual([opened.boxes.w1, opened.boxes.w2, opened.boxes.b], ["0", "0.5", "-1"]);
    assert.equal(opened.hash, "#" + opened.link.split("#")[1], `${what}: the address should hold the state as opened`);
    assert.doesNotMatch(opened.hash, /abc|ZZ|colour|sideways/);
    await hand.evaluate(injectAxe);
    assert.deepEqual(await hand.evaluate(tableAxe), [], `${what}: axe-core, with the link's note showing`);
    if (shots) {
      await hand.evaluate(() => window.scrollTo(0, 0));
      await hand.screenshot(shots.broken);
    }
    ok(`${what}: a hand-broken link opens at the nearest valid state and lists the 9 parts it dropped; axe-core finds nothing`);
  } finally {
    await hand.close();
  }

  // The largest link a table makes: 30 rows (the most the page takes), each name 24 characters
  // that the link must escape (each 12 characters written), each number 24 characters long, and
  // four column names of 30 such characters; read back from the link, the same table.
  const longName = (i) => String.fromCodePoint(0x1f600 + i).repeat(24);
  const longNumber = (i) => `-1.234567890123456${i % 10}e-100`;
  const largest = [[0, 1, 2, 3].map((i) => String.fromCodePoint(0x1f300 + i).repeat(30)).join("\t"),
    ...Array.from({ length: 30 }, (_, i) => [longName(i), longNumber(i), longNumber(i + 1), i % 2].join("\t"))].join("\n");
  await page.evaluate(tablePaste, largest);
  await useTheTable(page);
  // the link's box is written a moment after the last change
  await page.waitFor(() => document.getElementById("share-link").value === globalThis.neuronTable.link(), 5000);
  const big = await page.evaluate(tableShown);
  assert.equal(big.rows.length, 30);
  const bigHash = big.link.split("#")[1];
  const [before, after] = await page.evaluate(async (hash) => {
    const rows = () => globalThis.neuronTable.table().rows.map(({ name, x, y }) => [name, ...x, y]);
    const made = rows();
    globalThis.neuronTable.openLink("#" + hash);
    return [made, rows()];
  }, bigHash);
  assert.equal(before[29][0], longName(29));
  assert.equal(before[29][1], Number(longNumber(29)));
  assert.deepEqual(after, before, `${what}: the largest table through its link`);
  ok(`${what}: the largest link a 30-row table makes is ${big.link.length} characters (${bigHash.length} after the #), and gives the table back`);

  // The ready tables: the box shows one to edit; AND is learned, XOR is not, by one neuron.
  await page.evaluate(tablePaste, "");
  for (const [name, right] of [["and", /4 of 4 rows right/], ["xor", /[0-3] of 4 rows right/]]) {
    await page.evaluate(tablePress, `[data-table="${name}"]`);
    await page.evaluate(tablePress, "learn-epochs");
    shown = await page.evaluate(tableShown);
    assert.deepEqual(shown.pressed, [name]);
    assert.match(shown.box, /^inputs\tx1\tx2\tx1 (AND|XOR) x2\n0 0\t0\t0\t0\n/);
    assert.match(shown.learnStatus, right, `${what}: ${name} after 100 epochs`);
  }
  ok(`${what}: the ready tables: after 100 epochs one neuron gets the AND gate right and not XOR ("${shown.learnStatus}")`);

  // With refusals showing: axe-core over the whole page, and a picture of the table.
  await page.evaluate(tablePaste, WITH_MISTAKES);
  await useTheTable(page);
  await page.evaluate(injectAxe);
  assert.deepEqual(await page.evaluate(tableAxe), [], `${what}: axe-core, with refusals showing`);
  ok(`${what}: axe-core finds no violation with three rows refused`);
  if (shots) {
    await page.evaluate(() => document.getElementById("data").scrollIntoView({ block: "start" }));
    await page.screenshot(shots.refused);
    await page.evaluate(() => document.getElementById("share").scrollIntoView({ block: "start" }));
    await page.screenshot(shots.share);
  }
  return { link, state };
}

// A page opened at a link shows the state it was made from.
export async function checkSameState(page, state, what) {
  await waitReady(page, what);
  const shown = await page.evaluate(tableShown);
  assert.deepEqual(
    { boxes: shown.boxes, rate: shown.rate, rows: shown.rows.map((row) => row.slice(0, 4)), loss: shown.loss, axisNames: shown.axisNames, network: shown.network },
    state, `${what}: the state`);
  const network = state.network ? "; the network's weights and biases; its learn rate 0.1" : "";
  assert.equal(shown.note.replace(/w1 = \S+, w2 = \S+, b = \S+,/, "w1 = ?, w2 = ?, b = ?,"),
    `Opened from a link: your table (6 rows); the learn rate 0.5; w1 = ?, w2 = ?, b = ?, x1 = 2, x2 = 3${network}.`, `${what}: the note`);
}
