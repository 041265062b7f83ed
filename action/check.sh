#!/usr/bin/env bash
# Runs `agentls check` for action.yml. Annotations (`--format github`) go to stdout, where the
# runner reads them; SARIF goes to a file for the upload step. Never fails itself: the exit
# status goes to $GITHUB_OUTPUT as `exit-code`, so the SARIF upload still runs, and the
# action's last step fails the job with it.
#
# Environment (set by action.yml): INPUT_PATHS (whitespace-separated), INPUT_FORMAT,
# INPUT_CONFIG, INPUT_FAIL_ON, INPUT_SARIF_FILE; GITHUB_OUTPUT.
set -euo pipefail
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set (run from action.yml, or set it to a file)}"
format=${INPUT_FORMAT:-github}
sarif=${INPUT_SARIF_FILE:-agentls.sarif}
read -r -a paths <<<"$(echo "${INPUT_PATHS:-.}" | tr '\n' ' ')"
[ ${#paths[@]} -gt 0 ] || paths=(.)

args=(check --format "$format" --fail-on "${INPUT_FAIL_ON:-error}")
[ -z "${INPUT_CONFIG:-}" ] || args+=(--config "$INPUT_CONFIG")
args+=(-- "${paths[@]}")

case "$format" in
    github | sarif | text | json) ;;
    *)
        echo "::error title=agentls::unknown format \`$format\` (expected github, sarif, text or json)"
        echo "exit-code=2" >> "$GITHUB_OUTPUT"
        exit 0
        ;;
esac
status=0
if [ "$format" = sarif ]; then
    agentls "${args[@]}" > "$sarif" || status=$?
    echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
    echo "agentls: SARIF written to $sarif"
else
    agentls "${args[@]}" || status=$?
fi
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
