// Two people in two browser contexts: an admin invites a second person into a project, who
// accepts; each sees the other's chat messages and typing live; the project-user sees no
// admin pages; unread and mention badges appear live on other rooms.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startOrbit, launch, newPage, step, checkA11y, signUp, finishSetup, createRoom, post, live, PASSWORD } from "./helpers.mjs";

let orbit, browser, a, b, projectUrl, orgId;

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

test("an admin invites a second person, who sees the invitation and accepts it", async () => {
  await step("chat-invite", [a, b], async () => {
    await signUp(a, orbit.url, { name: "Grace", email: "grace@example.org" });
    await a.waitForURL(/\/setup/);
    await finishSetup(a, { org: "Navy", project: "Compilers" });
    projectUrl = a.url().replace(/\/chat.*$/, "");
    orgId = await a.locator("#org-switch").inputValue();
    await createRoom(a, "general");
    await a.goto(`${projectUrl}/members`);
    await a.getByLabel("E-mail address").fill("kathleen@example.org");
    await a.getByRole("button", { name: "Add", exact: true }).click();
    await a.getByText("An invitation went to kathleen@example.org").waitFor();
    await a.getByRole("cell", { name: "kathleen@example.org" }).waitFor();
    await checkA11y(a, "project members (admin)");

    // A common password is refused by the server, beside the password field.
    await signUp(b, orbit.url, { name: "Kathleen", email: "kathleen@example.org", password: "password1234" });
    const pw = b.getByLabel("Password", { exact: true });
    await b.locator(".field .field-error").first().waitFor();
    assert.equal(await pw.getAttribute("aria-invalid"), "true");
    await pw.fill(PASSWORD);
    await b.getByLabel("Repeat the password").fill(PASSWORD);
    await b.getByRole("button", { name: "Create account" }).click();
    await b.getByRole("heading", { level: 2, name: "Your invitations" }).waitFor();
    await checkA11y(b, "home with an invitation");
    await b.getByRole("button", { name: "Accept" }).click();
    await b.getByRole("link", { name: "Compilers" }).click();
    await b.getByRole("heading", { level: 1, name: "# general" }).waitFor();
  });
});

test("two browser contexts see each other's chat messages and typing live", async () => {
  await step("chat-live", [a, b], async () => {
    await a.goto(`${projectUrl}/chat`);
    await a.getByRole("heading", { level: 1, name: "# general" }).waitFor();
    // Both pages' watches are open (B has shown # general since the last test).
    await live(a);
    await live(b);
    await post(a, "Hello from Grace");
    await b.locator(".messages .text", { hasText: "Hello from Grace" }).waitFor();
    await post(b, "Hello back from Kathleen");
    await a.locator(".messages .text", { hasText: "Hello back from Kathleen" }).waitFor();
    // Typing shows on the other side.
    await b.locator("#composer-room").pressSequentially("typing…", { delay: 20 });
    await a.getByText("Kathleen is typing…").waitFor();
    await b.locator("#composer-room").fill("");
    // A reaction and an edit arrive live too.
    const msg = b.locator(".message", { hasText: "Hello from Grace" });
    await msg.getByRole("button", { name: "React" }).click();
    await msg.getByRole("button", { name: "React with 🎉" }).click();
    await a.locator(".message", { hasText: "Hello from Grace" }).getByRole("button", { name: "🎉: 1" }).waitFor();
    const mine = a.locator(".message", { hasText: "Hello from Grace" });
    await mine.getByRole("button", { name: "Edit" }).click();
    await a.getByLabel("Message text").fill("Hello from Grace, edited");
    await a.getByRole("button", { name: "Save" }).click();
    await b.locator(".messages .text", { hasText: "Hello from Grace, edited" }).waitFor();
    await b.locator(".message", { hasText: "Hello from Grace, edited" }).getByText("(edited)").waitFor();
    // A thread reply.
    await b.locator(".message", { hasText: "Hello from Grace, edited" }).getByRole("button", { name: "Reply in thread" }).click();
    await b.locator(".thread textarea").fill("In a thread");
    await b.locator(".thread textarea").press("Enter");
    await a.locator(".message", { hasText: "Hello from Grace, edited" }).getByRole("button", { name: "1 reply" }).waitFor();
    await checkA11y(b, "chat (project user)");
    // A deleted message leaves a tombstone on both sides.
    await post(b, "Oops, wrong room");
    const oops = b.locator(".message", { hasText: "Oops, wrong room" });
    await a.locator(".messages .text", { hasText: "Oops, wrong room" }).waitFor();
    await oops.getByRole("button", { name: "Delete" }).click();
    await a.locator(".messages .text", { hasText: "Oops, wrong room" }).waitFor({ state: "detached" });
    await a.getByText("This message was deleted.").waitFor();
  });
});

test("an org admin invites to the org and takes the invitation back", async () => {
  await step("chat-org-invite", [a], async () => {
    await a.goto(`${orbit.url}/o/${orgId}/members`);
    await a.getByRole("cell", { name: "kathleen@example.org" }).first().waitFor();
    await a.getByLabel("E-mail address").fill("ada@example.org");
    await a.getByRole("button", { name: "Add", exact: true }).click();
    await a.getByText("An invitation went to ada@example.org").waitFor();
    const row = a.getByRole("row").filter({ hasText: "ada@example.org" });
    await row.getByRole("cell", { name: "Organisation administrator" }).waitFor();
    await checkA11y(a, "org members (admin)");
    await row.getByRole("button", { name: "Revoke" }).click();
    await a.getByText("No open invitations.").waitFor();
  });
});

test("a room with new messages shows an unread badge to the other person", async () => {
  await step("chat-unread", [a, b], async () => {
    await a.goto(`${projectUrl}/chat`);
    await a.getByRole("heading", { level: 1, name: "# general" }).waitFor();
    await live(b); // B's room list follows the rooms' counts
    await createRoom(a, "random");
    await post(a, "Anyone here?");
    await a.locator(".messages .text", { hasText: "Anyone here?" }).waitFor();
    // Kathleen stays in general; the new room and its count reach her room list live
    // (WatchRooms), well before any polling would.
    await b.getByRole("link", { name: /random.*1 unread message/ }).waitFor();
    // A mention shows its own badge.
    await post(a, "@Kathleen have a look");
    await a.locator(".messages .text", { hasText: "have a look" }).waitFor();
    await b.getByRole("link", { name: /random.*1 mention of you.*2 unread messages/ }).waitFor();
  });
});

test("direct messages, authors' names and the room topic", async () => {
  await step("chat-direct", [a, b], async () => {
    await a.goto(`${projectUrl}/chat`);
    await a.getByRole("heading", { level: 1 }).waitFor();
    await b.goto(`${projectUrl}/chat`);
    await b.getByRole("link", { name: /general/ }).click();
    // The org's admin is named, though not a member of the project itself.
    await b.locator(".message", { hasText: "Hello from Grace" }).locator(".meta strong", { hasText: "Grace" }).waitFor();
    await a.getByLabel("Direct message with").selectOption({ label: "Kathleen" });
    await a.getByRole("button", { name: "Open", exact: true }).click();
    await a.getByRole("heading", { level: 1, name: "@ Kathleen" }).waitFor();
    await post(a, "psst");
    await a.locator(".messages .text", { hasText: "psst" }).waitFor();
    await b.getByRole("link", { name: /Grace.*1 unread message/ }).click({ timeout: 20_000 });
    await b.getByRole("heading", { level: 1, name: "@ Grace" }).waitFor();
    await b.locator(".messages .text", { hasText: "psst" }).waitFor();

    await a.getByRole("link", { name: /general/ }).click();
    await a.getByRole("heading", { level: 1, name: "# general" }).waitFor();
    await a.getByText("Room settings").click();
    await a.getByLabel("Topic").fill("Everything compilers");
    await a.getByRole("button", { name: "Save" }).first().click();
    await a.locator("p.muted", { hasText: "Everything compilers" }).waitFor();
    await checkA11y(a, "chat with room settings open");
  });
});

test("a broken room watch resumes: messages posted meanwhile arrive once", { skip: process.env.ORBIT_GUI_SAME_ORIGIN === "1" ? "needs the test proxy" : false }, async () => {
  await step("chat-resume", [a, b], async () => {
    await a.goto(`${projectUrl}/chat`);
    await a.getByRole("link", { name: /general/ }).click();
    await a.getByRole("heading", { level: 1, name: "# general" }).waitFor();
    await b.goto(`${projectUrl}/chat`);
    await b.getByRole("link", { name: /general/ }).click();
    await b.getByRole("heading", { level: 1, name: "# general" }).waitFor();
    // B's watch is live, so it has a position to resume after once the network broke.
    await live(b);
    orbit.breakNetwork(false);
    await post(a, "Sent while the watch was broken");
    await post(a, "And one more");
    await b.locator(".messages .text", { hasText: "And one more" }).waitFor();
    await b.waitForTimeout(500);
    assert.equal(await b.locator(".messages .text", { hasText: "Sent while the watch was broken" }).count(), 1);
    assert.equal(await b.locator(".messages .text", { hasText: "And one more" }).count(), 1);
  });
});

test("a project user does not see admin pages", async () => {
  await step("chat-no-admin", [b], async () => {
    const nav = b.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Chat" }).waitFor();
    assert.equal(await nav.getByRole("link", { name: "Administration" }).count(), 0);
    assert.equal(await nav.getByRole("link", { name: "Audit log" }).count(), 0);
    assert.equal(await nav.getByRole("link", { name: "Instance audit log" }).count(), 0);
    for (const path of ["/admin", "/admin/audit", `/o/${orgId}/audit`]) {
      await b.goto(orbit.url + path);
      await b.getByRole("heading", { level: 1, name: "This page does not exist, or you may not see it." }).waitFor();
    }
    await b.goto(`${projectUrl}/members`);
    await b.getByRole("cell", { name: "kathleen@example.org" }).waitFor();
    assert.equal(await b.getByRole("heading", { name: "Add a member" }).count(), 0);
    assert.equal(await b.locator("#project-switch option", { hasText: "New project" }).count(), 0);
    await checkA11y(b, "project members (user)");
  });
});
