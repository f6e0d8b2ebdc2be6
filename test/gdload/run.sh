#!/usr/bin/env bash
# gdload against a real server: run by test/run-tests.sh inside
# test/with-cluster.sh (PG* variables set, gdload installed in pg_config's
# bindir).  Prints "ok N - what" or "not ok N - what" per check.
#
# The reference is test/fixtures/qinghe.tab-rows.txt; test/gdload/fixtures/
# same-report holds that report as DOCX, DOC, PDF, HTML and text in five
# encodings (made by make_fixtures.sh with LibreOffice, iconv and qpdf).
set -uo pipefail
cd "$(dirname "$0")/../.."
gdload=$("${PG_CONFIG:-pg_config}" --bindir)/gdload
fixtures=test/gdload/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
n=0
check() {   # check WHAT COMMAND...: ok when COMMAND succeeds
    local what=$1; shift
    n=$((n + 1))
    if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; fi
}
sql() { psql -XAtq -v ON_ERROR_STOP=1 "$@"; }
# query() QUERY [-v NAME=VALUE...]: psql interpolates :'NAME' only in what it reads, not in -c
query() { local q=$1; shift; sql "$@" <<<"$q"; }
reset_db() { sql -c 'DROP EXTENSION IF EXISTS govdisclose; CREATE EXTENSION govdisclose'; }

reset_db
# Everything the parser reads from a body, as one string: every cell (blank is
# not zero), the review table, section 2, the body and the year.
sql <<'EOF'
CREATE FUNCTION public.values_of(body text) RETURNS text LANGUAGE sql AS $$
SELECT concat_ws(' | ',
    (SELECT string_agg(concat(row_no, row_key, applicant, '=', coalesce(value::text, 'blank')), ',' ORDER BY row_no, applicant)
       FROM govdisclose.request_cells(body)),
    (SELECT string_agg(concat(grp, outcome, '=', coalesce(value::text, 'blank')), ',' ORDER BY grp, outcome)
       FROM govdisclose.review_cells(body)),
    (SELECT string_agg(concat(item, measure, '=', coalesce(value::text, 'blank')), ',' ORDER BY item, measure)
       FROM govdisclose.active_items(body)),
    (govdisclose.parse_report(body)).org, (govdisclose.parse_report(body)).year)
$$;
EOF
reference=test/fixtures/qinghe.tab-rows.txt
ref_values=$(query "SELECT public.values_of(:'body')" -v body="$(cat "$reference")")
check "the reference has the report's values (org, year, 175 request cells, 15 review cells)" \
    bash -c '[[ "$0" == *"云岭市青禾区人民政府办公室 | 2023" && "$0" == *"new_receivedtotal=127"* && "$0" == *"reviewtotal=12"* ]]' "$ref_values"

# --- one report in every format: each file stored, each with the reference values
out=$("$gdload" "$fixtures/same-report" 2>"$work/stderr"); status=$?
echo "$out"
# what each file converts to; the table keeps one copy of a report (same text after normalising
# line ends, a BOM and trailing whitespace), so that is what "loaded" counts
sql -c 'CREATE TABLE public.texts (file text, body text)'
for f in "$fixtures"/same-report/*; do
    query "INSERT INTO public.texts VALUES (:'file', :'body')" -v file="$(basename "$f")" -v body="$("$gdload" --text "$f")"
done
distinct=$(sql -c 'SELECT count(DISTINCT govdisclose_internal.canonical_text(body)) FROM public.texts')
files=$(ls "$fixtures/same-report" | wc -l)
check "same-report: exit 0" [ "$status" -eq 0 ]
check "same-report: $distinct distinct texts loaded, $((files - distinct)) already present, none unreadable" \
    bash -c '[[ "$0" == *"loaded           $1"* && "$0" == *"already present  $(($2 - $1))"* && "$0" == *"unreadable       0"* ]]' "$out" "$distinct" "$files"
check "no progress line when stderr is no terminal" [ ! -s "$work/stderr" ]
for f in "$fixtures"/same-report/*; do
    got=$(query "SELECT public.values_of(d.body) FROM govdisclose.documents d JOIN public.texts t
                   ON govdisclose_internal.canonical_text(d.body) = govdisclose_internal.canonical_text(t.body)
                 WHERE t.file = :'file'" -v file="$(basename "$f")")
    check "$(basename "$f"): its text is stored (once per report) and gives the reference values" [ -n "$got" -a "$got" = "$ref_values" ]
done
formats=$(sql -c "SELECT string_agg(DISTINCT format, ' ' ORDER BY format) FROM govdisclose.documents")
check "format column: doc html pdf text (the DOCX text equals the DOC's, so one is already present): $formats" \
    [ "$formats" = "doc html pdf text" ]
check "--text of a PDF is poppler's layout text, byte for byte what pdftotext -layout prints" \
    cmp -s <("$gdload" --text "$fixtures/same-report/qinghe.pdf") <(pdftotext -layout "$fixtures/same-report/qinghe.pdf" -)
check "--text of GB18030, UTF-16LE and UTF-16BE text (with a BOM and without) is the UTF-8 reference, byte for byte" bash -c '
    for e in gb18030 utf16le utf16be utf16le-nobom utf16be-nobom; do cmp -s <("$0" --text "$1/qinghe-$e.txt") "$2" || exit 1; done' \
    "$gdload" "$fixtures/same-report" "$reference"
check "--text of a GB2312 page with its meta charset is the UTF-8 page with the charset renamed" \
    cmp -s <("$gdload" --text "$fixtures/same-report/qinghe-gb2312.html") <(sed 's/charset="utf-8"/charset="gb2312"/' test/fixtures/qinghe.html.txt)
doc_values=$(query "SELECT public.values_of(:'body')" -v body="$("$gdload" --doc-converter=catdoc --text "$fixtures/same-report/qinghe-paragraphs.doc")")
check "a Word 97 file read by catdoc (no LibreOffice) gives the reference values" [ -n "$doc_values" -a "$doc_values" = "$ref_values" ]
if command -v soffice >/dev/null; then
    doc_values=$(query "SELECT public.values_of(:'body')" -v body="$("$gdload" --doc-converter=libreoffice --text "$fixtures/same-report/qinghe.doc")")
    check "a Word 97 file with merged table cells, read through LibreOffice, gives the reference values" [ -n "$doc_values" -a "$doc_values" = "$ref_values" ]
else
    echo "# skipped (not counted): the Word 97 file with merged cells needs LibreOffice"
fi

# --- the DOCX rules on a hand-written document.xml: rows are lines, cells tab-separated, a
# gridSpan or vMerge-continued cell is one cell, paragraphs are lines (in a cell: spaces),
# a nested table stays in its cell, mc:Fallback is not read twice, tab stops are no tabs
python3 - "$work/rules.docx" <<'PY'
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
def p(*runs): return "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>" + "".join(runs) + "</w:p>"
def r(t): return f"<w:r><w:t xml:space='preserve'>{t}</w:t></w:r>"
def tc(body, pr=""): return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"
tab = "<w:r><w:tab/></w:r>"
nested = "<w:tbl><w:tr>" + tc(p(r("内1"))) + tc(p(r("内2"))) + "</w:tr></w:tbl>"
body = (p(r("标题"), tab, r("第一段")) + p(r("第二段"), "<w:r><w:br/></w:r>", r("换行"))
    + "<w:tbl>"
    + "<w:tr>" + tc(p(r("合并两列")), "<w:gridSpan w:val='2'/>") + tc(p(r("甲")), "<w:vMerge w:val='restart'/>") + tc(p(r("1"))) + "</w:tr>"
    + "<w:tr>" + tc(p(r("左"))) + tc(p(r("中"))) + tc(p(), "<w:vMerge/>") + tc(p(r("2"))) + "</w:tr>"
    + "<w:tr>" + tc(p(r("两段")) + p(r("一格"))) + tc(nested) + tc(p(r("丙"))) + tc(p(r("3"), tab, r("4"))) + "</w:tr>"
    + "</w:tbl>"
    + p("<mc:AlternateContent><mc:Choice Requires='wps'>" + r("一次") + "</mc:Choice><mc:Fallback>" + r("一次") + "</mc:Fallback></mc:AlternateContent>"))
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", f"<?xml version='1.0' encoding='UTF-8'?><w:document {W}><w:body>{body}</w:body></w:document>")
PY
printf '标题\t第一段\n第二段\n换行\n合并两列\t甲\t1\n左\t中\t2\n两段 一格\t内1 内2\t丙\t3 4\n一次\n' >"$work/rules.expected"
check "DOCX: rows, cells, gridSpan, vMerge, paragraphs, nested table, mc:Fallback as documented" \
    cmp "$work/rules.expected" <("$gdload" --text "$work/rules.docx")

out=$("$gdload" -q "$fixtures/same-report"); status=$?
check "loading again: exit 0, every file already present" \
    bash -c '[ "$1" -eq 0 ] && [[ "$0" == *"loaded           0"* && "$0" == *"already present  $2"* ]]' "$out" "$status" "$files"

# --- bad files: exit 1, each named with its reason, every good file stored
mkdir -p "$work/mixed"
cp "$fixtures"/bad/* "$work/mixed/"
cp "$fixtures/samples/jianglan.docx" "$fixtures/samples/linchuan2019-gb18030.txt" "$work/mixed/"
head -c 1500000 /dev/zero | tr '\0' '1' >"$work/mixed/big.txt"
reset_db
out=$("$gdload" --max-size 1 --max-unpacked 1 "$work/mixed" 2>&1); status=$?
echo "$out"
check "bad files: exit 1" [ "$status" -eq 1 ]
while IFS='|' read -r file reason; do
    check "bad files: $file named as \"$reason\"" grep -qF "$work/mixed/$file: $reason" <<<"$out"
done <<'EOF'
empty.txt|empty file
encrypted.pdf|encrypted PDF
scanned.pdf|scanned: needs OCR
truncated.docx|truncated or corrupt
photo.dat|unknown format
notes.zip|unknown format
inflated.docx|over the size limit (word/document.xml unpacks to more than 1 MB
big.txt|over the size limit (1.4 MB; the limit is 1 MB
EOF
check "bad files: 2 loaded, 8 unreadable" bash -c '[[ "$0" == *"loaded           2"* && "$0" == *"unreadable       8"* ]]' "$out"
stored=$(sql -c "SELECT string_agg(r.org || ' ' || r.year || ' ' || d.format, ', ' ORDER BY d.doc_id)
                 FROM govdisclose.documents d JOIN govdisclose.reports r USING (doc_id)")
check "bad files: both good files stored and parsed ($stored)" \
    [ "$stored" = "江澜县市场监督管理局 2022 docx, 临川县自然资源局 2020 text" ]

out=$("$gdload" -n --max-size 1 --max-unpacked 1 "$work/mixed" -h 127.0.0.1 -p 1); status=$?
check "--dry-run: no connection, the same verdicts, exit 1" \
    bash -c '[ "$1" -eq 1 ] && [[ "$0" == *"converted        2"* && "$0" == *"unreadable       8"* ]]' "$out" "$status"

# --- several batches (at most 200 files each; one filling while the server parses the other, sent
#     as soon as the server is idle): exact counts
mkdir -p "$work/many"
for i in $(seq 1 450); do printf '第%d号文件\n' $((i % 420)) >"$work/many/$(printf '%03d' "$i").txt"; done
reset_db
out=$("$gdload" -q "$work/many"); status=$?
check "450 files in batches, 30 of them repeats: exit 0, 420 loaded, 30 already present" \
    bash -c '[ "$1" -eq 0 ] && [[ "$0" == *"loaded           420"* && "$0" == *"already present  30"* ]]' "$out" "$status"
check "450 files in batches: every text stored once, ids in path order" \
    [ "$(sql -c "SELECT count(DISTINCT body) || ' ' || bool_and(source = format('%s/%s.txt', '$work/many', lpad(doc_id::text, 3, '0'))) FROM govdisclose.documents")" = "420 true" ]
# each COPY is its own transaction: 450 rows need three of 200 at least
check "450 files: stored by three COPY statements or more, none over 200 rows" \
    [ "$(sql -c "SELECT count(*) >= 3 AND max(n) <= 200 FROM (SELECT xmin, count(*) AS n FROM govdisclose.documents GROUP BY xmin) b")" = "t" ]

# --- the demo's samples, read as on a machine without LibreOffice: four reports, all read
reset_db
out=$("$gdload" --doc-converter=catdoc "$fixtures/samples"); status=$?
check "the demo's samples without LibreOffice: exit 0, 4 loaded, 1 already present" \
    bash -c '[ "$1" -eq 0 ] && [[ "$0" == *"loaded           4"* && "$0" == *"already present  1"* ]]' "$out" "$status"
check "the demo's samples without LibreOffice: every report read (status ok, four bodies)" \
    [ "$(sql -c "SELECT count(DISTINCT org) FILTER (WHERE status = 'ok') FROM govdisclose.reports")" = 4 ]

# --- a file the server refuses is named; the rest of its batch is stored
reset_db
sql -c "ALTER TABLE govdisclose.documents ADD CONSTRAINT no_linchuan CHECK (body NOT LIKE '%临川县%')"
out=$("$gdload" "$fixtures/samples"); status=$?
check "a refused file: exit 1, named with the server's message" bash -c '[ "$1" -eq 1 ] &&
    grep -q "linchuan2019-gb18030.txt: refused by the server (ERROR:  new row for relation \"documents\" violates check constraint \"no_linchuan\")" <<<"$0"' "$out" "$status"
check "a refused file: the other files of its batch loaded" bash -c '[[ "$0" == *"loaded           3"* && "$0" == *"already present  1"* ]]' "$out"

# --- a converter that hangs costs its file only: killed at --timeout with what it started
mkdir -p "$work/bin" "$work/hang"
# a duration unique to this run, so that the checks below see only this run's converter (other
# test runs on the machine may hang converters of their own)
hang_seconds="97.$$"
printf '#!/bin/sh\nexec sleep %s\n' "$hang_seconds" >"$work/bin/soffice"
chmod +x "$work/bin/soffice"
cp "$fixtures/same-report/qinghe.doc" "$fixtures/samples/linchuan2019-gb18030.txt" "$work/hang/"
reset_db
started=$SECONDS
out=$(PATH="$work/bin:$PATH" "$gdload" --doc-converter=libreoffice --timeout 2 "$work/hang"); status=$?
check "a hanging converter: exit 1 after the timeout, not the converter's 97 s" [ "$status" -eq 1 -a $((SECONDS - started)) -lt 60 ]
check "a hanging converter: its file named" grep -qF "$work/hang/qinghe.doc: truncated or corrupt (conversion stopped after 2 s)" <<<"$out"
check "a hanging converter: the other file loaded" [ "$(sql -c 'SELECT count(*) FROM govdisclose.documents')" = 1 ]
sleep 1   # for init to reap it
# [s]: the pattern must not match this check's own command line
check "a hanging converter: killed with the child (no sleep $hang_seconds left)" bash -c '! pgrep -f "[s]leep $0" >/dev/null' "$hang_seconds"

PATH="$work/bin:$PATH" "$gdload" --doc-converter=libreoffice --timeout 20 "$work/hang" >/dev/null 2>"$work/interrupt.err" &
sleep 2; kill -INT $!; wait $!; status=$?
sleep 1
check "interrupted (SIGINT): exit 2, says so, the converter killed" bash -c '[ "$0" -eq 2 ] && grep -q "interrupted" "$1" &&
    ! pgrep -f "[s]leep $2" >/dev/null' "$status" "$work/interrupt.err" "$hang_seconds"

# --- COPY escaping: backslashes, tabs, CR, \N and odd file names arrive as they were
odd="$work/odd	name
with newline.txt"
printf 'C:\\报告\\N\t单元格\r\n第二行\\\\x41\n\n' >"$odd"
reset_db
"$gdload" -q "$odd" >/dev/null
got=$(query "SELECT md5(body) || ' ' || (source = :'odd') FROM govdisclose.documents" -v odd="$odd")
check "COPY escaping: body stored byte for byte, source is the path" [ "$got" = "$(md5sum <"$odd" | cut -d' ' -f1) true" ]

# --- progress on a terminal, usage and connection errors
script -qec "'$gdload' -j 1 '$fixtures/samples'" /dev/null >"$work/tty.out" 2>&1
check "progress on a terminal: files, MB, files/s, ETA" grep -qE '[0-9]+/5 files +[0-9.]+/[0-9.]+ MB +[0-9.]+ files/s +ETA [0-9]+:[0-9]{2}' "$work/tty.out"
"$gdload" >/dev/null 2>&1
check "no PATH: exit 2" [ $? -eq 2 ]
"$gdload" --jobs=0 x >/dev/null 2>&1
check "bad -j: exit 2" [ $? -eq 2 ]
"$gdload" -h 127.0.0.1 -p 1 "$fixtures/samples" >/dev/null 2>"$work/conn.err"
check "connection refused: exit 2 with libpq's message" bash -c '[ "$0" -eq 2 ] && grep -q "connection" "$1"' $? "$work/conn.err"
"$gdload" -d "dbname=template1" "$fixtures/samples" >/dev/null 2>"$work/noext.err"
check "database without the extension: exit 2, says CREATE EXTENSION" \
    bash -c '[ "$0" -eq 2 ] && grep -q "CREATE EXTENSION govdisclose" "$1"' $? "$work/noext.err"
sql -c 'DROP EXTENSION govdisclose'
