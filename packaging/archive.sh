#!/usr/bin/env bash
# Packs a built agentls binary as a release archive, the way .github/workflows/release.yml
# publishes it and action.yml downloads it:
#
#   packaging/archive.sh TARGET BINARY OUTDIR
#     -> OUTDIR/agentls-TARGET.tar.gz (.zip for Windows targets) and OUTDIR/<archive>.sha256
#
# The archive holds `agentls` (`agentls.exe` on Windows), README.md and LICENSE at its top.
# The .sha256 file is `sha256sum` output (`<hex>  <archive name>`).
set -euo pipefail
target=${1:?usage: archive.sh TARGET BINARY OUTDIR}
binary=${2:?usage: archive.sh TARGET BINARY OUTDIR}
out=${3:?usage: archive.sh TARGET BINARY OUTDIR}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -f "$binary" ] || { echo "archive.sh: no binary at $binary" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

exe=agentls
case "$target" in *windows*) exe=agentls.exe ;; esac
install -m 0755 "$binary" "$stage/$exe"
cp "$root/README.md" "$root/LICENSE" "$stage/"

name="agentls-$target"
case "$target" in
    *windows*)
        archive="$name.zip"
        rm -f "$out/$archive"
        # `zip` where it exists; GitHub's Windows runners have 7-Zip instead.
        if command -v zip >/dev/null; then
            (cd "$stage" && zip -q -X "$out/$archive" "$exe" README.md LICENSE)
        else
            (cd "$stage" && 7z a -tzip -bd "$out/$archive" "$exe" README.md LICENSE >/dev/null)
        fi
        ;;
    *)
        archive="$name.tar.gz"
        # Sorted, owner-less entries: the same binary gives the same archive.
        tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
            -czf "$out/$archive" "$exe" README.md LICENSE
        ;;
esac
if command -v sha256sum >/dev/null; then
    (cd "$out" && sha256sum "$archive" > "$archive.sha256")
else
    (cd "$out" && shasum -a 256 "$archive" > "$archive.sha256")
fi
echo "$out/$archive"
