// Video calls: the call list is the video module's card page, whose form starts a call; two
// sessions join it, each sees the other, their browsers connect directly (WebRTC, signalled
// through the server) and a media-state change reaches the other. A call title the server
// refuses shows its reason beside the card's input.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startOrbit, launch, newPage, step, checkA11y, signUp, finishSetup, PASSWORD } from "./helpers.mjs";

let orbit, browser, a, b, project;

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

test("two sessions join a call, see each other and connect", async () => {
  await step("calls", [a, b], async () => {
    await signUp(a, orbit.url, { name: "Hedy", email: "hedy@example.org" });
    await a.waitForURL(/\/setup/);
    await finishSetup(a, { org: "Frequency", project: "Hopping" });
    project = a.url().replace(/\/chat.*$/, "");
    await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" }).click();
    await a.getByRole("heading", { level: 1, name: "Calls" }).waitFor();
    await a.getByText("No calls going on.").waitFor();
    await checkA11y(a, "calls (empty)");
    await a.getByLabel("Title of the call").fill("Standup");
    await a.getByRole("button", { name: "Start a call" }).click();
    await a.getByRole("heading", { level: 1, name: "Standup" }).waitFor();
    await a.getByRole("button", { name: "Join the call" }).click();
    await a.getByText("You are alone in this call.").waitFor();
    await checkA11y(a, "call");

    await b.goto(`${orbit.url}/login`);
    await b.getByLabel("E-mail address").fill("hedy@example.org");
    await b.getByLabel("Password").fill(PASSWORD);
    await b.getByRole("button", { name: "Log in" }).click();
    await b.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
    await b.goto(a.url());
    await b.getByText("1 person is in this call.").waitFor();
    await b.getByRole("button", { name: "Join the call" }).click();

    const remoteOnA = a.locator("li[data-participant]");
    const remoteOnB = b.locator("li[data-participant]");
    await remoteOnA.waitFor();
    await remoteOnB.waitFor();
    await a.locator('li[data-participant][data-state="connected"]').waitFor({ timeout: 20_000 });
    await b.locator('li[data-participant][data-state="connected"]').waitFor({ timeout: 20_000 });

    await b.getByRole("button", { name: "Raise hand" }).click();
    await remoteOnA.getByText("✋").waitFor();
    await b.getByRole("button", { name: "Mute" }).click();
    await remoteOnA.getByText("(muted)").waitFor();

    await b.getByRole("button", { name: "Leave" }).click();
    await remoteOnA.waitFor({ state: "detached" });
    await a.getByText("You are alone in this call.").waitFor();
    assert.equal(await a.locator("li[data-participant]").count(), 0);
  });
});

test("the call card lists the call, and a title the server refuses shows its reason and keeps the text", async () => {
  await step("calls-card-errors", [a], async () => {
    await a.goto(`${project}/calls`);
    await a.getByRole("link", { name: "Standup" }).waitFor();
    const title = a.getByLabel("Title of the call");
    // Blank: the card's own check passes (the field is not empty), the server refuses it.
    await title.fill("   ");
    await a.getByRole("button", { name: "Start a call" }).click();
    await a.locator(".card-field-error").filter({ hasText: "must not be empty" }).waitFor();
    assert.equal(await title.getAttribute("aria-invalid"), "true");
    assert.equal(await title.inputValue(), "   ");
    // Too long (the input's own limit taken away, as a hand-made request would).
    await title.evaluate((el) => el.removeAttribute("maxlength"));
    await title.fill("x".repeat(101));
    await a.getByRole("button", { name: "Start a call" }).click();
    await a.locator(".card-field-error").filter({ hasText: "101 characters is over the limit of 100" }).waitFor();
    assert.equal(await a.locator(".card-field-error").count(), 1);
    assert.equal(await title.inputValue(), "x".repeat(101));
    // What was typed survives the page's refresh (every 10 s) and a change of language.
    await a.locator("#lang-switch").selectOption("de");
    await a.getByRole("heading", { level: 1, name: "Anrufe" }).waitFor();
    assert.equal(await a.getByLabel("Titel des Anrufs").inputValue(), "x".repeat(101));
    await a.locator("#lang-switch").selectOption("");
    await a.getByRole("heading", { level: 1, name: "Calls" }).waitFor();
  });
});
