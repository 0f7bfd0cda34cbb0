#!/usr/bin/env bash
# Limits: inputs far beyond real articles, each of which must be read
# in bounded time and end with exit status 0 or 1 (never a crash, a
# sanitizer report or a timeout).  Prints one line per case: name, size,
# seconds, exit status, peak memory where /usr/bin/time can tell.
#
#   tests/bench/limits.sh [CROSSCHECK]     (default: src/crosscheck)
#
# LIMIT_SECONDS (default 120) bounds each case; LIMIT_CASES picks cases
# by name (default all).  The inputs are generated in a temporary folder
# that is removed afterwards.  Exits 1 when a case fails.
set -u

bin=${1:-src/crosscheck}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
[ -x "$bin" ] || { echo "limits.sh: no program at $bin" >&2; exit 2; }
limit=${LIMIT_SECONDS:-120}
cases=${LIMIT_CASES:-"line-60mb sentence-60mb digits-1m numbers-1m
  numbers-1m-one-sentence numbers-20k-one-sentence brackets-1m quotes-1m
  word-10mb word-utf8-4mb folder-100k symlink-loop"}
dir=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-limits-XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT

# gen NAME: write the input of a case under $dir/NAME (a file or folder).
gen() {
    python3 - "$dir" "$1" <<'PY'
import os, sys
root, name = sys.argv[1], sys.argv[2]
head = " date 2026-02-26 "

def article(path, body):
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        f.write(body)
        f.write("\n")

def repeat(unit, size):
    return unit * (size // len(unit) + 1)

path = os.path.join(root, name + ".txt")
if name == "line-60mb":        # sentences, but no line break
    article(path, repeat("Russia launched 420 drones and 39 missiles "
                         "at Ukraine overnight, officials said. ", 60 << 20))
elif name == "sentence-60mb":  # one sentence: words and no full stop
    article(path, repeat("the officials from the region said that "
                         "many were there and ", 60 << 20))
elif name == "digits-1m":
    article(path, "A total of " + "7" * 1000000 + " drones were launched.")
elif name == "numbers-1m":     # a million numbers, ten a sentence
    article(path, "".join("Officials counted %d drones, %d missiles, %d "
                          "shells, %d tanks, %d planes, %d ships, %d guns, "
                          "%d trucks, %d jets and %d boats. "
                          % tuple(range(i, i + 10))
                          for i in range(0, 1000000, 10)))
elif name.startswith("numbers-") and name.endswith("-one-sentence"):
    n = int(name.split("-")[1].replace("k", "000").replace("m", "000000"))
    article(path, "".join("%d drones, " % (i % 997 + 1) for i in range(n))
            + "were launched.")
elif name == "brackets-1m":
    article(path, "(" * 1000000 + "420 drones" + ")" * 1000000
            + " " + "[{" * 500000 + "39 missiles" + "}]" * 500000)
elif name == "quotes-1m":
    article(path, "\"'\u201c\u2018" * 250000 + "420 drones"
            + "\u2019\u201d'\"" * 250000)
elif name == "word-10mb":
    article(path, "a" * (10 << 20) + " 420 drones " + "7-" * (1 << 20)
            + "x 39 missiles")
elif name == "word-utf8-4mb":
    article(path, "\u00e9\u0130\u00df" * (2 << 19) + " 420 drones")
elif name == "folder-100k":
    os.mkdir(path[:-4])
    for i in range(100000):
        with open(os.path.join(path[:-4], "a%06d.txt" % i), "w") as f:
            f.write("%sOfficials said %d drones were launched.\n"
                    % (head, 400 + i % 50))
elif name == "symlink-loop":
    d = path[:-4]
    os.makedirs(os.path.join(d, "a", "b"))
    article(os.path.join(d, "a", "b", "x.txt"), "Officials said 420 drones "
            "were launched.")
    os.symlink("..", os.path.join(d, "a", "b", "up"))
    os.symlink(".", os.path.join(d, "a", "self"))
    os.symlink(d, os.path.join(d, "a", "b", "root"))
    os.symlink("nowhere", os.path.join(d, "dangling"))
PY
}

failed=0
printf '%-26s %10s %9s %6s %10s %7s\n' case bytes seconds status maxrss facts
for name in $cases; do
    gen "$name" || { echo "limits.sh: cannot generate $name" >&2; exit 2; }
    input=$dir/$name.txt
    [ -e "$input" ] || input=$dir/$name
    bytes=$(du -sb "$input" | cut -f1)
    timer=()
    [ -x /usr/bin/time ] && timer=(/usr/bin/time -f %M -o "$dir/rss")
    start=$(date +%s%N)
    timeout "$limit" "${timer[@]}" "$bin" check "$input" \
        --json "$dir/report.json" >/dev/null 2>"$dir/stderr"
    status=$?
    end=$(date +%s%N)
    secs=$(( (end - start) / 1000000 ))
    rss=-
    [ -s "$dir/rss" ] && rss="$(tail -n 1 "$dir/rss")KB"
    facts=$(sed -n 's/^ *"facts": \([0-9]*\),$/\1/p' "$dir/report.json" \
            2>/dev/null | tail -n 1)
    printf '%-26s %10s %5d.%03d %6s %10s %7s' "$name" "$bytes" \
        $((secs / 1000)) $((secs % 1000)) "$status" "$rss" "${facts:--}"
    if [ "$status" -eq 124 ]; then
        echo "  FAIL: over ${limit}s"
        failed=1
    elif [ "$status" -gt 1 ]; then
        echo "  FAIL: $(head -c 300 "$dir/stderr")"
        failed=1
    else
        echo
    fi
    rm -rf "$dir/$name" "$dir/$name.txt" "$dir/rss" "$dir/report.json"
done
exit "$failed"
