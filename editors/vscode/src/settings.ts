// Pure helpers (no runtime dependency on `vscode`): which documents the client attaches to, and
// the settings object sent to the server. Unit-tested by test/settings.test.mjs.

/** The part of `vscode.WorkspaceConfiguration` used here. */
export interface Config {
  get<T>(section: string, defaultValue: T): T;
}

/** A document filter as vscode-languageclient takes it. */
export interface Filter {
  language?: string;
  scheme?: string;
  pattern?: string;
}

/**
 * The families of agent spec files, each behind `agentls.formats.<id>.enable`. The patterns
 * carry no language on purpose: VS Code gives Copilot files its own language ids (`prompt`,
 * `instructions`, `chatagent`, `chatmode`, `skill`), and recent versions also give
 * `.claude/agents/*.md` the `chatagent` id. A pattern matches whatever the language is.
 */
export const FORMAT_FAMILIES: { id: string; filters: Filter[] }[] = [
  {
    id: "claude-agent",
    filters: [
      { pattern: "**/.claude/agents/**/*.md" },
      // Collections keep agents in `agents/` or `subagents/` folders, next to a README: the
      // server decides from the front matter, so ordinary Markdown there stays quiet.
      { language: "markdown", pattern: "**/agents/**/*.md" },
      { language: "markdown", pattern: "**/subagents/**/*.md" },
    ],
  },
  {
    id: "claude-code",
    filters: [
      { pattern: "**/.claude/commands/**/*.md" },
      { language: "markdown", pattern: "**/commands/**/*.md" },
      { pattern: "**/SKILL.md" },
      { pattern: "**/.claude/output-styles/**/*.md" },
      { pattern: "**/CLAUDE.md" },
      { pattern: "**/CLAUDE.local.md" },
      { pattern: "**/AGENTS.md" },
    ],
  },
  {
    id: "copilot",
    filters: [
      { pattern: "**/*.agent.md" },
      { pattern: "**/*.chatmode.md" },
      { pattern: "**/*.prompt.md" },
      { pattern: "**/*.instructions.md" },
      { pattern: "**/.github/copilot-instructions.md" },
      { pattern: "**/.github/agents/**/*.md" },
    ],
  },
  {
    id: "opencode",
    filters: [
      { pattern: "**/.opencode/agent/**/*.md" },
      { pattern: "**/.opencode/agents/**/*.md" },
      { pattern: "**/.opencode/command/**/*.md" },
      { pattern: "**/.opencode/commands/**/*.md" },
    ],
  },
  {
    id: "kilo",
    // `.kilocode/` is Kilo Code's legacy folder, still read (Kilo Code 7.7.7); skills are
    // `**/SKILL.md`, attached with Claude Code's.
    filters: [
      { pattern: "**/.kilo/agent/**/*.md" },
      { pattern: "**/.kilo/agents/**/*.md" },
      { pattern: "**/.kilo/command/**/*.md" },
      { pattern: "**/.kilo/commands/**/*.md" },
      { pattern: "**/.kilocode/agent/**/*.md" },
      { pattern: "**/.kilocode/agents/**/*.md" },
      { pattern: "**/.kilocode/command/**/*.md" },
      { pattern: "**/.kilocode/commands/**/*.md" },
    ],
  },
  {
    id: "gemini",
    // Only files directly in `agents/` load; the server says so of the others.
    filters: [{ pattern: "**/.gemini/agents/**/*.md" }, { pattern: "**/GEMINI.md" }],
  },
  {
    id: "windsurf",
    filters: [
      { pattern: "**/.windsurf/rules/**/*.md" },
      { pattern: "**/.devin/rules/**/*.md" },
      { pattern: "**/.windsurf/workflows/**/*.md" },
      { pattern: "**/.codeium/windsurf/memories/global_rules.md" },
      { pattern: "**/.windsurf/global_rules.md" },
      { pattern: "**/.windsurfrules" },
    ],
  },
  {
    id: "kiro",
    filters: [{ pattern: "**/.kiro/steering/**/*.md" }, { pattern: "**/.kiro/agents/**/*.md" }],
  },
  {
    id: "cline",
    // `.clinerules` is a file or a folder (its `workflows/` and `skills/` too); `.txt` rules
    // count, so the folders are matched whole and the server decides.
    filters: [
      { pattern: "**/.clinerules" },
      { pattern: "**/.clinerules/**" },
      { pattern: "**/.cline/rules/**" },
      { pattern: "**/.cline/workflows/**" },
      { pattern: "**/.cline/skills/**" },
    ],
  },
  {
    id: "cursor",
    filters: [{ pattern: "**/.cursor/rules/**/*.mdc" }],
  },
];

/** The server's per-format settings (`[formats.<id>]` in agentls.toml). */
const FORMAT_KEYS = ["paths", "extra-tools", "extra-models", "extra-keys"] as const;

/** The document selector: every enabled family's patterns, files on disk only. */
export function buildSelector(config: Config): (Filter & { scheme: string })[] {
  const filters: Filter[] = [];
  if (config.get<boolean>("allMarkdown", false)) {
    filters.push({ language: "markdown" });
  }
  for (const family of FORMAT_FAMILIES) {
    if (!config.get<boolean>(`formats.${family.id}.enable`, true)) continue;
    filters.push(...family.filters);
    if (family.id === "claude-agent") {
      for (const glob of config.get<string[]>("formats.claude-agent.paths", [])) {
        filters.push({ pattern: anchorGlob(glob) });
      }
    }
  }
  return filters.map((f) => ({ scheme: "file", ...f }));
}

// `prompts/agents/*.md` becomes `**/prompts/agents/*.md`: VS Code matches patterns on absolute paths.
function anchorGlob(glob: string): string {
  const g = glob.replace(/^\.\//, "");
  return g.startsWith("**/") || g.startsWith("/") ? g : `**/${g}`;
}

/**
 * The settings sent to the server in `initializationOptions` and
 * `workspace/didChangeConfiguration`: the shape of agentls.toml, as JSON. Only what the user
 * set is sent, so an empty setting never hides the project's agentls.toml.
 */
export function buildServerSettings(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rules = config.get<Record<string, string>>("rules", {});
  if (rules && Object.keys(rules).length > 0) out.rules = { ...rules };
  for (const key of ["ignore", "mcp-servers", "targets"]) {
    const list = config.get<string[]>(key, []);
    if (Array.isArray(list) && list.length > 0) out[key] = [...list];
  }
  // Every `agentls.formats.<id>.<key>` the user set, for any server format id (`claude-agent`,
  // `skill`, `copilot-prompt`…); the family toggles (`.enable`) stay in the client.
  const formats: Record<string, Record<string, string[]>> = {};
  const raw = config.get<Record<string, Record<string, unknown>>>("formats", {}) ?? {};
  for (const [id, settings] of Object.entries(raw)) {
    if (!settings || typeof settings !== "object") continue;
    const entry: Record<string, string[]> = {};
    for (const key of FORMAT_KEYS) {
      const list = settings[key];
      if (Array.isArray(list) && list.length > 0) entry[key] = list.map(String);
    }
    if (Object.keys(entry).length > 0) formats[id] = entry;
  }
  if (Object.keys(formats).length > 0) out.formats = formats;
  return out;
}
