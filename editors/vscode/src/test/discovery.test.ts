import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { findServer, serverPathSetting } from "../discovery";

function fsWith(...files: string[]) {
  return { isExecutable: (file: string) => files.includes(file) };
}

const extensionDir = "/ext";
const bundled = path.join("/ext", "server", "brieflint");

test("the setting wins when it points at an executable", () => {
  const found = findServer({ setting: "/opt/bl", extensionDir, envPath: "/usr/bin", platform: "linux", fs: fsWith("/opt/bl", bundled) });
  assert.deepEqual(found, { path: "/opt/bl", source: "setting" });
});

test("a setting that points nowhere is an error, not a silent fallback", () => {
  const found = findServer({ setting: "/missing", extensionDir, envPath: "/usr/bin", platform: "linux", fs: fsWith(bundled) });
  assert.ok("error" in found && found.error.includes("/missing"));
});

test("the bundled binary comes before PATH", () => {
  const found = findServer({ setting: "", extensionDir, envPath: "/usr/bin", platform: "linux", fs: fsWith(bundled, "/usr/bin/brieflint") });
  assert.deepEqual(found, { path: bundled, source: "bundled" });
});

test("PATH is searched in order", () => {
  const found = findServer({ setting: undefined, extensionDir, envPath: "/a::/b:/c", platform: "linux", fs: fsWith("/b/brieflint", "/c/brieflint") });
  assert.deepEqual(found, { path: "/b/brieflint", source: "path" });
});

test("Windows looks for brieflint.exe with ; separators", () => {
  const dir = "C:\\tools";
  const exe = path.join(dir, "brieflint.exe");
  const found = findServer({ setting: "", extensionDir, envPath: `C:\\x;${dir}`, platform: "win32", fs: fsWith(exe) });
  assert.deepEqual(found, { path: exe, source: "path" });
});

test("nothing found says what to install and how", () => {
  const found = findServer({ setting: "", extensionDir, envPath: "/usr/bin", platform: "linux", fs: fsWith() });
  assert.ok("error" in found);
  assert.match(found.error, /cargo install/);
  assert.match(found.error, /brieflint\.server\.path/);
});

test("a server path that points nowhere and a missing server are told apart", () => {
  const wrong = findServer({ setting: "/missing", extensionDir, envPath: "", platform: "linux", fs: fsWith() });
  const none = findServer({ setting: "", extensionDir, envPath: "", platform: "linux", fs: fsWith() });
  assert.ok("kind" in wrong && wrong.kind === "setting");
  assert.ok("kind" in none && none.kind === "missing");
});

test("a trusted workspace's server path wins over the user's", () => {
  assert.deepEqual(serverPathSetting({ globalValue: "/user/bl", workspaceValue: "/ws/bl" }, true), { value: "/ws/bl" });
  assert.deepEqual(serverPathSetting({ globalValue: "/user/bl", workspaceFolderValue: " /folder/bl " }, true), { value: "/folder/bl" });
  assert.deepEqual(serverPathSetting({ globalValue: "/user/bl" }, true), { value: "/user/bl" });
  assert.deepEqual(serverPathSetting(undefined, true), { value: undefined });
});

test("in Restricted Mode the workspace's server path is ignored, and the user's kept", () => {
  assert.deepEqual(serverPathSetting({ globalValue: "/user/bl", workspaceValue: "/ws/evil" }, false), {
    value: "/user/bl",
    ignored: "/ws/evil",
  });
  assert.deepEqual(serverPathSetting({ workspaceFolderValue: "./tools/bl" }, false), { value: undefined, ignored: "./tools/bl" });
});
