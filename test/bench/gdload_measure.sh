#!/usr/bin/env bash
# The measurements of test/bench/gdload.sh, run inside test/with-cluster.sh.
# The runs of the six measurements alternate, so a busy moment of the (shared)
# machine falls on all of them alike; each figure is the median of RUNS.
set -euo pipefail
corpus=$1
runs=$2

# the converter of one file, alone, as a command would run it
floor_one() {
    case $1 in
        *.pdf) pdftotext -layout "$1" - ;;
        *.docx) unzip -p "$1" word/document.xml ;;
        *.doc) catdoc -d utf-8 -w "$1" ;;
        *.gb18030.txt) iconv -f GB18030 -t UTF-8 "$1" ;;
        *.utf16.txt) iconv -f UTF-16 -t UTF-8 "$1" ;;
        *) cat "$1" ;;
    esac
}
export -f floor_one
floor() { find "$corpus" -type f -print0 | xargs -0 -P "$1" -n 4 bash -c 'for f; do floor_one "$f"; done >/dev/null' _; }
convert_only() { "$GDLOAD" -q -n -j "$1" --doc-converter=catdoc "$corpus" >/dev/null; }
load() { "$GDLOAD" -q -j "$1" --doc-converter=catdoc "$corpus" >"$corpus.out"; }
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
# "wall-seconds cpu-seconds": bash's time counts the children's CPU too (not the server's)
seconds() { local TIMEFORMAT='%R %U %S' out; out=$( { time "$@" >/dev/null; } 2>&1 ); awk '{ printf "%s %.3f", $1, $2 + $3 }' <<<"$out"; }
median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }

files=$(find "$corpus" -type f | wc -l)
mb=$(du -sm --apparent-size "$corpus" | cut -f1)
echo "corpus: $files files, $mb MB: $(find "$corpus" -type f | sed 's/.*\/[0-9]*-[a-z0-9]*\.//' | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}')"
declare -A t cpu
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$corpus.times"
# one round runs all six, so a busy moment of the machine touches each alike
for _ in $(seq "$runs"); do
    for j in 1 2; do
        echo "floor$j $(seconds floor "$j")" >>"$corpus.times"
        echo "convert$j $(seconds convert_only "$j")" >>"$corpus.times"
        # each load into an empty table (not timed)
        psql -Xq -c 'DROP EXTENSION IF EXISTS govdisclose' -c 'CREATE EXTENSION govdisclose' 2>/dev/null
        echo "gdload$j $(seconds load "$j")" >>"$corpus.times"
        grep -q "loaded           $files" "$corpus.out" || { cat "$corpus.out"; echo "gdload did not load every file" >&2; exit 1; }
    done
done
for m in floor1 convert1 gdload1 floor2 convert2 gdload2; do
    t[$m]=$(awk -v m="$m" '$1 == m { print $2 }' "$corpus.times" | median)
    cpu[$m]=$(awk -v m="$m" '$1 == m { print $3 }' "$corpus.times" | median)
done
rm -f "$corpus".{out,times}
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %8s %9s %8s %8s\n' "median of $runs runs" seconds files/s '× floor' 'CPU s'
for j in 1 2; do
    for m in floor convert gdload; do
        case $m in
            floor) what="floor: each converter alone, xargs -P $j" ;;
            convert) what="gdload -n -j $j (convert only, no database)" ;;
            gdload) what="gdload -j $j (convert, COPY, parse)" ;;
        esac
        printf '%-44s %8.2f %9.1f %8.2f %8.2f\n' "$what" "${t[$m$j]}" "$(calc "$files / ${t[$m$j]}")" \
            "$(calc "${t[floor$j]} / ${t[$m$j]}")" "${cpu[$m$j]}"
    done
done
printf 'gdload -j 2 vs -j 1: %.2f×  (gdload -n: %.2f×, floor: %.2f×)\n' "$(calc "${t[gdload1]} / ${t[gdload2]}")" \
    "$(calc "${t[convert1]} / ${t[convert2]}")" "$(calc "${t[floor1]} / ${t[floor2]}")"
