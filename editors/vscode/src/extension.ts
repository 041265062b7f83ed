// The agentls VS Code extension: starts the agentls language server and attaches it to agent
// spec files. Everything the user sees (diagnostics, completion, hover, quick fixes, colours,
// outline, navigation) comes from the server; this file only finds the binary, chooses the
// documents and forwards the settings.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  type DocumentFilter,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
} from "vscode-languageclient/node";
import { buildSelector, buildServerSettings, FORMAT_FAMILIES } from "./settings";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let starting: Promise<void> | undefined;

/** Where the server binary comes from, for the log. */
type ServerSource = "setting" | "bundled" | "PATH";

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("agentls", { log: true });
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand("agentls.restartServer", async () => {
      output?.info("restarting the server (agentls: Restart Server)");
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("agentls.showOutput", () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("agentls")) return;
      // The binary and the document selector are fixed when the client starts.
      const restart =
        e.affectsConfiguration("agentls.server.path") ||
        e.affectsConfiguration("agentls.allMarkdown") ||
        e.affectsConfiguration("agentls.formats.claude-agent.paths") ||
        FORMAT_FAMILIES.some((f) => e.affectsConfiguration(`agentls.formats.${f.id}.enable`));
      if (restart) {
        output?.info("settings changed that need a restart: restarting the server");
        await stop();
        await start(context);
      } else if (client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: buildServerSettings(vscode.workspace.getConfiguration("agentls")),
        });
      }
    }),
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function stop(): Promise<void> {
  await starting?.catch(() => undefined);
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (err) {
      output?.info(`stopping the server failed: ${String(err)}`);
    }
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  starting = startClient(context);
  return starting;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("agentls");
  const found = findServer(context, config.get<string>("server.path", ""));
  if ("error" in found) {
    output?.error(found.error);
    const choice = await vscode.window.showErrorMessage(found.error, "Open Settings", "Show Output");
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "agentls.server.path");
    } else if (choice === "Show Output") {
      output?.show(true);
    }
    return;
  }
  output?.info(`server: ${found.command} (from ${found.source})`);

  const serverOptions: ServerOptions = {
    run: { command: found.command, args: ["--stdio"] },
    debug: { command: found.command, args: ["--stdio"] },
  };
  const selector: DocumentFilter[] = buildSelector(config);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: buildServerSettings(config),
    middleware: {
      workspace: {
        // A server that pulls `agentls` gets the agentls.toml shape, not VS Code's raw
        // section (which also holds the client-only settings).
        configuration: (params, token, next) => {
          const cfg = vscode.workspace.getConfiguration("agentls");
          const pulled = params.items.map((item) =>
            item.section === "agentls" ? buildServerSettings(cfg) : null,
          );
          if (params.items.every((item) => item.section === "agentls")) return pulled;
          return next(params, token);
        },
      },
    },
  };
  const c = new LanguageClient("agentls", "agentls", serverOptions, clientOptions);
  client = c;
  try {
    await c.start();
  } catch (err) {
    const message = `agentls: the server ${found.command} did not start: ${String(err)}. Check agentls.server.path, or run "${found.command} --version" in a terminal.`;
    output?.error(message);
    void vscode.window.showErrorMessage(message, "Show Output").then((choice) => {
      if (choice) output?.show(true);
    });
  }
}

/** The binary to run: the setting, else the bundled binary, else `agentls` on the PATH. */
function findServer(
  context: vscode.ExtensionContext,
  setting: string,
): { command: string; source: ServerSource } | { error: string } {
  const exe = process.platform === "win32" ? "agentls.exe" : "agentls";
  if (setting.trim() !== "") {
    const resolved = expandHome(setting.trim());
    if (isExecutable(resolved)) return { command: resolved, source: "setting" };
    return {
      error: `agentls: the server binary in the setting agentls.server.path (${resolved}) does not exist or is not executable. Fix the path, or clear the setting to use the bundled binary or agentls on your PATH.`,
    };
  }
  const bundled = context.asAbsolutePath(path.join("server", exe));
  if (isExecutable(bundled)) return { command: bundled, source: "bundled" };
  const onPath = searchPath(exe);
  if (onPath) return { command: onPath, source: "PATH" };
  return {
    error:
      "agentls: no agentls server found. This extension has no bundled binary for this platform and agentls is not on your PATH. Install it with `pipx install agentls`, `npm install -g agentls` or `cargo install --locked agentls`, or set agentls.server.path to the binary, then run 'agentls: Restart Server'.",
  };
}

function expandHome(p: string): string {
  if (p === "~" || p.startsWith("~/")) return path.join(process.env.HOME ?? "", p.slice(1));
  return p;
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== "win32") fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function searchPath(exe: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}
