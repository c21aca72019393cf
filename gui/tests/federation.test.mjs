// Federation through the GUI, with real processes: two nats-servers (JetStream domains a and
// b, B's joined to A's as a leaf node, as in tests/federation.rs) and two orbit instances on
// them. A's org-admin shares a project on the Federation page and copies the token; B's
// org-admin accepts it; B follows the project (marked in the switcher, the navigation and the
// room) and sees A's chat messages live; a link suspended on B shows suspended on A; refused
// tokens are explained precisely; an instance without NATS says federation is off; a
// project-user has no Federation page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startOrbit, launch, newPage, step, checkA11y, signUp, finishSetup, createRoom, post, live, freePort } from "./helpers.mjs";

const NATS_BIN = process.env.NATS_SERVER ?? "/usr/sbin/nats-server";
/** How long anything crossing from one instance to the other may take. */
const CROSSING = 20_000;

let natsDir, natsA, natsB, orbitA, orbitB, browser, a, b, aOrg, bOrg, aProject, token;

async function listening(port, child, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}`);
    const ok = await new Promise((resolve) => {
      const c = connect(port, "127.0.0.1", () => {
        c.end();
        resolve(true);
      });
      c.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nats-server did not listen on ${port}`);
}

async function startNats(name, text, port) {
  const config = join(natsDir, name);
  writeFileSync(config, text);
  const child = spawn(NATS_BIN, ["-c", config], { stdio: "ignore" });
  await listening(port, child);
  return {
    url: `nats://127.0.0.1:${port}`,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.on("exit", () => r());
        child.kill("SIGKILL");
      }),
  };
}

/** The two organisations' NATS servers, as `nats_pair` in tests/federation.rs: A's accepts
 * leaf connections with a password, B's connects to it as a leaf node; each keeps its own
 * JetStream domain. */
async function natsPair() {
  const [aPort, bPort, leafPort] = [await freePort(), await freePort(), await freePort()];
  const aConf = `
server_name: org-a
listen: 127.0.0.1:${aPort}
jetstream { domain: a, store_dir: "${join(natsDir, "a-js")}" }
leafnodes {
  listen: 127.0.0.1:${leafPort}
  authorization {
    user: federation
    password: federation-secret
  }
}
`;
  const bConf = `
server_name: org-b
listen: 127.0.0.1:${bPort}
jetstream { domain: b, store_dir: "${join(natsDir, "b-js")}" }
leafnodes {
  remotes [ { url: "nats-leaf://federation:federation-secret@127.0.0.1:${leafPort}" } ]
}
`;
  const first = await startNats("a.conf", aConf, aPort);
  const second = await startNats("b.conf", bConf, bPort);
  return [first, second];
}

before(async () => {
  natsDir = mkdtempSync(join(tmpdir(), "orbit-gui-nats-"));
  [natsA, natsB] = await natsPair();
  orbitA = await startOrbit({ args: ["--nats", natsA.url], env: { ORBIT_FEDERATION_DOMAIN: "a" } });
  orbitB = await startOrbit({ args: ["--nats", natsB.url], env: { ORBIT_FEDERATION_DOMAIN: "b" } });
  browser = await launch();
  a = await newPage(browser);
  b = await newPage(browser);
});

after(async () => {
  await browser?.close();
  await orbitA?.stop();
  await orbitB?.stop();
  await natsB?.stop();
  await natsA?.stop();
  if (natsDir) rmSync(natsDir, { recursive: true, force: true });
});

const nav = (p) => p.getByRole("navigation", { name: "Main" });
const linkRow = (p, project) => p.locator("table.links tbody tr", { hasText: project });

async function openFederation(p, org) {
  await nav(p).getByRole("link", { name: "Federation" }).click();
  await p.getByRole("heading", { level: 1, name: `Federation of ${org}` }).waitFor();
}

test("A's org-admin shares a project on the Federation page and gets the token once", async () => {
  await step("fed-share", [a], async () => {
    await signUp(a, orbitA.url, { name: "Alice", email: "alice@a.example.org" });
    await a.waitForURL(/\/setup/);
    await finishSetup(a, { org: "Org A", project: "Shared" });
    aProject = a.url().replace(/\/chat.*$/, "");
    aOrg = await a.locator("#org-switch").inputValue();
    await createRoom(a, "general");
    await post(a, "Before the link");
    await a.locator(".messages .text", { hasText: "Before the link" }).waitFor();

    // The org section lists Federation between the audit log and the settings.
    await nav(a).getByRole("link", { name: "Federation" }).waitFor();
    const orgLinks = await nav(a).locator(`a[href^="/o/${aOrg}/"]`).allTextContents();
    assert.deepEqual(orgLinks, ["Members and invitations", "Audit log", "Federation", "User modules", "Organisation settings"]);
    await openFederation(a, "Org A");
    const did = (await a.locator("#fed-did").textContent()).trim();
    assert.match(did, /^did:key:z6Mk/);
    await a.getByText("No links yet.").waitFor();
    await a.getByText("No refused events.").waitFor();

    // Every module is shared unless unticked; the token shows once, with its expiry.
    const share = a.getByRole("form", { name: "Share a project" });
    assert.equal(await share.locator("#fed-project option").count(), 1);
    for (const m of ["Records", "Chat", "Surveys"]) assert.ok(await share.getByLabel(m, { exact: true }).isChecked(), m);
    await share.getByRole("button", { name: "Create the invitation" }).click();
    const box = a.getByLabel("Invitation token for Shared");
    await box.waitFor();
    token = await box.inputValue();
    assert.ok(token.length > 100, token);
    assert.equal(await box.getAttribute("readonly"), "");
    await a.getByText(/It works once, until .+, and is shown only now\./).waitFor();
    await a.getByRole("button", { name: "Copy the token" }).waitFor();
    // A's side of the link waits for the other instance.
    await linkRow(a, "Shared").getByText("Waiting for acceptance").waitFor();
    await checkA11y(a, "federation page (A, with a token)");
  });
});

test("B's org-admin accepts it; refused tokens are explained; B follows the project, marked", async () => {
  await step("fed-accept", [a, b], async () => {
    await signUp(b, orbitB.url, { name: "Bob", email: "bob@b.example.org" });
    await b.waitForURL(/\/setup/);
    await finishSetup(b, { org: "Org B", project: "Own" });
    bOrg = await b.locator("#org-switch").inputValue();
    await openFederation(b, "Org B");
    const accept = b.getByRole("form", { name: "Accept an invitation" });
    const box = accept.getByLabel("Invitation token");
    await box.fill("not-a-token");
    await accept.getByRole("button", { name: "Accept the invitation" }).click();
    await accept.getByRole("alert").getByText(/This is not a valid invitation token/).waitFor();
    assert.equal(await box.getAttribute("aria-invalid"), "true");

    await box.fill(token);
    await accept.getByRole("button", { name: "Accept the invitation" }).click();
    await b.getByText(/This organisation now follows Shared from /).waitFor({ timeout: CROSSING });
    const row = linkRow(b, "Shared");
    await row.getByText("Follows", { exact: true }).waitFor();
    await row.getByText("Active", { exact: true }).waitFor();
    const peer = row.locator("code");
    assert.match(await peer.getAttribute("title"), /^did:key:z6Mk/);
    assert.ok((await peer.textContent()).includes("…"));

    // The same token again: used.
    await box.fill(token);
    await accept.getByRole("button", { name: "Accept the invitation" }).click();
    await accept.getByText("This invitation was already used. Ask the other instance for a new one.").waitFor();
    await box.fill("");

    // A sees the link active, with B's DID.
    await linkRow(a, "Shared").getByText("Active", { exact: true }).waitFor({ timeout: CROSSING });
    await linkRow(a, "Shared").getByText("Shares", { exact: true }).waitFor();

    // B's project switcher offers the followed project, marked; it opens with the marker and
    // A's state copied.
    const option = b.locator("#project-switch option", { hasText: "Shared" });
    await option.waitFor({ state: "attached" });
    assert.match(await option.textContent(), /^Shared ⇄ shared from z6Mk.+…/);
    await b.locator("#project-switch").selectOption(await option.getAttribute("value"));
    await b.getByRole("heading", { level: 1, name: "# general" }).waitFor({ timeout: CROSSING });
    await nav(b).locator(".nav-mark", { hasText: /shared from z6Mk/ }).waitFor();
    await b.locator(".shared-mark", { hasText: "changes come from that instance" }).waitFor();
    await b.locator(".messages .text", { hasText: "Before the link" }).waitFor({ timeout: CROSSING });
    assert.equal(b.url().split("/p/")[1].split("/")[0], aProject.split("/").pop(), "the same project id on both sides");
  });
});

test("A's chat message reaches B's open room live", async () => {
  await step("fed-live", [a, b], async () => {
    await a.goto(`${aProject}/chat`);
    await a.getByRole("heading", { level: 1, name: "# general" }).waitFor();
    await live(a);
    await live(b); // B's room watch is open (B has shown # general since the last test)
    await post(a, "Live from A");
    await a.locator(".messages .text", { hasText: "Live from A" }).waitFor();
    await b.locator(".messages .text", { hasText: "Live from A" }).waitFor({ timeout: CROSSING });
    // B's person writes in A's room: it runs on A, and A names them Bob@<B's DID>.
    await post(b, "Hello from B");
    await b.locator(".messages .text", { hasText: "Hello from B" }).waitFor({ timeout: CROSSING });
    const fromB = a.locator(".messages li", { hasText: "Hello from B" });
    await fromB.waitFor({ timeout: CROSSING });
    await a.reload();
    await a.locator(".messages li", { hasText: "Hello from B" }).locator("strong", { hasText: /^Bob@z6Mk/ }).waitFor({ timeout: CROSSING });
  });
});

test("B suspends the link and A's table shows it suspended; resumed, it is active again", async () => {
  await step("fed-suspend", [a, b], async () => {
    await a.goto(`${orbitA.url}/o/${aOrg}/federation`);
    await a.getByRole("heading", { level: 1, name: "Federation of Org A" }).waitFor();
    await b.goto(`${orbitB.url}/o/${bOrg}/federation`);
    await b.getByRole("heading", { level: 1, name: "Federation of Org B" }).waitFor();
    await linkRow(b, "Shared").getByRole("button", { name: "Suspend" }).click();
    await linkRow(b, "Shared").getByText("Suspended", { exact: true }).waitFor();
    assert.match(await linkRow(b, "Shared").textContent(), /[1-9]\d* received/, "B counts the events it applied");
    // A learns it (the page lists the links again every 5 seconds).
    await linkRow(a, "Shared").getByText("Suspended by the other instance").waitFor({ timeout: CROSSING });
    await checkA11y(b, "federation page (B, suspended link)");
    await linkRow(b, "Shared").getByRole("button", { name: "Resume" }).click();
    await linkRow(b, "Shared").getByText("Active", { exact: true }).waitFor();
    await linkRow(a, "Shared").getByText("Active", { exact: true }).waitFor({ timeout: CROSSING });
    // Removing asks first; cancelled, nothing changes.
    await linkRow(a, "Shared").getByRole("button", { name: "Remove" }).click();
    await linkRow(a, "Shared").getByText("Remove the link of Shared on both sides?").waitFor();
    await linkRow(a, "Shared").getByRole("button", { name: "Cancel" }).click();
    await linkRow(a, "Shared").getByRole("button", { name: "Suspend" }).waitFor();
    await checkA11y(a, "federation page (A, active link)");
    await a.locator("#theme-switch").selectOption("dark");
    await checkA11y(a, "federation page (A, dark)");
    await a.locator("#theme-switch").selectOption("auto");
  });
});

test("a project-user sees no Federation page", async () => {
  const c = await newPage(browser);
  try {
    await step("fed-project-user", [a, c], async () => {
      await a.goto(`${aProject}/members`);
      await a.getByLabel("E-mail address").fill("carol@a.example.org");
      await a.getByRole("button", { name: "Add", exact: true }).click();
      await a.getByText("An invitation went to carol@a.example.org").waitFor();
      await signUp(c, orbitA.url, { name: "Carol", email: "carol@a.example.org" });
      await c.getByRole("button", { name: "Accept" }).click();
      await nav(c).getByRole("link", { name: "Members and invitations" }).waitFor();
      assert.equal(await nav(c).getByRole("link", { name: "Federation" }).count(), 0);
      await c.goto(`${orbitA.url}/o/${aOrg}/federation`);
      await c.getByRole("heading", { level: 1, name: "This page does not exist, or you may not see it." }).waitFor();
    });
  } finally {
    await c.context().close();
  }
});

test("an instance without NATS says that federation is off, and which settings turn it on", async () => {
  const alone = await startOrbit();
  const p = await newPage(browser);
  try {
    await step("fed-off", [p], async () => {
      await signUp(p, alone.url, { name: "Dora", email: "dora@example.org" });
      await p.waitForURL(/\/setup/);
      await finishSetup(p, { org: "Alone", project: "Island" });
      await openFederation(p, "Alone");
      await p.getByRole("form", { name: "Share a project" }).getByRole("button", { name: "Create the invitation" }).click();
      const off = p.getByRole("alert").filter({ hasText: "Federation is off on this instance." });
      await off.waitFor();
      assert.match(await off.textContent(), /`nats`.*`federation_domain`/);
      await checkA11y(p, "federation page (off)");
    });
  } finally {
    await p.context().close();
    await alone.stop();
  }
});
