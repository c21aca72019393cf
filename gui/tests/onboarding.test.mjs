// A new instance: the first person signs up, the wizard creates the org and the project, a
// chat room gets a message; log-out, log-in (back to where they were), password change;
// theme and language persist across a reload; axe-core finds nothing serious on any page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startOrbit, launch, newPage, step, checkA11y, signUp, finishSetup, createRoom, post, PASSWORD } from "./helpers.mjs";

let orbit, browser, page;
const EMAIL = "ada@example.org";

before(async () => {
  orbit = await startOrbit();
  browser = await launch();
  page = await newPage(browser);
});

after(async () => {
  await browser?.close();
  await orbit?.stop();
});

test("a new user signs up, the wizard creates an org and a project, and they post in a chat room", async () => {
  await step("onboarding-signup", [page], async () => {
    // A fresh instance has no account: opening its address lands in the first-open wizard.
    await page.goto(orbit.url);
    await page.waitForURL(/\/setup/);
    await checkA11y(page, "setup wizard, account step");
    await page.getByLabel("Your name").fill("Ada");
    await page.getByLabel("E-mail address").fill(EMAIL);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Repeat the password").fill(PASSWORD);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Name of the organisation").waitFor();
    await checkA11y(page, "setup wizard");
    await finishSetup(page, { org: "Analytical Engines", project: "Difference" });
    await page.locator("#org-switch option:checked", { hasText: "Analytical Engines" }).waitFor({ state: "attached" });
    await page.locator("#project-switch option:checked", { hasText: "Difference" }).waitFor({ state: "attached" });
    await page.getByText("No rooms yet.").waitFor();
    await createRoom(page, "general");
    await page.getByText("No messages yet. Say hello!").waitFor();
    await post(page, "Hello, engines!");
    await page.locator(".messages .text", { hasText: "Hello, engines!" }).waitFor();
    await checkA11y(page, "chat");
  });
});

test("a field error from the server is shown beside the field", async () => {
  await step("onboarding-field-error", [page], async () => {
    await page.goto(`${orbit.url}/orgs/new`);
    const input = page.getByLabel("Name of the organisation");
    await input.evaluate((el) => el.removeAttribute("required"));
    await input.fill("   ");
    await page.getByRole("button", { name: "Create" }).click();
    await page.locator(".field .field-error").waitFor();
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    const describedBy = await input.getAttribute("aria-describedby");
    assert.ok(describedBy, "the error is tied to the field");
    assert.ok((await page.locator(`[id="${describedBy}"]`).textContent()).length > 0);
  });
});

test("every page of a sys-admin passes the accessibility check", async () => {
  await step("onboarding-a11y", [page], async () => {
    const project = page.url().match(/\/p\/([^/]+)/)?.[1];
    await page.goto(orbit.url + "/");
    await page.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
    await checkA11y(page, "home");
    const org = await page.locator("#org-switch").inputValue();
    const pages = [
      ["/account", "Your account"],
      ["/keys", "API keys"],
      [`/o/${org}/members`, "Members of"],
      [`/o/${org}/audit`, "Audit log of"],
      ["/admin", "Administration"],
      ["/admin/audit", "Instance audit log"],
      ["/orgs/new", "Create an organisation"],
    ];
    for (const [path, title] of pages) {
      await page.goto(orbit.url + path);
      await page.getByRole("heading", { level: 1, name: new RegExp(title) }).waitFor();
      await page.waitForLoadState("networkidle");
      await checkA11y(page, path);
    }
    await page.goto(`${orbit.url}/admin`);
    await page.getByRole("cell", { name: "chat", exact: true }).first().waitFor();
    assert.ok(await page.getByText("Running").first().isVisible());
  });
});

test("log-out, then log-in returns to the page the user was on; the password can be changed", async () => {
  await step("onboarding-login", [page], async () => {
    await page.goto(`${orbit.url}/keys`);
    await page.getByRole("heading", { level: 1, name: "API keys" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${orbit.url}/keys`);
    await page.waitForURL(/\/login\?next=%2Fkeys/);
    await page.getByLabel("E-mail address").fill(EMAIL);
    await page.getByLabel("Password").fill("wrong password, surely");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").waitFor();
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/keys$/);
    await page.getByRole("heading", { level: 1, name: "API keys" }).waitFor();

    await page.goto(`${orbit.url}/account`);
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password").fill(PASSWORD + " again");
    await page.getByLabel("Repeat the password").fill(PASSWORD + " again");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password is changed.").waitFor();
    // The session goes on after a reload (its tokens were replaced).
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  });
});

test("language and theme switch and persist across a reload and to another browser; Arabic is right-to-left", async () => {
  await step("onboarding-prefs", [page], async () => {
    await page.goto(`${orbit.url}/account`);
    await page.getByLabel("Theme").selectOption("dark");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    await page.getByLabel("Language").selectOption("de");
    await page.getByRole("heading", { level: 1, name: "Dein Konto" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Dein Konto" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    await checkA11y(page, "account (de, dark)");

    // Another browser (its own storage, an English locale): signing in brings them along.
    const other = await newPage(browser);
    await other.goto(`${orbit.url}/login`);
    await other.getByLabel("E-mail address").fill(EMAIL);
    await other.getByLabel("Password").fill(PASSWORD + " again"); // changed by the test before
    await other.getByRole("button", { name: "Log in" }).click();
    await other.waitForFunction(() => document.documentElement.lang === "de" && document.documentElement.dataset.theme === "dark");
    await other.context().close();

    await page.getByLabel("Sprache").selectOption("ar");
    await page.getByRole("heading", { level: 1, name: "حسابك" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    await checkA11y(page, "account (ar, dark)");

    // Auto follows the OS setting live.
    await page.getByLabel("المظهر").selectOption("auto");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    await page.getByLabel("اللغة").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), "ltr");
  });
});

test("API keys are created (secret shown once) and revoked", async () => {
  await step("onboarding-keys", [page], async () => {
    await page.goto(`${orbit.url}/keys`);
    await page.getByText("You have no API keys.").waitFor();
    await page.getByLabel("Name", { exact: true }).fill("ci");
    await page.getByLabel("Scope").selectOption({ label: "Difference" });
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Project user" });
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Copy this secret now").waitFor();
    assert.ok((await page.locator("code.secret").textContent()).length > 16);
    const row = page.getByRole("row").filter({ hasText: "ci" });
    await row.getByRole("cell", { name: "Difference" }).waitFor();
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByText("Revoked").waitFor();
    await checkA11y(page, "API keys");
    // The audit log names it.
    const org = await page.locator("#org-switch").inputValue();
    await page.goto(`${orbit.url}/o/${org}/audit`);
    await page.getByRole("cell", { name: "api_key.created" }).first().waitFor();
  });
});

test("an expired access token is refreshed and the call retried; a dead session goes to log-in and back", async () => {
  await step("onboarding-refresh", [page], async () => {
    await page.goto(`${orbit.url}/account`);
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem("orbit.session")));
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem("orbit.session"));
      s.access = "not-a-token";
      localStorage.setItem("orbit.session", JSON.stringify(s));
    });
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem("orbit.session")));
    assert.notEqual(after.refresh, before.refresh, "the refresh token rotated");
    assert.notEqual(after.access, "not-a-token");

    await page.evaluate(() => localStorage.setItem("orbit.session", JSON.stringify({ access: "x", refresh: "y", accessExpiresMs: 0 })));
    await page.goto(`${orbit.url}/keys`);
    await page.waitForURL(/\/login\?next=%2Fkeys/);
    await page.getByLabel("E-mail address").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD + " again");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/keys$/);
  });
});

test("the keyboard alone reaches the content and logs in", async () => {
  await step("onboarding-keyboard", [page], async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${orbit.url}/login`);
    await page.getByRole("heading", { level: 1, name: "Log in to Orbit" }).waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "email");
    await page.keyboard.type(EMAIL);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD + " again");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
    // Following a link moves the focus to the new page's heading.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "API keys" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "page-title");
  });
});
