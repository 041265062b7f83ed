// Assembles the npm packages of agentls from built binaries (no network, no npm registry):
//
//   node packaging/npm/build.mjs main OUT                     -> OUT/agentls/
//   node packaging/npm/build.mjs platform TARGET BINARY OUT   -> OUT/agentls-<platform>/
//
// `main` is the `agentls` package (the launcher, bin/agentls.js) whose optional dependencies
// are every platform package at the same version; `platform` is `@agentls/<platform>` holding
// one binary. The version is the workspace's (Cargo.toml). `npm pack DIR` makes the tarballs;
// packaging/build.sh and .github/workflows/release.yml run both.
import { chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "(.+)"$/m)[1];

// Rust target -> npm platform (process.platform-process.arch, `-musl` for the static builds).
export const PLATFORMS = {
  "x86_64-unknown-linux-gnu": { name: "linux-x64", os: "linux", cpu: "x64", libc: "glibc" },
  "aarch64-unknown-linux-gnu": { name: "linux-arm64", os: "linux", cpu: "arm64", libc: "glibc" },
  "x86_64-unknown-linux-musl": { name: "linux-x64-musl", os: "linux", cpu: "x64", libc: "musl" },
  "aarch64-unknown-linux-musl": { name: "linux-arm64-musl", os: "linux", cpu: "arm64", libc: "musl" },
  "x86_64-apple-darwin": { name: "darwin-x64", os: "darwin", cpu: "x64" },
  "aarch64-apple-darwin": { name: "darwin-arm64", os: "darwin", cpu: "arm64" },
  "x86_64-pc-windows-msvc": { name: "win32-x64", os: "win32", cpu: "x64" },
};

const common = {
  version,
  license: "MIT",
  homepage: "https://github.com/agentls/agentls#readme",
  repository: { type: "git", url: "git+https://github.com/agentls/agentls.git" },
  bugs: "https://github.com/agentls/agentls/issues",
};

function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "bin"), { recursive: true });
  copyFileSync(join(root, "LICENSE"), join(dir, "LICENSE"));
}

function write(dir, manifest) {
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  console.log(dir);
}

const [kind, ...args] = process.argv.slice(2);
if (kind === "main" && args.length === 1) {
  const dir = join(args[0], "agentls");
  fresh(dir);
  cpSync(join(here, "agentls"), dir, { recursive: true });
  chmodSync(join(dir, "bin", "agentls.js"), 0o755);
  write(dir, {
    name: "agentls",
    description: "Language server and checker for agent spec files (Claude Code subagents, commands, skills; Copilot agents and prompts; OpenCode agents; Cursor rules)",
    keywords: ["claude", "claude-code", "subagent", "copilot", "lsp", "language-server", "linter"],
    ...common,
    bin: { agentls: "bin/agentls.js" },
    files: ["bin/", "README.md", "LICENSE"],
    engines: { node: ">=18" },
    optionalDependencies: Object.fromEntries(Object.values(PLATFORMS).map((p) => [`@agentls/${p.name}`, version])),
  });
} else if (kind === "platform" && args.length === 3) {
  const [target, binary, out] = args;
  const p = PLATFORMS[target];
  if (!p) throw new Error(`no npm platform for ${target} (known: ${Object.keys(PLATFORMS).join(", ")})`);
  const dir = join(out, `agentls-${p.name}`);
  fresh(dir);
  const exe = p.os === "win32" ? "agentls.exe" : "agentls";
  copyFileSync(binary, join(dir, "bin", exe));
  chmodSync(join(dir, "bin", exe), 0o755);
  writeFileSync(join(dir, "README.md"), `# @agentls/${p.name}\n\nThe \`agentls\` binary for ${target}. Install \`agentls\`, which picks this package on this platform.\n`);
  write(dir, {
    name: `@agentls/${p.name}`,
    description: `The agentls binary for ${target}`,
    ...common,
    os: [p.os],
    cpu: [p.cpu],
    ...(p.libc ? { libc: [p.libc] } : {}),
    files: ["bin/", "README.md", "LICENSE"],
    preferUnplugged: true,
  });
} else {
  console.error("usage: build.mjs main OUT | build.mjs platform TARGET BINARY OUT");
  process.exit(2);
}
