#!/usr/bin/env bash
# run.sh - builds the libFuzzer harnesses with clang (ASan and UBSan on) and
# runs each for a fixed time on seed corpora made from the tests.  A crash
# stops the run with the input that caused it kept in FUZZDIR/crashes/; make
# it a regression case.
#
#     tests/fuzz/run.sh BUILDDIR SECONDS_PER_HARNESS [FUZZDIR]
#
# BUILDDIR is a configured meson build (its generated data tables are used).
set -euo pipefail

build=${1:?usage: run.sh BUILDDIR SECONDS [FUZZDIR]}
seconds=${2:?usage: run.sh BUILDDIR SECONDS [FUZZDIR]}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$build" && pwd)
work=${3:-$build/fuzz}
mkdir -p "$work/crashes"

if ! command -v clang >/dev/null; then
    echo "run.sh: clang is not installed (Debian: clang libclang-rt-14-dev)" >&2
    exit 77
fi

ninja -C "$build" >/dev/null
sources=$(find "$root/src" -name '*.c' -not -path '*/cli/*')
generated="$build/src/lang/lexicon_data.c $build/src/lang/lang_embed.c $build/src/lang/schema_embed.c"
includes="-I$root/include"
for d in "$root"/src/*/; do includes="$includes -I$d"; done
flags="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
libs="$(pkg-config --libs icu-uc icu-i18n sqlite3 jansson libcrypto libgvc libcgraph) -lm -lpthread"

# the library once, as objects; each harness links them
mkdir -p "$work/obj"
objs=()
for f in $sources $generated; do
    o="$work/obj/$(echo "$f" | tr '/' '_').o"
    clang $flags -fsanitize=fuzzer-no-link $includes $(pkg-config --cflags icu-uc jansson libgvc) -c "$f" -o "$o" 2>"$work/build.log" ||
        { cat "$work/build.log" >&2; exit 1; }
    objs+=("$o")
done

# seed corpora: the test articles (and, for load, extract records)
seeds=$work/seeds
mkdir -p "$seeds/extract" "$seeds/frontmatter" "$seeds/load"
cp "$root"/tests/samples/*.txt "$root"/tests/ingest/samples/*.txt "$seeds/extract/" 2>/dev/null || true
cp "$root"/tests/samples/*.txt "$root"/tests/ingest/samples/*.txt "$seeds/frontmatter/" 2>/dev/null || true
"$build/chronicle" extract "$root/tests/ingest/samples" 2>/dev/null | split -l 1 - "$seeds/load/rec."

status=0
for h in extract frontmatter load; do
    clang $flags $includes "$root/tests/fuzz/fuzz_$h.c" "${objs[@]}" $libs -o "$work/fuzz_$h"
    mkdir -p "$work/corpus/$h"
    echo "==> fuzz_$h for $seconds s"
    if ! ASAN_OPTIONS=detect_leaks=0 "$work/fuzz_$h" -max_total_time="$seconds" -max_len=65536 \
            -artifact_prefix="$work/crashes/$h-" "$work/corpus/$h" "$seeds/$h" >"$work/$h.log" 2>&1; then
        echo "FAIL fuzz_$h: see $work/$h.log and $work/crashes/" >&2
        tail -30 "$work/$h.log" >&2
        status=1
    else
        grep -E "^#[0-9]+.*(DONE|pulse)" "$work/$h.log" | tail -1
    fi
done
exit $status
