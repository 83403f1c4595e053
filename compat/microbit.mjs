// Runs a Python file on a BBC micro:bit v1, emulated: node compat/microbit.mjs FILE.py
// The board is the real MicroPython firmware from Debian's firmware-microbit-micropython, in QEMU's
// "microbit" machine (Debian's qemu-system-arm). As a learner's editor does, @microbit/microbit-fs
// writes neuron.py and FILE.py, as main.py, into the firmware's file system; the board runs main.py
// when it starts, then opens its REPL. Printed here: what main.py printed. Exit status 1 if it
// ended in a traceback, or the board said nothing for too long.
import { MicropythonFsHex } from "@microbit/microbit-fs";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The longest a run may take. The self-check's largest piece, 12,000 sigmoids, runs in about two
// seconds; a minute means the board hangs (a program that never ends, say), not that it is slow.
const SECONDS = 60;
// After a traceback the firmware scrolls the error across the board's LEDs before it opens its
// REPL, and in QEMU no prompt came in 90 s: once it has printed a traceback, two seconds of
// silence end the run (its lines come a few milliseconds apart).
const SILENCE_AFTER_TRACEBACK = 2;
const TRACEBACK = "Traceback (most recent call last):";
// After main.py the board prints its banner, "MicroPython v1.9.2-34-... on 2017-09-01; ...",
// and then the REPL's prompt: everything before the banner is main.py's output.
const BANNER = "MicroPython v";
const PROMPT = ">>> ";

// Where the package put the firmware: dpkg -L lists the package's files.
const firmware = execFileSync("dpkg", ["-L", "firmware-microbit-micropython"], { encoding: "utf8" })
  .split("\n").find((path) => path.endsWith(".hex"));
const files = new MicropythonFsHex(readFileSync(firmware, "utf8"));
files.write("neuron.py", readFileSync(new URL("../neuron.py", import.meta.url)));
files.write("main.py", readFileSync(process.argv[2]));

// The board's serial port, its REPL, is a Unix socket in a folder of our own: no network port is
// opened, and two runs at once cannot clash. wait=on: the board starts once we are connected, so
// nothing it prints is lost.
const folder = mkdtempSync(join(tmpdir(), "microbit-"));
const hex = join(folder, "board.hex");
const serial = join(folder, "serial");
writeFileSync(hex, files.getIntelHex());
const qemu = spawn("qemu-system-arm", ["-M", "microbit", "-display", "none", "-monitor", "none",
  "-serial", `unix:${serial},server=on,wait=on`, "-device", `loader,file=${hex}`],
{ stdio: ["ignore", "ignore", "pipe"] });
// QEMU says "info: QEMU waiting for connection" each time: its messages show only on a problem.
let qemuSaid = "";
qemu.stderr.on("data", (data) => { qemuSaid += data; });
qemu.on("error", (error) => finish(`cannot run qemu-system-arm: ${error.message}`));

let output = "";
let socket = null;
let silence = null;
let finished = false;
const deadline = setTimeout(() => finish(`the board did not reach its prompt in ${SECONDS} s`),
  SECONDS * 1000);

// QEMU makes the socket once it has started: try again every 50 ms until then.
function connectToBoard() {
  socket = connect(serial);
  socket.on("error", () => { if (!finished) setTimeout(connectToBoard, 50); });
  socket.on("data", (data) => {
    output += data.toString("latin1");
    if (output.includes(BANNER) && output.endsWith(PROMPT)) finish(null);
    else if (output.includes(TRACEBACK)) {
      clearTimeout(silence);
      silence = setTimeout(() => finish(null), SILENCE_AFTER_TRACEBACK * 1000);
    }
  });
}
connectToBoard();

function finish(problem) {
  if (finished) return;
  finished = true;
  clearTimeout(deadline);
  clearTimeout(silence);
  if (socket) socket.destroy();
  qemu.kill("SIGKILL"); // by its process id: only the QEMU started here
  qemu.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  // The firmware sends a NUL byte as it starts, and ends its lines with \r\n.
  const printed = output.split(BANNER)[0].replaceAll("\0", "").replaceAll("\r\n", "\n");
  process.stdout.write(printed);
  if (problem) console.error(qemuSaid + problem);
  process.exitCode = problem || printed.includes(TRACEBACK) ? 1 : 0;
}
