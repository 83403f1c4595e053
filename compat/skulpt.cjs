// Runs a Python file under Skulpt (Python compiled to JavaScript): node compat/skulpt.cjs FILE.py
// Skulpt imports modules by file name, so it is given the file's folder and the repository root
// (for neuron.py) as its sys.path, and reads them from disk.
const fs = require("node:fs");
const path = require("node:path");
require("skulpt/dist/skulpt.min.js"); // defines the global Sk
require("skulpt/dist/skulpt-stdlib.js"); // its standard library, as Sk.builtinFiles

const file = path.resolve(process.argv[2]);
Sk.configure({
  __future__: Sk.python3,
  syspath: [path.dirname(file), path.resolve(__dirname, "..")],
  output: (text) => process.stdout.write(text),
  read: (name) => {
    if (Sk.builtinFiles.files[name] !== undefined) return Sk.builtinFiles.files[name];
    if (fs.existsSync(name)) return fs.readFileSync(name, "utf8");
    throw new Error("File not found: " + name); // Skulpt then tries the next folder
  },
});
Sk.misceval
  .asyncToPromise(() => Sk.importMain(path.basename(file, ".py"), false, true)) // as __main__
  .catch((error) => {
    console.error(error.toString()); // an uncaught Python exception; Skulpt has no sys.exit
    process.exitCode = 1;
  });
