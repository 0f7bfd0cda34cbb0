#!/bin/sh
# Hadoop Streaming, simulated with split, sort and awk: the articles are
# split by line between mappers ('extract --keyed', JSON Lines on
# stdin), the mappers' lines sorted and partitioned by a hash of their
# key into 3 parts, each part reduced on its own ('compare --groups'),
# and the parts' lines merged ('report').  The reports must be the bytes
# 'check' writes for the same articles, and the exit status its status.
#
# Run by 'make check' from the build directory, with $srcdir set; the
# last line counts the checks as Check does, for .ci/run.
set -u
LC_ALL=C
export LC_ALL

bin=$(pwd)/src/crosscheck
cd "${srcdir:-.}" || exit 99
tmp=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-stream-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

checks=0
failures=0

pass() {
    checks=$((checks + 1))
    echo "PASS: $*"
}

fail() {
    checks=$((checks + 1))
    failures=$((failures + 1))
    echo "FAIL: $*"
}

# The reports both check and report write: json and xml, and those of
# the other writers where this build has them.
formats="json xml"
for f in html sarif junit; do
    if "$bin" report --help | grep -q -- "--$f FILE"; then
        formats="$formats $f"
    fi
done

report_args() {    # report_args DIR: the options writing DIR/report.*
    for f in $formats; do
        printf ' --%s %s/report.%s' "$f" "$1" "$f"
    done
}

# Shuffle and reduce the mapper outputs in $tmp/map.*: sort them, send
# each line to part hash(key) % 3 (the key: the text before the first
# tab, else the whole line, as Hadoop takes it), give keyless lines
# Hadoop's trailing tab, and run 'compare --groups' on each part.
shuffle_reduce() {
    rm -f "$tmp"/part.* "$tmp"/reduced.*
    for i in 0 1 2; do
        : > "$tmp/part.$i"
    done
    sort "$tmp"/map.* | awk -F '\t' -v dir="$tmp" '
        BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
        {
            h = 0
            for (i = 1; i <= length($1); i++)
                h = (h * 31 + ord[substr($1, i, 1)]) % 3
            print (index($0, "\t") ? $0 : $0 "\t") > (dir "/part." h)
        }'
    for i in 0 1 2; do
        "$bin" compare --groups "$tmp/part.$i" > "$tmp/reduced.$i"
        status=$?
        if [ "$status" -eq 0 ]; then
            pass "$1: compare --groups of part $i exits 0"
        else
            fail "$1: compare --groups of part $i exits $status"
        fi
    done
    for i in 0 1 2; do
        [ -s "$tmp/part.$i" ] || fail "$1: part $i is empty: no test"
    done
}

# compare_runs NAME [OPTIONS]: run report on the reduced parts and check
# on $paths, each with OPTIONS, and compare status and reports.
compare_runs() {
    name=$1
    shift
    rm -rf "$tmp/check" "$tmp/report"
    mkdir "$tmp/check" "$tmp/report"
    # shellcheck disable=SC2046,SC2086
    "$bin" check $paths "$@" $(report_args "$tmp/check") \
        2> "$tmp/check/stderr"
    want=$?
    # shellcheck disable=SC2046
    cat "$tmp"/reduced.* |
        "$bin" report "$@" $(report_args "$tmp/report") \
        2> "$tmp/report/stderr"
    got=$?
    if [ "$got" -eq "$want" ]; then
        pass "$name: report exits $got, as check does"
    else
        fail "$name: report exits $got, check $want:" \
             "$(cat "$tmp/report/stderr")"
    fi
    for f in $formats; do
        if cmp "$tmp/check/report.$f" "$tmp/report/report.$f"; then
            pass "$name: the $f reports are the same bytes"
        else
            fail "$name: the $f reports differ"
        fi
    done
    # the summary, when no report is asked for
    # shellcheck disable=SC2086
    "$bin" check $paths "$@" > "$tmp/check/summary" 2> /dev/null
    cat "$tmp"/reduced.* | "$bin" report "$@" > "$tmp/report/summary"
    if cmp "$tmp/check/summary" "$tmp/report/summary"; then
        pass "$name: the summaries are the same"
    else
        fail "$name: the summaries differ"
    fi
}

# ---- the seeds: one mapper over the directory ----

rm -f "$tmp"/map.*
"$bin" extract --keyed seeds > "$tmp/map.seeds" || fail "seeds: extract"
shuffle_reduce seeds
paths=seeds
compare_runs seeds
cp "$tmp/check/report.json" "$tmp/baseline.json"
compare_runs "seeds with a baseline" --baseline "$tmp/baseline.json"

# ---- seeds, text articles and JSON Lines split between mappers ----

rm -f "$tmp"/map.*
"$bin" extract --keyed seeds > "$tmp/map.seeds" || fail "mixed: extract"
"$bin" extract --keyed tests/data/stream/local.txt > "$tmp/map.local" ||
    fail "mixed: extract local.txt"
split -l 2 tests/data/stream/wire.jsonl "$tmp/lines."
for chunk in "$tmp"/lines.*; do
    "$bin" extract --keyed < "$chunk" > "$tmp/map.${chunk##*/}" ||
        fail "mixed: extract < ${chunk##*/}"
done
shuffle_reduce mixed
paths="seeds tests/data/stream"
compare_runs mixed
compare_runs "mixed with a baseline" --baseline "$tmp/baseline.json"

passed=$((checks - failures))
echo "$((checks > 0 ? passed * 100 / checks : 0))%: Checks: $checks," \
     "Failures: $failures, Errors: 0"
[ "$failures" -eq 0 ] && [ "$checks" -gt 0 ]
