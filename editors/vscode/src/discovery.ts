// Finding the brieflint server binary: the setting, then the binary bundled in the extension, then PATH.
// Pure logic with the file system passed in, so it is tested without VS Code.
import * as path from "path";

export interface FileSystem {
  isExecutable(file: string): boolean;
}

export type Found = { path: string; source: "setting" | "bundled" | "path" };
/** `kind` says whether the setting points nowhere ("setting") or no server was found at all ("missing"). */
export type NotFound = { error: string; kind: "setting" | "missing" };

/** The values of brieflint.server.path at each level, as VS Code's WorkspaceConfiguration.inspect gives them. */
export interface SettingLevels {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * The brieflint.server.path to use. In an untrusted workspace (Restricted Mode) a value the workspace sets, in
 * .vscode/settings.json or a .code-workspace file, is ignored: it would run a program the folder chose. The
 * user's own value still applies. `ignored` is the workspace's value that was passed over, to say so.
 */
export function serverPathSetting(levels: SettingLevels | undefined, trusted: boolean): { value?: string; ignored?: string } {
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const fromWorkspace = text(levels?.workspaceFolderValue) ?? text(levels?.workspaceValue);
  const fromUser = text(levels?.globalValue);
  if (trusted) return { value: fromWorkspace ?? fromUser };
  return { value: fromUser, ignored: fromWorkspace };
}

export function binaryName(platform: string): string {
  return platform === "win32" ? "brieflint.exe" : "brieflint";
}

export function findServer(options: {
  setting: string | undefined;
  extensionDir: string;
  envPath: string | undefined;
  platform: string;
  fs: FileSystem;
}): Found | NotFound {
  const { setting, extensionDir, envPath, platform, fs } = options;
  const name = binaryName(platform);
  if (setting && setting.trim() !== "") {
    const configured = setting.trim();
    if (fs.isExecutable(configured)) {
      return { path: configured, source: "setting" };
    }
    return {
      kind: "setting",
      error: `The setting brieflint.server.path points to "${configured}", which is not an executable file. Fix the path, or clear the setting to use the bundled server or brieflint on PATH.`,
    };
  }
  const bundled = path.join(extensionDir, "server", name);
  if (fs.isExecutable(bundled)) {
    return { path: bundled, source: "bundled" };
  }
  const separator = platform === "win32" ? ";" : ":";
  for (const dir of (envPath ?? "").split(separator)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    if (fs.isExecutable(candidate)) {
      return { path: candidate, source: "path" };
    }
  }
  return {
    kind: "missing",
    error:
      "The brieflint language server was not found. Install it with `cargo install --git https://github.com/brieflint/brieflint brieflint` " +
      "(it needs Rust from https://rustup.rs), or set brieflint.server.path to the brieflint binary.",
  };
}
