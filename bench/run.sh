#!/usr/bin/env bash
# frontlint's benchmark against its peers. Not a test: run it by hand, on a quiet machine.
#
#   bench/run.sh                 everything: 1,000 / 5,000 / 20,000-post sites and the corpora
#                                against the peers, pre-commit shape, linear growth up to
#                                100,000 posts, big single posts, a profile; writes RESULTS.md
#   bench/run.sh --quick         a 300-post site only, few runs (checks that the script works)
#
# Environment: BENCH_SIZES ("1000 5000 20000"), BENCH_LINEAR ("100000": sizes timed only for
# frontlint and the floors), BENCH_CORPORA (default ../shared/corpora, "" to skip),
# BENCH_CACHE (peers, default bench/.cache), BENCH_WORK (sites and outputs, default
# bench/work), BENCH_PROFILE (1: callgrind profile, default 1), BENCH_TIME_LIMIT (seconds one
# run of a tool may take, default 300: a tool slower than that on a site is stopped, reported
# as such and left out of that site's hyperfine run), BENCH_RESUME=1 (keep the sites already
# measured in BENCH_WORK/out and measure only the rest), BENCH_STEPS (which steps to run, default
# "sites precommit linear big profile corpora"), BENCH_TOOLS (which tools to time on the sites
# and corpora, default all: "frontlint frontlint-isomer markdownlint-cli2 rumdl
# remark-frontmatter-schema yamllint cat rg").
#
# Needs: cargo, python3, node/npm, hyperfine, rg, GNU time (/usr/bin/time), valgrind for the
# profile. Peers are installed on first use into BENCH_CACHE (npm and a Python venv).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
CACHE=${BENCH_CACHE:-$BENCH/.cache}
WORK=${BENCH_WORK:-$BENCH/work}
SIZES=${BENCH_SIZES:-1000 5000 20000}
LINEAR=${BENCH_LINEAR:-100000}
CORPORA=${BENCH_CORPORA-$(dirname "$(dirname "$ROOT")")/shared/corpora}
[ -d "$CORPORA" ] || CORPORA=${BENCH_CORPORA-/work/shared/corpora}
PROFILE=${BENCH_PROFILE:-1}
LIMIT=${BENCH_TIME_LIMIT:-300}
RESUME=${BENCH_RESUME:-0}
STEPS=" ${BENCH_STEPS:-sites precommit linear big profile corpora} "
want() { [[ $STEPS == *" $1 "* ]]; }
SEED=42
# hyperfine: at least 2 timed runs of each command (the slow peers take minutes a run on
# 20,000 posts), up to 10 for the fast ones. No warm-up run: each tool has just read every
# file for its report (bench_site), so the page cache is warm.
RUNS=(--warmup 0 --min-runs 2 --max-runs 10)
QUICK=0
if [ "${1:-}" = "--quick" ]; then
    QUICK=1
    SIZES=300
    LINEAR=""
    CORPORA=""
    PROFILE=0
    RUNS=(--warmup 0 --runs 2)
    WORK=$WORK/quick
fi

log() { printf '\n== %s\n' "$*" >&2; }

# --- tools ---------------------------------------------------------------------------------
NPM_PEERS=(markdownlint-cli2@0.24.1 remark-cli@12.0.1 remark-frontmatter@5.0.0
    remark-lint-frontmatter-schema@3.15.4)
PY_PEERS=(rumdl==0.3.0 yamllint==1.38.0)

install_peers() {
    mkdir -p "$CACHE/npm"
    if [ ! -x "$CACHE/npm/node_modules/.bin/remark" ] || [ ! -x "$CACHE/npm/node_modules/.bin/markdownlint-cli2" ]; then
        log "installing ${NPM_PEERS[*]} into $CACHE/npm"
        [ -f "$CACHE/npm/package.json" ] || echo '{"private": true}' >"$CACHE/npm/package.json"
        (cd "$CACHE/npm" && npm install --no-audit --no-fund --loglevel=error "${NPM_PEERS[@]}")
    fi
    if [ ! -x "$CACHE/venv/bin/rumdl" ] || [ ! -x "$CACHE/venv/bin/yamllint" ]; then
        log "installing ${PY_PEERS[*]} into $CACHE/venv"
        python3 -m venv "$CACHE/venv"
        "$CACHE/venv/bin/pip" install --quiet "${PY_PEERS[@]}"
    fi
    # remark resolves plugins from the folder of its config file: keep it beside node_modules.
    python3 - "$BENCH/peers/frontmatter.schema.json" "$CACHE/npm/remarkrc.json" <<'EOF'
import json, sys
schema = json.load(open(sys.argv[1]))
rc = {"plugins": ["remark-frontmatter", ["remark-lint-frontmatter-schema", {"embed": schema}]]}
json.dump(rc, open(sys.argv[2], "w"), indent=1)
EOF
    if ! command -v hyperfine >/dev/null || ! command -v rg >/dev/null || [ ! -x /usr/bin/time ]; then
        log "installing hyperfine, ripgrep, time from Debian"
        apt-get update -qq && apt-get install -y -qq hyperfine ripgrep time
    fi
}

FL=$ROOT/target/release/frontlint
MDL=$CACHE/npm/node_modules/.bin/markdownlint-cli2
REMARK=$CACHE/npm/node_modules/.bin/remark
RUMDL=$CACHE/venv/bin/rumdl
YAMLLINT=$CACHE/venv/bin/yamllint

# The commands, by name; each runs in the site's folder (`.`). $FM is the folder of extracted
# front matter for yamllint.
command_for() {
    local name=$1 fm=${2:-}
    case $name in
        frontlint) echo "$FL check --quiet ." ;;
        frontlint-isomer) echo "$FL check --quiet --config isomer.frontlint.yml ." ;;
        markdownlint-cli2) echo "$MDL --config $BENCH/peers/markdownlint.jsonc **/*.{md,markdown}" ;;
        rumdl) echo "$RUMDL check --no-cache --config $BENCH/peers/rumdl.toml ." ;;
        remark-frontmatter-schema) echo "$REMARK --rc-path $CACHE/npm/remarkrc.json --no-stdout --quiet --no-color ." ;;
        yamllint) echo "$YAMLLINT -f parsable -c $BENCH/peers/yamllint.yml $fm" ;;
        cat) echo "find . -type f -name *.md* -exec cat {} +" ;;
        rg) echo "rg -c target ." ;;
    esac
}
# The same tool asked for output the report can read (one run, also measures peak RSS).
report_command_for() {
    local name=$1 fm=${2:-}
    case $name in
        frontlint) echo "$FL check --quiet --format json ." ;;
        frontlint-isomer) echo "$FL check --quiet --format json --config isomer.frontlint.yml ." ;;
        rumdl) echo "$RUMDL check --no-cache --config $BENCH/peers/rumdl.toml --output-format concise ." ;;
        *) command_for "$name" "$fm" ;;
    esac
}

# One site: a run of each tool for its output and peak RSS, then one hyperfine run of all.
bench_site() {
    local label=$1 site=$2 tools=$3
    local out=$WORK/out/$label fm=$WORK/fm/$label
    if [ "$RESUME" = 1 ] && [ -f "$out/hyperfine.json" ]; then
        log "$label: already measured (BENCH_RESUME=1)"
        return
    fi
    rm -rf "$out" "$fm"
    mkdir -p "$out"
    python3 "$BENCH/extract_front_matter.py" "$site" "$fm"
    local args=()
    for tool in $tools; do
        log "$label: $tool (output and peak RSS)"
        # shellcheck disable=SC2046
        # `set -f`: the glob in markdownlint-cli2's argument is for it to expand, not bash.
        # The .rss file holds GNU time's "elapsed-seconds max-RSS-KB" (after any exit notice).
        (cd "$site" && set -f && /usr/bin/time -f "%e %M" -o "$out/$tool.rss" \
            timeout "$LIMIT" $(report_command_for "$tool" "$fm") >"$out/$tool.stdout" 2>"$out/$tool.stderr") || true
        if grep -q "status 124" "$out/$tool.rss"; then
            log "$label: $tool stopped after $LIMIT s; left out of the timing"
            echo "$LIMIT" >"$out/$tool.timeout"
            continue
        fi
        args+=(-n "$tool" "$(command_for "$tool" "$fm")")
    done
    log "$label: hyperfine"
    (cd "$site" && hyperfine -N -i --style basic "${RUNS[@]}" \
        --export-json "$out/hyperfine.json" "${args[@]}") >&2
}

generate() {
    local posts=$1 site=$WORK/sites/$1
    if [ ! -f "$site/manifest.json" ] || ! grep -q "\"seed\": $SEED" "$site/manifest.json"; then
        rm -rf "$site"
        python3 "$BENCH/gen_site.py" "$site" --posts "$posts" --seed "$SEED"
    fi
}

ALL_TOOLS=${BENCH_TOOLS:-frontlint frontlint-isomer markdownlint-cli2 rumdl remark-frontmatter-schema yamllint cat rg}

install_peers
log "building frontlint (release)"
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
mkdir -p "$WORK"
if [ "$RESUME" != 1 ] || [ ! -f "$WORK/machine.json" ]; then
    rm -rf "$WORK/out"
    python3 "$BENCH/report.py" machine >"$WORK/machine.json"
fi

want sites && for posts in $SIZES; do
    generate "$posts"
    bench_site "site-$posts" "$WORK/sites/$posts" "$ALL_TOOLS"
done

# Pre-commit: five named files of the biggest site (site-wide URL rules compare them with the
# whole site) against process start-up.
biggest=$(for s in $SIZES; do echo "$s"; done | sort -n | tail -1)
site=$WORK/sites/$biggest
if want precommit; then
generate "$biggest"
mapfile -t named < <(cd "$site" && find media -name '*.md' | sort | awk 'NR % 997 == 1' | head -5)
log "pre-commit shape: ${named[*]}"
mkdir -p "$WORK/out/pre-commit"
# A hook's cache is warm from earlier commits. Write it before timing, twice: the first run
# creates the cache folder, and a folder changed in the last seconds is not trusted.
(cd "$site" && "$FL" check --quiet "${named[@]}" >/dev/null 2>&1; sleep 3;
    "$FL" check --quiet "${named[@]}" >/dev/null 2>&1) || true
(cd "$site" && hyperfine -N -i --style basic --warmup 3 --min-runs 20 \
    --export-json "$WORK/out/pre-commit/hyperfine.json" \
    -n "frontlint, 5 named files" "$FL check --quiet ${named[*]}" \
    -n "frontlint --version" "$FL --version") >&2
(cd "$site" && /usr/bin/time -f %M -o "$WORK/out/pre-commit/frontlint.rss" \
    "$FL" check --quiet "${named[@]}" >/dev/null 2>&1) || true
fi

# Linear growth: the bigger sites, frontlint and the floors only.
want linear && for posts in $LINEAR; do
    generate "$posts"
    site=$WORK/sites/$posts out=$WORK/out/linear-$posts
    mkdir -p "$out"
    log "linear: $posts posts"
    (cd "$site" && /usr/bin/time -f %M -o "$out/frontlint.rss" "$FL" check --quiet . >/dev/null 2>&1) || true
    (cd "$site" && hyperfine -N -i --style basic --warmup 1 --runs 3 --export-json "$out/hyperfine.json" \
        -n frontlint "$(command_for frontlint)" -n cat "$(command_for cat)" -n rg "$(command_for rg)") >&2
done

# Big single posts: time must grow with size, not faster. Each in a folder of its own: a
# named file is compared with the rest of its site, which must not be the other big posts.
if [ "$QUICK" = 0 ] && want big; then
    big=$WORK/big
    rm -rf "$big" "$WORK/out/big"
    mkdir -p "$big" "$WORK/out/big"
    args=()
    for links in 10000 100000; do
        file=$(python3 "$BENCH/gen_site.py" "$big/links-$links" --big-links "$links")
        args+=(-n "links-$links" "$FL check --quiet $file")
    done
    for mb in 5 50; do
        file=$(python3 "$BENCH/gen_site.py" "$big/body-${mb}mb" --big-body "$mb")
        args+=(-n "body-${mb}mb" "$FL check --quiet $file")
    done
    log "big single posts"
    (cd "$big" && hyperfine -N -i --style basic --warmup 1 --runs 3 \
        --export-json "$WORK/out/big/hyperfine.json" "${args[@]}") >&2
    for file in "$big"/*/_posts/*.md; do
        name=$(basename "$(dirname "$(dirname "$file")")")
        /usr/bin/time -f %M -o "$WORK/out/big/$name.rss" "$FL" check --quiet "$file" >/dev/null 2>&1 || true
    done
fi

# A profile of one whole-site run: instructions per function (callgrind counts are exact and
# do not depend on what else the machine is doing).
if [ "$PROFILE" = 1 ] && want profile; then
    site=$WORK/sites/5000
    [ -d "$site" ] || generate 5000
    log "profile: callgrind on 5,000 posts"
    mkdir -p "$WORK/out/profile"
    (cd "$site" && valgrind --tool=callgrind --callgrind-out-file="$WORK/out/profile/callgrind.out" \
        "$FL" check --quiet . >/dev/null 2>"$WORK/out/profile/valgrind.log") || true
    callgrind_annotate --threshold=99 "$WORK/out/profile/callgrind.out" >"$WORK/out/profile/exclusive.txt" 2>/dev/null || true
    callgrind_annotate --inclusive=yes --threshold=99 "$WORK/out/profile/callgrind.out" >"$WORK/out/profile/inclusive.txt" 2>/dev/null || true
fi

# The real sites last (the slow peers take longest there).
if [ -n "$CORPORA" ] && [ -d "$CORPORA" ] && want corpora; then
    bench_site corpora "$CORPORA" "$(echo " $ALL_TOOLS " | sed 's/ frontlint-isomer / /')"
fi

results=$BENCH/RESULTS.md
[ "$QUICK" = 1 ] && results=$WORK/RESULTS.md
BENCH_CORPORA="$CORPORA" python3 "$BENCH/report.py" report "$WORK" "$results"
log "wrote $results"
