#!/usr/bin/env python3
"""Write the gdload benchmark folder: N report files, every body distinct.

    python3 test/bench/gdload_corpus.py N DIR      # needs LibreOffice (soffice)

The four fictional reports of test/fixtures, each copy given its own filing
note so no body repeats, in six formats by turn: PDF, DOCX and Word 97 made by
LibreOffice (one soffice run per format), HTML, GB18030 text and UTF-16LE text.
The file name ends in the format, which the floor measurement reads.
"""
import os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
REPORTS = ["jianglan", "nanhu", "qinghe"]
FORMATS = ["pdf", "docx", "doc", "html", "gb18030.txt", "utf16.txt"]


def read(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return f.read()


def office(to, infilter, outdir, files, profile):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    f"--infilter={infilter}", "--convert-to", to, "--outdir", outdir, *files],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp()
    by_format = {f: [] for f in FORMATS}
    for i in range(n):
        report, fmt = REPORTS[i % len(REPORTS)], FORMATS[(i // len(REPORTS)) % len(FORMATS)]
        note = f"附注：归档编号{i:05d}。"
        name = f"{i:05d}-{report}"
        if fmt in ("pdf", "docx", "html"):
            html = read(f"{report}.html.txt").replace("</body>", f"<p>{note}</p></body>")
            if fmt == "html":
                with open(os.path.join(out, f"{name}.html"), "w", encoding="utf-8") as f:
                    f.write(html)
            else:
                path = os.path.join(work, f"{name}.html")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(html)
                by_format[fmt].append(path)
        else:
            text = read(f"{report}.tab-rows.txt") + note + "\n"
            if fmt == "doc":
                path = os.path.join(work, f"{name}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                by_format["doc"].append(path)
            elif fmt == "gb18030.txt":
                with open(os.path.join(out, f"{name}.gb18030.txt"), "wb") as f:
                    f.write(text.encode("gb18030"))
            else:
                with open(os.path.join(out, f"{name}.utf16.txt"), "wb") as f:
                    f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    profile = os.path.join(work, "profile")
    if by_format["pdf"]:
        office("pdf:writer_pdf_Export", "HTML (StarWriter)", out, by_format["pdf"], profile)
    if by_format["docx"]:
        office("docx:MS Word 2007 XML", "HTML (StarWriter)", out, by_format["docx"], profile)
    if by_format["doc"]:
        office("doc:MS Word 97", "Text (encoded):UTF8,LF,,", out, by_format["doc"], profile)
    subprocess.run(["rm", "-rf", work], check=True)


if __name__ == "__main__":
    main()
