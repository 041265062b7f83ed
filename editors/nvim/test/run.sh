#!/usr/bin/env bash
# Headless Neovim end-to-end test of lsp/agentls.lua. Usage: run.sh NVIM AGENTLS_BIN
# Prints one line per check and a closing `N passed, N failed` line; exits 1 on any failure.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
nvim=${1:?usage: run.sh NVIM AGENTLS_BIN}
bin=${2:?usage: run.sh NVIM AGENTLS_BIN}
out=${AGENTLS_TEST_OUTPUT:-$here/../test-output}
mkdir -p "$out"
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT

"$nvim" --version | head -1
mkdir -p "$ws/.git" "$ws/.claude/agents"
cat > "$ws/.claude/agents/tester.md" <<'MD'
---
name: tester
description: Runs the test suite and explains each failure.
tools: Bāsh, Raed
model: sonet
color: blue
---

Read [the usage section](#usage) first.

## Usage

Run the tests and report.
MD
printf '# Notes\n\nPlain Markdown, not an agent.\n' > "$ws/README.md"

result="$out/nvim-e2e.txt"
rm -f "$result"
cd "$ws"
AGENTLS_NVIM_OUT="$result" AGENTLS_NVIM_RTP="$here/.." AGENTLS_BIN="$bin" AGENTLS_NVIM_ROOT="$ws" \
    timeout 120 "$nvim" --headless --clean -c "luafile $here/e2e.lua" "$ws/.claude/agents/tester.md" \
    >"$out/nvim-e2e.log" 2>&1 || true
if [ ! -s "$result" ]; then
    echo "not ok - neovim wrote no results; its output:"
    cat "$out/nvim-e2e.log"
    echo "0 passed, 1 failed"
    exit 1
fi
cat "$result"
passed=$(grep -c '^ok - ' "$result" || true)
failed=$(grep -c '^not ok - ' "$result" || true)
echo "nvim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
