#!/usr/bin/env bash
# The measurements of test/bench/gdload.sh, run inside test/with-cluster.sh.
# The runs of the three commands alternate, so a busy moment of the (shared)
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
seconds() { local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N); calc "$t1 - $t0"; }
median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }

files=$(find "$corpus" -type f | wc -l)
mb=$(du -sm --apparent-size "$corpus" | cut -f1)
echo "corpus: $files files, $mb MB: $(find "$corpus" -type f | sed 's/.*\/[0-9]*-[a-z0-9]*\.//' | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}')"
declare -A t
for j in 1 2; do
    : >"$corpus.floor" >"$corpus.convert" >"$corpus.load"
    for _ in $(seq "$runs"); do
        seconds floor "$j" >>"$corpus.floor"; echo >>"$corpus.floor"
        seconds convert_only "$j" >>"$corpus.convert"; echo >>"$corpus.convert"
        # each load into an empty table (not timed)
        psql -Xq -c 'DROP EXTENSION IF EXISTS govdisclose' -c 'CREATE EXTENSION govdisclose' 2>/dev/null
        seconds load "$j" >>"$corpus.load"; echo >>"$corpus.load"
        grep -q "loaded           $files" "$corpus.out" || { cat "$corpus.out"; echo "gdload did not load every file" >&2; exit 1; }
    done
    t[floor$j]=$(median <"$corpus.floor")
    t[convert$j]=$(median <"$corpus.convert")
    t[gdload$j]=$(median <"$corpus.load")
done
rm -f "$corpus".{out,floor,convert,load}
printf '%-44s %8s %9s %8s\n' "median of $runs runs" seconds files/s '× floor'
for j in 1 2; do
    for m in floor convert gdload; do
        case $m in
            floor) what="floor: each converter alone, xargs -P $j" ;;
            convert) what="gdload -n -j $j (convert only, no database)" ;;
            gdload) what="gdload -j $j (convert, COPY, parse)" ;;
        esac
        printf '%-44s %8.2f %9.1f %8.2f\n' "$what" "${t[$m$j]}" "$(calc "$files / ${t[$m$j]}")" "$(calc "${t[floor$j]} / ${t[$m$j]}")"
    done
done
printf 'gdload -j 2 vs -j 1: %.2f×  (gdload -n: %.2f×, floor: %.2f×)\n' "$(calc "${t[gdload1]} / ${t[gdload2]}")" \
    "$(calc "${t[convert1]} / ${t[convert2]}")" "$(calc "${t[floor1]} / ${t[floor2]}")"
