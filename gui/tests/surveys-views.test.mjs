// Surveys (build, open, answer, live results chart, close) and views (declare a group-by
// view, rows update live as records change), each followed from a second session.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startOrbit, launch, newPage, step, checkA11y, signUp, finishSetup, live, PASSWORD } from "./helpers.mjs";

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

const bar = (page, label) => page.locator(".bar", { has: page.locator(".bar-label", { hasText: label }) }).locator(".bar-value");

test("a survey is built, opened and answered; a second session sees the results change live", async () => {
  await step("surveys", [a, b], async () => {
    await signUp(a, orbit.url, { name: "Barbara", email: "barbara@example.org" });
    await a.waitForURL(/\/setup/);
    await finishSetup(a, { org: "MIT", project: "Clu" });
    project = a.url().replace(/\/chat.*$/, "");
    // The list of surveys is the survey module's card page; its link opens the builder.
    await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Surveys" }).click();
    await a.getByText("No surveys in this project yet.").waitFor();
    await a.getByRole("link", { name: "New survey" }).click();
    await a.waitForURL(/\/surveys\/new$/);
    await a.getByLabel("Title").fill("Lunch");
    await a.getByLabel("Question", { exact: true }).fill("Where?");
    await a.getByLabel("Choices, one a line").fill("Pizza\nSushi");
    await a.getByRole("button", { name: "Add a question" }).click();
    await a.getByLabel("Question", { exact: true }).nth(1).fill("How hungry?");
    await a.locator("#q1-kind").selectOption("rating");
    await checkA11y(a, "survey builder");
    await a.getByRole("button", { name: "Create and open" }).click();
    await a.getByRole("heading", { level: 1, name: "Lunch" }).waitFor();
    await a.getByText("0 responses").waitFor();

    await b.goto(`${orbit.url}/login`);
    await b.getByLabel("E-mail address").fill("barbara@example.org");
    await b.getByLabel("Password").fill(PASSWORD);
    await b.getByRole("button", { name: "Log in" }).click();
    await b.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
    await b.goto(a.url());
    await b.getByText("0 responses").waitFor();

    await a.getByLabel("Pizza").check();
    await a.getByRole("radio", { name: "4" }).check();
    await a.getByRole("button", { name: "Send my answer" }).click();
    await a.getByText("Your answer is saved.").waitFor();
    await b.getByText("1 response", { exact: true }).waitFor();
    await bar(b, "Pizza").filter({ hasText: "1" }).waitFor();
    assert.equal(await bar(b, "Sushi").textContent(), "0");
    await checkA11y(a, "survey with results");

    await a.getByLabel("Sushi").check();
    await a.getByRole("button", { name: "Change my answer" }).click();
    await bar(b, "Sushi").filter({ hasText: "1" }).waitFor();
    assert.equal(await bar(b, "Pizza").textContent(), "0");

    const [download] = await Promise.all([a.waitForEvent("download"), a.getByRole("button", { name: "Export responses (CSV)" }).click()]);
    assert.equal(download.suggestedFilename(), "Lunch.csv");
    const csv = await new Promise(async (resolve) => {
      const chunks = [];
      const stream = await download.createReadStream();
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
    assert.ok(csv.split("\n").filter(Boolean).length >= 2, `a header and a row: ${csv}`);
    await a.getByRole("button", { name: "Close the survey" }).click();
    await a.getByText("This survey is closed.").waitFor();
    await a.goto(`${project}/surveys`);
    await a.getByText("Closed", { exact: true }).waitFor();
    await a.getByRole("link", { name: "Lunch" }).click();
    await a.getByRole("heading", { level: 1, name: "Lunch" }).waitFor();
    await a.getByText("This survey is closed.").waitFor();
  });
});

test("a group-by view is declared and its rows follow the records live", async () => {
  await step("views", [a, b], async () => {
    await a.goto(`${project}/records/book`);
    for (const [id, genre] of [["dune", "sf"], ["emma", "novel"], ["ubik", "sf"]]) {
      await a.getByRole("button", { name: "New record" }).click();
      const form = a.getByRole("form", { name: "New record" });
      await form.getByLabel("Id").fill(id);
      await form.getByLabel("Content (a JSON object)").fill(JSON.stringify({ genre, pages: 100 }));
      await form.getByRole("button", { name: "Save" }).click();
      await form.waitFor({ state: "detached" });
    }
    await a.goto(`${project}/views`);
    await a.getByText("No views yet.").waitFor();
    await a.getByRole("link", { name: "New view" }).click();
    await a.getByLabel("Name", { exact: true }).first().fill("by_genre");
    await a.getByLabel("Entity type").fill("book");
    await a.getByLabel("Grouped by").fill("genre");
    await a.getByRole("button", { name: "Add a column" }).click();
    await a.locator('input[name="agg1-name"]').fill("pages");
    await a.getByLabel("Field", { exact: true }).fill("pages");
    await checkA11y(a, "new view");
    await a.getByRole("button", { name: "Create" }).click();
    await a.getByRole("heading", { level: 1, name: "View: by_genre" }).waitFor();
    const cell = (page, group, col) => page.getByRole("row").filter({ has: page.getByRole("cell", { name: group, exact: true }) }).getByRole("cell").nth(col);
    await cell(a, "sf", 1).filter({ hasText: /^2$/ }).waitFor();
    await cell(a, "sf", 2).filter({ hasText: /^200$/ }).waitFor();
    await cell(a, "novel", 1).filter({ hasText: /^1$/ }).waitFor();
    await checkA11y(a, "view rows");

    await b.goto(a.url());
    await cell(b, "sf", 1).filter({ hasText: /^2$/ }).waitFor();
    await live(b);
    await a.goto(`${project}/records/book`);
    await a.getByRole("row").filter({ has: a.getByRole("cell", { name: "emma", exact: true }) }).getByRole("button", { name: "Delete" }).click();
    await b.getByRole("cell", { name: "novel", exact: true }).waitFor({ state: "detached" });
    await b.getByRole("button", { name: "Rebuild" }).click();
    await cell(b, "sf", 1).filter({ hasText: /^2$/ }).waitFor();
    await b.getByRole("button", { name: "Delete view" }).click();
    await b.waitForURL(/\/views$/);
    await b.getByText("No views yet.").waitFor();
  });
});

test("results shown after answering stay hidden until the person has answered", async () => {
  await step("surveys-after-answer", [a], async () => {
    await a.goto(`${project}/surveys/new`);
    await a.getByLabel("Title").fill("Secret ballot");
    await a.getByLabel("Who sees the results").selectOption({ label: "Each person after answering" });
    await a.getByLabel("Question", { exact: true }).fill("Yes or no?");
    await a.getByLabel("Choices, one a line").fill("Yes\nNo");
    await a.getByRole("button", { name: "Create and open" }).click();
    await a.getByRole("heading", { level: 1, name: "Secret ballot" }).waitFor();
    await a.getByText("You see the results once you have answered.").waitFor();
    await a.getByLabel("Yes").check();
    await a.getByRole("button", { name: "Send my answer" }).click();
    await a.getByText("1 response", { exact: true }).waitFor();
    await bar(a, "Yes").filter({ hasText: "1" }).waitFor();
  });
});

test("a conditional question shows only after the answer it depends on", async () => {
  await step("surveys-condition", [a], async () => {
    await a.goto(`${project}/surveys/new`);
    await a.getByLabel("Title").fill("Dinner");
    await a.getByLabel("Question", { exact: true }).fill("Hungry?");
    await a.getByLabel("Choices, one a line").fill("Yes\nNo");
    await a.getByRole("button", { name: "Add a question" }).click();
    await a.getByLabel("Question", { exact: true }).nth(1).fill("What would you eat?");
    await a.locator("#q1-kind").selectOption("text");
    await a.getByLabel("Ask only if").selectOption({ label: "the answer to question 1 (Hungry?) is…" });
    await a.getByRole("group", { name: "…one of these" }).getByLabel("Yes").check();
    await checkA11y(a, "survey builder with a condition");
    await a.getByRole("button", { name: "Create and open" }).click();
    await a.getByRole("heading", { level: 1, name: "Dinner" }).waitFor();
    const form = a.getByRole("form", { name: "Your answer" });
    assert.equal(await form.getByLabel("What would you eat?").count(), 0);
    await form.getByLabel("No").check();
    assert.equal(await form.getByLabel("What would you eat?").count(), 0);
    await form.getByLabel("Yes").check();
    await form.getByLabel("What would you eat?").fill("Soup");
    await form.getByRole("button", { name: "Send my answer" }).click();
    await a.getByText("Your answer is saved.").waitFor();
    await a.getByText("1 written answer (in the export).").waitFor();
  });
});
