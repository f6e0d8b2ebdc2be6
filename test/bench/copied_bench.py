#!/usr/bin/env python3
"""Copied-text benchmark driver: run by test/bench/copied.sh inside a
throwaway cluster (PG* variables set).  One run per size.  Besides wall time
it reports the backend's own CPU time (utime + stime from /proc/self/stat,
serial plans only), which other work on a shared machine does not inflate."""
import sys
import time

from bench import psql

SIGN_TRIGGERS = ("documents_sign_inserted",)
STATUS = ("SELECT string_agg(l, ' ') FROM regexp_split_to_table(pg_read_file('/proc/self/status'), E'\\n') l "
          "WHERE l ~ '^(VmHWM|RssAnon)';")


CPU = ("SELECT (f[12]::bigint + f[13]::bigint) / 100.0 "
       "FROM string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ') f;")


def timed(sql):
    """Wall seconds, backend CPU seconds and the output of sql (one serial session)."""
    start = time.perf_counter()
    out = psql("SET max_parallel_workers_per_gather = 0;\n" + CPU + sql + CPU).strip().split("\n")
    return time.perf_counter() - start, float(out[-1]) - float(out[0]), "\n".join(out[1:-1])


def load(n, with_signatures):
    action = "ENABLE" if with_signatures else "DISABLE"
    psql("TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;\n" +
         "".join(f"ALTER TABLE govdisclose.documents {action} TRIGGER {t};\n" for t in SIGN_TRIGGERS) +
         "CHECKPOINT;")
    return timed(f"INSERT INTO govdisclose.documents (source, body) SELECT source, body FROM corpus WHERE n <= {n};\n"
                 + STATUS)


def main():
    corpus, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
    psql("CREATE EXTENSION govdisclose;")
    psql(f"CREATE TABLE corpus_load (source text, body text);\n\\copy corpus_load FROM '{corpus}'\n"
         "CREATE TABLE corpus AS SELECT row_number() OVER () AS n, source, body FROM corpus_load;\n"
         "DROP TABLE corpus_load; VACUUM ANALYZE corpus;")
    for n in sizes:
        mb = float(psql(f"SELECT sum(octet_length(body)) / 1e6 FROM corpus WHERE n <= {n};"))
        plain, plain_cpu, _ = load(n, False)
        full, full_cpu, memory = load(n, True)
        print(f"{n} reports ({mb:.0f} MB): load {full:.1f} s wall / {full_cpu:.1f} s CPU, without the signature "
              f"trigger {plain:.1f} s / {plain_cpu:.1f} s CPU; signatures {full_cpu - plain_cpu:.1f} s CPU "
              f"= {(full_cpu - plain_cpu) * 1e3 / n:.2f} ms per report; loading backend {memory}", flush=True)
        view_s, view_cpu, pairs = timed("SELECT count(*) FROM govdisclose.copied_sections;")
        findings_s, findings_cpu, _ = timed("SELECT count(*) FROM govdisclose.findings;")
        planted, found = psql(
            "SELECT count(*), count(*) FILTER (WHERE EXISTS ("
            " SELECT 1 FROM govdisclose.copied_sections c JOIN govdisclose.documents o ON o.doc_id = c.other_doc_id"
            " WHERE c.doc_id = d.doc_id AND c.section_no = 1 AND o.source LIKE 'bench/' || split_part(d.source, 'copy-of-', 2) || '%'))"
            f" FROM govdisclose.documents d WHERE d.source LIKE '%copy-of-%';").strip().split("|")
        storage = float(psql("SELECT (pg_total_relation_size('govdisclose_internal.section_signatures') + "
                             "pg_total_relation_size('govdisclose_internal.section_bands') + "
                             "pg_total_relation_size('govdisclose_internal.copied_pairs')) / 1e6;"))
        print(f"  copied_sections {view_s:.2f} s / {view_cpu:.2f} s CPU ({int(pairs)} rows), "
              f"findings {findings_s:.1f} s / {findings_cpu:.1f} s CPU; "
              f"planted copies found {found} of {planted}; signatures, bands and pairs {storage:.0f} MB", flush=True)
    kinds = psql("SELECT section_no, kind, count(*) FROM govdisclose.copied_sections GROUP BY 1, 2 ORDER BY 1, 2;")
    print("copied_sections of the largest load (section|kind|rows):\n  " + kinds.strip().replace("\n", "\n  "))


if __name__ == "__main__":
    main()
