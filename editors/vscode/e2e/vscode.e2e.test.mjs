// End-to-end test of the packaged extension in a real VS Code build (code-server), driven from headless
// Chromium: installs the linux-x64 .vsix with the server inside, starts code-server with no brieflint on PATH and
// no brieflint.server.path, opens a briefing in a folder without brieflint.toml, sees no warnings and "brieflint
// off" in the language status, enables brieflint there from that item, sees the bundled server running, waits for
// brieflint's warnings, hovers an actor and reads its card, opens the sourcing report in a webview from the
// command palette, turns a rule off in the workspace settings and waits for its warnings to go, runs the
// show-output and restart commands from the command palette, points brieflint.server.path at a broken server and
// gets the notification with its "Open Settings" and "How to install" actions, and saves screenshots.
// Run by scripts/editors/test-vscode, which passes:
//   BRIEFLINT_BIN    the brieflint binary bundled in the .vsix (the test runs `brieflint init` with it to compare)
//   BRIEFLINT_VSIX   the packaged extension, built for linux-x64 with the server in server/
//   ARTIFACTS_DIR    where the screenshots and, on failure, the logs go
//   BRIEFLINT_TRACE  set to log every protocol message in the extension's output (copied there on failure);
//                    the restart test then fails, as the output's "Starting" lines scroll out of view
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const codeServer = path.join(here, "node_modules", ".bin", "code-server");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const serverBinary = requiredFile("BRIEFLINT_BIN");
const vsix = requiredFile("BRIEFLINT_VSIX");
const artifacts = path.resolve(process.env.ARTIFACTS_DIR ?? path.join(here, "artifacts"));
const STEP_TIMEOUT = 60_000;

// Lines (1-based) of fixture.md that state facts with no source; the others cite Dawn or a named body.
const UNSOURCED_LINES = [3, 9];
const SOURCED_LINES = [5, 7];

let root, workspace, codeServerProcess, codeServerLog, browser, page;

function requiredFile(variable) {
  const value = process.env[variable];
  if (!value || !fs.existsSync(value)) {
    throw new Error(`${variable} must name an existing file (got ${JSON.stringify(value)})`);
  }
  return path.resolve(value);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (codeServerProcess.exitCode !== null) {
      throw new Error(`code-server exited with ${codeServerProcess.exitCode}; see ${codeServerLog}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Texts of the Problems panel's rows, with their accessible labels (which carry the line numbers). */
async function problemRows() {
  return page.$$eval(".markers-panel .monaco-list-row", (rows) =>
    rows.map((row) => `${row.getAttribute("aria-label") ?? ""} || ${row.textContent ?? ""}`),
  );
}

/** The centre of the first occurrence of `word` on the editor's visible lines, in page pixels. */
async function wordCentre(word) {
  return page.$$eval(
    ".monaco-editor .view-lines .view-line",
    (lines, word) => {
      for (const line of lines) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(word);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const box = range.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }
      }
      return null;
    },
    word,
  );
}

/**
 * Hovers `word` and returns the hover's text once it contains `expected`. A hover asked for before the server
 * has the document's analysis comes back empty and is not asked again until the mouse moves, so, as a user
 * would, move away and back until it shows.
 */
async function hoverText(word, expected) {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const centre = await wordCentre(word);
    assert.ok(centre, `${word} is on screen`);
    await page.keyboard.press("Escape");
    await page.mouse.move(centre.x, centre.y + 250);
    await page.mouse.move(centre.x, centre.y, { steps: 5 });
    try {
      const hover = await page.waitForFunction(
        (expected) => {
          const contents = [...document.querySelectorAll(".monaco-hover:not(.hidden) .hover-contents")];
          const text = contents.map((c) => c.textContent).join("\n");
          return text.includes(expected) ? text : false;
        },
        { timeout: 5_000 },
        expected,
      );
      return await hover.jsonValue();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`no hover with "${expected}" on ${word}: ${error.message}`);
      console.log(`# no hover on ${word} yet; moving the mouse away and back`);
    }
  }
}

/**
 * Hovers the language status ("{}" beside the language mode) until its brieflint entry contains `expected`, and
 * returns that entry's text.
 */
async function languageStatusEntry(expected) {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    // The item is in the page before it is laid out on a first start: wait until it has a box.
    const item = await page.waitForSelector("#status\\.languageStatus", { visible: true });
    const box = await item.boundingBox();
    if (!box) {
      if (Date.now() > deadline) throw new Error(`no language status item to hover for "${expected}"`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    await page.mouse.move(box.x + box.width / 2, box.y - 200);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    try {
      const entry = await page.waitForFunction(
        (expected) =>
          [...document.querySelectorAll(".hover-language-status")]
            .map((e) => e.textContent ?? "")
            .find((text) => text.includes("brieflint") && text.includes(expected)) ?? false,
        { timeout: 5_000 },
        expected,
      );
      return await entry.jsonValue();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`no language status with "${expected}": ${error.message}`);
    }
  }
}

/** Clicks the action link `title` of the language status entry that contains `text` (its hover must be open). */
async function clickLanguageStatusAction(text, title) {
  const clicked = await page.evaluate(
    (text, title) => {
      const entry = [...document.querySelectorAll(".hover-language-status")].find((e) => (e.textContent ?? "").includes(text));
      const link = [...(entry?.querySelectorAll(".right a") ?? [])].find((a) => (a.textContent ?? "").includes(title));
      link?.click();
      return Boolean(link);
    },
    text,
    title,
  );
  assert.ok(clicked, `the "${title}" action of "${text}" in the language status`);
}

function dumpLogs() {
  // On failure, everything a reader needs: code-server's own log and the extension's output channel.
  const logs = [codeServerLog];
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/brieflint/i.test(entry.name) || entry.name === "exthost.log") logs.push(full);
    }
  };
  walk(path.join(root, "user", "logs"));
  for (const log of logs) {
    if (!log || !fs.existsSync(log)) continue;
    const copy = path.join(artifacts, `log-${path.basename(path.dirname(log))}-${path.basename(log)}`);
    fs.copyFileSync(log, copy);
    console.error(`--- ${log} (copied to ${copy}) ---\n${fs.readFileSync(log, "utf8").slice(-4000)}`);
  }
}

before(async () => {
  try {
    await startEditor();
  } catch (error) {
    dumpLogs();
    throw error;
  }
});

async function startEditor() {
  fs.mkdirSync(artifacts, { recursive: true });
  root = fs.mkdtempSync(path.join(os.tmpdir(), "brieflint-vscode-"));
  workspace = path.join(root, "workspace");
  // No brieflint.toml or .brieflint/: the first test enables brieflint here through the status item.
  fs.mkdirSync(workspace, { recursive: true });
  fs.copyFileSync(path.join(here, "fixture.md"), path.join(workspace, "briefing.md"));
  const userSettingsFile = path.join(root, "user", "User", "settings.json");
  fs.mkdirSync(path.dirname(userSettingsFile), { recursive: true });
  const userSettings = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "editor.hover.delay": 100,
    // No brieflint.server.path: the extension must find the server bundled in the .vsix.
    "brieflint.trace.server": process.env.BRIEFLINT_TRACE ? "verbose" : "off",
  };
  fs.writeFileSync(userSettingsFile, JSON.stringify(userSettings, null, 2));

  const dirs = ["--user-data-dir", path.join(root, "user"), "--extensions-dir", path.join(root, "extensions")];
  execFileSync(codeServer, [...dirs, "--install-extension", vsix], { stdio: "inherit" });

  // No brieflint on the PATH code-server and its extension host get: the bundled server is the only one.
  const pathDirs = (process.env.PATH ?? "").split(path.delimiter);
  const cleanPath = pathDirs.filter((dir) => dir !== "" && !fs.existsSync(path.join(dir, "brieflint"))).join(path.delimiter);
  const port = await freePort();
  codeServerLog = path.join(artifacts, "code-server.log");
  const logFd = fs.openSync(codeServerLog, "w");
  codeServerProcess = spawn(
    codeServer,
    [
      "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry", "--disable-update-check",
      "--disable-workspace-trust", ...dirs, workspace,
    ],
    // Its own process group, so the extension host and the language server stop with it.
    { detached: true, stdio: ["ignore", logFd, logFd], env: { ...process.env, PATH: cleanPath } },
  );
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, STEP_TIMEOUT);

  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: path.join(root, "chromium"),
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--window-size=1400,900",
    ],
    defaultViewport: { width: 1400, height: 900 },
  });
  page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, {
    waitUntil: "domcontentloaded",
  });
  const row = await page.waitForSelector(
    "xpath/.//div[contains(@class,'explorer-folders-view')]//div[contains(@class,'monaco-list-row')][.//*[text()='briefing.md']]",
  );
  await row.click();
  await page.waitForFunction(
    () => [...document.querySelectorAll(".monaco-editor .view-line")].some((l) => l.textContent.includes("Gunmen")),
  );
}

after(async () => {
  if (page) {
    await page.screenshot({ path: path.join(artifacts, "vscode-last.png") }).catch(() => {});
  }
  await browser?.close().catch(() => {});
  if (codeServerProcess && codeServerProcess.exitCode === null) {
    process.kill(-codeServerProcess.pid, "SIGTERM");
  }
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test("a folder without brieflint.toml is not linted until the language status item enables brieflint there", async () => {
  try {
    const off = await languageStatusEntry("brieflint off");
    assert.match(off, /off for this folder/);
    // The server has had the document long enough to lint it, had it been going to.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(await page.$(".monaco-editor .squiggly-warning"), null, "no warnings before brieflint is enabled");
    await languageStatusEntry("brieflint off");
    await page.screenshot({ path: path.join(artifacts, "vscode-not-enabled.png") });
    await clickLanguageStatusAction("brieflint off", "Enable in this folder");
    await page.waitForSelector(".monaco-editor .squiggly-warning");
    const written = fs.readFileSync(path.join(workspace, "brieflint.toml"), "utf8");
    const initialised = fs.mkdtempSync(path.join(root, "init-"));
    execFileSync(serverBinary, ["init"], { cwd: initialised });
    const expected = fs.readFileSync(path.join(initialised, "brieflint.toml"), "utf8");
    assert.equal(written, expected, "the file brieflint init writes");
    // The server that runs is the one inside the .vsix: there is no other.
    const running = await languageStatusEntry("running");
    assert.match(running, /running \(bundled: .*\/server\/brieflint\)/);
    assert.doesNotMatch(running, /brieflint off/);
    await page.screenshot({ path: path.join(artifacts, "vscode-language-status.png") });
    await page.keyboard.press("Escape");
  } catch (error) {
    dumpLogs();
    throw error;
  }
});

test("brieflint's warnings appear on the unsourced lines and not on the sourced ones", async (t) => {
  try {
    await page.waitForSelector(".monaco-editor .squiggly-warning");
    await page.keyboard.down("Control");
    await page.keyboard.down("Shift");
    await page.keyboard.press("KeyM");
    await page.keyboard.up("Shift");
    await page.keyboard.up("Control");
    await page.waitForFunction(
      (count) =>
        [...document.querySelectorAll(".markers-panel .monaco-list-row")].filter((row) =>
          (row.textContent ?? "").includes("unattributed-claim"),
        ).length >= count,
      {},
      UNSOURCED_LINES.length,
    );
    const rows = await problemRows();
    t.diagnostic(rows.join("\n"));
    const unsourcedAt = rows
      .filter((row) => row.includes("unattributed-claim"))
      .map((row) => Number(/\[Ln (\d+), Col \d+\]/.exec(row)?.[1]))
      .sort((a, b) => a - b);
    assert.deepEqual(unsourcedAt, UNSOURCED_LINES);
    for (const line of SOURCED_LINES) assert.ok(!unsourcedAt.includes(line), `line ${line} cites its source`);
    assert.ok(rows.some((row) => row.includes("brieflint")), "the problems name brieflint as their source");
  } catch (error) {
    dumpLogs();
    throw error;
  }
});

/** Run a command by its title from the command palette. */
async function runCommand(title) {
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget input:focus");
  await page.keyboard.type(title);
  await page.waitForFunction(
    (title) =>
      [...document.querySelectorAll(".quick-input-list .monaco-list-row")].some((row) =>
        (row.textContent ?? "").includes(title),
      ),
    {},
    title,
  );
  await page.keyboard.press("Enter");
}

/** The frame that holds `selector`, among the page's frames (a webview's page is two iframes down). */
async function frameWith(selector, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$(selector).catch(() => null);
      if (found) return { frame, found };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no frame shows ${selector} within ${timeoutMs} ms`);
}

test("hovering an actor shows its card", async () => {
  try {
    // The card: the actor's short name and kind, then its full name in the description.
    const text = await hoverText("ISPR", "Inter-Services Public Relations");
    assert.match(text, /ISPR\s*— government body/);
    assert.match(text, /Inter-Services Public Relations/);
    // Let the hover's fade-in finish so the screenshot shows it sharp.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const screenshot = path.join(artifacts, "vscode-hover.png");
    await page.screenshot({ path: screenshot });
    assert.ok(fs.statSync(screenshot).size > 10_000, "the screenshot was written");
  } catch (error) {
    dumpLogs();
    throw error;
  }
});

test("the sourcing report command opens the file's report in a webview, its script running", async () => {
  try {
    await page.keyboard.press("Escape");
    await runCommand("brieflint: Show sourcing report");
    const { frame, found } = await frameWith("section.doc", STEP_TIMEOUT);
    const shown = await found.evaluate((section) => ({
      path: section.dataset.path,
      unattributed: Number(section.dataset.unattributed),
    }));
    assert.match(shown.path, /briefing\.md$/);
    assert.ok(shown.unattributed >= UNSOURCED_LINES.length, `${shown.unattributed} unattributed`);
    // The page's script runs under the webview's nonce: focusing a sentence shows its details.
    await frame.focus(".text .s.u");
    await frame.waitForSelector("#tip:not([hidden])", { timeout: STEP_TIMEOUT });
    assert.match(await frame.$eval("#tip", (tip) => tip.textContent), /unattributed: Unsourced/);
    await page.screenshot({ path: path.join(artifacts, "vscode-report.png") });
    // Back to the briefing for the tests after this one.
    await runCommand("View: Close Editor");
  } catch (error) {
    dumpLogs();
    throw error;
  }
});

test("a brieflint.rules setting reaches the server and the warnings go", async () => {
  try {
    const unsourcedRows = () =>
      page.$$eval(
        ".markers-panel .monaco-list-row",
        (rows) => rows.filter((row) => (row.textContent ?? "").includes("unattributed-claim")).length,
      );
    assert.ok((await unsourcedRows()) > 0, "the warnings are there before the change");
    // VS Code watches the workspace's settings file (code-server does not notice the user settings file
    // changing); the server hears of the change, asks for the "brieflint" section through
    // workspace/configuration, re-checks, and asks the editor to pull diagnostics again.
    fs.mkdirSync(path.join(workspace, ".vscode"), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, ".vscode", "settings.json"),
      JSON.stringify({ "brieflint.rules": { "unattributed-claim": "off" } }),
    );
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll(".markers-panel .monaco-list-row")].some((row) =>
          (row.textContent ?? "").includes("unattributed-claim"),
        ),
    );
    await page.screenshot({ path: path.join(artifacts, "vscode-rule-off.png") });
  } catch (error) {
    dumpLogs();
    throw error;
  }
});

test("the show-output and restart commands work from the command palette", async () => {
  try {
    // The extension writes "Starting <binary> (from the setting)" to its output channel at each start; the
    // channel is shown in an editor of its own, so its lines are view-lines too (the briefing has no "Starting"),
    // with spaces rendered as no-break spaces.
    const starts = () =>
      page.$$eval(
        ".monaco-editor .view-line",
        (lines) => lines.filter((line) => /Starting\s/.test(line.textContent ?? "")).length,
      );
    await runCommand("brieflint: Show Server Output");
    await page.waitForFunction(
      () => [...document.querySelectorAll(".monaco-editor .view-line")].some((l) => /Starting\s/.test(l.textContent)),
    );
    assert.equal(await starts(), 1);
    const started = await page.$$eval(".monaco-editor .view-line", (lines) =>
      lines.map((l) => (l.textContent ?? "").replace(/\u00a0/g, " ")).find((l) => l.includes("Starting ")),
    );
    assert.match(started, /Starting .*\/server\/brieflint \(from the bundled server\)/);
    await runCommand("brieflint: Restart Server");
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll(".monaco-editor .view-line")].filter((l) => /Starting\s/.test(l.textContent))
          .length === 2,
    );
    await page.screenshot({ path: path.join(artifacts, "vscode-output.png") });
  } catch (error) {
    dumpLogs();
    throw error;
  }
});

test("a broken server gives a notification with Open Settings and How to install", async () => {
  try {
    // The workspace points the server path at a program that exits at once (the test's workspace is trusted).
    const settingsFile = path.join(workspace, ".vscode", "settings.json");
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, "brieflint.server.path": "/bin/false" }));
    const toast = await page.waitForFunction(() =>
      [...document.querySelectorAll(".notification-toast")].find((t) => (t.textContent ?? "").includes("/bin/false")) ?? false,
    );
    const { message, buttons } = await toast.evaluate((t) => ({
      message: t.querySelector(".notification-list-item-message")?.textContent ?? "",
      buttons: [...t.querySelectorAll(".monaco-button")].map((b) => (b.textContent ?? "").trim()),
    }));
    assert.match(message, /The brieflint server \/bin\/false \(set by brieflint\.server\.path\) did not start: it exited before it answered/);
    assert.ok(buttons.includes("Open Settings"), buttons.join(", "));
    assert.ok(buttons.includes("How to install"), buttons.join(", "));
    // Only brieflint's own notification: the language client's would repeat it without the actions.
    const others = await page.$$eval(".notification-toast", (toasts) =>
      toasts.map((t) => t.textContent ?? "").filter((text) => /stream was destroyed|initialization failed/i.test(text) && !text.includes("/bin/false")),
    );
    assert.deepEqual(others, []);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.screenshot({ path: path.join(artifacts, "vscode-broken-server.png") });
    // "Open Settings" opens the settings editor at brieflint.server.path.
    await toast.evaluate((t) =>
      [...t.querySelectorAll(".monaco-button")].find((b) => (b.textContent ?? "").trim() === "Open Settings").click(),
    );
    // (code-server is a remote window, where a machine-overridable setting is listed under the Remote tab.)
    await page.waitForFunction(() => {
      const editor = document.querySelector(".settings-editor .settings-body")?.textContent ?? "";
      return editor.includes("Server: Path") && editor.includes("In Restricted Mode a value set by the workspace is ignored");
    });
    await page.screenshot({ path: path.join(artifacts, "vscode-open-settings.png") });
    // Back in the briefing, the language status says brieflint failed.
    const row = await page.waitForSelector(
      "xpath/.//div[contains(@class,'explorer-folders-view')]//div[contains(@class,'monaco-list-row')][.//*[text()='briefing.md']]",
    );
    await row.click();
    const failed = await languageStatusEntry("failed");
    assert.match(failed, /did not start: it exited before it answered/);
    await page.screenshot({ path: path.join(artifacts, "vscode-failed-status.png") });
    await page.keyboard.press("Escape");
    fs.writeFileSync(settingsFile, JSON.stringify(settings));
  } catch (error) {
    dumpLogs();
    throw error;
  }
});
