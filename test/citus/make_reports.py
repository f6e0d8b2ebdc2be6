#!/usr/bin/env python3
"""Write the Citus test's corpus in COPY text format: source<TAB>body.

    make_reports.py N BODIES OUT [--seed S]

N reports by BODIES reporting bodies over consecutive years (report i is
body i % BODIES, year 2020 + i // BODIES), so the cross-year rules have
pairs to compare; each body keeps one fixture layout and gets its own
numbers every year (test/bench/make_corpus.py), so some years chain and
some do not.  Every 97th line repeats an earlier report's text under
another source (every other one with CRLF line ends): a load must skip it.
Every 89th is a second, different text of the body and year before it
(DUPLICATE-REPORT).  Same arguments, same bytes.
"""
import argparse
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "bench"))
import make_corpus  # noqa: E402  (the benchmark's generator, one source of report texts)

REPEAT_EVERY = 97
REISSUE_EVERY = 89


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("bodies", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    templates = make_corpus.load_templates()
    written = []
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for i in range(args.n):
            k = i % args.bodies
            if i % REPEAT_EVERY == REPEAT_EVERY - 1:
                body = rng.choice(written)
                if i % 2:  # the same report with Windows line ends: still a repeat
                    body = body.replace("\n", "\r\n")
                source = f"citus/{i:05d}/repeat"
            else:
                if i % REISSUE_EVERY == REISSUE_EVERY - 1:
                    k, i_of_year = (i - 1) % args.bodies, i - 1
                else:
                    i_of_year = i
                org, _ = make_corpus.reporting_body(k)
                template = templates[k % len(templates)]
                body = make_corpus.make_report(template, rng, org, 2020 + i_of_year // args.bodies)
                source = f"citus/{i:05d}/{template['name']}"
                written.append(body)
            f.write(f"{source}\t{make_corpus.copy_escape(body)}\n")


if __name__ == "__main__":
    main()
