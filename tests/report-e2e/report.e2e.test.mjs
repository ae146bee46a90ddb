// End-to-end test of the sourcing report in a browser: `brieflint report seeds/briefings` opened from file:// in
// headless Chromium (one start), with every request outside file:// recorded and refused. It checks that the
// page's counts equal `brieflint check --format json`'s, that hovering and focusing a sentence shows its reason as
// `brieflint classify` gives it, that the index sorts, and that axe-core finds no serious or critical
// accessibility violation on the index or on a document; it saves screenshots and the page as artefacts.
// Run by scripts/report/test-report, which passes:
//   BRIEFLINT_BIN    the brieflint binary
//   ARTIFACTS_DIR    where the report, screenshots and axe results go (default: target/report-e2e)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const binary = path.resolve(process.env.BRIEFLINT_BIN ?? path.join(repo, "target", "debug", "brieflint"));
const artifacts = path.resolve(process.env.ARTIFACTS_DIR ?? path.join(repo, "target", "report-e2e"));
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BRIEFINGS = "seeds/briefings";

let browser, page, reportPath, checked;
const outside = [];
const seen = [];
const scriptErrors = [];

function brieflint(args) {
  // check exits 1 when it finds something: the output is what matters here.
  const run = spawnSync(binary, args, { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  assert.ok([0, 1].includes(run.status), `brieflint ${args.join(" ")}: ${run.status}\n${run.stderr}`);
  return run.stdout;
}

before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  reportPath = path.join(artifacts, "report.html");
  execFileSync(binary, ["report", BRIEFINGS, "-o", reportPath], { cwd: repo, stdio: "inherit" });
  checked = JSON.parse(brieflint(["check", "--format", "json", BRIEFINGS]));
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), "brieflint-report-chromium-")),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    seen.push(request.url());
    if (request.url().startsWith("file://")) {
      request.continue();
    } else {
      outside.push(request.url());
      request.abort();
    }
  });
  page.on("pageerror", (error) => scriptErrors.push(String(error)));
  await page.goto(pathToFileURL(reportPath).href, { waitUntil: "load" });
});

after(async () => {
  await browser?.close();
});

test("the page's counts are those of check --format json", async () => {
  const shown = await page.$$eval("section.doc", (sections) =>
    sections.map((section) => ({
      path: section.dataset.path,
      findings: Number(section.dataset.findings),
      unattributed: Number(section.dataset.unattributed),
      vague: Number(section.dataset.vague),
      rules: Object.fromEntries(
        [...section.querySelectorAll("table.rules tr[data-rule]")].map((row) => [
          row.dataset.rule,
          Number(row.cells[1].textContent),
        ]),
      ),
    })),
  );
  const rows = await page.$$eval("#index tbody tr", (rows) =>
    rows.map((row) => ({ path: row.dataset.name, findings: Number(row.cells[4].textContent) })),
  );
  assert.equal(shown.length, checked.files.length);
  assert.equal(rows.length, checked.files.length);
  for (const file of checked.files) {
    const rules = {};
    for (const d of file.diagnostics) rules[d.code] = (rules[d.code] ?? 0) + 1;
    const doc = shown.find((s) => s.path === file.path);
    assert.ok(doc, `no section for ${file.path}`);
    assert.deepEqual(doc.rules, rules, file.path);
    assert.equal(doc.findings, file.diagnostics.length, file.path);
    assert.equal(doc.unattributed, rules["unattributed-claim"] ?? 0, file.path);
    assert.equal(doc.vague, rules["vague-attribution"] ?? 0, file.path);
    assert.equal(rows.find((r) => r.path === file.path)?.findings, file.diagnostics.length, file.path);
  }
  await page.screenshot({ path: path.join(artifacts, "report-index.png") });
});

test("the index sorts by the share of unsourced claims", async () => {
  const shares = () => page.$$eval("#index tbody tr", (rows) => rows.map((row) => Number(row.dataset.share)));
  await page.click('#index button[data-key="share"]');
  const descending = await shares();
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
  await page.click('#index button[data-key="share"]');
  const ascending = await shares();
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  assert.notDeepEqual(ascending, descending, "the sample briefings have different shares");
});

/** The reason `brieflint classify` gives each sentence of a file, by the sentence's words. */
function classifyReasons(file) {
  const reasons = new Map();
  const lines = brieflint(["classify", file]).split("\n");
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const [, reason] = lines[i].match(/^\S+\s+(.*?)(?: \(not reported: answered by the document\))?$/) ?? [];
    reasons.set(lines[i + 1].trim().replace(/\s+/g, " "), reason);
  }
  return reasons;
}

test("hovering or focusing a sentence shows its reason and its findings", async () => {
  const file = checked.files[0].path;
  const reasons = classifyReasons(file);
  const sentence = await page.$("#d1 .text .s.u");
  await sentence.scrollIntoView();
  const words = (await sentence.evaluate((el) => el.textContent)).trim().replace(/\s+/g, " ");
  const reason = reasons.get(words);
  assert.ok(reason, `classify has no line for ${words}`);

  await sentence.hover();
  await page.waitForSelector("#tip:not([hidden])");
  const tip = await page.$eval("#tip", (el) => el.textContent);
  assert.ok(tip.includes(`unattributed: ${reason}`), `${tip} lacks ${reason}`);
  assert.match(tip, /warning unattributed-claim: /);
  await page.screenshot({ path: path.join(artifacts, "report-document.png") });

  await page.mouse.move(0, 0);
  await page.waitForSelector("#tip[hidden]");
  // The keyboard: Tab reaches a sentence; its details show and are its description for a screen reader.
  const vague = await page.$("#d1 .text .s.v");
  await vague.focus();
  await page.waitForSelector("#tip:not([hidden])");
  const vagueWords = (await vague.evaluate((el) => el.textContent)).trim().replace(/\s+/g, " ");
  const focused = await page.$eval("#tip", (el) => el.textContent);
  assert.ok(focused.includes(`vague: ${reasons.get(vagueWords)}`), focused);
  assert.equal(await vague.evaluate((el) => el.getAttribute("aria-describedby")), "tip");
  await page.keyboard.press("Escape");
  await page.waitForSelector("#tip[hidden]");
});

test("axe-core finds no serious or critical violation on the index or a document", async () => {
  await page.evaluate(axeSource);
  const results = {};
  for (const [name, include] of [["index", "#index"], ["document", "#d1"], ["page", "html"]]) {
    const result = await page.evaluate(
      (selector) => window.axe.run({ include: [selector] }, { resultTypes: ["violations"] }),
      include,
    );
    // axe ran its rules (it reports what passed too).
    assert.ok(result.passes.length > 10, `${name}: axe checked only ${result.passes.length} rules`);
    results[name] = result.violations;
  }
  fs.writeFileSync(path.join(artifacts, "axe-results.json"), JSON.stringify(results, null, 2));
  for (const [name, violations] of Object.entries(results)) {
    const bad = violations.filter((v) => ["serious", "critical"].includes(v.impact));
    assert.deepEqual(
      bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.html}`),
      [],
      `${name}: see ${path.join(artifacts, "axe-results.json")}`,
    );
  }
});

test("the page made no request outside file://, its script raised no error, and it prints", async () => {
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  fs.writeFileSync(path.join(artifacts, "report.pdf"), pdf);
  assert.ok(pdf.length > 10_000);
  // The interception saw the page itself, and nothing else left file://.
  assert.ok(seen.includes(pathToFileURL(reportPath).href), `requests seen: ${seen}`);
  assert.deepEqual(outside, []);
  assert.deepEqual(scriptErrors, []);
});
