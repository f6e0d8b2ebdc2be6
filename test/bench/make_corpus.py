#!/usr/bin/env python3
"""Write a deterministic benchmark corpus in COPY text format: source<TAB>body.

    make_corpus.py N OUT [--kind mixed|seeds|pages] [--seed S]

Each report is a template with its own reporting body, year and numbers
(all counts scaled alike, so the tables still add up), and with narrative
paragraphs added to its first section.  The kind chooses templates and size:
  mixed  every fixture of test/fixtures (every layout), 5-30 KB per report;
  seeds  the plain-text fixtures (no HTML), 6-8 KB per report: the size of
         the seed reports, where per-call costs weigh most;
  pages  the full CMS pages of test/fixtures/matrix (navigation, metadata,
         scripts, styles, Word table markup with a <p> per cell line),
         about 100 KB per report.
The same N, kind and seed always give the same bytes.
"""
import json
import argparse
import pathlib
import random
import re

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
# kind -> (smallest, largest) report size in KiB
SIZES = {"mixed": (5, 30), "seeds": (6, 8), "pages": (96, 112)}

PLACES = ["东陵", "西岚", "南浦", "北川", "青石", "白沙", "金溪", "木兰", "安平", "长宁",
          "永和", "清远", "石门", "丰泽", "云台", "凤岗", "桃源", "松柏", "海宁", "江华",
          "临溪", "双桥", "柳塘", "枫林", "梅岭", "竹山", "兰亭", "荷塘", "杏坛", "榕城"]
BODIES = ["人民政府办公室", "发展和改革局", "教育局", "自然资源局", "生态环境局", "住房和城乡建设局",
          "交通运输局", "农业农村局", "卫生健康委员会", "市场监督管理局", "应急管理局", "财政局"]
LEVELS = ["市", "县", "区"]
FIXTURE_ORGS = {"jianglan": "江澜县市场监督管理局", "nanhu": "海川市南湖街道办事处",
                "qinghe": "云岭市青禾区人民政府办公室", "linchuan2019": "临川县自然资源局"}

# Narrative of the first section: the sentences real reports are made of,
# written for this benchmark.  {n} is a number, {y} the report's year.
SENTENCES = [
    "{y}年，本机关坚持以公开为常态、不公开为例外，围绕中心工作深化政务公开，全年召开专题会议{n}次。",
    "（一）主动公开情况。通过门户网站、政务新媒体等渠道发布各类信息{n}条，其中政策解读{n}篇。",
    "（二）依申请公开情况。严格按照法定时限答复，办理过程中与申请人电话沟通{n}次，未发生逾期答复。",
    "（三）政府信息管理。对现行有效的规范性文件进行集中清理，梳理形成目录{n}项，并在网站集中发布。",
    "（四）平台建设。完成门户网站栏目优化{n}个，网站全年访问量{n}人次，留言办结率保持较高水平。",
    "（五）监督保障。将政务公开纳入年度绩效考核，开展业务培训{n}场，参训人员{n}人次。",
    "本机关持续推进决策公开，对涉及群众切身利益的{n}项重大决策事项公开征求意见，收到意见建议{n}条。",
    "围绕优化营商环境，集中公开惠企政策{n}项，编制政策问答{n}条，方便企业群众查询。",
    "加强政策解读，主要负责同志带头解读重要政策{n}次，以图表、视频等形式解读{n}次。",
    "规范政务新媒体管理，全年发布信息{n}条，回应网民关切{n}件，未发生舆情事件。",
    "推进基层政务公开标准化规范化建设，完善事项目录{n}个领域，更新标准指引{n}份。",
    "落实保密审查制度，信息发布前均经过审核，全年审查拟公开信息{n}条。",
]


def scale_numbers(text, k):
    """Multiply every count by k: the table identities still hold.  Years,
    dates, item numbers, decimals and markup stay as they are."""
    def scale(m):
        return str(int(m.group(0)) * k)
    number = re.compile(r"(?<![\d.])\d{1,6}(?![\d.])(?!\s*[年月日])")
    parts = re.split(r"(<[^>]*>)", text)
    return "".join(p if p.startswith("<") else number.sub(scale, p) for p in parts)


def narrative(rng, year, size, html):
    out = []
    total = 0
    while total < size:
        s = rng.choice(SENTENCES).format(y=year, n=rng.randint(1, 5000))
        line = f"<p>{s}</p>\n" if html else s + "\n"
        out.append(line)
        total += len(line.encode())
    return "".join(out)


def reporting_body(i):
    """The i-th (org, year): every pair differs, and an org reports again in
    the following year only once all orgs have reported, as real series do."""
    orgs = len(PLACES) ** 2 * len(LEVELS) * len(BODIES)
    k, year = i % orgs, 2020 + (i // orgs) % 6
    place = PLACES[k % len(PLACES)] + PLACES[(k // len(PLACES)) % len(PLACES)][0]
    k //= len(PLACES) ** 2
    return place + LEVELS[k % len(LEVELS)] + BODIES[(k // len(LEVELS)) % len(BODIES)], year


def make_report(template, rng, org, year, write_narrative=narrative, size_kb=(5, 30)):
    """The report of org for year; write_narrative(rng, year, size, html) gives
    the prose added to its first section (the copied-text benchmark gives its own)."""
    text = template["text"].replace(template["org"], org)
    # in a page the year and 年 may sit in different elements
    text = re.sub(r"20[12]\d(?=(?:\s|<[^>]*>)*年)" if template["page"] else r"20[12]\d(?=\s*年)", str(year), text)
    if template["scalable"]:
        text = scale_numbers(text, rng.choice([1, 2, 3, 5, 10]))
    target = rng.randint(size_kb[0] * 1024, size_kb[1] * 1024)
    at = text.find("主动公开政府信息情况")
    at = text.rfind("\n", 0, at) + 1
    pad = write_narrative(rng, year, target - len(text.encode()), template["html"])
    return text[:at] + pad + text[at:]


def load_templates(kind="mixed"):
    if kind == "pages":
        templates = []
        for path in sorted(FIXTURES.glob("matrix/*/cms-page.html.txt")):
            org = json.loads((path.parent / "expected.json").read_text(encoding="utf-8"))["org"]
            templates.append({"name": f"{path.parent.name}.cms-page.html.txt", "org": org, "html": True,
                              "text": path.read_text(encoding="utf-8"), "scalable": True, "page": True})
        return templates
    templates = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        html = "<td" in text.lower()
        if kind == "seeds" and (html or len(text.encode()) > SIZES["seeds"][0] * 1024):
            continue
        org = FIXTURE_ORGS[path.name.split(".")[0]]
        templates.append({"name": path.name, "text": text, "org": org, "html": html, "page": False,
                          # glued digits and column positions would not survive new widths
                          "scalable": not path.name.endswith((".collapsed.txt", ".space-aligned.txt"))})
    return templates


def copy_escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def corpus_arguments():
    """N, OUT and --seed of a corpus generator, and its random generator."""
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--kind", choices=sorted(SIZES), default="mixed")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    return args, random.Random(args.seed)


def main():
    args, rng = corpus_arguments()
    templates = load_templates(args.kind)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for i in range(args.n):
            t = templates[i % len(templates)]
            body = make_report(t, rng, *reporting_body(i), size_kb=SIZES[args.kind])
            f.write(f"bench/{i:06d}/{t['name']}\t{copy_escape(body)}\n")


if __name__ == "__main__":
    main()
