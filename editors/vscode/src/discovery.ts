// Finding the brieflint server binary: the setting, then the binary bundled in the extension, then PATH.
// Pure logic with the file system passed in, so it is tested without VS Code.
import * as path from "path";

export interface FileSystem {
  isExecutable(file: string): boolean;
}

export type Found = { path: string; source: "setting" | "bundled" | "path" };
export type NotFound = { error: string };

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
    error:
      "The brieflint language server was not found. Install it with `cargo install --git https://github.com/brieflint/brieflint brieflint` " +
      "(it needs Rust from https://rustup.rs), or set brieflint.server.path to the brieflint binary.",
  };
}
