// The brieflint extension: starts `brieflint lsp` for Markdown and plain text, passes the brieflint.* settings
// through, offers commands to restart the server, show its output and show a file's sourcing report (report.ts),
// says with a notification when the server is missing or broken, and shows a language status item: running, off
// for this folder (with the action that enables brieflint there), or failed.
import { execFile } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { binaryName, findServer, serverPathSetting } from "./discovery";
import {
  Action,
  actionsFor,
  crashFailure,
  effectOf,
  FileOff,
  languageStatus,
  Problem,
  ServerState,
  shouldRestart,
  startFailure,
} from "./problems";
import { isReport, newNonce, REPORT_COMMAND, webviewHtml } from "./report";
import { inBrieflintWorkspace, offersEnabling, optsIn } from "./scope";
import { configurationAnswers, documentSelector, serverSettings } from "./settings";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let status: vscode.LanguageStatusItem | undefined;
let serverState: ServerState = { state: "stopped" };

/**
 * The language client, but its own forced "couldn't create connection" notification is left to the extension,
 * which says the same with the actions that fix it (problems.ts).
 */
class BrieflintClient extends LanguageClient {
  /** The last error the client logged with its cause, to say why a start failed. */
  lastCause: string | undefined;

  override error(message: string, data?: unknown, showNotification: boolean | "force" = true): void {
    if (data instanceof Error || (typeof data === "object" && data !== null && "message" in data)) {
      this.lastCause = String((data as { message: unknown }).message);
    }
    super.error(message, data, showNotification === "force" ? false : showNotification);
  }
}

const executable = {
  isExecutable(file: string): boolean {
    try {
      fs.accessSync(file, process.platform === "win32" ? fs.constants.F_OK : fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

function server(context: vscode.ExtensionContext) {
  const { value, ignored } = serverPathSetting(
    vscode.workspace.getConfiguration("brieflint").inspect<string>("server.path"),
    vscode.workspace.isTrusted,
  );
  if (ignored) {
    output?.appendLine(`Restricted Mode: this workspace's brieflint.server.path ("${ignored}") is ignored until you trust it.`);
  }
  // A package's server may lose its executable bit on the way (an unzip that drops modes): give it back.
  const bundled = path.join(context.extensionPath, "server", binaryName(process.platform));
  if (process.platform !== "win32" && fs.existsSync(bundled) && !executable.isExecutable(bundled)) {
    try {
      fs.chmodSync(bundled, 0o755);
    } catch {
      // Discovery then passes over it, to PATH.
    }
  }
  return findServer({
    setting: value,
    extensionDir: context.extensionPath,
    envPath: process.env.PATH,
    platform: process.platform,
    fs: executable,
  });
}

function setState(state: ServerState): void {
  serverState = state;
  updateStatus();
}

/** The server is missing or broken: say so once, with the actions that fix it, and show it in the status item. */
function fail(problem: Problem): void {
  const already = serverState.state === "failed";
  setState({ state: "failed", problem });
  output?.appendLine(problem.message);
  if (already) return;
  const actions = actionsFor(problem.kind);
  void vscode.window.showErrorMessage(problem.message, ...actions).then((choice) => {
    if (choice !== undefined) void perform(choice as Action);
  });
}

async function perform(action: Action): Promise<void> {
  const effect = effectOf(action, vscode.env.remoteName !== undefined);
  if ("url" in effect) {
    await vscode.env.openExternal(vscode.Uri.parse(effect.url));
  } else {
    await vscode.commands.executeCommand(effect.command, ...effect.args);
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("brieflint");
  const found = server(context);
  if ("error" in found) {
    fail({ kind: found.kind, message: found.error });
    return;
  }
  setState({ state: "starting" });
  output?.appendLine(`Starting ${found.path} (from the ${found.source === "path" ? "PATH" : found.source === "bundled" ? "bundled server" : "setting"})`);
  const run = { command: found.path, args: ["lsp"], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const crashes: number[] = [];
  let ran = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(config.get("fileTypes")),
    initializationOptions: serverSettings((key) => config.get(key)),
    synchronize: {
      configurationSection: "brieflint",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{.brieflint/actors.toml,brieflint.toml,.brieflint.toml,.brieflint}"),
    },
    outputChannel: output,
    // The client's own error notifications would repeat, without the actions, what fail() says.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Nor should its bare notification of a failed initialize: start() below reports it, as a start failure.
    initializationFailedHandler: () => false,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      closed: () => {
        // A server that never answered is a start failure, which start() reports below.
        if (!ran) return { action: CloseAction.DoNotRestart, handled: true };
        crashes.push(Date.now());
        if (shouldRestart(crashes, Date.now())) {
          output?.appendLine("The server stopped unexpectedly; restarting it.");
          return { action: CloseAction.Restart, handled: true };
        }
        fail(crashFailure(found.path, crashes.length, 3));
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    middleware: {
      workspace: {
        // The server asks for the "brieflint" section; answer with the same mapping as initializationOptions.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return configurationAnswers(params.items, answers, (scopeUri) => {
            const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
            const settings = vscode.workspace.getConfiguration("brieflint", scope);
            return (key) => settings.get(key);
          });
        },
      },
    },
  };
  const started = new BrieflintClient("brieflint", "brieflint", serverOptions, clientOptions);
  client = started;
  started.onDidChangeState((event) => {
    if (client !== started) return;
    if (event.newState === State.Running) {
      ran = true;
      setState({ state: "running", path: found.path, source: found.source });
    } else if (event.newState === State.Starting && serverState.state !== "failed") {
      setState({ state: "starting" });
    }
  });
  let cause: string | undefined;
  try {
    await started.start();
  } catch (error) {
    cause = error instanceof Error ? error.message : String(error);
  }
  // A failed initialize stops the client and may resolve start() all the same: what counts is whether it runs.
  if (client === started && !started.isRunning()) {
    client = undefined;
    fail(startFailure(found.path, found.source, cause ?? started.lastCause ?? ""));
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  setState({ state: "stopped" });
  if (running) {
    try {
      await running.stop();
    } catch {
      // A client that never started has nothing to stop.
    }
  }
}

/** The folder "Enable brieflint in this folder" means for a document: its workspace folder, else its own. */
function folderOf(document: vscode.TextDocument): string {
  return vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? path.dirname(document.uri.fsPath);
}

/** Whether brieflint leaves the active file alone, and why. */
function fileOff(document: vscode.TextDocument): FileOff {
  const enable = vscode.workspace.getConfiguration("brieflint", document.uri).get("enable");
  if (enable === "never") return { why: "never" };
  if (document.uri.scheme !== "file") return undefined;
  const inWorkspace = inBrieflintWorkspace(document.uri.fsPath, fs.existsSync);
  return offersEnabling(enable, inWorkspace, optsIn(document.getText())) ? { why: "folder", folder: folderOf(document) } : undefined;
}

/** The language status item (shown for Markdown and plain text): the server's state and this file's. */
function updateStatus(): void {
  if (!status) return;
  const document = vscode.window.activeTextEditor?.document;
  const checked = vscode.workspace.getConfiguration("brieflint").get<string[]>("fileTypes") ?? [];
  const wanted = checked.length > 0 ? checked : ["markdown", "plaintext"];
  const off: FileOff = document && wanted.includes(document.languageId) ? fileOff(document) : undefined;
  const shown = languageStatus(serverState, off, vscode.env.remoteName !== undefined);
  status.text = shown.text;
  status.detail = shown.detail;
  status.busy = shown.busy;
  status.severity =
    shown.severity === "error"
      ? vscode.LanguageStatusSeverity.Error
      : shown.severity === "warning"
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
  status.command = shown.command;
}

/** Write the commented brieflint.toml of `brieflint init` in the active file's folder; the server sees it appear. */
async function enableInFolder(context: vscode.ExtensionContext): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== "file") {
    void vscode.window.showErrorMessage("brieflint: open a saved Markdown or text file to enable brieflint in its folder.");
    return;
  }
  const found = server(context);
  if ("error" in found) {
    fail({ kind: found.kind, message: found.error });
    return;
  }
  const folder = folderOf(document);
  // `brieflint init` writes the file, so it is the same as on the command line and never overwrites one.
  execFile(found.path, ["init"], { cwd: folder }, (error, _stdout, stderr) => {
    if (error) {
      output?.appendLine(stderr);
      void vscode.window.showErrorMessage(`brieflint init failed in ${folder}: ${stderr.trim() || error.message}`);
    } else {
      output?.appendLine(`Wrote ${path.join(folder, "brieflint.toml")}`);
      void vscode.window.showInformationMessage(`brieflint is on in ${folder}: wrote brieflint.toml.`);
    }
    updateStatus();
  });
}

/** Show the sourcing report of the active file, as the server makes it from the current text, beside it. */
async function showReport(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showErrorMessage("brieflint: open a Markdown or text file to see its sourcing report.");
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage("brieflint: the server is not running, so there is no sourcing report.");
    return;
  }
  let answer: unknown;
  try {
    answer = await client.sendRequest(ExecuteCommandRequest.type, {
      command: REPORT_COMMAND,
      arguments: [document.uri.toString()],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`brieflint: no sourcing report: ${message}`);
    return;
  }
  if (!isReport(answer)) {
    void vscode.window.showErrorMessage("brieflint: the server sent no sourcing report.");
    return;
  }
  const panel = vscode.window.createWebviewPanel("brieflint.sourcingReport", answer.title, vscode.ViewColumn.Beside, {
    enableScripts: true,
    localResourceRoots: [],
  });
  panel.webview.html = webviewHtml(answer.html, newNonce(randomBytes));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("brieflint");
  status = vscode.languages.createLanguageStatusItem("brieflint.status", [
    { language: "markdown" },
    { language: "plaintext" },
  ]);
  status.name = "brieflint";
  const markers = vscode.workspace.createFileSystemWatcher("**/{brieflint.toml,.brieflint.toml,.brieflint}");
  context.subscriptions.push(
    status,
    markers,
    markers.onDidCreate(updateStatus),
    markers.onDidDelete(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidSaveTextDocument(updateStatus),
    vscode.commands.registerCommand("brieflint.enableInFolder", () => enableInFolder(context)),
    output,
    vscode.commands.registerCommand("brieflint.restartServer", async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("brieflint.showOutput", () => output?.show(true)),
    vscode.commands.registerCommand("brieflint.showSourcingReport", showReport),
    // Trusting the workspace makes its brieflint.server.path count: start again with it.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("brieflint")) {
        updateStatus();
      }
      if (event.affectsConfiguration("brieflint.server.path") || event.affectsConfiguration("brieflint.fileTypes")) {
        await stop();
        await start(context);
      }
    }),
  );
  updateStatus();
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
