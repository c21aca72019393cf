// Administration: a sys-admin lists accounts and issues a password reset that the person
// uses on /reset; org and project settings (rename, federation); others see no admin page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startOrbit, launch, newPage, step, checkA11y, signUp, finishSetup, createRoom, post } from "./helpers.mjs";

let orbit, browser, a, b, project, org;

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

test("a sys-admin issues a password reset and the person sets a new password with it", async () => {
  await step("admin-reset", [a, b], async () => {
    await signUp(a, orbit.url, { name: "Margaret", email: "margaret@example.org" });
    await a.waitForURL(/\/setup/);
    await finishSetup(a, { org: "Apollo", project: "Guidance" });
    project = a.url().replace(/\/chat.*$/, "");
    org = await a.locator("#org-switch").inputValue();
    await signUp(b, orbit.url, { name: "Don", email: "don@example.org" });
    await b.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
    await b.getByText("You belong to no organisation yet.").waitFor();
    const nav = b.getByRole("navigation", { name: "Main" });
    assert.equal(await nav.getByRole("link", { name: "Administration" }).count(), 0);
    await b.getByRole("button", { name: "Log out" }).click();
    await b.waitForURL(/\/login/);

    await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
    await a.getByRole("cell", { name: "don@example.org" }).waitFor();
    await checkA11y(a, "accounts");
    await a.getByRole("row").filter({ hasText: "don@example.org" }).getByRole("button", { name: "Issue a password reset" }).click();
    const token = (await a.locator("code.secret").textContent()).trim();
    assert.ok(token.length > 10);

    await b.getByRole("link", { name: "Set a new one with a reset token" }).click();
    await b.getByLabel("Reset token").fill(token);
    await b.getByLabel("New password").fill("a brand new passphrase 7");
    await b.getByLabel("Repeat the password").fill("a brand new passphrase 7");
    await checkA11y(b, "reset password");
    await b.getByRole("button", { name: "Set password" }).click();
    await b.getByText("Your password is set.").waitFor();
    await b.getByRole("link", { name: "Log in" }).click();
    await b.getByLabel("E-mail address").fill("don@example.org");
    await b.getByLabel("Password").fill("a brand new passphrase 7");
    await b.getByRole("button", { name: "Log in" }).click();
    await b.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
    for (const path of ["/admin/accounts", `/o/${org}/settings`]) {
      await b.goto(orbit.url + path);
      await b.getByRole("heading", { level: 1, name: "This page does not exist, or you may not see it." }).waitFor();
    }
  });
});

test("a person who is not the first creates an org and a project and chats there", async () => {
  await step("admin-own-org", [b], async () => {
    await b.goto(orbit.url);
    await b.getByText("You belong to no organisation yet.").waitFor();
    await b.getByRole("link", { name: "Create an organisation" }).click();
    await b.getByLabel("Name of the organisation").fill("Don's Lab");
    await b.getByRole("button", { name: "Create" }).click();
    await b.getByRole("heading", { level: 1, name: "Create a project" }).waitFor();
    await b.getByLabel("Name of the project").fill("Experiments");
    await b.getByRole("button", { name: "Create" }).click();
    await b.waitForURL(/\/p\/[^/]+\/chat/);
    await createRoom(b, "lab");
    await post(b, "First!");
    await b.locator(".messages .text", { hasText: "First!" }).waitFor();
    await b.locator("#org-switch option:checked", { hasText: "Don's Lab" }).waitFor({ state: "attached" });
    // Still no instance administration for an org-admin.
    assert.equal(await b.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" }).count(), 0);
  });
});

test("org and project settings rename and federate", async () => {
  await step("admin-settings", [a], async () => {
    await a.goto(`${orbit.url}/o/${org}/settings`);
    await a.getByLabel("Name of the organisation").fill("Apollo Program");
    await a.getByRole("button", { name: "Save" }).click();
    await a.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await a.locator("#org-switch option:checked", { hasText: "Apollo Program" }).waitFor({ state: "attached" });
    await checkA11y(a, "org settings");

    await a.goto(`${project}/settings`);
    await a.getByLabel("Name of the project").fill("Guidance Computer");
    await a.getByRole("button", { name: "Save" }).click();
    await a.locator("#project-switch option:checked", { hasText: "Guidance Computer" }).waitFor({ state: "attached" });
    await a.getByText("This project is not federated.").waitFor();
    await a.getByRole("button", { name: "Start federating" }).click();
    await a.getByText("This project’s changes are published to federated instances.").waitFor();
    await checkA11y(a, "project settings");
  });
});
