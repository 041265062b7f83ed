// Unit tests of the document selector and the settings sent to the server (node --test).
// Needs dist/settings.mjs from `node scripts/build.mjs`.
import assert from "node:assert/strict";
import test from "node:test";
import { buildSelector, buildServerSettings } from "../dist/settings.mjs";

function config(values) {
  return { get: (key, def) => (key in values ? values[key] : def) };
}

test("the default selector covers every family's paths, files only", () => {
  const sel = buildSelector(config({}));
  const patterns = sel.map((f) => f.pattern);
  for (const p of [
    "**/.claude/agents/**/*.md",
    "**/agents/**/*.md",
    "**/*.agent.md",
    "**/*.prompt.md",
    "**/*.instructions.md",
    "**/*.chatmode.md",
    "**/.github/copilot-instructions.md",
    "**/SKILL.md",
    "**/.claude/commands/**/*.md",
    "**/.cursor/rules/**/*.mdc",
    "**/.clinerules",
    "**/.clinerules/**",
    "**/.gemini/agents/**/*.md",
    "**/.windsurf/rules/**/*.md",
    "**/.windsurfrules",
    "**/.kiro/steering/**/*.md",
    "**/.opencode/commands/**/*.md",
    "**/.kilo/agents/**/*.md",
  ]) {
    assert.ok(patterns.includes(p), p);
  }
  assert.ok(sel.every((f) => f.scheme === "file"));
  assert.ok(!sel.some((f) => f.language === "markdown" && !f.pattern), "not every Markdown file by default");
});

test("a disabled family drops its patterns", () => {
  const sel = buildSelector(config({ "formats.copilot.enable": false, "formats.claude-agent.enable": false }));
  const patterns = sel.map((f) => f.pattern);
  assert.ok(!patterns.includes("**/*.prompt.md"));
  assert.ok(!patterns.includes("**/.claude/agents/**/*.md"));
  assert.ok(patterns.includes("**/SKILL.md"));
});

test("allMarkdown and extra agent paths widen the selector", () => {
  const sel = buildSelector(config({ allMarkdown: true, "formats.claude-agent.paths": ["prompts/agents/**/*.md"] }));
  assert.deepEqual(sel[0], { scheme: "file", language: "markdown" });
  assert.ok(sel.some((f) => f.pattern === "**/prompts/agents/**/*.md"));
});

test("server settings: the agentls.toml shape, only what is set", () => {
  assert.deepEqual(buildServerSettings(config({})), {});
  const s = buildServerSettings(
    config({
      rules: { "claude-agent/name-mismatch": "off" },
      ignore: ["vendor/**"],
      "mcp-servers": ["github"],
      targets: ["claude-code", "cline"],
      // VS Code merges the dotted settings into one object per section.
      formats: {
        "claude-agent": { enable: true, "extra-tools": ["CompanyGateway"], paths: [] },
        skill: { "extra-keys": ["category"] },
        copilot: { enable: false },
      },
      server: { path: "/x/agentls" },
      trace: { server: "verbose" },
    }),
  );
  assert.deepEqual(s, {
    rules: { "claude-agent/name-mismatch": "off" },
    ignore: ["vendor/**"],
    "mcp-servers": ["github"],
    targets: ["claude-code", "cline"],
    formats: { "claude-agent": { "extra-tools": ["CompanyGateway"] }, skill: { "extra-keys": ["category"] } },
  });
});
