// Browser benchmark of the chat page (not a test): the release or debug `orbit serve` given
// by ORBIT_BIN, served same-origin (ORBIT_GUI_SAME_ORIGIN=1 recommended), Debian's chromium.
//
// 1. Time from navigation to an interactive room holding 50 messages (goal < 1 s): a fresh
//    browser context (cold cache) opens the room's address; done when the 50th message is
//    shown and the composer takes input.
// 2. A message sent in one browser, rendered in the other: 200 messages one after another,
//    from pressing Enter in A to the message's element appearing in B (both read the same
//    machine clock), p50/p99.
//
// Run: `cd gui && ORBIT_BIN=../target/release/orbit ORBIT_GUI_SAME_ORIGIN=1 node bench/chat.mjs`
import { startOrbit, launch, newPage, signUp, finishSetup, createRoom, post } from "../tests/helpers.mjs";

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const orbit = await startOrbit();
const browser = await launch();
try {
  const a = await newPage(browser);
  await signUp(a, orbit.url, { name: "Ada", email: "ada@bench.example" });
  await a.waitForURL(/\/setup/);
  await finishSetup(a, { org: "Bench", project: "Chat" });
  await createRoom(a, "general");
  for (let i = 1; i <= 50; i++) await post(a, `history message ${i}`);
  await a.getByText("history message 50", { exact: true }).waitFor();
  const room = a.url();

  // 1. Navigation to an interactive room, in a cold context (session copied over).
  const session = await a.evaluate(() => localStorage.getItem("orbit.session"));
  const loads = [];
  for (let run = 0; run < 5; run++) {
    const b = await newPage(browser);
    await b.goto(`${orbit.url}/login`);
    await b.evaluate((s) => localStorage.setItem("orbit.session", s), session);
    const started = Date.now();
    await b.goto(room);
    await b.getByText("history message 50", { exact: true }).waitFor();
    await b.locator("#composer-room").waitFor({ state: "visible" });
    await b.locator("#composer-room").fill("x");
    loads.push(Date.now() - started);
    await b.context().close();
  }
  loads.sort((x, y) => x - y);

  // 2. Sent in A, rendered in B.
  const b = await newPage(browser);
  await b.goto(`${orbit.url}/login`);
  await b.evaluate((s) => localStorage.setItem("orbit.session", s), session);
  await b.goto(room);
  await b.getByText("history message 50", { exact: true }).waitFor();
  await b.evaluate(() => {
    window.__seen = {};
    new MutationObserver(() => {
      for (const el of document.querySelectorAll("[id^=composer], li, p, div")) {
        const m = /^live (\d+)$/.exec(el.textContent?.trim() ?? "");
        if (m && !(m[1] in window.__seen)) window.__seen[m[1]] = Date.now();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const sent = {};
  for (let i = 0; i < 200; i++) {
    sent[i] = Date.now();
    await post(a, `live ${i}`);
    await b.waitForFunction((n) => String(n) in window.__seen, i);
  }
  const seen = await b.evaluate(() => window.__seen);
  const latencies = Object.keys(sent)
    .map((i) => seen[i] - sent[i])
    .sort((x, y) => x - y);

  console.log("## chat in the browser");
  console.log(`navigation to an interactive room of 50 messages: p50 ${percentile(loads, 0.5)} ms, max ${loads.at(-1)} ms over ${loads.length} cold loads (goal < 1000 ms)`);
  console.log(`sent in A -> rendered in B: p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms over ${latencies.length} messages`);
} finally {
  await browser.close();
  await orbit.stop();
}
