// Runs a Python file under MicroPython's WebAssembly port: node compat/micropython.mjs FILE.py
// neuron.py is copied into MicroPython's in-memory file system, so the file can import it, and
// lessons/people.py, the lessons' data, beside it.
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript/micropython.mjs";
import { readFileSync } from "node:fs";

const mp = await loadMicroPython({
  heapsize: 64 * 1024 * 1024, // the default heap is too small for the self-check's long loops
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
mp.FS.writeFile("/neuron.py", readFileSync(new URL("../neuron.py", import.meta.url)));
mp.FS.writeFile("/people.py", readFileSync(new URL("../lessons/people.py", import.meta.url))); // the lessons' data
try {
  mp.runPython(readFileSync(process.argv[2], "utf8")); // runs as __main__
} catch (error) {
  // An uncaught Python exception arrives here as a JavaScript error. MicroPython's own command
  // line would print it and still exit 0; a failure must exit non-zero.
  console.error(error.message);
  process.exitCode = 1;
}
