#!/usr/bin/env bash
# Write the gdload test files from the fictional reports in test/fixtures.
#
# Developer tool, not run by the tests (its outputs are committed, so CI needs
# no LibreOffice):
#     bash test/gdload/make_fixtures.sh     # needs libreoffice-writer-nogui, qpdf, python3
#
#   same-report/  one report (qinghe) as DOCX, DOC, PDF, HTML (UTF-8 and GB2312),
#                 and text in UTF-8, UTF-8 with BOM, GB18030, UTF-16LE and UTF-16BE (with
#                 a BOM and without)
#   bad/          a truncated DOCX, an empty file, a PDF with no text layer, an
#                 encrypted PDF, a file of no known format, a zip that is no
#                 Word file, and a DOCX whose XML unpacks to 3 MB (for --max-unpacked 1)
#   samples/      the demo: one report per format
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../fixtures
out=$here/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out/same-report" "$out/bad" "$out/samples"

# LibreOffice with a private profile, HTML read by Writer (not Writer/Web)
office() {
    local to=$1 dir=$2; shift 2
    soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
        --infilter="HTML (StarWriter)" --convert-to "$to" --outdir "$dir" "$@" >/dev/null 2>&1
}
office_text() {
    local to=$1 dir=$2; shift 2
    soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
        --infilter="Text (encoded):UTF8,LF,," --convert-to "$to" --outdir "$dir" "$@" >/dev/null 2>&1
}

# --- one report in every format
s=$out/same-report
cp "$src/qinghe.html.txt" "$work/qinghe.html"
office 'docx:MS Word 2007 XML' "$s" "$work/qinghe.html"
office 'pdf:writer_pdf_Export' "$s" "$work/qinghe.html"
office 'doc:MS Word 97' "$s" "$work/qinghe.html"          # tables: read right through LibreOffice
cp "$src/qinghe.tab-rows.txt" "$work/qinghe-paragraphs.txt"
office_text 'doc:MS Word 97' "$s" "$work/qinghe-paragraphs.txt"   # tab-separated paragraphs: catdoc reads it too
cp "$src/qinghe.html.txt" "$s/qinghe.html"
sed 's/charset="utf-8"/charset="gb2312"/' "$src/qinghe.html.txt" | iconv -f UTF-8 -t GB18030 >"$s/qinghe-gb2312.html"
cp "$src/qinghe.tab-rows.txt" "$s/qinghe-utf8.txt"
{ printf '\357\273\277'; cat "$src/qinghe.tab-rows.txt"; } >"$s/qinghe-utf8-bom.txt"
iconv -f UTF-8 -t GB18030 "$src/qinghe.tab-rows.txt" >"$s/qinghe-gb18030.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$src/qinghe.tab-rows.txt"; } >"$s/qinghe-utf16le.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$src/qinghe.tab-rows.txt"; } >"$s/qinghe-utf16be.txt"
iconv -f UTF-8 -t UTF-16LE "$src/qinghe.tab-rows.txt" >"$s/qinghe-utf16le-nobom.txt"
iconv -f UTF-8 -t UTF-16BE "$src/qinghe.tab-rows.txt" >"$s/qinghe-utf16be-nobom.txt"

# --- what cannot be loaded
b=$out/bad
head -c 4000 "$s/qinghe.docx" >"$b/truncated.docx"
: >"$b/empty.txt"
python3 - "$work" <<'EOF'
import struct, sys, zlib, zipfile
work = sys.argv[1]
# a grey 240x120 picture with a dark band: the page of a scanned report, no text
w, h = 240, 120
rows = b"".join(b"\0" + bytes(60 if 40 <= y < 80 and 20 <= x < 220 else 200 for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(f"{work}/scan.png", "wb").write(png)
open(f"{work}/scanned.html", "w").write('<html><body><p><img src="scan.png" width="480" height="240"></p></body></html>')
# a zip that holds no Word document
with zipfile.ZipFile(f"{work}/notes.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("notes/readme.txt", "本压缩包不是Word文档。\n")
# a DOCX whose document.xml unpacks to 3 MB (a few KB packed)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
with zipfile.ZipFile(f"{work}/inflated.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t xml:space="preserve">'
               + " " * (3 << 20) + "膨胀</w:t></w:r></w:p></w:body></w:document>")
EOF
office 'pdf:writer_pdf_Export' "$b" "$work/scanned.html"
cp "$work/scan.png" "$b/photo.dat"
cp "$work/notes.zip" "$work/inflated.docx" "$b/"
qpdf --encrypt 用户口令 owner 256 -- "$s/qinghe.pdf" "$b/encrypted.pdf"

# --- demo samples: one report per format
d=$out/samples
# a typo in jianglan's requests table (152 for 142 received), so the demo shows findings
sed 's/>142</>152</' "$src/jianglan.html.txt" >"$work/jianglan.html"
cp "$src/nanhu.html.txt" "$work/nanhu.html"
office 'docx:MS Word 2007 XML' "$d" "$work/jianglan.html"
office 'pdf:writer_pdf_Export' "$d" "$work/nanhu.html"
cp "$s/qinghe-paragraphs.doc" "$d/qinghe.doc"   # read right by catdoc too, where LibreOffice is missing
iconv -f UTF-8 -t GB18030 "$src/linchuan2019.tab-rows.txt" >"$d/linchuan2019-gb18030.txt"
mkdir -p "$d/resent" && cp "$d/nanhu.pdf" "$d/resent/nanhu.pdf"   # the same file twice: "already present"
ls -lR "$out"
