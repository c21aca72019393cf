// Shared by the browser tests: a fresh `orbit serve` per test file, the GUI in front of it,
// headless chromium, an axe-core check, and a screenshot when a test fails.
//
// Environment:
//   ORBIT_BIN             the orbit binary (default /tmp/orbit-gui/orbit)
//   ORBIT_GUI_SAME_ORIGIN 1: the browser talks to `orbit serve` itself, which serves gui/dist;
//                         otherwise a small node server here serves gui/dist and proxies the
//                         gRPC-Web paths (/orbit.*, /grpc.*) to orbit
//   CHROMIUM              the browser (default /usr/bin/chromium)
//   ORBIT_GUI_FAILURES    where failure screenshots go (default <repo>/target/gui-failures)
//   ORBIT_GUI_HEADED      1: show the browser
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, request } from "node:http";
import { createServer as netServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const GUI = join(here, "..");
export const REPO = join(GUI, "..");
const DIST = join(GUI, "dist");
const FAILURES = process.env.ORBIT_GUI_FAILURES ?? join(REPO, "target", "gui-failures");
const BIN = process.env.ORBIT_BIN ?? "/tmp/orbit-gui/orbit";
const SAME_ORIGIN = process.env.ORBIT_GUI_SAME_ORIGIN === "1";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = netServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, proc, log, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`orbit exited with ${proc.exitCode}:\n${log.join("")}`);
    const ok = await new Promise((resolve) => {
      const c = connect(port, "127.0.0.1", () => {
        c.end();
        resolve(true);
      });
      c.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`orbit did not listen on ${port} within ${ms} ms:\n${log.join("")}`);
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "media-src 'self' blob: mediastream:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; " +
  "base-uri 'self'; form-action 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".ico": "image/x-icon",
};

/** Serves gui/dist like `orbit serve` will (files, else index.html) and proxies gRPC-Web. */
function guiServer(orbitPort) {
  const live = new Set();
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname.startsWith("/orbit.") || url.pathname.startsWith("/grpc.")) {
      if (server.down) {
        req.socket.destroy();
        return;
      }
      live.add(res);
      res.on("close", () => live.delete(res));
      const up = request(
        { host: "127.0.0.1", port: orbitPort, method: req.method, path: req.url, headers: req.headers },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        },
      );
      up.on("error", () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      res.on("close", () => up.destroy());
      req.pipe(up);
      return;
    }
    let file = normalize(join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
      if (extname(url.pathname)) {
        res.writeHead(404);
        return res.end();
      }
      file = join(DIST, "index.html");
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      // The policy `orbit serve` sends (src/gui.rs), so a violation shows here too.
      "content-security-policy": CSP,
    });
    res.end(readFileSync(file));
  });
  server.down = false;
  /** Breaks every gRPC-Web call in flight (streams included), as a network failure would. */
  server.cut = () => {
    for (const res of live) res.socket?.destroy();
    live.clear();
  };
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Starts a fresh orbit (new data dir, free port) and the GUI in front of it; `args` are more
 * arguments of `orbit serve` (e.g. ["--modules", "chat"]), `env` more environment variables. */
export async function startOrbit({ args = [], env = {} } = {}) {
  if (!existsSync(BIN)) throw new Error(`no orbit binary at ${BIN} (set ORBIT_BIN)`);
  if (!SAME_ORIGIN && !existsSync(join(DIST, "index.html"))) throw new Error("gui/dist is missing: run npm run build");
  const dir = mkdtempSync(join(tmpdir(), "orbit-gui-"));
  const port = await freePort();
  const log = [];
  const serve = () => {
    const child = spawn(BIN, ["serve", "--data-dir", dir, "--listen", `127.0.0.1:${port}`, ...args], {
      env: { ...process.env, ORBIT_DEMO_DATA: "false", RUST_LOG: process.env.RUST_LOG ?? "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d) => log.push(String(d)));
    child.stderr.on("data", (d) => log.push(String(d)));
    return child;
  };
  const exited = (child) =>
    new Promise((r) => {
      if (child.exitCode !== null) return r();
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        r();
      }, 10_000);
      child.on("exit", () => {
        clearTimeout(timer);
        r();
      });
    });
  let proc = serve();
  await waitForPort(port, proc, log);
  let web = null;
  let url = `http://127.0.0.1:${port}`;
  if (!SAME_ORIGIN) {
    web = await guiServer(port);
    url = `http://127.0.0.1:${web.address().port}`;
  }
  return {
    url,
    log,
    /** Whether the network can be broken on purpose (only through the node proxy). */
    canBreak: web !== null,
    /** Breaks the calls in flight; with `down`, refuses new ones until called with false. */
    breakNetwork(down = false) {
      web.down = down;
      web.cut();
    },
    /** Stops the real server (SIGTERM) and starts it again on the same data and port. */
    async restart() {
      proc.kill("SIGTERM");
      await exited(proc);
      proc = serve();
      await waitForPort(port, proc, log);
    },
    async stop() {
      web?.closeAllConnections?.();
      web?.close();
      proc.kill("SIGTERM");
      await exited(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: process.env.ORBIT_GUI_HEADED !== "1",
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  });
}

/** A new browser context (its own storage) in a given language, with one page. */
export async function newPage(browser, { locale = "en-US", colorScheme = "light" } = {}) {
  const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => console.error("page error:", e.message));
  page.cspViolations = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) page.cspViolations.push(m.text());
  });
  return page;
}

/** Runs `body`; on failure saves a screenshot of every page given, then fails. */
export async function step(name, pages, body) {
  try {
    await body();
    for (const p of pages) {
      if (p.cspViolations?.length) throw new Error(`content security policy violations:\n${p.cspViolations.join("\n")}`);
    }
  } catch (e) {
    mkdirSync(FAILURES, { recursive: true });
    const safe = name.replace(/[^a-z0-9-]+/gi, "_");
    let i = 0;
    for (const p of pages) {
      try {
        await p.screenshot({ path: join(FAILURES, `${safe}-${i++}.png`), fullPage: true });
      } catch {
        /* the page may be gone */
      }
    }
    throw e;
  }
}

const AXE = readFileSync(join(GUI, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** Runs axe-core on the page; fails on serious or critical violations. */
export async function checkA11y(page, label) {
  // Evaluated through the debugging protocol, not an inline <script> (the page's CSP would
  // refuse that, and count as a violation).
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // @ts-ignore
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) throw new Error(`accessibility violations on ${label}:\n${JSON.stringify(bad, null, 2)}`);
}

export const PASSWORD = "correct horse battery staple 42";

/** Signs up through the GUI's sign-up page. */
export async function signUp(page, url, { name, email, password = PASSWORD }) {
  await page.goto(`${url}/signup`);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The first-open wizard after the first sign-up: org, then project; lands in its chat. */
export async function finishSetup(page, { org, project }) {
  await page.getByLabel("Name of the organisation").fill(org);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Name of the project").fill(project);
  await page.getByRole("button", { name: "Finish" }).click();
  await page.waitForURL(/\/p\/[^/]+\/chat/);
}

export async function createRoom(page, name) {
  const form = page.getByRole("form", { name: "New room" });
  await form.getByLabel("Room name").fill(name);
  await form.getByRole("button", { name: "Create room" }).click();
  await page.getByRole("heading", { level: 1, name: `# ${name}` }).waitFor();
}

export async function post(page, text) {
  const box = page.locator("#composer-room");
  await box.fill(text);
  await box.press("Enter");
  // Sent once the composer is emptied: a post right after this one could otherwise be filled
  // in before this one returns, and be emptied by it.
  await page.waitForFunction(() => document.querySelector("#composer-room")?.value === "");
}

/** Waits until the page's watch streams are live (`data-live="true"` on the page: each has
 * delivered its first item, so the server registered it and nothing written from now on
 * escapes it). A page that opened its watches a moment ago may not be there yet. */
export async function live(page) {
  await page.locator('[data-live="true"]').waitFor();
}
