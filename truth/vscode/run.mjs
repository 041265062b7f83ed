#!/usr/bin/env node
// Makes the recording truth/recorded/code-server@<version>.json: gathers the cases (the Copilot
// files of the corpus, agentls's Copilot rule fixtures, the mutations under cases/), lays them
// out at their project paths in one workspace, runs record.mjs on it and writes one entry per
// case: its id, workspace-relative path, FNV-1a 64 hash of its bytes, and what VS Code said.
//
//   node run.mjs [--workspace DIR] [--out FILE] [--only PREFIX] [record.mjs options…]
//
// --workspace keeps the workspace there (for `agentls check` on the same files); by default
// it is a temporary folder, removed afterwards. --only PREFIX records only the cases whose id
// starts with PREFIX (a quick look; the output then goes to --out, which is required).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const corpus = path.resolve(process.env.AGENTLS_CORPUS ?? path.join(repo, "..", "shared", "corpus"));

/** FNV-1a 64-bit of the bytes, as 16 lowercase hex digits. */
export function fnv1a64(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

/** Every case: {id, path (in the workspace), source (absolute), what?}. */
export function gatherCases() {
  const cases = [];
  // (a) the corpus's Copilot files, at the project path their suffix asks for.
  const ac = path.join(corpus, "github__awesome-copilot");
  if (!fs.existsSync(ac)) throw new Error(`no corpus at ${corpus} (set AGENTLS_CORPUS)`);
  const place = [
    [/\.agent\.md$/, (b) => `.github/agents/${b}`],
    [/\.chatmode\.md$/, (b) => `.github/chatmodes/${b}`],
    [/\.prompt\.md$/, (b) => `.github/prompts/${b}`],
    [/\.instructions\.md$/, (b) => `.github/instructions/${b}`],
  ];
  const corpusFiles = [
    ...listFiles(ac),
    ...listFiles(path.join(corpus, "affaan-m__everything-claude-code", ".github", "prompts")),
  ];
  for (const src of corpusFiles.sort()) {
    const rel = path.relative(corpus, src).split(path.sep).join("/");
    const base = path.basename(src);
    let dest;
    if (base === "SKILL.md") dest = `.github/skills/${path.basename(path.dirname(src))}/SKILL.md`;
    else {
      const rule = place.find(([re]) => re.test(base));
      if (!rule) continue; // the license file
      dest = rule[1](base);
    }
    cases.push({ id: `corpus/${rel}`, path: dest, source: src });
  }
  // (b) agentls's Copilot rule fixtures.
  const fixtures = path.join(repo, "server", "tests", "fixtures");
  const fixtureDir = { "copilot-agent": [".github/agents", ".agent.md"], "copilot-chatmode": [".github/chatmodes", ".chatmode.md"], "copilot-prompt": [".github/prompts", ".prompt.md"], "copilot-instructions": [".github/instructions", ".instructions.md"] };
  for (const [dir, [dest, suffix]] of Object.entries(fixtureDir)) {
    for (const src of listFiles(path.join(fixtures, dir)).filter((f) => f.endsWith(".md")).sort()) {
      const stem = path.basename(src, ".md");
      cases.push({ id: `fixture/${dir}/${stem}`, path: `${dest}/fixture-${dir}-${stem}${suffix}`, source: src });
    }
  }
  // (c) the mutations (mutations.mjs).
  const list = JSON.parse(fs.readFileSync(path.join(here, "cases", "cases.json"), "utf8"));
  for (const c of list) cases.push({ id: c.id, path: c.path, source: path.join(here, "cases", c.path), what: c.what });
  // Two cases at one path would overwrite each other: name them apart instead.
  const seen = new Map();
  for (const c of cases) {
    if (seen.has(c.path)) {
      const prev = seen.get(c.path);
      const owner = c.id.split("/")[1].split("__")[0];
      c.path = c.path.replace(/\/([^/]+)$/, `/${owner}-$1`);
      if (seen.has(c.path)) throw new Error(`${c.id} and ${prev.id} both at ${c.path}`);
    }
    seen.set(c.path, c);
  }
  return cases.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function buildWorkspace(dir, cases) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const c of cases) {
    const dest = path.join(dir, c.path);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(c.source, dest);
  }
}

function main() {
  const argv = process.argv.slice(2);
  const take = (flag) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    argv.splice(i, 2);
    return v;
  };
  const keepWs = take("--workspace");
  const only = take("--only");
  let out = take("--out");
  const t0 = Date.now();
  let cases = gatherCases();
  if (only) {
    cases = cases.filter((c) => c.id.startsWith(only));
    if (!out) throw new Error("--only needs --out");
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "agentls-vscode-run-"));
  const ws = keepWs ? path.resolve(keepWs) : path.join(tmp, "workspace");
  buildWorkspace(ws, cases);
  const filesJson = path.join(tmp, "files.json");
  const rawOut = path.join(tmp, "observed.json");
  fs.writeFileSync(filesJson, JSON.stringify(cases.map((c) => c.path)));
  // Hovers (which attribute VS Code's parser saw on each line) for the broken-YAML mutations.
  const hoversJson = path.join(tmp, "hovers.json");
  fs.writeFileSync(hoversJson, JSON.stringify(cases.filter((c) => /^mutation\/[^/]+\/yaml-/.test(c.id)).map((c) => c.path)));
  process.stderr.write(`run: ${cases.length} cases in ${ws}\n`);
  const r = spawnSync(process.execPath, [path.join(here, "record.mjs"), "--workspace", ws, "--files", filesJson, "--out", rawOut, "--hovers-files", hoversJson, ...argv], { stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write(`run: record.mjs failed (status ${r.status})\n`);
    process.exit(1);
  }
  const observed = JSON.parse(fs.readFileSync(rawOut, "utf8"));
  out = path.resolve(out ?? path.join(repo, "truth", "recorded", `code-server@${observed.setup.code_server}.json`));
  const recording = {
    tool: "vscode",
    recorder: "truth/vscode/record.mjs",
    code_server: observed.setup.code_server,
    vscode: observed.vscode,
    copilot_chat: observed.copilot_chat,
    setup: {
      ui: observed.setup.ui,
      models: observed.setup.models,
      language_model_tools: observed.setup.tools,
      batch: observed.setup.batch,
      quiet_ms: observed.setup.quiet_ms,
      recheck: observed.setup.recheck,
    },
    seconds: {
      observing: observed.setup.seconds_observing,
      recorder_total: observed.setup.seconds_total,
      run_total: Math.round((Date.now() - t0) / 100) / 10,
    },
    cases: cases.map((c) => {
      const o = observed.files[c.path];
      if (!o) throw new Error(`no observation for ${c.path}`);
      return { id: c.id, path: c.path, fnv1a64: fnv1a64(fs.readFileSync(c.source)), ...(c.what ? { what: c.what } : {}), observation: o };
    }),
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, stableJson(recording) + "\n");
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stderr.write(`run: wrote ${path.relative(process.cwd(), out)} (${cases.length} cases, ${recording.seconds.run_total} s)\n`);
}

/** JSON with the keys of every object sorted, two-space indented: stable diffs. */
function stableJson(v) {
  const sort = (x) => (Array.isArray(x) ? x.map(sort) : x && typeof x === "object" ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort(x[k])])) : x);
  return JSON.stringify(sort(v), null, 2);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`run: ${err?.message ?? err}\n`);
    process.exit(1);
  }
}
