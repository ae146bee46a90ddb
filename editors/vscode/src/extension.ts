// The brieflint extension: starts `brieflint lsp` for Markdown and plain text, passes the brieflint.* settings
// through, offers commands to restart the server and show its output, and, where brieflint.enable "auto" leaves
// a file alone, a status item that enables brieflint in its folder.
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";
import { findServer } from "./discovery";
import { inBrieflintWorkspace, offersEnabling, optsIn } from "./scope";
import { configurationAnswers, documentSelector, serverSettings } from "./settings";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let status: vscode.StatusBarItem | undefined;

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
  return findServer({
    setting: vscode.workspace.getConfiguration("brieflint").get<string>("server.path"),
    extensionDir: context.extensionPath,
    envPath: process.env.PATH,
    platform: process.platform,
    fs: executable,
  });
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("brieflint");
  const found = server(context);
  if ("error" in found) {
    output?.appendLine(found.error);
    void vscode.window.showErrorMessage(found.error);
    return;
  }
  output?.appendLine(`Starting ${found.path} (from the ${found.source})`);
  const run = { command: found.path, args: ["lsp"], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(config.get("fileTypes")),
    initializationOptions: serverSettings((key) => config.get(key)),
    synchronize: {
      configurationSection: "brieflint",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{.brieflint/actors.toml,brieflint.toml,.brieflint.toml,.brieflint}"),
    },
    outputChannel: output,
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
  client = new LanguageClient("brieflint", "brieflint", serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

/** The folder "Enable brieflint in this folder" means for a document: its workspace folder, else its own. */
function folderOf(document: vscode.TextDocument): string {
  return vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? path.dirname(document.uri.fsPath);
}

/** Show the status item where brieflint.enable "auto" leaves the active file alone; hide it elsewhere. */
function updateStatus(): void {
  const document = vscode.window.activeTextEditor?.document;
  const checked = vscode.workspace.getConfiguration("brieflint").get<string[]>("fileTypes") ?? [];
  const wanted = checked.length > 0 ? checked : ["markdown", "plaintext"];
  if (!status || !document || document.uri.scheme !== "file" || !wanted.includes(document.languageId)) {
    status?.hide();
    return;
  }
  const enable = vscode.workspace.getConfiguration("brieflint", document.uri).get("enable");
  const inWorkspace = inBrieflintWorkspace(document.uri.fsPath, fs.existsSync);
  if (offersEnabling(enable, inWorkspace, optsIn(document.getText()))) {
    status.text = "$(circle-slash) brieflint off";
    status.tooltip = `Enable brieflint in this folder: no brieflint.toml or .brieflint/ in ${folderOf(document)} or above, so brieflint leaves this file alone. Click to write a commented brieflint.toml there.`;
    status.show();
  } else {
    status.hide();
  }
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
    void vscode.window.showErrorMessage(found.error);
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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("brieflint");
  status = vscode.window.createStatusBarItem("brieflint.status", vscode.StatusBarAlignment.Right, 100);
  status.name = "brieflint";
  status.command = "brieflint.enableInFolder";
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
