#!/usr/bin/env bash
# Helix end-to-end run under tmux: opens a broken agent with editors/helix/languages.toml
# (the binary under test in place of `agentls`), jumps to the first diagnostic and reads the
# screen. Usage: e2e.sh AGENTLS_BIN. Skips (exit 0, says so) when `hx` is not installed:
# Helix is in no package registry this project's machines reach.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:?usage: e2e.sh AGENTLS_BIN}
hx=${HX:-$(command -v hx || command -v helix || true)}
if [ -z "$hx" ]; then
    echo "skipped - helix e2e: no hx on PATH (set HX=/path/to/hx to run it)"
    exit 0
fi
command -v tmux >/dev/null || { echo "not ok - helix e2e: tmux is missing"; exit 1; }
"$hx" --version

tmp=$(mktemp -d)
session="agentls-hx-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/helix" "$tmp/ws/.git" "$tmp/ws/.claude/agents"
sed "s|^command = \"agentls\"|command = \"$bin\"|" "$here/../languages.toml" > "$tmp/config/helix/languages.toml"
printf '[editor.inline-diagnostics]\ncursor-line = "hint"\nother-lines = "hint"\n' > "$tmp/config/helix/config.toml"
XDG_CONFIG_HOME="$tmp/config" "$hx" --health markdown > "$tmp/health.txt" 2>&1 || true
cat > "$tmp/ws/.claude/agents/broken.md" <<'MD'
---
name: broken
description: Runs the tests.
tools: Read, Raed
model: sonet
---

Run the tests.
MD

failed=0
check() { if [ "$2" = 0 ]; then echo "ok - $1"; else echo "not ok - $1"; failed=$((failed + 1)); fi; }
grep -q "$bin" "$tmp/health.txt"; check "hx --health markdown lists agentls" $?

tmux new-session -d -s "$session" -x 160 -y 40 \
    "cd '$tmp/ws' && XDG_CONFIG_HOME='$tmp/config' '$hx' .claude/agents/broken.md"
screen=""
for _ in $(seq 1 100); do
    sleep 0.2
    screen=$(tmux capture-pane -p -t "$session")
    if grep -q "did you mean" <<<"$screen"; then break; fi
done
grep -q "did you mean" <<<"$screen"; check "a diagnostic from agentls is shown inline" $?
# Edit: replace line 5 (`model: sonet`) with `model: opus` (goto line, select it, change), then re-read.
tmux send-keys -t "$session" Escape 5 g g x c
tmux send-keys -t "$session" -l "model: opus"
tmux send-keys -t "$session" Enter Escape
fixed=1
for _ in $(seq 1 50); do
    sleep 0.2
    screen=$(tmux capture-pane -p -t "$session")
    if grep -q "model: opus" <<<"$screen" && ! grep -q "unknown model" <<<"$screen"; then fixed=0; break; fi
done
check "the edit is re-diagnosed (unknown model gone)" $fixed
[ "$failed" -eq 0 ] || { echo "--- health:"; cat "$tmp/health.txt"; echo "--- screen:"; echo "$screen"; }
echo "helix: $((3 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
