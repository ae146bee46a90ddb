// Whether brieflint lints a file under brieflint.enable "auto", as the server decides it (server/src/lsp/linted.rs):
// a brieflint.toml, .brieflint.toml or .brieflint/ folder at or above the file, or front matter that says
// `brieflint: true`. The extension uses it to offer enabling brieflint where it is off. Pure logic, tested without
// VS Code.
import * as path from "path";

const MARKERS = ["brieflint.toml", ".brieflint.toml", ".brieflint"];

/** Whether `file` lies in a brieflint workspace; `exists` says whether a path exists. */
export function inBrieflintWorkspace(file: string, exists: (p: string) => boolean): boolean {
  let dir = path.dirname(file);
  for (;;) {
    if (MARKERS.some((marker) => exists(path.join(dir, marker)))) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

/** Whether the text's front matter (from a first line `---` to the next) says `brieflint: true`. */
export function optsIn(text: string): boolean {
  if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) return false;
  for (const line of text.split("\n").slice(1)) {
    if (line.trimEnd() === "---") return false;
    if (line.startsWith("brieflint:")) return line.slice("brieflint:".length).trim().toLowerCase() === "true";
  }
  return false;
}

/** Whether to offer "Enable brieflint in this folder": in auto mode, for a file brieflint leaves alone. */
export function offersEnabling(enable: unknown, inWorkspace: boolean, optedIn: boolean): boolean {
  return (enable === undefined || enable === "auto") && !inWorkspace && !optedIn;
}
