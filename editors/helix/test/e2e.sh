#!/usr/bin/env bash
# Helix end-to-end run under tmux: opens a broken agent with editors/helix/languages.toml
# (the binary under test in place of `agentls`), reads the screen, jumps to the first
# diagnostic, edits a line and reads the screen again. Usage: e2e.sh AGENTLS_BIN.
#
# Which Helix: $HX if set, else `hx` (or `helix`) on the PATH, else the Helix 25.07.1 that
# ../shared/tools/helix/ holds beside the repository (with HELIX_RUNTIME pointing at its
# runtime unless already set). Skips (exit 0, says so) when there is none: Helix is in no
# package registry this project's machines reach.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
bin=${1:?usage: e2e.sh AGENTLS_BIN}
shared="$root/../shared/tools/helix"
hx=${HX:-$(command -v hx || command -v helix || true)}
if [ -z "$hx" ] && [ -x "$shared/hx" ]; then
    hx="$shared/hx"
    export HELIX_RUNTIME=${HELIX_RUNTIME:-$shared/runtime}
fi
if [ -z "$hx" ]; then
    echo "skipped - helix e2e: no hx on PATH nor in $shared (set HX=/path/to/hx to run it)"
    exit 0
fi
command -v tmux >/dev/null || { echo "not ok - helix e2e: tmux is missing"; exit 1; }
echo "hx: $hx (HELIX_RUNTIME=${HELIX_RUNTIME:-unset})"
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
# Ordinary Markdown with front matter (a blog post), and a typo agentls would report in an agent.
printf -- '---\ntitle: Notes\ntools: Raed\n---\n\n# Notes\n' > "$tmp/ws/notes.md"

failed=0
total=0
# check NAME COMMAND...: runs COMMAND (outside `set -e`, so a failure is reported, not fatal).
check() {
    local name=$1
    shift
    total=$((total + 1))
    if "$@"; then echo "ok - $name"; else echo "not ok - $name"; failed=$((failed + 1)); fi
}
screen=""
# wait_for SECONDS COMMAND...: re-reads the screen until COMMAND (given "$screen") succeeds.
wait_for() {
    local tries=$(($1 * 5))
    shift
    for _ in $(seq 1 "$tries"); do
        screen=$(tmux capture-pane -p -t "$session")
        if "$@"; then return 0; fi
        sleep 0.2
    done
    return 1
}
count() { grep -c -- "$1" <<<"$screen" || true; }
status_line() { grep -E ' (NOR|INS|SEL) ' <<<"$screen" | tail -1; }

check "hx --health markdown lists agentls with its path" grep -q "$bin" "$tmp/health.txt"

tmux new-session -d -s "$session" -x 160 -y 40 \
    "cd '$tmp/ws' && XDG_CONFIG_HOME='$tmp/config' '$hx' .claude/agents/broken.md"
both() { grep -q 'unknown tool `Raed`' <<<"$screen" && grep -q 'unknown model `sonet`' <<<"$screen"; }
check "agentls's diagnostics are shown inline (unknown tool, unknown model)" wait_for 20 both
# Helix keys diagnostics by provider: a server that pushed and also offered pull showed each twice.
sleep 1
screen=$(tmux capture-pane -p -t "$session")
once() { [ "$(count 'unknown tool `Raed`')" = 1 ] && [ "$(count 'unknown model `sonet`')" = 1 ]; }
check "each diagnostic is shown once" once

# `]d` from 1:1 selects the first diagnostic's range, `Raed` (4:14-4:17), the cursor at its end.
tmux send-keys -t "$session" "]" d
at_raed() { status_line | grep -q ' 4:17 *$'; }
check "]d jumps to the first diagnostic (Raed, 4:17)" wait_for 5 at_raed

# Edit line 5 (`model: sonet`) into `model: opus`: `:5` goes there, `x` selects the line, `c`
# changes it and keeps its line end. (`:5` rather than a `5gg` count: tmux sends
# Escape-then-digit fast enough for Helix to read it as Alt-5.)
tmux send-keys -t "$session" ":5" Enter
tmux send-keys -t "$session" x c
tmux send-keys -t "$session" -l "model: opus"
tmux send-keys -t "$session" Escape
edited() {
    grep -qE '^ *5  model: opus' <<<"$screen" && grep -qE '^ *6  ---' <<<"$screen" \
        && ! grep -q 'unknown model' <<<"$screen" && grep -q 'unknown tool `Raed`' <<<"$screen"
}
check "the edit is re-diagnosed: unknown model gone, unknown tool kept" wait_for 10 edited

# Ordinary Markdown stays silent: the same server gets the file and reports nothing.
tmux send-keys -t "$session" ":open notes.md" Enter
opened() { grep -q 'title: Notes' <<<"$screen"; }
wait_for 5 opened || true
sleep 2
screen=$(tmux capture-pane -p -t "$session")
silent() { opened && ! grep -q 'unknown tool' <<<"$screen" && ! grep -q '●' <<<"$screen"; }
check "ordinary Markdown gets no diagnostics" silent

[ "$failed" -eq 0 ] || { echo "--- health:"; cat "$tmp/health.txt"; echo "--- screen:"; echo "$screen"; }
echo "helix: $((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
