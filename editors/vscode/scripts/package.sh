#!/usr/bin/env bash
# Builds the release server binary, bundles it into the extension and packages a .vsix:
#   editors/vscode/dist/agentls-<version>.vsix
# Needs Node >= 22 for @vscode/vsce (editors/test.sh provides Node 24). Set AGENTLS_BIN to a
# binary to bundle that one instead of building, and VSCE_TARGET to the platform it is for
# (`win32-x64`, `darwin-arm64`, `alpine-x64`…; default: this machine's), as the release does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(cd ../.. && pwd)

if [ -z "${AGENTLS_BIN:-}" ]; then
    (cd "$root" && cargo build --release --locked -p agentls)
    AGENTLS_BIN="${CARGO_TARGET_DIR:-$root/target}/release/agentls"
fi
mkdir -p server

[ -d node_modules ] || npm ci --no-audit --no-fund
npx tsc --noEmit -p .
node scripts/build.mjs --production
version=$(node -p 'require("./package.json").version')
# The bundled server is native code: mark the .vsix for its platform (linux-x64, darwin-arm64…),
# so the Marketplace and Open VSX offer each user the one that runs.
target=${VSCE_TARGET:-$(node -p 'process.platform + "-" + process.arch')}
rm -f server/agentls server/agentls.exe
case "$target" in win32-*) exe=agentls.exe ;; *) exe=agentls ;; esac
install -m 0755 "$AGENTLS_BIN" "server/$exe"
npx vsce package --no-dependencies --target "$target" -o "dist/agentls-$version-$target.vsix" </dev/null
echo "packaged dist/agentls-$version-$target.vsix"
