#!/usr/bin/env bash
# Run fuzz targets one after another on the stable toolchain (see README.md).
#   fuzz/run.sh [SECONDS] [TARGET...]     default: 600 s each, every target
# The working corpus grows in fuzz/corpus/TARGET (not committed), starting from the committed
# seeds in fuzz/seeds/TARGET; crashes land in fuzz/artifacts/TARGET. Each run's last lines go
# to fuzz/logs/TARGET.log (not committed).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(split_yaml yaml11_scalar markdown_scan lint fix)
fi
mkdir -p logs
# `-s none`: no sanitizer, so no nightly-only `-Z` flags (frontlint has no unsafe code; the
# bugs sought are panics, hangs and broken invariants, which need no sanitizer).
cargo fuzz build -s none
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    echo "== $target: ${seconds}s" >&2
    # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: bounded memory;
    # -max_len: posts, not whole books (the linearity benchmarks cover size).
    status=0
    nice -n 19 cargo fuzz run -s none "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 >"logs/$target.log" 2>&1 || status=$?
    tail -n 25 "logs/$target.log" | grep -E "Done|stat::number_of_executed_units|SUMMARY|panicked|crash-|timeout-" >&2 || true
    echo "== $target: exit $status" >&2
done
