// Runs a Python file in a web page with PyScript: node compat/pyscript.mjs py|mpy FILE.py
// "py" runs it in PyScript's Pyodide, "mpy" in its MicroPython. The page is compat/pyscript.html,
// served by `python3 -m http.server` on 127.0.0.1 from the repository's top folder, with PyScript
// and both interpreters from node_modules (npm ci); the browser is Debian's Chromium, or the one
// named by $CHROMIUM, headless, driven by playwright-core, with a fresh profile. Every request
// that is not to that server is refused and fails the run: nothing comes from a CDN.
// Printed here: what the program printed. Exit status 1 if it raised an error, the page logged
// one, or the program did not finish in time.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const [type, file] = process.argv.slice(2);
if (!["py", "mpy"].includes(type) || !file) {
  console.error("usage: node compat/pyscript.mjs py|mpy FILE.py (FILE from the repository's top)");
  process.exit(2);
}
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BROWSER = process.env.CHROMIUM ?? "/usr/bin/chromium";
// The longest a run may take: Pyodide starts in a few seconds, the self-check takes one or two.
const SECONDS = 120;

// Chromium as root on a machine whose only network is loopback: no sandbox (it refuses to start
// as root with one), no GPU, and none of its background calls home.
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

// The repository's top folder, served on loopback at a port the system picks (port 0); the
// server says which on its first line.
const server = spawn("python3", ["-u", "-m", "http.server", "--bind", "127.0.0.1", "0"],
  { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] });
const origin = await new Promise((resolve, reject) => {
  let said = "";
  server.stdout.on("data", (data) => {
    said += data;
    const port = said.match(/port (\d+)/);
    if (port) resolve(`http://127.0.0.1:${port[1]}`);
  });
  server.on("error", reject);
  server.on("exit", (code) => reject(new Error(`python3 -m http.server exited (${code})`)));
});

const profile = mkdtempSync(join(tmpdir(), "pyscript-chromium-"));
const problems = [];
let context = null;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER, headless: true, args: CHROMIUM_FLAGS,
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/")) return route.continue();
    problems.push(`the page asked for ${url}, off this machine's server`);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // print() writes to the console, a line a message; PyScript reports an error there too.
  page.on("console", (message) => {
    if (message.type() === "log") console.log(message.text());
    else if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  // PyScript sends "py:done" (or "mpy:done") from the program's script once it has run; an
  // error it shows on the page, in a .py-error box, instead.
  await page.addInitScript((type) => {
    addEventListener(`${type}:done`, () => { window.programDone = true; });
  }, type);
  await page.goto(`${origin}/compat/pyscript.html?${new URLSearchParams({ python: type, run: file })}`);
  const ended = await page.waitForFunction(() => window.programDone || document.querySelector(".py-error"),
    null, { timeout: SECONDS * 1000, polling: 100 }).then(() => true, () => false);
  if (!ended) problems.push(`the program did not finish in ${SECONDS} s`);
  for (const error of await page.$$eval(".py-error", (shown) => shown.map((e) => e.textContent))) {
    problems.push(error);
  }
} catch (error) {
  problems.push(error.message);
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
  server.kill(); // by its process id: only the server started here
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exitCode = 1;
}
