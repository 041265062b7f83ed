#!/usr/bin/env bash
# Installs agentls for action.yml: the release archive for this runner (checked against its
# .sha256), else `cargo install` as a fallback; puts its folder on $GITHUB_PATH.
#
# Environment (set by action.yml; defaults for a run by hand):
#   AGENTLS_VERSION       `latest`, a release (`0.1.0` or `v0.1.0`), or `source` (build the
#                         action's own checkout with cargo, no download)
#   AGENTLS_RELEASES_URL  where releases live (default https://github.com/agentls/agentls/releases)
#   AGENTLS_TARGET        the Rust target to download (default: this runner's, see below)
#   GITHUB_PATH, RUNNER_TEMP, RUNNER_OS, RUNNER_ARCH  as on a GitHub runner
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
version=${AGENTLS_VERSION:-latest}
releases=${AGENTLS_RELEASES_URL:-https://github.com/agentls/agentls/releases}
dest="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/agentls-bin"
: "${GITHUB_PATH:?GITHUB_PATH is not set (run from action.yml, or set it to a file)}"
log() { echo "agentls install: $*" >&2; }

# The release target for this runner. Linux uses the glibc build, or the static musl one
# where there is no glibc (Alpine containers).
runner_target() {
    local os=${RUNNER_OS:-$(uname -s)} arch=${RUNNER_ARCH:-$(uname -m)}
    case "$arch" in
        X64 | x86_64 | amd64) arch=x86_64 ;;
        ARM64 | arm64 | aarch64) arch=aarch64 ;;
        *) log "no release build for the $arch architecture"; return 1 ;;
    esac
    case "$os" in
        Linux)
            if ls /lib/ld-musl-* >/dev/null 2>&1 && ! ldd --version 2>&1 | grep -qi 'glibc\|gnu libc'; then
                echo "$arch-unknown-linux-musl"
            else
                echo "$arch-unknown-linux-gnu"
            fi
            ;;
        macOS | Darwin) echo "$arch-apple-darwin" ;;
        Windows | MINGW* | MSYS* | CYGWIN*)
            [ "$arch" = x86_64 ] || { log "no release build for Windows on $arch"; return 1; }
            echo "x86_64-pc-windows-msvc"
            ;;
        *) log "no release build for $os"; return 1 ;;
    esac
}

sha256() {
    if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1
}

# Downloads and unpacks the release archive into $dest. Returns 1 when there is no such
# release (the caller falls back to cargo); exits on a checksum mismatch.
download() {
    local target=$1 archive url tmp want got
    case "$target" in *windows*) archive="agentls-$target.zip" ;; *) archive="agentls-$target.tar.gz" ;; esac
    case "$version" in
        latest) url="$releases/latest/download/$archive" ;;
        *) url="$releases/download/v${version#v}/$archive" ;;
    esac
    tmp=$(mktemp -d)
    log "downloading $url"
    if ! curl -fsSL --retry 3 -o "$tmp/$archive" "$url" || ! curl -fsSL --retry 3 -o "$tmp/$archive.sha256" "$url.sha256"; then
        log "no release archive at $url"
        rm -rf "$tmp"
        return 1
    fi
    want=$(cut -d' ' -f1 < "$tmp/$archive.sha256")
    got=$(sha256 "$tmp/$archive")
    if [ "$want" != "$got" ]; then
        log "checksum mismatch for $archive: expected $want, got $got"
        rm -rf "$tmp"
        exit 1
    fi
    rm -rf "$dest"
    mkdir -p "$dest"
    case "$archive" in
        *.zip)
            if command -v unzip >/dev/null; then
                unzip -q -o "$tmp/$archive" -d "$dest"
            else
                powershell -NoProfile -Command "Expand-Archive -Force '$tmp/$archive' '$dest'"
            fi
            ;;
        *) tar -xzf "$tmp/$archive" -C "$dest" ;;
    esac
    rm -rf "$tmp"
}

# Builds agentls with cargo into $dest/bin: the action's own checkout for `latest`, `source`
# or the version it holds, else that version from crates.io.
cargo_install() {
    command -v cargo >/dev/null || {
        log "cargo is not installed, so agentls cannot be built (add a Rust toolchain step, or use a released version)"
        exit 1
    }
    local own
    own=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
    if [ "$version" = latest ] || [ "$version" = source ] || [ "${version#v}" = "$own" ]; then
        log "cargo install --path $root/server ($own)"
        cargo install --locked --quiet --root "$dest" --path "$root/server"
    else
        log "cargo install agentls@${version#v} from crates.io"
        cargo install --locked --quiet --root "$dest" "agentls@${version#v}"
    fi
    mv "$dest"/bin/* "$dest"/
}

if [ "$version" = source ]; then
    cargo_install
else
    target=${AGENTLS_TARGET:-$(runner_target || true)}
    if [ -z "$target" ] || ! download "$target"; then
        log "falling back to cargo install"
        cargo_install
    fi
fi
exe="$dest/agentls"
[ -x "$exe" ] || exe="$dest/agentls.exe"
"$exe" --version >&2
echo "$dest" >> "$GITHUB_PATH"
