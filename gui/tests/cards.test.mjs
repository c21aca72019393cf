// The router built from the module manifests: the navigation lists the pages the running
// modules declare (ListModules), card pages (Adaptive Cards over the modules' RPCs) list real
// data and link into hand-written pages, a route no module declares says so in the person's
// language, and every card page passes axe in the light and the dark theme.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startOrbit, launch, newPage, step, checkA11y, signUp, finishSetup, createRoom } from "./helpers.mjs";

let orbit, browser, a, project;

before(async () => {
  orbit = await startOrbit();
  browser = await launch();
  a = await newPage(browser);
});

after(async () => {
  await browser?.close();
  await orbit?.stop();
});

const nav = () => a.getByRole("navigation", { name: "Main" });

test("the navigation comes from the manifests; the Rooms card lists the rooms and opens one", async () => {
  await step("cards-nav-rooms", [a], async () => {
    await signUp(a, orbit.url, { name: "Grace", email: "grace@example.org" });
    await a.waitForURL(/\/setup/);
    await finishSetup(a, { org: "Navy", project: "Cobol" });
    project = a.url().replace(/\/chat.*$/, "");
    const id = project.split("/").pop();
    // The project's module pages marked in_nav, in module order, then the shell's own.
    await nav().getByRole("link", { name: "Rooms" }).waitFor();
    const links = await nav().locator(`a[href^="/p/${id}/"]`).allTextContents();
    assert.deepEqual(links, ["Records", "Chat", "Rooms", "Calls", "Surveys", "Views", "Project members", "Project settings"]);

    await createRoom(a, "lobby");
    const room = a.url();
    await createRoom(a, "garden");
    await nav().getByRole("link", { name: "Rooms" }).click();
    await a.getByRole("heading", { level: 1, name: "Rooms" }).waitFor();
    assert.equal(await nav().getByRole("link", { name: "Rooms" }).getAttribute("aria-current"), "page");
    await a.getByRole("link", { name: "garden" }).waitFor();
    await a.getByText("Public", { exact: true }).first().waitFor();
    await a.getByRole("link", { name: "lobby" }).click();
    await a.getByRole("heading", { level: 1, name: "# lobby" }).waitFor();
    assert.equal(a.url(), room);
  });
});

test("a route of a module this instance lacks says so, in the person's language", async () => {
  await step("cards-missing-module", [a], async () => {
    await a.goto(`${project}/nope`);
    await a.getByText("This instance has no module for this page.").waitFor();
    await a.getByRole("link", { name: "Home" }).last().waitFor();
    await checkA11y(a, "missing module");
    await a.locator("#lang-switch").selectOption("fr");
    await a.getByText("Cette instance n’a pas de module pour cette page.").waitFor();
    await a.locator("#lang-switch").selectOption("");
    await a.getByText("This instance has no module for this page.").waitFor();
  });
});

test("an instance without the video module has no Calls in the navigation, and its route says so", async () => {
  const small = await startOrbit({ args: ["--modules", "chat,survey"] });
  const p = await newPage(browser);
  try {
    await step("cards-small-instance", [p], async () => {
      await signUp(p, small.url, { name: "Ada", email: "ada@example.org" });
      await p.waitForURL(/\/setup/);
      await finishSetup(p, { org: "Engines", project: "Analytical" });
      const url = p.url().replace(/\/chat.*$/, "");
      const id = url.split("/").pop();
      const navHere = p.getByRole("navigation", { name: "Main" });
      await navHere.getByRole("link", { name: "Rooms" }).waitFor();
      assert.deepEqual(await navHere.locator(`a[href^="/p/${id}/"]`).allTextContents(), ["Records", "Chat", "Rooms", "Surveys", "Views", "Project members", "Project settings"]);
      await p.goto(`${url}/calls`);
      await p.getByRole("heading", { level: 1, name: "Not available on this instance" }).waitFor();
      await p.getByText("This instance has no module for this page.").waitFor();
      await p.goto(`${url}/surveys`);
      await p.getByRole("heading", { level: 1, name: "Surveys" }).waitFor();
    });
  } finally {
    await p.context().close();
    await small.stop();
  }
});

test("every card page passes axe in the light and the dark theme", async () => {
  await step("cards-a11y", [a], async () => {
    for (const theme of ["light", "dark"]) {
      await a.locator("#theme-switch").selectOption(theme);
      for (const [page, title] of [["rooms", "Rooms"], ["calls", "Calls"], ["surveys", "Surveys"]]) {
        await nav().getByRole("link", { name: title }).click();
        await a.getByRole("heading", { level: 1, name: title }).waitFor();
        await a.locator(".card-host .ac-adaptiveCard").waitFor();
        assert.ok(a.url().endsWith(`/${page}`));
        await checkA11y(a, `${page} card (${theme})`);
      }
    }
    await a.locator("#theme-switch").selectOption("auto");
  });
});
