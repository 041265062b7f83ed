// The VS Code oracle's probe: a tiny extension that the recorder (../record.mjs) talks to over
// HTTP on 127.0.0.1. It runs in code-server's extension host, where `vscode.languages.
// getDiagnostics()` sees every marker of the workbench, including VS Code's own prompt-file
// validator (owner `prompts-diagnostics-provider`, no source), hints included.
//
// VS Code validates a prompt file only while a code editor shows it, so `/observe` shows a
// batch of files side by side (one editor group each), waits until their diagnostics settle,
// reads them, and closes the editors again. No bundler, no dependencies: plain CommonJS.
"use strict";

const fs = require("fs");
const http = require("http");
const vscode = require("vscode");

const SEVERITY = ["error", "warning", "information", "hint"]; // vscode.DiagnosticSeverity order

/** The last time (ms) any diagnostics changed for a URI, keyed by URI string. */
const lastChange = new Map();
/** Recent diagnostics changes [ms, uri], for `/observe`'s `changes` (why a batch is slow). */
let changeLog = [];

function activate(context) {
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics((e) => {
      const now = Date.now();
      for (const uri of e.uris) {
        lastChange.set(uri.toString(), now);
        changeLog.push([now, uri.toString(), vscode.languages.getDiagnostics(uri).length]);
      }
      if (changeLog.length > 2000) changeLog = changeLog.slice(-1000);
    }),
  );

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      let status = 200;
      let answer;
      try {
        const input = body ? JSON.parse(body) : {};
        if (req.url === "/status") answer = await statusOf(input);
        else if (req.url === "/observe") answer = await observe(input);
        else if (req.url === "/close") answer = await closeAll();
        else if (req.url === "/hovers") answer = await hovers(input);
        else if (req.url === "/command") answer = { result: (await vscode.commands.executeCommand(input.id, ...(input.args ?? []))) ?? null };
        else {
          status = 404;
          answer = { error: `no such endpoint ${req.url}` };
        }
      } catch (err) {
        status = 500;
        answer = { error: String(err?.stack ?? err) };
      }
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    });
  });
  // Loopback only; port 0 lets the OS pick, and the port goes to the file the recorder named
  // (the extension host inherits code-server's environment).
  server.listen(0, "127.0.0.1", () => {
    const file = process.env.AGENTLS_PROBE_PORT_FILE;
    if (file) fs.writeFileSync(file, String(server.address().port));
  });
  context.subscriptions.push({ dispose: () => server.close() });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** What the recorder needs to know about this VS Code: version, extensions, tools, models. */
async function statusOf({ modelsTimeoutMs = 3000 } = {}) {
  const extensions = vscode.extensions.all.map((e) => ({
    id: e.id,
    version: e.packageJSON?.version ?? null,
    active: e.isActive,
    builtin: e.extensionUri.path.includes("/lib/vscode/extensions/"),
  }));
  // selectChatModels waits for the model providers; signed out it may never answer.
  let models = null;
  try {
    const all = await Promise.race([vscode.lm.selectChatModels({}), sleep(modelsTimeoutMs).then(() => null)]);
    models = all?.map((m) => ({ id: m.id, name: m.name, vendor: m.vendor, family: m.family })) ?? null;
  } catch {
    models = null;
  }
  return {
    vscode: vscode.version,
    appHost: vscode.env.appHost,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? "web" : "desktop",
    extensions,
    tools: vscode.lm.tools.map((t) => t.name).sort(),
    models,
  };
}

function markerOf(d) {
  const code = d.code === undefined || d.code === null ? null : typeof d.code === "object" ? String(d.code.value) : String(d.code);
  return {
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    code,
    source: d.source ?? "",
    tags: (d.tags ?? []).map((t) => (t === vscode.DiagnosticTag.Unnecessary ? "unnecessary" : t === vscode.DiagnosticTag.Deprecated ? "deprecated" : String(t))),
  };
}

/**
 * Shows `files` (absolute paths) and `sentinel` side by side, waits until the sentinel's
 * diagnostics satisfy `expect` (every string in it is a substring of one of its messages) and
 * then until no diagnostics changed for `quietMs`, reads them, closes every editor, and waits
 * until the validator's markers are gone (so that the next batch starts clean).
 */
async function observe({ files, sentinel, expect = [], quietMs = 400, timeoutMs = 30000 }) {
  const started = Date.now();
  const deadline = started + timeoutMs;
  const errors = {};
  // The sentinel is shown last: its validation is scheduled after all the others'.
  const all = sentinel ? [...files, sentinel] : [...files];
  const docs = await Promise.all(
    all.map(async (file) => {
      try {
        return await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      } catch (err) {
        errors[file] = String(err?.message ?? err);
        return null;
      }
    }),
  );
  await ensureGroups(all.length);
  // Groups beyond this batch (a smaller batch after a bigger one) would keep showing files of
  // an earlier batch, the other sentinel among them, whose markers would then never go.
  const extra = vscode.window.tabGroups.all.slice(all.length).flatMap((g) => g.tabs);
  if (extra.length) await vscode.window.tabGroups.close(extra, true);
  // All at once: each shown agent file makes VS Code revalidate every shown prompt file (the
  // custom agents changed), so showing them one by one costs a revalidation each. Each goes
  // into its own group as a preview editor, which replaces the previous batch's file there.
  await Promise.all(
    docs.map(async (doc, i) => {
      if (!doc) return;
      try {
        await vscode.window.showTextDocument(doc, { viewColumn: i + 1, preview: true, preserveFocus: true });
      } catch (err) {
        errors[all[i]] = String(err?.message ?? err);
        docs[i] = null;
      }
    }),
  );
  const shownAt = Date.now();
  const batchUris = docs.filter(Boolean).map((d) => d.uri.toString());
  changeLog = changeLog.filter(([t]) => t >= started);
  const showMs = shownAt - started;
  let sentinelMs = null;
  const sentinelUri = sentinel ? vscode.Uri.file(sentinel) : null;
  const ownMarkers = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => !d.source);
  let sentinelSeen = !sentinel;
  let timedOut = false;
  for (;;) {
    const now = Date.now();
    if (!sentinelSeen) {
      const msgs = ownMarkers(sentinelUri).map((d) => d.message);
      sentinelSeen = expect.every((e) => msgs.some((m) => m.includes(e)));
      if (sentinelSeen) sentinelMs = now - shownAt;
    }
    // Quiet means no change for this batch's files: VS Code also touches the markers of files
    // shown earlier (one every 200 ms for a while), which says nothing about these.
    const lastOfBatch = Math.max(shownAt, ...batchUris.map((u) => lastChange.get(u) ?? 0));
    if (sentinelSeen && now - lastOfBatch >= quietMs) break;
    if (now > deadline) {
      timedOut = true;
      break;
    }
    await sleep(50);
  }
  const settledMs = Date.now() - shownAt;
  const result = {};
  for (let i = 0; i < all.length; i++) {
    const doc = docs[i];
    if (!doc) {
      result[all[i]] = { error: errors[all[i]] };
      continue;
    }
    const diags = vscode.languages.getDiagnostics(doc.uri);
    result[all[i]] = {
      language: doc.languageId,
      markers: diags.filter((d) => !d.source).map(markerOf),
      // Markers of other providers (a Markdown linter, a spell checker), kept apart.
      others: diags.filter((d) => d.source).map(markerOf),
    };
  }
  // The next batch replaces these editors; the last one is closed by `/close`.
  const cleared = true;
  return { files: result, sentinelSeen, timedOut, cleared, settledMs, showMs, sentinelMs, closeMs: Date.now() - shownAt - settledMs, changes: changeLog.filter(([t]) => t >= started && t <= shownAt + settledMs).map(([t, u, n]) => [t - shownAt, u, n]) };
}

/** Editor groups side by side, made once (groups stay when empty: closeEmptyGroups is off). */
async function ensureGroups(n) {
  while (vscode.window.tabGroups.all.length < n) {
    await vscode.commands.executeCommand("workbench.action.newGroupRight");
  }
}

/** Closes every editor: each validator goes, and its markers with it. */
async function closeAll() {
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  return {};
}

/**
 * Hover texts at the start of each of the first `lines` lines of a shown file: VS Code's
 * prompt hover provider answers on a key it parsed, which shows where its header parser saw
 * attributes. Opens the file in one editor and closes it again.
 */
async function hovers({ file, lines = 30 }) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc, { viewColumn: 1, preview: false, preserveFocus: true });
  const out = [];
  for (let line = 0; line < Math.min(lines, doc.lineCount); line++) {
    const text = doc.lineAt(line).text;
    const col = text.search(/\S/);
    if (col < 0) continue;
    const hs = await vscode.commands.executeCommand("vscode.executeHoverProvider", doc.uri, new vscode.Position(line, col));
    const texts = (hs ?? []).flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).filter(Boolean);
    if (texts.length) out.push({ line, col, texts });
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  return { language: doc.languageId, hovers: out };
}

function deactivate() {}

module.exports = { activate, deactivate };
