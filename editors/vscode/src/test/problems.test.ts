import { test } from "node:test";
import * as assert from "node:assert/strict";
import {
  actionsFor,
  crashFailure,
  effectOf,
  HOW_TO_INSTALL,
  INSTALL_URL,
  languageStatus,
  OPEN_SETTINGS,
  ProblemKind,
  SHOW_OUTPUT,
  shouldRestart,
  startFailure,
} from "../problems";

const KINDS: ProblemKind[] = ["setting", "missing", "broken", "crashed"];

test("every missing or broken server offers Open Settings and How to install", () => {
  for (const kind of KINDS) {
    const actions = actionsFor(kind);
    assert.ok(actions.includes(OPEN_SETTINGS), kind);
    assert.ok(actions.includes(HOW_TO_INSTALL), kind);
  }
  assert.equal(actionsFor("missing")[0], HOW_TO_INSTALL, "nothing installed: installing comes first");
  assert.equal(actionsFor("setting")[0], OPEN_SETTINGS, "a wrong setting: the setting comes first");
  assert.ok(actionsFor("crashed").includes(SHOW_OUTPUT), "a crash's output says why");
});

test("Open Settings opens brieflint.server.path; How to install opens the README's install section", () => {
  assert.deepEqual(effectOf(OPEN_SETTINGS), { command: "workbench.action.openSettings", args: [{ query: "brieflint.server.path" }] });
  // In a remote window a machine-overridable setting is listed under Remote, not User.
  assert.deepEqual(effectOf(OPEN_SETTINGS, true), { command: "workbench.action.openRemoteSettings", args: [{ query: "brieflint.server.path" }] });
  assert.deepEqual(effectOf(HOW_TO_INSTALL), { url: "https://github.com/brieflint/brieflint#install" });
  assert.equal(INSTALL_URL, "https://github.com/brieflint/brieflint#install");
  assert.deepEqual(effectOf(SHOW_OUTPUT), { command: "brieflint.showOutput", args: [] });
});

test("a server that does not start is named, with where it came from and why", () => {
  const problem = startFailure("/opt/bl", "setting", "spawn EACCES");
  assert.equal(problem.kind, "broken");
  assert.match(problem.message, /\/opt\/bl \(set by brieflint\.server\.path\) did not start: spawn EACCES/);
  assert.match(startFailure("/ext/server/brieflint", "bundled", "").message, /bundled with the extension\) did not start: it exited before it answered/);
  // The language client's words for a process that went away (here /bin/false) say less than that.
  assert.match(startFailure("/bin/false", "path", "Cannot call write after a stream was destroyed").message, /found on PATH\) did not start: it exited before it answered\./);
});

test("a crashing server restarts until it crashes five times in three minutes", () => {
  const now = 1_000_000;
  assert.ok(shouldRestart([now], now));
  assert.ok(shouldRestart([now - 4 * 60_000, now - 4 * 60_000, now - 4 * 60_000, now - 4 * 60_000, now], now), "old crashes do not count");
  assert.ok(!shouldRestart([now - 4, now - 3, now - 2, now - 1, now], now));
  assert.equal(crashFailure("/x", 5, 3).kind, "crashed");
});

test("the language status: failed, off for this folder, or running, each with its action", () => {
  const running = { state: "running" as const, path: "/ext/server/brieflint", source: "bundled" };
  const shown = languageStatus(running, undefined);
  assert.equal(shown.text, "$(check) brieflint");
  assert.match(shown.detail, /running \(bundled: \/ext\/server\/brieflint\)/);
  assert.equal(shown.command.command, "brieflint.restartServer");

  const off = languageStatus(running, { why: "folder", folder: "/notes" });
  assert.equal(off.text, "$(circle-slash) brieflint off");
  assert.match(off.detail, /off for this folder: .*\/notes/);
  assert.deepEqual(off.command, { title: "Enable in this folder", command: "brieflint.enableInFolder" });

  const never = languageStatus(running, { why: "never" });
  assert.deepEqual(never.command.arguments, [{ query: "brieflint.enable" }]);

  const failed = languageStatus({ state: "failed", problem: startFailure("/bin/false", "setting", "") }, { why: "folder", folder: "/notes" });
  assert.equal(failed.text, "$(error) brieflint failed", "a failure shows before the folder's state");
  assert.equal(failed.severity, "error");
  assert.equal(failed.command.command, "brieflint.showOutput");
  const missing = languageStatus({ state: "failed", problem: { kind: "missing", message: "not found" } }, undefined);
  assert.deepEqual(missing.command.arguments, [{ query: "brieflint.server.path" }]);
  const remote = languageStatus({ state: "failed", problem: { kind: "setting", message: "wrong path" } }, undefined, true);
  assert.equal(remote.command.command, "workbench.action.openRemoteSettings");

  assert.ok(languageStatus({ state: "starting" }, undefined).busy);
});
