#!/usr/bin/env bash
# Validates the Claude Code plugin and the repository's marketplace with the real Claude Code:
#   validate.sh CLAUDE        (the claude binary; editors/test.sh installs the pinned one)
# Prints `ok - …` per check; exits 1 on a failure.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
plugin=$(cd "$here/.." && pwd)
root=$(cd "$plugin/../.." && pwd)
claude=${1:?usage: validate.sh CLAUDE}
# A fresh home: the marketplace and the install below go there, not into the user's.
HOME=$(mktemp -d)
export HOME DISABLE_TELEMETRY=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_AUTOUPDATER=1
trap 'rm -rf "$HOME"' EXIT
"$claude" --version
failed=0
check() { # check NAME COMMAND...: the command's output is shown when it fails
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then echo "ok - $name"; else echo "not ok - $name"; echo "$out" | sed 's/^/    /'; failed=1; fi
}
check "claude plugin validate --strict editors/claude-code" "$claude" plugin validate --strict "$plugin"
check "claude plugin validate --strict . (the marketplace)" "$claude" plugin validate --strict "$root"
# The plugin declares the agentls language server for Markdown, started over stdio.
provides() { "$claude" plugin validate --strict "$plugin" 2>&1 | grep -q 'lspServers: agentls ${user_config.server_path} \["--stdio"\]'; }
check "the plugin provides the agentls language server (agentls --stdio)" provides
# A user's way in: add the marketplace, install the plugin from it.
installs() {
    "$claude" plugin marketplace add "$root" && "$claude" plugin install agentls@agentls \
        && "$claude" plugin list --json | python3 -c 'import json, sys
p = [p for p in json.load(sys.stdin) if p["id"] == "agentls@agentls"]
sys.exit(not (p and p[0]["enabled"]))'
}
check "claude plugin marketplace add + claude plugin install agentls@agentls: enabled" installs
exit "$failed"
