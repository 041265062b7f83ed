#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer through cargo-fuzz, on the stable toolchain with
# RUSTC_BOOTSTRAP=1, which cargo-fuzz's sanitizer flags need) and runs each for SECONDS.
#   fuzz/run.sh 20        # the short CI run
#   fuzz/run.sh 3600      # a long run: one hour per target
# Corpora live in fuzz/corpus/<target> (gitignored), seeded from ../shared/corpus when present
# and from fuzz/seeds. A crash leaves its input in fuzz/artifacts/<target>/ and fails the run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
seconds="${1:-20}"
targets=(front_matter markdown analysis edits)

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked --version 0.13.2
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O >/dev/null

shared_corpus="../../shared/corpus"
[ -d "$shared_corpus" ] || shared_corpus="../../../shared/corpus"
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    if [ -z "$(ls -A "corpus/$t")" ]; then
        cp seeds/* "corpus/$t/"
        if [ -d "$shared_corpus" ]; then
            # Agent files of every kind; small ones only, so the fuzzer mutates quickly.
            mapfile -t seeds < <(find "$shared_corpus" -name '*.md' -size -12k | sort)
            for f in "${seeds[@]:0:300}"; do
                cp "$f" "corpus/$t/$(echo "$f" | sha1sum | cut -c1-16).md"
            done
        fi
    fi
    echo "== fuzz $t for ${seconds}s"
    "target/x86_64-unknown-linux-gnu/release/$t" "corpus/$t" \
        -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="artifacts/$t/" -print_final_stats=1 2>&1 |
        grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|thread .* panicked)' || true
    if [ -n "$(ls -A "artifacts/$t")" ]; then
        echo "fuzz target $t found a crash: fuzz/artifacts/$t/" >&2
        exit 1
    fi
done
