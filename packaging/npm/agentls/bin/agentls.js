#!/usr/bin/env node
// `npx agentls …`: runs the agentls binary built for this machine. npm installs it with this
// package as one of the optional dependencies `@agentls/<platform>` (only the one whose os, cpu
// and libc match), the way esbuild and Biome ship native binaries. AGENTLS_BINARY overrides it.
"use strict";
const { spawnSync } = require("node:child_process");

function platformPackage() {
  const { platform, arch } = process;
  // Linux has a glibc and a static musl build; Node's report says which libc this is.
  const report = platform === "linux" && typeof process.report?.getReport === "function" ? process.report.getReport() : null;
  const musl = report !== null && !report.header?.glibcVersionRuntime;
  return `@agentls/${platform}-${arch}${musl ? "-musl" : ""}`;
}

function binary() {
  if (process.env.AGENTLS_BINARY) return process.env.AGENTLS_BINARY;
  const pkg = platformPackage();
  const exe = process.platform === "win32" ? "agentls.exe" : "agentls";
  try {
    return require.resolve(`${pkg}/bin/${exe}`);
  } catch {
    process.stderr.write(
      `agentls: the package ${pkg} with the binary for this platform is not installed.\n` +
        "It is an optional dependency of agentls: reinstall without --no-optional / --omit=optional.\n" +
        "If there is no build for this platform, build it with Rust: cargo install agentls\n",
    );
    process.exit(2);
  }
}

const result = spawnSync(binary(), process.argv.slice(2), { stdio: "inherit", windowsHide: true });
if (result.error) {
  process.stderr.write(`agentls: cannot run ${result.error.path ?? "the binary"}: ${result.error.message}\n`);
  process.exit(2);
}
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
