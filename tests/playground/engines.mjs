// The three browser engines a class has, behind one small API for tests/playground/browser_test.mjs:
// Chromium (Chrome, Edge), Gecko (Firefox) and WebKit (Safari, iPads), each Debian's own build,
// none downloaded.
//
//   chromium  /usr/bin/chromium ($CHROMIUM), headless, driven by playwright-core over CDP.
//   firefox   /usr/bin/firefox-esr ($FIREFOX), headless, driven by puppeteer-core over WebDriver BiDi.
//   webkit    WebKitGTK's MiniBrowser, driven by selenium-webdriver through Debian's WebKitWebDriver
//             (classic WebDriver); MiniBrowser has no headless mode, so it draws on an Xvfb display
//             of its own, started here when $DISPLAY is not set.
//
//     const page = await open("firefox", { viewport: PHONE, allow: "http://127.0.0.1:8000/" });
//     await page.goto(url);
//     await page.waitFor(() => document.readyState === "complete");
//     const text = await page.text("#output");
//     await page.close();
//
// Every page is a new browser with an empty profile. What an engine cannot do is listed in its
// page's `cannot` (what -> why) and said by the test; a method that cannot be done throws
// `Unsupported`. A browser that does not start throws an Error with the engine's own words.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ENGINES = ["chromium", "firefox", "webkit"];
export const DESKTOP = { width: 1440, height: 900, phone: false };
// A phone: 390 x 844 CSS pixels, at twice the pixels, with touch where the engine can.
export const PHONE = { width: 390, height: 844, phone: true };

export class Unsupported extends Error {}

// One place that says what each engine cannot do, for the test's output and the README.
export const LIMITS = {
  chromium: {},
  firefox: {
    "the page as printed": "puppeteer's emulateMediaType needs CDP; the PDF itself is printed",
    "dark mode after the start": "Firefox takes the colour scheme as a preference at launch (open's colorScheme); puppeteer's emulateMediaFeatures needs CDP",
    "a phone's screen": "no mobile emulation in Firefox: a 390 x 844 viewport at 2x, a coarse pointer and taps as WebDriver BiDi touch actions, but a desktop user agent and no meta viewport",
  },
  webkit: {
    "the page as printed": "classic WebDriver has no media emulation",
    "printing to PDF": "WebKitWebDriver has no WebDriver Print command (it answers 'Unknown command')",
    "dark mode after the start": "MiniBrowser takes dark mode at launch (open's colorScheme: --dark-mode)",
    "refusing requests": "classic WebDriver cannot intercept requests: the page's requests are read from the Resource Timing API, and with `offline` a proxy that leads nowhere stands for the network",
    "console errors before load": "classic WebDriver cannot see the console: errors and console.error are caught by a hook set when the page has loaded, so errors raised while it loads are not seen",
    "a phone's screen": "no mobile emulation in WebKitGTK: a 390-pixel-wide window at 1x, mouse events for taps (no touch)",
  },
};

// Named keys, as playwright names them, in WebDriver's code points.
const WEBDRIVER_KEYS = {
  ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015",
  Enter: "\uE007", Tab: "\uE004", Backspace: "\uE003", Delete: "\uE017", Escape: "\uE00C",
  Home: "\uE011", End: "\uE010", PageUp: "\uE00E", PageDown: "\uE00F", Space: "\uE00D",
};

/**
 * Opens a new browser of `engine` and a page in it.
 * options.viewport  DESKTOP, PHONE or { width, height, phone }
 * options.allow     a URL prefix: requests to anything else (data: aside) are refused and listed
 *                   by requestsElsewhere() (in WebKit listed, not refused: see LIMITS)
 * options.offline   the network is off (file: pages)
 * options.colorScheme  "light" | "dark": what the system says, from the start
 */
export async function open(engine, options = {}) {
  const opener = { chromium: openChromium, firefox: openFirefox, webkit: openWebKit }[engine];
  if (!opener) throw new Error(`no engine ${engine}: the engines are ${ENGINES.join(", ")}`);
  const settings = { viewport: DESKTOP, allow: null, offline: false, colorScheme: "light", ...options };
  try {
    return await opener(settings);
  } catch (error) {
    throw new Error(`${engine} did not start: ${error.message}`, { cause: error });
  }
}

// What every page gives, whatever the engine: built on evaluate and a few engine methods.
class Page {
  constructor(engine, viewport) {
    this.engine = engine;
    this.viewport = viewport;
    this.cannot = LIMITS[engine];
    // Whether tap() is a touch (true in Chromium and Firefox on a phone) or a mouse click.
    this.touch = viewport.phone && engine !== "webkit";
  }
  // The text, value, attribute and place of the first element a selector finds.
  async text(selector) {
    return this.evaluate((s) => document.querySelector(s).textContent, selector);
  }
  async innerText(selector) {
    return this.evaluate((s) => document.querySelector(s).innerText, selector);
  }
  async value(selector) {
    return this.evaluate((s) => document.querySelector(s).value, selector);
  }
  async attribute(selector, name) {
    return this.evaluate(([s, n]) => document.querySelector(s).getAttribute(n), [selector, name]);
  }
  // { x, y, width, height } in CSS pixels from the viewport's top left corner.
  async box(selector) {
    return this.evaluate((s) => {
      const { x, y, width, height } = document.querySelector(s).getBoundingClientRect();
      return { x, y, width, height };
    }, selector);
  }
  async scrollIntoView(selector) {
    await this.evaluate((s) => document.querySelector(s).scrollIntoView({ block: "center" }), selector);
  }
  async focus(selector) {
    await this.evaluate((s) => document.querySelector(s).focus(), selector);
  }
  // Polls `predicate` (a function, run in the page with `arg`) until it returns something truthy,
  // and gives that. Like evaluate's, its result must be JSON-able: a DOM element is not (Firefox
  // gives undefined for one), so ask `document.querySelector(s) !== null`.
  async waitFor(predicate, timeout = 30000, arg = null) {
    const started = Date.now();
    for (;;) {
      const result = await this.evaluate(predicate, arg);
      if (result) return result;
      if (Date.now() - started > timeout) throw new Error(`${this.engine}: waited ${timeout} ms for ${predicate}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  // A mouse drag along an element: from and to are fractions of its width and height.
  async drag(selector, from, to) {
    await this.scrollIntoView(selector);
    const box = await this.box(selector);
    const at = ([fx, fy]) => [Math.round(box.x + box.width * fx), Math.round(box.y + box.height * fy)];
    await this.mouseDrag(at(from), at(to));
  }
  // A tap (a click where the engine has no touch) at a fraction of an element's width and height.
  async tap(selector, fx = 0.5, fy = 0.5) {
    await this.scrollIntoView(selector);
    const box = await this.box(selector);
    await this.tapAt(Math.round(box.x + box.width * fx), Math.round(box.y + box.height * fy));
  }
  // Replaces what a box holds with `text`, typed as keys.
  async fill(selector, text) {
    await this.evaluate((s) => {
      const box = document.querySelector(s);
      box.focus();
      box.select();
    }, selector);
    await this.keys("Backspace");
    if (text) await this.typeText(text);
  }
  // Types `text` at the end of what a box holds.
  async type(selector, text) {
    await this.evaluate((s) => {
      const box = document.querySelector(s);
      box.focus();
      box.setSelectionRange?.(box.value.length, box.value.length);
    }, selector);
    await this.typeText(text);
  }
  // Presses one named key (ArrowRight, Enter, Tab...) in an element.
  async press(selector, key) {
    await this.focus(selector);
    await this.keys(key);
  }
  async setColorScheme(scheme) {
    throw new Unsupported(`${this.engine}: ${this.cannot["dark mode after the start"]}; asked for ${scheme}`);
  }
  async pdf(path) {
    throw new Unsupported(`${this.engine}: ${this.cannot["printing to PDF"]}; asked for ${path}`);
  }
  // Shows the page as printed ("print"), or as on a screen again (null).
  async emulateMedia(media) {
    throw new Unsupported(`${this.engine}: ${this.cannot["the page as printed"]}; asked for ${media}`);
  }
}

// ---- Chromium and Firefox: one page for playwright's and puppeteer's ------------------------------

// playwright-core's page (Chromium) and puppeteer-core's (Firefox) answer the same calls for
// everything below, so one class serves both; each engine's subclass adds what it does its own
// way (typing, printing, colour schemes, closing).
class PlaywrightOrPuppeteerPage extends Page {
  constructor(engine, viewport, page, elsewhere) {
    super(engine, viewport);
    this.page = page;
    this.elsewhere = elsewhere;
    this.complaints = [];
    page.on("console", (message) => message.type() === "error" && this.complaints.push(message.text()));
    page.on("pageerror", (error) => this.complaints.push(error.message));
  }
  async goto(url) {
    await this.page.goto(url);
  }
  // A string is a script to run as it is (axe-core's source): it takes no argument.
  async evaluate(fn, arg) {
    return typeof fn === "string" ? this.page.evaluate(fn) : this.page.evaluate(fn, arg);
  }
  async keys(key) {
    await this.page.keyboard.press(key);
  }
  async click(selector) {
    await this.page.click(selector);
  }
  async mouseDrag([x0, y0], [x1, y1]) {
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down();
    await this.page.mouse.move(x1, y1, { steps: 5 });
    await this.page.mouse.up();
  }
  async tapAt(x, y) {
    await (this.viewport.phone ? this.page.touchscreen.tap(x, y) : this.page.mouse.click(x, y));
  }
  async screenshot(path) {
    await this.page.screenshot({ path });
  }
  async errors() {
    return [...this.complaints];
  }
  async requestsElsewhere() {
    return [...this.elsewhere];
  }
}

// ---- Chromium: playwright-core and Debian's chromium ------------------------------------------

// Chromium as root, with no network to talk to: no sandbox (it refuses to start as root with one),
// no GPU, and none of the background calls home, which this machine's closed network refuses.
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

async function openChromium({ viewport, allow, offline, colorScheme }) {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "playground-chromium-"));
  const device = viewport.phone
    ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true }
    : {};
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_FLAGS,
      offline,
      colorScheme,
      viewport: { width: viewport.width, height: viewport.height },
      ...device,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const elsewhere = [];
  if (allow) {
    await context.route("**/*", (route) => {
      if (route.request().url().startsWith(allow)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return new (class extends PlaywrightOrPuppeteerPage {
    async typeText(text) {
      await page.keyboard.insertText(text);
    }
    async fill(selector, text) {
      await page.fill(selector, text);
    }
    async pdf(path) {
      await page.pdf({ path });
    }
    async setColorScheme(scheme) {
      await page.emulateMedia({ colorScheme: scheme });
    }
    async emulateMedia(media) {
      await page.emulateMedia({ media });
    }
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  })("chromium", viewport, page, elsewhere);
}

// ---- Firefox: puppeteer-core over WebDriver BiDi, and Debian's firefox-esr ------------------------

async function openFirefox({ viewport, allow, offline, colorScheme }) {
  const { default: puppeteer } = await import("puppeteer-core");
  const prefs = {
    // What the system says: 0 dark, 1 light, for prefers-color-scheme.
    "layout.css.prefers-color-scheme.content-override": colorScheme === "dark" ? 0 : 1,
    "ui.systemUsesDarkTheme": colorScheme === "dark" ? 1 : 0,
  };
  if (viewport.phone) {
    // Firefox has no phone emulation: touch events and a coarse pointer, as a phone has them.
    // (The meta viewport's pref, dom.meta-viewport.enabled, closes the page on a viewport change.)
    Object.assign(prefs, {
      "dom.w3c_touch_events.enabled": 1,
      "ui.primaryPointerCapabilities": 1,
      "ui.allPointerCapabilities": 1,
    });
  }
  if (offline) {
    // A proxy on the discard port, for every host: nothing reaches the network.
    Object.assign(prefs, {
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": 9,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": 9,
      "network.proxy.allow_hijacking_localhost": true,
    });
  }
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    extraPrefsFirefox: prefs,
    defaultViewport: null,
  });
  let page;
  try {
    page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport({
      width: viewport.width,
      height: viewport.height,
      deviceScaleFactor: viewport.phone ? 2 : 1,
      hasTouch: viewport.phone,
      isMobile: viewport.phone,
    });
  } catch (error) {
    await browser.close();
    throw error;
  }
  const elsewhere = [];
  if (allow) {
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith(allow) || url.startsWith("data:")) return request.continue();
      elsewhere.push(url);
      return request.abort();
    });
  }
  return new (class extends PlaywrightOrPuppeteerPage {
    async typeText(text) {
      await page.keyboard.type(text);
    }
    async pdf(path) {
      await page.pdf({ path, printBackground: true });
    }
    async close() {
      await browser.close();
    }
  })("firefox", viewport, page, elsewhere);
}

// ---- WebKit: selenium-webdriver, Debian's WebKitWebDriver and WebKitGTK's MiniBrowser ------------

const MINIBROWSER = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

// A display for MiniBrowser when there is none: one Xvfb for the whole run, ended at exit.
let display = null;
async function xDisplay() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (!display) {
    display = new Promise((resolve, reject) => {
      // Xvfb writes its display's number on its standard output; that pipe stays open (a closed
      // one could end Xvfb at its next word) but does not keep Node running.
      const xvfb = spawn("Xvfb", ["-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"], {
        stdio: ["ignore", "pipe", "ignore"],
      });
      xvfb.stdout.once("data", (data) => {
        resolve(`:${String(data).trim()}`);
        xvfb.stdout.unref();
      });
      xvfb.on("error", (error) => reject(new Error(`Xvfb (Debian's xvfb) did not start: ${error.message}`)));
      xvfb.on("exit", (code, signal) => {
        display = Promise.reject(new Error(`Xvfb ended (${code ?? signal}): MiniBrowser has no display`));
        display.catch(() => {});
        reject(new Error(`Xvfb exited with ${code ?? signal}`));
      });
      xvfb.unref();
      process.on("exit", () => xvfb.kill());
    });
  }
  return display;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function openWebKit({ viewport, allow, offline, colorScheme }) {
  const { Builder } = await import("selenium-webdriver");
  const { Command } = await import("selenium-webdriver/lib/command.js");
  // MiniBrowser's toolbar keeps its window at least 447 pixels wide; GTK's user style sheet,
  // in a configuration folder of this page's own, lets it shrink to a phone's width.
  const config = mkdtempSync(join(tmpdir(), "playground-webkit-"));
  mkdirSync(join(config, "gtk-3.0"));
  writeFileSync(
    join(config, "gtk-3.0", "gtk.css"),
    "window * { min-width: 0; min-height: 0; padding: 0; margin: 0; border: 0; font-size: 1px; }\n",
  );
  const port = await freePort();
  const env = { ...process.env, DISPLAY: await xDisplay(), XDG_CONFIG_HOME: config };
  const driverProcess = spawn("WebKitWebDriver", [`--port=${port}`], { env, stdio: ["ignore", "pipe", "pipe"] });
  let driverSaid = "";
  driverProcess.stdout.on("data", (data) => (driverSaid += data));
  driverProcess.stderr.on("data", (data) => (driverSaid += data));
  const driverFailed = new Promise((_, reject) => {
    driverProcess.on("error", (error) => reject(new Error(`WebKitWebDriver (Debian's webkit2gtk-driver): ${error.message}`)));
    driverProcess.on("exit", (code) => reject(new Error(`WebKitWebDriver exited with ${code}: ${driverSaid}`)));
  });
  driverFailed.catch(() => {});
  const stop = () => {
    driverProcess.kill();
    rmSync(config, { recursive: true, force: true });
  };
  const args = ["--automation"];
  if (colorScheme === "dark") args.push("--dark-mode");
  const capabilities = {
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: MINIBROWSER, args },
  };
  if (offline) {
    // A proxy on the discard port: nothing reaches the network.
    capabilities.proxy = { proxyType: "manual", httpProxy: "127.0.0.1:9", sslProxy: "127.0.0.1:9" };
  }
  let driver;
  try {
    // The driver takes a moment to listen: try until it answers, or has said why it cannot.
    const started = Date.now();
    for (;;) {
      try {
        driver = await Promise.race([
          new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build(),
          driverFailed,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error("WebKitWebDriver opened no MiniBrowser in 60 s")), 60000).unref(),
          ),
        ]);
        break;
      } catch (error) {
        if (!/ECONNREFUSED/.test(error.message) || Date.now() - started > 10000) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    // The window's size that gives the viewport asked for, MiniBrowser's toolbar aside.
    await driver.manage().window().setRect({ width: viewport.width, height: viewport.height });
    const [innerWidth, innerHeight] = await driver.executeScript("return [innerWidth, innerHeight]");
    await driver.manage().window().setRect({
      width: 2 * viewport.width - innerWidth,
      height: 2 * viewport.height - innerHeight,
    });
  } catch (error) {
    await driver?.quit().catch(() => {});
    stop();
    throw new Error(`${error.message}${driverSaid ? `; WebKitWebDriver said: ${driverSaid}` : ""}`);
  }
  const actions = (list) => driver.execute(new Command("actions").setParameter("actions", list));
  const pointer = (type, steps) => [{ type: "pointer", id: type, parameters: { pointerType: type }, actions: steps }];
  // Errors and console.error, from the moment the page has loaded (see LIMITS).
  const hook = () => {
    if (window.__engineErrors) return;
    window.__engineErrors = [];
    const consoleError = console.error;
    console.error = (...args) => {
      window.__engineErrors.push(args.map(String).join(" "));
      consoleError.apply(console, args);
    };
    addEventListener("error", (event) => window.__engineErrors.push(event.message));
    addEventListener("unhandledrejection", (event) => window.__engineErrors.push(String(event.reason)));
  };
  return new (class extends Page {
    async goto(url) {
      await driver.get(url);
      await this.evaluate(hook);
    }
    // The function runs in the page with its one argument; a promise it returns is awaited.
    async evaluate(fn, arg = null) {
      if (typeof fn === "string" && fn.length > 10000) {
        // A whole script (axe-core's): run as the script's own statements, not through eval,
        // which a page's Content-Security-Policy without 'unsafe-eval' refuses. It gives null.
        await driver.executeScript(fn);
        return null;
      }
      const body = typeof fn === "string" ? `(0, eval)(${JSON.stringify(fn)})` : `(${fn})(arguments[0])`;
      const result = await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => ${body}).then(
           (value) => done({ value: value === undefined ? null : value }),
           (error) => done({ error: String(error && error.stack ? error + "\\n" + error.stack : error) }));`,
        arg,
      );
      if (result.error !== undefined) throw new Error(`webkit: evaluate threw: ${result.error}`);
      return result.value;
    }
    async keys(key) {
      const code = WEBDRIVER_KEYS[key] ?? key;
      await actions([{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: code }, { type: "keyUp", value: code }] }]);
    }
    async typeText(text) {
      const steps = [...text].flatMap((c) => [{ type: "keyDown", value: c }, { type: "keyUp", value: c }]);
      await actions([{ type: "key", id: "keyboard", actions: steps }]);
    }
    async click(selector) {
      await driver.findElement({ css: selector }).click();
    }
    async mouseDrag([x0, y0], [x1, y1]) {
      await actions(pointer("mouse", [
        { type: "pointerMove", x: x0, y: y0, origin: "viewport" },
        { type: "pointerDown", button: 0 },
        { type: "pointerMove", x: x1, y: y1, origin: "viewport", duration: 100 },
        { type: "pointerUp", button: 0 },
      ]));
    }
    async tapAt(x, y) {
      await actions(pointer("mouse", [
        { type: "pointerMove", x, y, origin: "viewport" },
        { type: "pointerDown", button: 0 },
        { type: "pointerUp", button: 0 },
      ]));
    }
    async screenshot(path) {
      // WebKitGTK snaps the last frame it drew: let it draw the page as it is now.
      await this.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
      writeFileSync(path, Buffer.from(await driver.takeScreenshot(), "base64"));
    }
    async errors() {
      return (await this.evaluate(() => window.__engineErrors ?? [])).slice();
    }
    // The page's requests, from Resource Timing (WebKit cannot refuse them: see LIMITS).
    async requestsElsewhere() {
      const urls = await this.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
      return urls.filter((url) => !url.startsWith("data:") && !(allow && url.startsWith(allow)));
    }
    async close() {
      await driver.quit().catch(() => {});
      stop();
    }
  })("webkit", viewport);
}
