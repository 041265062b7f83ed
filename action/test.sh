#!/usr/bin/env bash
# Tests the GitHub Action's scripts as a runner would run them: install.sh downloads a release
# archive (made by packaging/archive.sh from BIN, served on 127.0.0.1 in the layout of GitHub
# releases), checks its sha256 and puts it on $GITHUB_PATH; check.sh turns the inputs into
# annotations or a SARIF file and reports the exit status as a step output.
#   action/test.sh BIN        prints `ok - …` lines and `action: N passed, N failed`
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
bin=$(cd "$(dirname "${1:?usage: test.sh AGENTLS_BIN}")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
target=x86_64-unknown-linux-gnu

passed=0
failed=0
check() { # check NAME COMMAND...
    local name=$1
    shift
    if "$@"; then echo "ok - $name"; passed=$((passed + 1)); else echo "not ok - $name"; failed=$((failed + 1)); fi
}

# A release as GitHub serves it: /download/vX.Y.Z/<asset> and /latest/download/<asset>.
bash "$root/packaging/archive.sh" "$target" "$bin" "$tmp/www/download/v$version" >/dev/null
mkdir -p "$tmp/www/latest/download"
cp "$tmp/www/download/v$version"/* "$tmp/www/latest/download/"
mkdir -p "$tmp/www/download/v0.0.1" # a release whose checksum does not match
cp "$tmp/www/download/v$version/agentls-$target.tar.gz" "$tmp/www/download/v0.0.1/"
echo "0000000000000000000000000000000000000000000000000000000000000000  agentls-$target.tar.gz" \
    > "$tmp/www/download/v0.0.1/agentls-$target.tar.gz.sha256"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/www" >"$tmp/http.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

install() { # install VERSION RUNNER_TEMP [URL]: runs install.sh as action.yml does
    mkdir -p "$2"
    : > "$2/path"
    env AGENTLS_VERSION="$1" AGENTLS_RELEASES_URL="${3:-http://127.0.0.1:$port}" RUNNER_TEMP="$2" \
        GITHUB_PATH="$2/path" RUNNER_OS=Linux RUNNER_ARCH=X64 bash "$here/install.sh" >"$2/log" 2>&1
}
installed() { # the folder install.sh added, whose agentls is the release binary
    local dir
    dir=$(cat "$1/path")
    [ -n "$dir" ] && "$dir/agentls" --version | grep -q "agentls $version" && cmp -s "$dir/agentls" "$bin"
}

install latest "$tmp/latest" || true
check "latest: the release archive for linux x64 is downloaded and put on GITHUB_PATH" \
    eval 'installed "$tmp/latest" && grep -q "GET /latest/download/agentls-$target.tar.gz HTTP/1.1\" 200" "$tmp/http.log"'
install "$version" "$tmp/pinned" || true
check "version $version: downloaded from download/v$version" \
    eval 'installed "$tmp/pinned" && grep -q "download/v$version/agentls-$target.tar.gz" "$tmp/http.log"'
refused() { ! install 0.0.1 "$tmp/bad" && grep -q "checksum mismatch" "$tmp/bad/log" && [ ! -s "$tmp/bad/path" ]; }
check "a checksum mismatch fails the install and adds nothing to GITHUB_PATH" refused

# No release there: cargo builds the action's own checkout (in the workspace's target folder,
# so an up-to-date release build is reused).
install "$version" "$tmp/cargo" "http://127.0.0.1:$port/nothing" || true
check "no release archive: falls back to cargo install of the action's checkout" eval \
    'grep -q "falling back to cargo install" "$tmp/cargo/log" && "$(cat "$tmp/cargo/path")/agentls" --version | grep -q "agentls $version"'

# check.sh, with the installed agentls on the PATH.
installed_dir=$(cat "$tmp/latest/path")
export PATH="$installed_dir:$PATH"
run_check() { # run_check DIR KEY=VALUE...: check.sh in the examples' repository with these inputs
    local dir=$1
    shift
    mkdir -p "$dir"
    : > "$dir/output"
    (cd "$root" && env GITHUB_OUTPUT="$dir/output" "$@" bash "$here/check.sh" >"$dir/stdout" 2>"$dir/stderr")
}
output() { sed -n "s/^$2=//p" "$1/output"; }

run_check "$tmp/github" INPUT_PATHS=examples INPUT_FORMAT=github
check "format github: one annotation per finding of agentls check examples" \
    eval '[ "$(grep -c "^::\(error\|warning\|notice\) file=examples/" "$tmp/github/stdout")" = 9 ]'
check "format github: exit-code 1 (the examples hold errors), and check.sh itself succeeds" \
    eval '[ "$(output "$tmp/github" exit-code)" = 1 ]'

run_check "$tmp/sarif" INPUT_PATHS=examples INPUT_FORMAT=sarif INPUT_SARIF_FILE="$tmp/sarif/agentls.sarif"
check "format sarif: the SARIF file holds every finding and is named in the outputs" eval \
    'python3 -c "import json,sys; assert len(json.load(open(sys.argv[1]))[\"runs\"][0][\"results\"]) == 9" "$tmp/sarif/agentls.sarif" \
     && [ "$(output "$tmp/sarif" sarif-file)" = "$tmp/sarif/agentls.sarif" ]'

printf 'examples/.claude/agents/code-reviewer.md\nexamples/.claude/agents/one-line-examples.md\n' > "$tmp/paths"
run_check "$tmp/lines" INPUT_PATHS="$(cat "$tmp/paths")" INPUT_FORMAT=github
check "paths on several lines: each is checked; a notice alone does not fail" eval \
    '[ "$(grep -c "^::notice file=examples/.claude/agents/one-line-examples.md" "$tmp/lines/stdout")" = 1 ] && [ "$(output "$tmp/lines" exit-code)" = 0 ]'
run_check "$tmp/warn" INPUT_PATHS="$(cat "$tmp/paths")" INPUT_FAIL_ON=warning
check "fail-on warning: the same notice still passes" eval '[ "$(output "$tmp/warn" exit-code)" = 0 ]'
run_check "$tmp/info" INPUT_PATHS="$(cat "$tmp/paths")" INPUT_FAIL_ON=info
check "fail-on info: the same notice fails" eval '[ "$(output "$tmp/info" exit-code)" = 1 ]'

printf '[rules]\n"yaml/needs-quotes" = "off"\n' > "$tmp/agentls.toml"
run_check "$tmp/config" INPUT_PATHS="$(cat "$tmp/paths")" INPUT_FAIL_ON=info INPUT_CONFIG="$tmp/agentls.toml"
check "config: the given agentls.toml applies" eval \
    '[ ! -s "$tmp/config/stdout" ] && [ "$(output "$tmp/config" exit-code)" = 0 ]'
run_check "$tmp/never" INPUT_PATHS=examples INPUT_FAIL_ON=never
check "fail-on never: errors reported, exit-code 0" eval \
    'grep -q "^::error " "$tmp/never/stdout" && [ "$(output "$tmp/never" exit-code)" = 0 ]'
run_check "$tmp/badformat" INPUT_FORMAT=xml
check "an unknown format is an annotation and exit-code 2" eval \
    'grep -q "^::error title=agentls::unknown format" "$tmp/badformat/stdout" && [ "$(output "$tmp/badformat" exit-code)" = 2 ]'

if [ "$failed" -ne 0 ]; then
    for f in "$tmp"/*/log "$tmp"/*/stderr; do [ -s "$f" ] && { echo "--- $f"; cat "$f"; }; done
fi
echo "action: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
