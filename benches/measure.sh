#!/usr/bin/env bash
# Reproduces the figures of README's "Performance" section on this machine:
# instructions against the floor (callgrind), peak memory, threads, one file, and two other
# Markdown linters on the same generated postings.
#
#   benches/measure.sh [folder]    (default: a temporary folder)
#
# Needs valgrind (and hyperfine for the one-file times); rumdl (pip install rumdl) and markdownlint-cli2 (npm install
# markdownlint-cli2) are measured when found on PATH.
set -euo pipefail

cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d)}"
today=2026-11-23
cargo build --release --quiet --bin postlint --example gen-corpus --example floor
postlint=target/release/postlint

# Peak resident memory (kB) and wall time of a command, its output discarded.
measure() {
    local label=$1
    shift
    /usr/bin/time -f "$label: %e s, %M kB peak" "$@" > /dev/null 2> "$work/time.txt" || true
    tail -n 1 "$work/time.txt"
}

# Instructions of a command, counted by callgrind.
instructions() {
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null || true; } |
        sed -n 's/.*refs: *//p' | tr -d ,
}

for n in 1000 10000; do
    corpus="$work/postings-$n"
    [ -d "$corpus" ] || target/release/examples/gen-corpus "$corpus" "$n"
    echo "== $n postings ($(du -sh --apparent-size "$corpus" | cut -f1))"
    measure "floor (read + pulldown-cmark)" target/release/examples/floor "$corpus"
    measure "postlint --threads 1" "$postlint" check --today "$today" --threads 1 --format json "$corpus"
    measure "postlint --threads 2" "$postlint" check --today "$today" --threads 2 --format json "$corpus"
    if command -v rumdl > /dev/null; then
        measure "rumdl $(rumdl --version | cut -d' ' -f2)" rumdl check --no-cache "$corpus"
    fi
    if command -v markdownlint-cli2 > /dev/null; then
        measure "markdownlint-cli2" markdownlint-cli2 "$corpus/**/*.md"
    fi
    if [ "$n" = 1000 ] || [ -n "${CALLGRIND_10K:-}" ]; then
        floor=$(instructions target/release/examples/floor "$corpus")
        lint=$(instructions "$postlint" check --today "$today" --threads 1 --format json "$corpus")
        echo "instructions: floor $floor, postlint $lint, ratio $((lint / floor))x"
    fi
done

echo "== one file (a pre-commit hook)"
one="$work/one"
mkdir -p "$one"
cp "$work/postings-1000/en/posting-0.md" "$one/"
# A one-file run lasts milliseconds: hyperfine (apt install hyperfine) times 100 of them.
one_file() {
    local label=$1
    shift
    if command -v hyperfine > /dev/null; then
        echo "$label:"
        hyperfine --shell=none --warmup 5 --runs 100 --ignore-failure "$*" | grep -E "Time|Range"
    else
        measure "$label" "$@"
    fi
}
one_file "alone" "$postlint" check --today "$today" "$one/posting-0.md"
one_file "beside its 333 French counterparts" "$postlint" check --today "$today" \
    "$work/postings-1000/en/posting-0.md"
one_file "an Ontario posting alone" "$postlint" check --today "$today" \
    "$(find "$work/postings-1000/ontario" -name '*.md' | sort | head -n 1)"
