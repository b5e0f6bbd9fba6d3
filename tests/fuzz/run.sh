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
# the library, and the command line's readers and filter parser (not main)
sources=$(find "$root/src" -name '*.c' -not -name main.c)
generated="$build/src/lang/lexicon_data.c $build/src/lang/lang_embed.c $build/src/lang/schema_embed.c"
includes="-I$root/include"
for d in "$root"/src/*/; do includes="$includes -I$d"; done
flags="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
libs="$(pkg-config --libs icu-uc icu-i18n sqlite3 jansson json-c nettle libgvc libcgraph) -lm -lpthread"

# the library once, as objects; each harness links them
mkdir -p "$work/obj"
objs=()
for f in $sources $generated; do
    o="$work/obj/$(echo "$f" | tr '/' '_').o"
    clang $flags -fsanitize=fuzzer-no-link $includes $(pkg-config --cflags icu-uc jansson json-c libgvc) -c "$f" -o "$o" 2>"$work/build.log" ||
        { cat "$work/build.log" >&2; exit 1; }
    objs+=("$o")
done

# seed corpora: the test articles (and, for load, extract records; for the
# JSON Lines reader, corpora made from the articles; for query, the filter
# options the tests use, one per line), then the regression inputs of
# tests/fuzz/regressions/HARNESS/ (each a crash once found, kept so it stays
# fixed)
seeds=$work/seeds
harnesses="extract dates frontmatter jsonl query load"
for h in $harnesses; do mkdir -p "$seeds/$h"; done
cp "$root"/tests/samples/*.txt "$root"/tests/ingest/samples/*.txt "$seeds/extract/" 2>/dev/null || true
cp "$root"/tests/samples/*.txt "$root"/tests/ingest/samples/*.txt "$seeds/dates/" 2>/dev/null || true
cp "$root"/tests/samples/*.txt "$root"/tests/ingest/samples/*.txt "$seeds/frontmatter/" 2>/dev/null || true
"$build/chronicle" extract "$root/tests/ingest/samples" 2>/dev/null | split -l 1 - "$seeds/load/rec."
python3 - "$root/tests/ingest/samples" "$seeds/jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
for i, name in enumerate(sorted(n for n in os.listdir(src) if n.endswith(".txt"))):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        text = f.read()
    rec = {"id": name, "url": "https://example.org/" + name, "source": "Example",
           "published": "2024-10-25", "lang": "ar" if i % 2 else "en", "title": name, "text": text}
    with open(os.path.join(out, name + ".jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n" + json.dumps(rec) + "\n")
PY
printf -- '--actor\nPutin\n--from\n2024-01-01\n--to\n2024-12-31' > "$seeds/query/actor"
printf -- '--actor\nبوتين\n--affiliated\n--type\n057\n--format\njson' > "$seeds/query/type"
printf -- '--text\nمعاهدة OR treaty\n--treaty\nالشراكة\n--with\nNorth Korea' > "$seeds/query/text"
printf -- "--actor\nx' OR 1=1 --\n--limit\n3" > "$seeds/query/sql"
for h in $harnesses; do
    [ -d "$root/tests/fuzz/regressions/$h" ] && cp "$root/tests/fuzz/regressions/$h"/* "$seeds/$h/" 2>/dev/null
done

status=0
for h in $harnesses; do
    clang $flags $includes "$root/tests/fuzz/fuzz_$h.c" "${objs[@]}" $libs -o "$work/fuzz_$h"
    mkdir -p "$work/corpus/$h"
    echo "==> fuzz_$h for $seconds s"
    mkdir -p "$work/tmp"
    if ! TMPDIR="$work/tmp" ASAN_OPTIONS=detect_leaks=0 "$work/fuzz_$h" -max_total_time="$seconds" -max_len=65536 \
            -artifact_prefix="$work/crashes/$h-" "$work/corpus/$h" "$seeds/$h" >"$work/$h.log" 2>&1; then
        echo "FAIL fuzz_$h: see $work/$h.log and $work/crashes/" >&2
        tail -30 "$work/$h.log" >&2
        status=1
    else
        grep -E "^#[0-9]+.*(DONE|pulse)" "$work/$h.log" | tail -1
    fi
done
exit $status
