#!/usr/bin/env node
// Compares agentls's findings with VS Code's markers on the same files, per file and line, and
// groups what differs. Input: a recording (run.mjs) and `agentls check --format json` run in
// the recorded workspace (paths relative to it). Output: a Markdown report on stdout, and with
// --json FILE every group with all its members.
//
//   node compare.mjs --recording ../recorded/code-server@4.139.1.json --agentls agentls.json [--json FILE]
//
// A finding and a marker are paired when they are on the same line and name the same thing
// (agentls quotes it in backticks, VS Code in single quotes), or when only one marker is there.
import fs from "node:fs";

const args = process.argv.slice(2);
const opt = (f) => {
  const i = args.indexOf(f);
  return i >= 0 ? args[i + 1] : undefined;
};
const recording = JSON.parse(fs.readFileSync(opt("--recording"), "utf8"));
const agentls = JSON.parse(fs.readFileSync(opt("--agentls"), "utf8"));

/** What a VS Code validator message says, by pattern: [kind, regex]; the table of README.md. */
export const VS_PATTERNS = [
  ["unknown-attribute", /^Attribute '(.+?)' is not supported (?:in|by) /],
  ["attribute-github-only", /^Attribute '(.+?)' is ignored when running locally in VS Code/],
  ["unknown-tool", /^Unknown tool '(.+?)' will be ignored/],
  ["unknown-mcp-tool", /^Unknown tool '(.+?)'\. It is likely to be a missing MCP server/],
  ["unknown-extension-tool", /^Unknown extension tool '(.+?)'/],
  ["unknown-tool-reference", /^Unknown tool or toolset '(.+?)'/],
  ["needs-github-mcp", /^Tool alias '(.+?)' requires the GitHub MCP server/],
  ["needs-playwright-mcp", /^Tool alias '(.+?)' requires the Playwright MCP server/],
  ["renamed-tool", /^Tool or toolset '(.+?)' has been renamed/],
  ["tool-not-enabled", /^Tool or toolset '(.+?)' also needs to be enabled/],
  ["tools-ignored-without-agent", /^The 'tools' attribute is only supported when using agents/],
  ["unknown-model", /^Unknown model '(.+?)' will be ignored/],
  ["model-not-for-agents", /^Model '(.+?)' is not suited for agent mode/],
  ["deprecated-mode", /^The 'mode' attribute has been deprecated/],
  ["deprecated-infer", /^The 'infer' attribute is deprecated/],
  ["chatmode-renamed", /^Chat modes have been renamed to agents/],
  ["unknown-agent", /^Unknown agent '(.+?)'/],
  ["agents-needs-agent-tool", /^When 'agents' and 'tools' are specified/],
  ["invalid-target", /^The 'target' attribute must be one of/],
  ["invalid-glob", /^The 'applyTo' attribute must be a valid glob/],
  ["empty-value", /^The '(.+?)' attribute (?:must not|should not) be empty|must be a non-empty|must not be empty/],
  ["wrong-type", /^The '(.+?)' attribute must be|^Each .* must be|must contain only strings/],
  ["invalid-handoff", /handoff/],
  ["invalid-hook", /[Hh]ook/],
  ["invalid-github-permissions", /permission|'github' object|'github' attribute/],
  ["claude-invalid-value", /^Unknown value '(.+?)', valid: /],
  ["file-not-found", /^File '(.+?)' not found at/],
  ["invalid-file-reference", /^Invalid file reference '(.+?)'/],
  ["skill-name", /^The skill name|^Skill name may only|^Skill should provide a name/],
  ["skill-description", /^Skill should provide a description|A description is required/],
  ["skill-context-fork", /context: fork/],
  ["yaml-duplicate-key", /^Duplicate key: "(.+?)"/],
  ["yaml-syntax", /^Expected |^Unexpected |^Missing |^Invalid header/],
];

export function vsKind(message) {
  for (const [kind, re] of VS_PATTERNS) if (re.test(message)) return kind;
  return "other";
}

const subjectVs = (m) => m.match(/'([^']+)'|"([^"]+)"/)?.slice(1).find(Boolean) ?? null;
const subjectAg = (m) => m.match(/`([^`]+)`/)?.[1] ?? null;

// agentls's findings, by workspace-relative path.
const byPath = new Map();
for (const f of agentls) {
  const p = f.path.replace(/^\.\//, "");
  if (!byPath.has(p)) byPath.set(p, []);
  byPath.get(p).push(f);
}

const groups = { pairs: new Map(), agentlsOnly: new Map(), vscodeOnly: new Map() };
function add(map, key, item) {
  if (!map.has(key)) map.set(key, []);
  map.get(key).push(item);
}

let filesCompared = 0;
const notChecked = [];
for (const c of recording.cases) {
  const obs = c.observation;
  const ours = (byPath.get(c.path) ?? []).map((f) => ({ ...f, kind: f.code.split("/").pop(), line0: f.line - 1, subject: subjectAg(f.message) }));
  const theirs = obs.markers.map((m) => ({ ...m, kind: vsKind(m.message), subject: subjectVs(m.message) }));
  filesCompared++;
  if (!byPath.has(c.path) && theirs.length) notChecked.push(c);
  const used = new Set();
  for (const f of ours) {
    const onLine = theirs.filter((m, i) => !used.has(i) && m.range[0] <= f.line0 && f.line0 <= m.range[2]);
    let match = onLine.find((m) => f.subject && m.subject && m.subject === f.subject);
    // One marker on the line and no subject to tell: take it, except that an unknown-key
    // finding is never paired with a tool or model marker (they name different things).
    if (!match && onLine.length === 1 && !(f.subject && onLine[0].subject && f.subject !== onLine[0].subject)) match = onLine[0];
    const item = { id: c.id, path: c.path, line: f.line, agentls: { code: f.code, severity: f.severity, message: f.message } };
    if (match) {
      used.add(theirs.indexOf(match));
      item.vscode = { kind: match.kind, severity: match.severity, message: match.message };
      add(groups.pairs, `${f.kind} (${f.severity}) ↔ ${match.kind} (${match.severity})`, item);
    } else {
      item.vscode_on_line = onLine.map((m) => `${m.severity}: ${m.message}`);
      item.vscode_language = obs.language;
      add(groups.agentlsOnly, `${f.code.replace(/^[^/]+\//, "*/")} (${f.severity})`, item);
    }
  }
  theirs.forEach((m, i) => {
    if (used.has(i)) return;
    add(groups.vscodeOnly, `${m.kind} (${m.severity})`, { id: c.id, path: c.path, line: m.range[0] + 1, vscode: { severity: m.severity, message: m.message, code: m.code }, language: obs.language });
  });
}

const sorted = (map) => [...map.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
const esc = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
const short = (s, n = 160) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
const lines = [];
lines.push(`Compared ${filesCompared} files: ${agentls.length} agentls findings, ${recording.cases.reduce((n, c) => n + c.observation.markers.length, 0)} VS Code markers.`, "");
lines.push("### agentls finding, no VS Code marker on that line for it", "", "| agentls code | count | example |", "| --- | ---: | --- |");
for (const [k, items] of sorted(groups.agentlsOnly)) {
  const e = items[0];
  lines.push(`| ${esc(k)} | ${items.length} | \`${e.path}:${e.line}\`: ${esc(short(e.agentls.message))}${e.vscode_on_line.length ? ` — VS Code there: ${esc(short(e.vscode_on_line.join("; "), 120))}` : ""} |`);
}
lines.push("", "### VS Code marker, no agentls finding for it", "", "| VS Code kind (severity) | count | example |", "| --- | ---: | --- |");
for (const [k, items] of sorted(groups.vscodeOnly)) {
  const e = items[0];
  lines.push(`| ${esc(k)} | ${items.length} | \`${e.path}:${e.line}\`: ${esc(short(e.vscode.message))} |`);
}
lines.push("", "### Both report it", "", "| agentls kind (severity) ↔ VS Code kind (severity) | count | example |", "| --- | ---: | --- |");
for (const [k, items] of sorted(groups.pairs)) {
  const e = items[0];
  lines.push(`| ${esc(k)} | ${items.length} | \`${e.path}:${e.line}\`: agentls: ${esc(short(e.agentls.message, 110))} — VS Code: ${esc(short(e.vscode.message, 100))} |`);
}
if (notChecked.length) {
  lines.push("", `### Files VS Code validates that agentls reported nothing on: ${notChecked.length} (of them with markers)`);
}
process.stdout.write(lines.join("\n") + "\n");
const jsonOut = opt("--json");
if (jsonOut) {
  const obj = (map) => Object.fromEntries(sorted(map));
  fs.writeFileSync(jsonOut, JSON.stringify({ agentls_only: obj(groups.agentlsOnly), vscode_only: obj(groups.vscodeOnly), pairs: obj(groups.pairs) }, null, 1) + "\n");
}
