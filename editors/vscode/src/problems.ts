// What the extension tells the user about its server: the notification for a server that is missing or broken,
// with its actions, and the language status item (running, off for this folder, failed). Pure logic, tested
// without VS Code; extension.ts turns the answers into VS Code calls.

export const INSTALL_URL = "https://github.com/brieflint/brieflint#install";

/** Why there is no server: the setting points nowhere, none was found, one would not start, or one kept crashing. */
export type ProblemKind = "setting" | "missing" | "broken" | "crashed";

export interface Problem {
  kind: ProblemKind;
  message: string;
}

export const OPEN_SETTINGS = "Open Settings";
export const HOW_TO_INSTALL = "How to install";
export const SHOW_OUTPUT = "Show Output";
export type Action = typeof OPEN_SETTINGS | typeof HOW_TO_INSTALL | typeof SHOW_OUTPUT;

/** The buttons of a problem's notification, the likeliest fix first. */
export function actionsFor(kind: ProblemKind): Action[] {
  switch (kind) {
    case "missing":
      return [HOW_TO_INSTALL, OPEN_SETTINGS];
    case "setting":
      return [OPEN_SETTINGS, HOW_TO_INSTALL];
    case "broken":
      return [OPEN_SETTINGS, HOW_TO_INSTALL, SHOW_OUTPUT];
    case "crashed":
      return [SHOW_OUTPUT, OPEN_SETTINGS, HOW_TO_INSTALL];
  }
}

/** What a button does: a VS Code command with its arguments, or a web page to open. */
export type Effect = { command: string; args: unknown[] } | { url: string };

/**
 * The command that opens the settings editor where brieflint.server.path shows. The setting is
 * machine-overridable, and in a remote window (code-server, SSH, WSL, containers) such settings are listed under
 * the Remote tab, not User: there, open the remote settings.
 */
export function settingsCommand(remote: boolean): string {
  return remote ? "workbench.action.openRemoteSettings" : "workbench.action.openSettings";
}

export function effectOf(action: Action, remote = false): Effect {
  switch (action) {
    case OPEN_SETTINGS:
      return { command: settingsCommand(remote), args: [{ query: "brieflint.server.path" }] };
    case HOW_TO_INSTALL:
      return { url: INSTALL_URL };
    case SHOW_OUTPUT:
      return { command: "brieflint.showOutput", args: [] };
  }
}

// What the language client says when the server process went away before answering.
const EXITED = /stream was destroyed|connection got disposed|connection is closed|connection got closed|EPIPE/i;

/** The problem when a found server would not start (the process failed, or exited before it answered). */
export function startFailure(path: string, source: string, reason: string): Problem {
  const from = source === "setting" ? "set by brieflint.server.path" : source === "bundled" ? "bundled with the extension" : "found on PATH";
  const why = reason.trim() === "" || EXITED.test(reason) ? "it exited before it answered" : reason.trim();
  return {
    kind: "broken",
    message: `The brieflint server ${path} (${from}) did not start: ${why}. Check that it is a brieflint binary built for this machine (it is run as ${"`"}brieflint lsp${"`"}), or point brieflint.server.path at one that is.`,
  };
}

/** The problem when a running server crashed too often to restart again. */
export function crashFailure(path: string, crashes: number, minutes: number): Problem {
  return {
    kind: "crashed",
    message: `The brieflint server ${path} crashed ${crashes} times in ${minutes} minutes and was not restarted. Its output says why; run "brieflint: Restart Server" to try again.`,
  };
}

/** Restart a crashed server unless it crashed `limit` times within `windowMs` (including this crash). */
export function shouldRestart(crashTimes: number[], now: number, limit = 5, windowMs = 3 * 60_000): boolean {
  return crashTimes.filter((t) => now - t < windowMs).length < limit;
}

/** The server's state, as the extension knows it. */
export type ServerState =
  | { state: "starting" }
  | { state: "running"; path: string; source: string }
  | { state: "failed"; problem: Problem }
  | { state: "stopped" };

/** Why the active file is not linted, if it is not: brieflint.enable "never", or "auto" outside a brieflint folder. */
export type FileOff = { why: "never" } | { why: "folder"; folder: string } | undefined;

export interface LanguageStatus {
  text: string;
  detail: string;
  severity: "information" | "warning" | "error";
  busy: boolean;
  command: { title: string; command: string; arguments?: unknown[] };
}

/** The language status item: the server's failure first, then whether this file is linted, then the server. */
export function languageStatus(server: ServerState, off: FileOff, remote = false): LanguageStatus {
  if (server.state === "failed") {
    return {
      text: "$(error) brieflint failed",
      detail: server.problem.message,
      severity: "error",
      busy: false,
      command:
        server.problem.kind === "crashed" || server.problem.kind === "broken"
          ? { title: "Show Output", command: "brieflint.showOutput" }
          : { title: "Open Settings", command: settingsCommand(remote), arguments: [{ query: "brieflint.server.path" }] },
    };
  }
  if (off?.why === "never") {
    return {
      text: "$(circle-slash) brieflint off",
      detail: "brieflint.enable is \"never\"",
      severity: "information",
      busy: false,
      command: { title: "Open Settings", command: "workbench.action.openSettings", arguments: [{ query: "brieflint.enable" }] },
    };
  }
  if (off?.why === "folder") {
    return {
      text: "$(circle-slash) brieflint off",
      detail: `off for this folder: no brieflint.toml or .brieflint/ in ${off.folder} or above`,
      severity: "information",
      busy: false,
      command: { title: "Enable in this folder", command: "brieflint.enableInFolder" },
    };
  }
  if (server.state === "running") {
    const from = server.source === "setting" ? "brieflint.server.path" : server.source === "bundled" ? "bundled" : "PATH";
    return {
      text: "$(check) brieflint",
      detail: `running (${from}: ${server.path})`,
      severity: "information",
      busy: false,
      command: { title: "Restart", command: "brieflint.restartServer" },
    };
  }
  return {
    text: "brieflint",
    detail: server.state === "starting" ? "starting" : "stopped",
    severity: "information",
    busy: server.state === "starting",
    command: { title: "Restart", command: "brieflint.restartServer" },
  };
}
