// The brieflint extension: starts `brieflint lsp` for Markdown and plain text, passes the brieflint.* settings
// through, and offers commands to restart the server and show its output.
import * as fs from "fs";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";
import { findServer } from "./discovery";
import { configurationAnswers, documentSelector, serverSettings } from "./settings";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

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

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("brieflint");
  const found = findServer({
    setting: config.get<string>("server.path"),
    extensionDir: context.extensionPath,
    envPath: process.env.PATH,
    platform: process.platform,
    fs: executable,
  });
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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("brieflint");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("brieflint.restartServer", async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("brieflint.showOutput", () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("brieflint.server.path") || event.affectsConfiguration("brieflint.fileTypes")) {
        await stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
