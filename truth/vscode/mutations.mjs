#!/usr/bin/env node
// Generates the mutation cases: small agent spec files, each one change away from a valid file,
// that ask VS Code one question each (is this key known here? this tool? this model? what does
// its header parser make of this YAML?). Writes them under cases/ at their project paths and
// the case list to cases/cases.json ([{id, path, what}], sorted by id).
//
//   node mutations.mjs [--code-server-extensions DIR]
//
// Keys, tool names and models come from agentls's own catalogs (server/src/formats/copilot*.rs,
// read as text), so the recording shows which of them this VS Code knows. With the built-in
// Copilot Chat's manifest at hand (the code-server install of setup.sh), the tool names it
// declares are added too, so that names VS Code knows and agentls does not show up as well.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const outDir = path.join(here, "cases");

// --- agentls's catalogs, read from its source -------------------------------------------------
function rustStrings(file, table) {
  const src = fs.readFileSync(path.join(repo, "server/src/formats", file), "utf8");
  const start = src.indexOf(`pub static ${table}:`);
  if (start < 0) throw new Error(`${table} not found in ${file}`);
  const body = src.slice(start, src.indexOf("\n];", start));
  return [...body.matchAll(/\(\s*"([^"]+)",\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]);
}
const toolSets = rustStrings("copilot_tools.rs", "TOOL_SETS").map(([n]) => n);
const tools = rustStrings("copilot_tools.rs", "TOOLS").map(([n]) => n);
const renamed = rustStrings("copilot_tools.rs", "RENAMED").map(([n]) => n);
const models = rustStrings("copilot_models.rs", "MODELS"); // [display name, id]

// Tool names the built-in Copilot Chat declares (tool set/tool reference names).
function copilotManifestTools() {
  const argi = process.argv.indexOf("--code-server-extensions");
  const cache = process.env.AGENTLS_EDITORS_CACHE ?? path.join(os.homedir(), ".cache", "agentls-editors");
  const dir = argi > 0 ? process.argv[argi + 1] : path.join(cache, "code-server-4.139.1/node_modules/code-server/lib/vscode/extensions");
  const pj = path.join(dir, "copilot", "package.json");
  if (!fs.existsSync(pj)) {
    process.stderr.write(`mutations: no ${pj}; the Copilot manifest's tool names are left out\n`);
    return [];
  }
  const c = JSON.parse(fs.readFileSync(pj, "utf8")).contributes;
  const names = new Set();
  for (const s of c.languageModelToolSets ?? []) for (const t of s.tools ?? []) names.add(`${s.name}/${t}`);
  for (const t of c.languageModelTools ?? []) if (t.toolReferenceName) names.add(t.toolReferenceName);
  return [...names].sort();
}

// --- formats ------------------------------------------------------------------------------------
// Each format: where its files go and the keys it has, with a typical valid value for each.
const BODY = "Do the task described above.\n";
const FORMATS = {
  agent: { dir: ".github/agents", file: (s) => `${s}.agent.md` },
  chatmode: { dir: ".github/chatmodes", file: (s) => `${s}.chatmode.md` },
  prompt: { dir: ".github/prompts", file: (s) => `${s}.prompt.md` },
  instructions: { dir: ".github/instructions", file: (s) => `${s}.instructions.md` },
  claude: { dir: ".claude/agents", file: (s) => `${s}.md` },
  skill: { dir: ".github/skills", file: (s) => `${s}/SKILL.md` },
};

// A typical valid value for every key that any of the formats (agentls's or VS Code's) knows,
// as YAML lines after `key:` (a string: the rest of the line; an array: indented lines).
const VALUES = {
  name: "Helper",
  description: "Helps with the task",
  tools: "['search', 'edit']",
  model: "GPT-4.1",
  "argument-hint": "the file to work on",
  target: "vscode",
  handoffs: ["  - label: Implement", "    agent: agent", "    prompt: Implement the plan."],
  agents: "['*']",
  "user-invocable": "false",
  "disable-model-invocation": "true",
  infer: "true",
  "mcp-servers": ["  docs:", "    type: local", "    command: docs-server"],
  hooks: ["  PostToolUse:", "    - type: command", "      command: echo done"],
  metadata: ["  team: docs"],
  "reasoning-effort": "high",
  advancedOptions: ["  verbose: true"],
  github: ["  permissions:", "    contents: read"],
  applyTo: "'**/*.ts'",
  excludeAgent: "code-review",
  agent: "ask",
  mode: "ask",
  license: "MIT",
  compatibility: "Needs git",
  context: "fork",
  paths: "['src/**']",
  // Claude Code subagent keys
  disallowedTools: "Write, Edit",
  permissionMode: "plan",
  skills: "['docs']",
  mcpServers: "['github']",
  memory: "project",
  color: "blue",
};
const ALL_KEYS = Object.keys(VALUES);

// Which keys each format has in agentls (server/src/formats/copilot.rs, claude_agent.rs,
// skill.rs): the ones whose typical mistakes get their own cases.
const KEYS = {
  agent: ["description", "name", "tools", "model", "argument-hint", "target", "handoffs", "agents", "user-invocable", "disable-model-invocation", "infer", "mcp-servers", "hooks", "metadata"],
  prompt: ["description", "name", "argument-hint", "agent", "mode", "model", "tools"],
  instructions: ["applyTo", "description", "name", "excludeAgent"],
  claude: ["name", "description", "tools", "disallowedTools", "model", "permissionMode", "skills", "mcpServers", "hooks", "memory", "color"],
  skill: ["name", "description", "license", "compatibility", "metadata", "argument-hint", "user-invocable", "disable-model-invocation", "context"],
};
KEYS.chatmode = KEYS.agent;

// The minimal valid front matter of each format (the keys every case starts from).
function baseKeys(format, stem) {
  if (format === "claude") return { name: stem, description: "Helps with the task" };
  if (format === "skill") return { name: stem, description: "Helps with the task" };
  return { description: "Helps with the task" };
}

const cases = [];
function emit(format, slug, what, text) {
  const stem = `m-${slug}`;
  const f = FORMATS[format];
  const rel = path.posix.join(f.dir, f.file(stem));
  cases.push({ id: `mutation/${format}/${slug}`, path: rel, what, text });
}

/** Front matter from [key, value] pairs (value: string line, array of lines, or null: `key:`). */
function fm(pairs) {
  const lines = [];
  for (const [k, v] of pairs) {
    if (v === null) lines.push(`${k}:`);
    else if (Array.isArray(v)) lines.push(`${k}:`, ...v);
    else lines.push(`${k}: ${v}`);
  }
  return `---\n${lines.join("\n")}\n---\n${BODY}`;
}

function withKeys(format, slug, extra, { drop = [] } = {}) {
  const base = Object.entries(baseKeys(format, `m-${slug}`)).filter(([k]) => !drop.includes(k) && !extra.some(([e]) => e === k));
  return fm([...base, ...extra]);
}

const slugOf = (s) => s.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "x";

// A one-letter-off spelling: drop the second-to-last letter.
const misspell = (k) => (k.length > 3 ? k.slice(0, -2) + k.slice(-1) : k + k.slice(-1));
// The "wrong case" spelling: capitalized, or camelCase for hyphenated keys.
const wrongCase = (k) => (k.includes("-") ? k.replace(/-(.)/g, (_, c) => c.toUpperCase()) : k === k.toLowerCase() ? k[0].toUpperCase() + k.slice(1) : k.toLowerCase());

// --- 1. every key in every format, alone with its typical value -------------------------------
for (const format of Object.keys(FORMATS)) {
  emit(format, "valid-base", "the minimal valid front matter of the format", withKeys(format, "valid-base", []));
  for (const key of ALL_KEYS) {
    emit(format, `key-${slugOf(key)}`, `key \`${key}\` with a typical value`, withKeys(format, `key-${slugOf(key)}`, [[key, VALUES[key]]]));
  }
  emit(format, "key-unknown", "an unknown key `colour`", withKeys(format, "key-unknown", [["colour", "blue"]]));
}

// --- 2. typical mistakes for each key of each format -------------------------------------------
const SCALAR_KEYS = new Set(["name", "description", "argument-hint", "target", "model", "agent", "mode", "applyTo", "license", "compatibility", "context", "permissionMode", "memory", "color", "reasoning-effort"]);
const BOOL_KEYS = new Set(["user-invocable", "disable-model-invocation", "infer"]);
const LIST_KEYS = new Set(["tools", "agents", "excludeAgent", "paths", "disallowedTools", "skills", "mcpServers", "handoffs"]);
for (const [format, keys] of Object.entries(KEYS)) {
  for (const key of keys) {
    const k = slugOf(key);
    const other = (v) => [[key, v]];
    emit(format, `misspelt-${k}`, `\`${misspell(key)}\` for \`${key}\``, withKeys(format, `misspelt-${k}`, [[misspell(key), VALUES[key]]], { drop: [key] }));
    if (wrongCase(key) !== key) emit(format, `case-${k}`, `\`${wrongCase(key)}\` for \`${key}\``, withKeys(format, `case-${k}`, [[wrongCase(key), VALUES[key]]], { drop: [key] }));
    emit(format, `empty-${k}`, `\`${key}:\` with nothing after it`, withKeys(format, `empty-${k}`, other(null)));
    emit(format, `empty-quoted-${k}`, `\`${key}: ""\``, withKeys(format, `empty-quoted-${k}`, other('""')));
    if (SCALAR_KEYS.has(key) || BOOL_KEYS.has(key)) {
      emit(format, `list-for-${k}`, `a flow list for \`${key}\``, withKeys(format, `list-for-${k}`, other("[a, b]")));
      emit(format, `map-for-${k}`, `a mapping for \`${key}\``, withKeys(format, `map-for-${k}`, [[key, ["  a: b"]]]));
    }
    if (LIST_KEYS.has(key) && key !== "handoffs") {
      emit(format, `map-for-${k}`, `a mapping for \`${key}\``, withKeys(format, `map-for-${k}`, [[key, ["  a: b"]]]));
      emit(format, `block-list-${k}`, `a block list for \`${key}\``, withKeys(format, `block-list-${k}`, [[key, ["  - search", "  - edit"]]]));
      emit(format, `string-for-${k}`, `a comma-separated string for \`${key}\``, withKeys(format, `string-for-${k}`, other("search, edit")));
      emit(format, `empty-list-${k}`, `an empty list for \`${key}\``, withKeys(format, `empty-list-${k}`, other("[]")));
    }
    if (BOOL_KEYS.has(key)) {
      for (const [vs, v] of [["yes", "yes"], ["quoted", "'true'"], ["capital", "True"], ["one", "1"]]) {
        emit(format, `bool-${k}-${vs}`, `\`${key}: ${v}\``, withKeys(format, `bool-${k}-${vs}`, other(v)));
      }
    }
    emit(format, `duplicate-${k}`, `\`${key}\` set twice`, withKeys(format, `duplicate-${k}`, [[key, VALUES[key]], [key, VALUES[key]]]));
  }
}

// --- 3. tools: every name agentls knows, alone; then the usual mistakes ------------------------
const toolCase = (slug, what, value, format = "agent") => emit(format, `tools-${slug}`, what, withKeys(format, `tools-${slug}`, [["tools", value]]));
for (const t of toolSets) toolCase(`set-${slugOf(t)}`, `tool set \`${t}\` alone (agentls: known)`, `['${t}']`);
for (const t of tools) toolCase(`tool-${slugOf(t)}`, `tool \`${t}\` alone (agentls: known)`, `['${t}']`);
for (const t of renamed) toolCase(`renamed-${slugOf(t)}`, `old tool name \`${t}\` alone (agentls: renamed)`, `['${t}']`);
const known = new Set([...toolSets, ...tools, ...renamed]);
for (const t of copilotManifestTools()) if (!known.has(t)) toolCase(`manifest-${slugOf(t)}`, `tool \`${t}\` from the Copilot Chat manifest, not in agentls's catalog`, `['${t}']`);
const toolMistakes = [
  ["unknown", "an unknown tool `frobnicate`", "['frobnicate']"],
  ["misspelt", "`serch` for `search`", "['serch']"],
  ["wrong-case-set", "`Search` for `search`", "['Search']"],
  ["wrong-case-tool", "`search/Codebase` for `search/codebase`", "['search/Codebase']"],
  ["unknown-in-set", "an unknown tool in a built-in set `search/frobnicate`", "['search/frobnicate']"],
  ["mcp-github", "`github/*` (GitHub MCP server)", "['github/*']"],
  ["mcp-playwright", "`playwright/*`", "['playwright/*']"],
  ["mcp-server-star", "`myserver/*` (an MCP server not configured)", "['myserver/*']"],
  ["mcp-server-tool", "`myserver/mytool`", "['myserver/mytool']"],
  ["mcp-three-parts", "`a/b/c`", "['a/b/c']"],
  ["extension-tool", "`publisher.ext/tool` (an extension tool)", "['publisher.ext/tool']"],
  ["star", "`*`", "['*']"],
  ["claude-names", "Claude Code tool names `Read`, `Bash`", "['Read', 'Bash']"],
  ["duplicate", "`search` listed twice", "['search', 'search']"],
  ["comma-string", "a comma-separated string `search, edit`", "search, edit"],
  ["comma-string-unknown", "a comma-separated string with an unknown tool", "search, frobnicate"],
  ["empty-item", "an empty item `['search', '']`", "['search', '']"],
  ["map-item", "a mapping as an item", "[{a: b}]"],
  ["number-item", "a number as an item", "[1]"],
  ["hash-prefix", "`#search` (the body syntax)", "['#search']"],
];
for (const [slug, what, v] of toolMistakes) toolCase(slug, what, v);
// In a prompt, tools depend on the agent that runs it.
toolCase("prompt-default-agent", "tools in a prompt with no `agent`", "['search', 'frobnicate']", "prompt");
emit("prompt", "tools-with-agent-ask", "tools in a prompt run by `agent: ask`", withKeys("prompt", "tools-with-agent-ask", [["agent", "ask"], ["tools", "['search']"]]));
emit("prompt", "tools-with-agent-agent", "tools in a prompt run by `agent: agent`", withKeys("prompt", "tools-with-agent-agent", [["agent", "agent"], ["tools", "['search']"]]));
emit("agent", "tools-target-github", "an unknown tool with `target: github-copilot`", withKeys("agent", "tools-target-github", [["target", "github-copilot"], ["tools", "['frobnicate', 'search']"]]));
emit("claude", "tools-copilot-names", "Copilot tool names in a Claude Code subagent", withKeys("claude", "tools-copilot-names", [["tools", "search, edit, frobnicate"]]));

// --- 4. models: every model agentls knows, alone; then the usual mistakes -----------------------
const modelCase = (slug, what, value, format = "agent") => emit(format, `model-${slug}`, what, withKeys(format, `model-${slug}`, [["model", value]]));
for (const [name, id] of models) {
  modelCase(`name-${slugOf(name)}`, `model \`${name}\` (display name)`, name.includes(":") || name.includes("(") ? `'${name}'` : name);
  modelCase(`qualified-${slugOf(name)}`, `model \`${name} (copilot)\``, `${name} (copilot)`);
  modelCase(`id-${slugOf(id)}`, `model \`${id}\` (id)`, id);
}
for (const [slug, what, v] of [
  ["unknown", "an unknown model", "GPT-99"],
  ["claude-alias", "Claude Code alias `sonnet`", "sonnet"],
  ["claude-id", "Claude Code id `claude-sonnet-4-5`", "claude-sonnet-4-5"],
  ["inherit", "`inherit`", "inherit"],
  ["list", "a list of two models", "['GPT-5 (copilot)', 'Claude Sonnet 4.5 (copilot)']"],
  ["list-unknown", "a list with an unknown model", "['GPT-99', 'Auto (copilot)']"],
  ["auto-qualified", "`Auto (copilot)`", "Auto (copilot)"],
  ["empty-list", "an empty list", "[]"],
  ["list-map-item", "a mapping in the list", "[{a: b}]"],
  ["lowercase-name", "`claude sonnet 4.5` in lower case", "claude sonnet 4.5"],
]) {
  modelCase(slug, what, v);
}
modelCase("unknown", "an unknown model in a prompt", "GPT-99", "prompt");
modelCase("auto", "`Auto` in a prompt", "Auto", "prompt");
for (const v of ["sonnet", "opus", "haiku", "inherit", "sonet", "claude-sonnet-4-5", "GPT-4.1"]) modelCase(`claude-${slugOf(v)}`, `model \`${v}\` in a Claude Code subagent`, v, "claude");

// --- 5. values of the enumerated and structured keys --------------------------------------------
for (const [slug, what, pairs] of [
  ["target-github", "`target: github-copilot`", [["target", "github-copilot"]]],
  ["target-unknown", "`target: desktop`", [["target", "desktop"]]],
  ["target-github-unknown-key", "an unknown key with `target: github-copilot`", [["target", "github-copilot"], ["colour", "blue"]]],
  ["target-github-handoffs", "`handoffs` with `target: github-copilot`", [["target", "github-copilot"], ["handoffs", VALUES.handoffs]]],
  ["target-github-mcp", "`mcp-servers` with `target: github-copilot`", [["target", "github-copilot"], ["mcp-servers", VALUES["mcp-servers"]]]],
  ["infer-false", "`infer: false`", [["infer", "false"]]],
  ["infer-hidden", "`infer: hidden`", [["infer", "hidden"]]],
  ["handoff-missing-prompt", "a handoff without `prompt`", [["handoffs", ["  - label: Go", "    agent: agent"]]]],
  ["handoff-unknown-agent", "a handoff to an agent that does not exist", [["handoffs", ["  - label: Go", "    agent: nobody", "    prompt: Go."]]]],
  ["handoff-send-string", "a handoff with `send: 'yes'`", [["handoffs", ["  - label: Go", "    agent: agent", "    prompt: Go.", "    send: 'yes'"]]]],
  ["handoff-duplicate-label", "two handoffs with one label", [["handoffs", ["  - label: Go", "    agent: agent", "    prompt: A.", "  - label: go", "    agent: ask", "    prompt: B."]]]],
  ["handoff-unknown-property", "a handoff with `agnt`", [["handoffs", ["  - label: Go", "    agnt: agent", "    agent: agent", "    prompt: Go."]]]],
  ["handoff-string-item", "a handoff that is a string", [["handoffs", ["  - Implement"]]]],
  ["handoff-model", "a handoff with `model`", [["handoffs", ["  - label: Go", "    agent: agent", "    prompt: Go.", "    model: GPT-4.1"]]]],
  ["agents-without-agent-tool", "`agents` with `tools` lacking `agent`", [["tools", "['search']"], ["agents", "['*']"]]],
  ["agents-unknown", "`agents: [nobody]`", [["tools", "['agent']"], ["agents", "['nobody']"]]],
  ["agents-empty", "`agents: []`", [["agents", "[]"]]],
  ["agents-string", "`agents: '*'`", [["agents", "'*'"]]],
  ["hooks-unknown-event", "a hook for an unknown event", [["hooks", ["  AfterEverything:", "    - type: command", "      command: echo"]]]],
  ["hooks-missing-type", "a hook command without `type`", [["hooks", ["  PostToolUse:", "    - command: echo"]]]],
  ["hooks-string", "`hooks: echo`", [["hooks", "echo"]]],
  ["github-bad-scope", "a `github` permission scope that does not exist", [["github", ["  permissions:", "    wiki: read"]]]],
  ["github-bad-value", "`contents: admin`", [["github", ["  permissions:", "    contents: admin"]]]],
  ["metadata-nested", "a nested mapping in `metadata`", [["metadata", ["  team:", "    name: docs"]]]],
  ["mcp-servers-list", "`mcp-servers` as a list", [["mcp-servers", "['github']"]]],
  ["name-with-spaces", "`name: My Helper`", [["name", "My Helper"]]],
]) {
  emit("agent", `value-${slug}`, what, withKeys("agent", `value-${slug}`, pairs));
}
for (const [slug, what, pairs] of [
  ["agent-ask", "`agent: ask`", [["agent", "ask"]]],
  ["agent-edit", "`agent: edit`", [["agent", "edit"]]],
  ["agent-agent", "`agent: agent`", [["agent", "agent"]]],
  ["agent-plan", "`agent: plan`", [["agent", "plan"]]],
  ["agent-unknown", "`agent: nobody`", [["agent", "nobody"]]],
  ["agent-custom", "`agent: m-valid-base` (a custom agent of the workspace, by file name)", [["agent", "m-valid-base"]]],
  ["agent-wrong-case", "`agent: Ask`", [["agent", "Ask"]]],
  ["mode-and-agent", "both `mode` and `agent`", [["mode", "ask"], ["agent", "ask"]]],
  ["mode-edit", "`mode: edit`", [["mode", "edit"]]],
]) {
  emit("prompt", `value-${slug}`, what, withKeys("prompt", `value-${slug}`, pairs));
}
for (const [slug, what, pairs] of [
  ["applyto-invalid-glob", "`applyTo: 'src/[api/**'`", [["applyTo", "'src/[api/**'"]]],
  ["applyto-list", "`applyTo` as a list", [["applyTo", "['**/*.ts', '**/*.tsx']"]]],
  ["applyto-comma", "comma-separated globs", [["applyTo", "'**/*.ts,**/*.tsx'"]]],
  ["applyto-unquoted-star", "`applyTo: **/*.ts` unquoted (an alias in strict YAML)", [["applyTo", "**/*.ts"]]],
  ["applyto-empty-string", "`applyTo: ''`", [["applyTo", "''"]]],
  ["exclude-agent-unknown", "`excludeAgent: reviewer`", [["excludeAgent", "reviewer"]]],
  ["exclude-agent-list", "`excludeAgent: [code-review, coding-agent]`", [["excludeAgent", "[code-review, coding-agent]"]]],
]) {
  emit("instructions", `value-${slug}`, what, withKeys("instructions", `value-${slug}`, pairs));
}
for (const [slug, what, pairs] of [
  ["permission-mode-unknown", "`permissionMode: yolo`", [["permissionMode", "yolo"]]],
  ["memory-unknown", "`memory: global`", [["memory", "global"]]],
  ["color-unknown", "`color: magenta`", [["color", "magenta"]]],
  ["tools-list", "`tools` as a flow list", [["tools", "[Read, Grep]"]]],
  ["tools-unknown", "an unknown Claude tool", [["tools", "Read, Raed"]]],
  ["copilot-keys", "Copilot keys `target`, `handoffs`", [["target", "vscode"], ["handoffs", VALUES.handoffs]]],
  ["no-name", "no `name`", []],
]) {
  emit("claude", `value-${slug}`, what, slug === "no-name" ? fm([["description", "Helps with the task"]]) : withKeys("claude", `value-${slug}`, pairs));
}
for (const [slug, what, text] of [
  ["name-mismatch", "a skill whose `name` is not its folder", fm([["name", "other-name"], ["description", "Helps"]])],
  ["no-description", "a skill without `description`", fm([["name", "m-no-description"]])],
  ["name-uppercase", "`name: My Skill`", fm([["name", "My Skill"], ["description", "Helps"]])],
]) {
  emit("skill", `value-${slug}`, what, text);
}

// --- 6. broken and unusual YAML, in each Copilot format -----------------------------------------
// Each text keeps a `colour` key after the broken line where that helps: VS Code reports unknown
// keys, so the markers show whether its parser still saw the keys that follow.
const YAML_CASES = [
  ["unclosed-double-quote", "an unclosed `\"` in `description`", '---\ndescription: "Helps with the task\ntools: [\'search\']\ncolour: blue\n---\n' + BODY],
  ["unclosed-single-quote", "an unclosed `'` in `description`", "---\ndescription: 'Helps with the task\ntools: ['search']\ncolour: blue\n---\n" + BODY],
  ["unclosed-flow-list", "`tools: ['search', 'edit'` never closed", "---\ndescription: Helps\ntools: ['search', 'edit'\ncolour: blue\n---\n" + BODY],
  ["flow-list-closing-at-key-indent", "a flow list over lines, `]` at the key's indentation", "---\ndescription: Helps\ntools: [\n  'search',\n  'edit'\n]\ncolour: blue\n---\n" + BODY],
  ["flow-list-multiline", "a flow list over lines, indented `]`", "---\ndescription: Helps\ntools: [\n  'search',\n  'edit'\n  ]\ncolour: blue\n---\n" + BODY],
  ["unclosed-flow-map", "`metadata: {a: b` never closed", "---\ndescription: Helps\nmetadata: {a: b\ncolour: blue\n---\n" + BODY],
  ["line-without-colon", "a line without `:`", "---\ndescription: Helps\njust some words\ncolour: blue\n---\n" + BODY],
  ["tab-indent", "a tab before a key", "---\ndescription: Helps\n\tcolour: blue\n---\n" + BODY],
  ["tab-after-colon", "a tab after `description:`", "---\ndescription:\tHelps\ncolour: blue\n---\n" + BODY],
  ["tab-in-list", "tabs indenting a block list", "---\ndescription: Helps\ntools:\n\t- search\n\t- edit\ncolour: blue\n---\n" + BODY],
  ["colon-space-in-value", "`: ` inside a plain value", "---\ndescription: Use it: plan first\ncolour: blue\n---\n" + BODY],
  ["hash-in-value", "` #` inside a plain value (a comment in YAML)", "---\ndescription: Helps #1 with the task\ncolour: blue\n---\n" + BODY],
  ["no-closing-dashes", "no closing `---`", "---\ndescription: Helps\ncolour: blue\n\n" + BODY],
  ["no-closing-dashes-body-colon", "no closing `---`, a body line with `: `", "---\ndescription: Helps\n\nNote: do the task.\n"],
  ["bom", "a UTF-8 byte order mark", "\ufeff---\ndescription: Helps\ncolour: blue\n---\n" + BODY],
  ["crlf", "CRLF line ends", "---\r\ndescription: Helps\r\ncolour: blue\r\n---\r\n" + BODY.replace(/\n/g, "\r\n")],
  ["leading-blank-line", "a blank line before `---`", "\n---\ndescription: Helps\ncolour: blue\n---\n" + BODY],
  ["dashes-trailing-space", "`--- ` with a trailing space", "--- \ndescription: Helps\ncolour: blue\n--- \n" + BODY],
  ["closing-dots", "closed by `...`", "---\ndescription: Helps\ncolour: blue\n...\n" + BODY],
  ["closing-long-rule", "closed by `-----`", "---\ndescription: Helps\ncolour: blue\n-----\n" + BODY],
  ["indented-key", "a key indented under a scalar", "---\ndescription: Helps\n  colour: blue\n---\n" + BODY],
  ["block-scalar-literal", "a `|` block `description`", "---\ndescription: |\n  Helps with\n  the task\ncolour: blue\n---\n" + BODY],
  ["block-scalar-folded", "a `>-` block `description`", "---\ndescription: >-\n  Helps with\n  the task\ncolour: blue\n---\n" + BODY],
  ["anchor-alias", "an anchor and an alias", "---\ndescription: &d Helps\nname: *d\ncolour: blue\n---\n" + BODY],
  ["plain-multiline", "a plain value continued on the next line", "---\ndescription: Helps with\n  the task\ncolour: blue\n---\n" + BODY],
  ["empty-front-matter", "`---` then `---` at once", "---\n---\n" + BODY],
  ["only-comment", "a front matter with a comment only", "---\n# nothing here\n---\n" + BODY],
  ["scalar-document", "a front matter that is one scalar", "---\njust text\n---\n" + BODY],
  ["list-document", "a front matter that is a list", "---\n- description: Helps\n---\n" + BODY],
  ["no-front-matter", "no front matter at all", BODY],
  ["quoted-key", "a quoted key `\"description\"`", "---\n\"description\": Helps\ncolour: blue\n---\n" + BODY],
  ["space-before-colon", "`description : Helps`", "---\ndescription : Helps\ncolour: blue\n---\n" + BODY],
  ["no-space-after-colon", "`description:Helps`", "---\ndescription:Helps\ncolour: blue\n---\n" + BODY],
  ["yaml-comment-after-value", "`description: Helps # note`", "---\ndescription: Helps # note\ncolour: blue\n---\n" + BODY],
  ["unicode-value", "non-ASCII before a broken key (UTF-16 columns)", "---\ndescription: Hilft bei der Übersetzung 😀\ncolour: blue\n---\n" + BODY],
  ["trailing-spaces-key", "trailing spaces after a value", "---\ndescription: Helps   \ncolour: blue   \n---\n" + BODY],
];
for (const format of ["agent", "prompt", "instructions", "chatmode", "claude"]) {
  for (const [slug, what, text] of YAML_CASES) {
    // Claude Code subagents need a name; keep it on the first line so that the broken line stays the case.
    const t = format === "claude" ? text.replace(/^(\ufeff?--- ?)(\r?\n)/, `$1$2name: m-yaml-${slug}$2`) : text;
    emit(format, `yaml-${slug}`, what, t);
  }
}

// --- write ----------------------------------------------------------------------------------------
cases.sort((a, b) => (a.id < b.id ? -1 : 1));
const paths = new Set();
for (const c of cases) {
  if (paths.has(c.path)) throw new Error(`two cases at ${c.path}`);
  paths.add(c.path);
}
fs.rmSync(outDir, { recursive: true, force: true });
for (const c of cases) {
  const file = path.join(outDir, c.path);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, c.text);
}
fs.writeFileSync(
  path.join(outDir, "cases.json"),
  JSON.stringify(cases.map(({ id, path: p, what }) => ({ id, path: p, what })), null, 1) + "\n",
);
process.stderr.write(`mutations: ${cases.length} cases under ${path.relative(process.cwd(), outDir) || "."}\n`);
