// User modules, one journey: an org-admin creates a module, types a schema in the editor (a
// broken one first: the server's error shows at its line), saves a good one, opens the record
// type's generated list page from the navigation, creates a record through the generated form,
// and a second session that has the list open sees it appear live (the page's watch stream,
// not its 10 s refresh); the card designer saves the list page; the admin page speaks the
// person's language, and the module is deleted after typing its name.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startOrbit, launch, newPage, step, checkA11y, signUp, finishSetup, PASSWORD } from "./helpers.mjs";

let orbit, browser, a, b;
let projectUrl, orgId, listUrl, pkg;

before(async () => {
  orbit = await startOrbit();
  browser = await launch();
  a = await newPage(browser);
  b = await newPage(browser);
});

after(async () => {
  await browser?.close();
  await orbit?.stop();
});

const nav = (page) => page.getByRole("navigation", { name: "Main" });
const editor = (page) => page.getByRole("textbox", { name: "Schema source (.proto)" });

/** Replaces the editor's whole text, as typing it would. */
async function typeSchema(page, text) {
  await editor(page).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

const schema = (body) => `syntax = "proto3";
package ${pkg};
import "orbit/user/v1/options.proto";
message Contact {
  option (orbit.user.v1.entity) = { label: "Contacts" };
  string id = 1;
${body}
}
`;

test("1. an org-admin creates a module and writes its schema; errors show at their line", async () => {
  await step("umod-create", [a], async () => {
    await signUp(a, orbit.url, { name: "Ada", email: "ada@example.org" });
    await a.waitForURL(/\/setup/);
    await finishSetup(a, { org: "Acme", project: "Sales" });
    projectUrl = a.url().replace(/\/chat.*$/, "");

    await nav(a).getByRole("link", { name: "User modules" }).click();
    await a.getByRole("heading", { level: 1, name: "User modules of Acme" }).waitFor();
    orgId = new URL(a.url()).pathname.split("/")[2];
    await a.getByText("No user modules yet.").waitFor();
    await checkA11y(a, "user modules (empty)");

    const form = a.getByRole("form", { name: "New user module" });
    await form.getByLabel("Name", { exact: true }).fill("crm");
    await form.getByLabel("Description").fill("Customers and deals");
    await form.getByRole("button", { name: "Create module" }).click();
    await a.waitForURL(new RegExp(`/o/${orgId}/modules/crm$`));
    await a.getByRole("heading", { level: 1, name: "crm" }).waitFor();
    const said = await a.getByText(/^Its schema declares the package /).textContent();
    pkg = /package (\S+?)\.?(\s|$)/.exec(said)[1];
    assert.match(pkg, /^orbit\.user\.[a-z0-9_]+\.crm\.v\d+$/);
    await editor(a).waitFor();

    // Line 7 names a type that does not exist: the check as one types says so, at line 7.
    await typeSchema(a, schema("  strin name = 2;"));
    const problems = a.locator(".umod-problems li");
    await problems.first().waitFor();
    assert.match(await problems.first().textContent(), /^crm\.proto:7:\d+: /);
    await a.locator(".cm-line").nth(6).locator(".cm-lintRange-error").waitFor();
    assert.ok((await a.locator(".cm-lintRange-error").count()) >= 1);
    await a.locator(".cm-gutter-lint .cm-lint-marker-error").first().waitFor();
    // Saving it anyway is refused with the compiler's message.
    await a.getByRole("button", { name: "Save schema" }).click();
    await a.getByRole("alert").filter({ hasText: "The schema does not compile:" }).waitFor();
    await checkA11y(a, "user module (schema errors)");

    await typeSchema(
      a,
      schema(`  string name = 2 [(orbit.user.v1.field) = { required: true, indexed: true }];
  string email = 3;
  int32 score = 4 [(orbit.user.v1.field) = { ordered: true }];`),
    );
    await a.getByText("The schema compiles.").waitFor();
    assert.equal(await a.locator(".cm-lintRange-error").count(), 0);
    await a.getByRole("button", { name: "Save schema" }).click();
    await a.getByText("Saved: version 1 is live.").waitFor();
    await a.getByText(/^Version 1, /).waitFor();
    await a.getByRole("cell", { name: /Contacts/ }).waitFor();
    await checkA11y(a, "user module (saved)");
  });
});

test("2. the generated pages: the list from the navigation, a record through the form, live in another session", async () => {
  await step("umod-pages", [a, b], async () => {
    await a.goto(projectUrl + "/members");
    await nav(a).getByRole("link", { name: "Contacts" }).click();
    await a.getByRole("heading", { level: 1, name: "Contacts" }).waitFor();
    listUrl = a.url();
    assert.match(new URL(listUrl).pathname, /\/u\/crm\/contact$/);
    await checkA11y(a, "generated list (empty)");

    // A second session of the same person has the list open and follows it.
    const watches = [];
    b.on("request", (r) => {
      if (r.url().endsWith("ContactService/Watch")) watches.push(r.url());
    });
    await b.goto(`${orbit.url}/login`);
    await b.getByLabel("E-mail address").fill("ada@example.org");
    await b.getByLabel("Password").fill(PASSWORD);
    await b.getByRole("button", { name: "Log in" }).click();
    await b.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
    await b.goto(listUrl);
    await b.getByRole("heading", { level: 1, name: "Contacts" }).waitFor();
    for (const until = Date.now() + 20_000; watches.length === 0 && Date.now() < until; ) await b.waitForTimeout(100);
    assert.ok(watches.length >= 1, "the list page follows its watch stream");

    await a.goto(`${listUrl}/new`);
    await a.locator(".card-host input").first().waitFor();
    await a.getByLabel(/name/i).first().fill("Ada Lovelace");
    await a.getByLabel(/email/i).first().fill("ada@example.org");
    await a.getByLabel(/score/i).first().fill("42");
    const lists = [];
    b.on("request", (r) => {
      if (r.url().endsWith("ContactService/List")) lists.push(Date.now());
    });
    const sent = Date.now();
    await a.locator(".card-host").getByRole("button").last().click();
    // The form goes on to the new record's page.
    await a.waitForURL((u) => u.pathname.startsWith(new URL(listUrl).pathname + "/") && !u.pathname.endsWith("/new"));
    await a.getByText("Ada Lovelace").first().waitFor();

    // Live: well before the 10 s refresh, after a List the watch asked for.
    // (The page also reloads every 10 s: anything within 9 s of the submit came from the watch.)
    await b.getByText("Ada Lovelace").first().waitFor({ timeout: 9000 });
    assert.ok(lists.some((at) => at - sent < 9000), "the list was read again because of the watch");
    await checkA11y(b, "generated list (a record)");

    await nav(a).getByRole("link", { name: "Contacts" }).click();
    await a.getByText("Ada Lovelace").first().waitFor();
  });
});

test("3. the card designer saves a page of the type; the list still shows the record", async () => {
  await step("umod-designer", [a], async () => {
    await a.goto(`${orbit.url}/o/${orgId}/modules/crm`);
    await a.getByRole("button", { name: "Design the list" }).click();
    // The designer (its own chunk) with the generated template in its JSON pane.
    const designer = a.getByRole("dialog", { name: "Contacts: list" });
    await designer.getByText("Card elements", { exact: false }).first().waitFor();
    await designer.getByRole("button", { name: "Save page" }).click();
    await a.getByText("Page saved.").waitFor();
    await a.getByRole("button", { name: "Design the list (your own)" }).waitFor();
    await a.goto(listUrl);
    await a.getByText("Ada Lovelace").first().waitFor();
  });
});

test("4. the admin page speaks the person's language; the module is deleted after typing its name", async () => {
  await step("umod-i18n-delete", [a], async () => {
    await a.goto(`${orbit.url}/o/${orgId}/modules`);
    await a.getByRole("link", { name: "crm" }).waitFor();
    await a.locator("#lang-switch").selectOption("de");
    await a.getByRole("heading", { level: 1, name: "Eigene Module von Acme" }).waitFor();
    await a.locator("nav.side").getByRole("link", { name: "Eigene Module" }).waitFor();
    await a.locator("#lang-switch").selectOption("");
    await a.getByRole("heading", { level: 1, name: "User modules of Acme" }).waitFor();

    await a.getByRole("link", { name: "crm" }).click();
    const form = a.getByRole("form", { name: "Delete module" });
    const del = form.getByRole("button", { name: "Delete module" });
    assert.equal(await del.isDisabled(), true);
    await form.getByLabel("Name of the module").fill("crm");
    await del.click();
    await a.waitForURL(new RegExp(`/o/${orgId}/modules$`));
    await a.getByText("No user modules yet.").waitFor();

    // Its pages have left the project.
    await a.goto(projectUrl + "/members");
    await nav(a).getByRole("link", { name: "Views" }).waitFor();
    assert.equal(await nav(a).getByRole("link", { name: "Contacts" }).count(), 0);
  });
});
