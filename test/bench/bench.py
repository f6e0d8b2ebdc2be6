#!/usr/bin/env python3
"""Benchmark driver: run by test/bench/run.sh inside a throwaway cluster
(PG* variables set).  Every measurement runs several times in this one run;
the median is reported, as throughput and as ratios to the md5(body) floor
and to the PL/pgSQL baseline measured alongside it."""
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def psql(sql, *, quiet=True):
    """Run SQL in a new session; return stdout (unaligned, tuples only)."""
    out = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-At", "-q"], input=sql,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"psql failed:\n{sql}\n{out.stderr}")
    return out.stdout


def statement_time(setup, sql):
    """(wall, cpu) seconds of one statement: wall as psql's \\timing reports it
    (no connection set-up), cpu the backend's own CPU time from
    /proc/self/schedstat, which other processes on a shared machine do not
    inflate as they do the wall time."""
    cpu = "SELECT split_part(pg_read_file('/proc/self/schedstat'), ' ', 1);\n"
    out = psql(setup + cpu + "\\timing on\n" + sql + "\n\\timing off\n" + cpu).strip().split("\n")
    wall = next(float(line.split()[1]) for line in out if line.startswith("Time: ")) / 1000
    return wall, (int(out[-1]) - int(out[0])) / 1e9


def timed(sql, runs):
    """Median wall time (s) of a statement, each run in its own session."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        psql(sql)
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def report(results, n, mbytes, ratios):
    """One line per measurement: median time, throughput and ratios to the floor
    and the baseline (for the one-process measurements the median of each
    round's ratios, else the ratio of the medians)."""
    md5 = results["floor count(md5(body))"][0]
    base = results["PL/pgSQL regexp baseline"][0]
    print(f"\n{'measurement':44} {'seconds':>8} {'reports/s':>10} {'MB/s':>8} {'x md5':>7} {'x baseline':>10}")
    for name, (sec, reports) in results.items():
        x_md5, x_base = ratios.get(name, (md5 / sec, base / sec))
        print(f"{name:44} {sec:8.3f} {reports / sec:10.0f} {mbytes / sec:8.1f} {x_md5:7.2f} {x_base:10.1f}")


def main():
    corpus, runs = sys.argv[1], int(sys.argv[2])
    serial_only = len(sys.argv) > 3 and sys.argv[3] == "serial"
    psql("CREATE EXTENSION govdisclose;")
    psql(open(os.path.join(HERE, "baseline.sql"), encoding="utf-8").read())
    psql(f"CREATE TABLE corpus (source text, body text);\n\\copy corpus FROM '{corpus}'\nVACUUM ANALYZE corpus;")
    n, mbytes = psql("SELECT count(*), sum(octet_length(body)) / 1e6 FROM corpus").strip().split("|")
    n, mbytes = int(n), float(mbytes)
    print(f"corpus: {n} reports, {mbytes:.1f} MB ({mbytes * 1e3 / n:.1f} KB each on average), "
          f"median of {runs} runs each")

    serial = "SET max_parallel_workers_per_gather = 0;\n"
    results = {}

    # The one-process measurements run in rounds, each round every statement
    # once, so that the load of a shared machine weighs on all of them alike;
    # the ratios are the medians of each round's ratios.
    one_process = {
        "floor sum(length(body))": "SELECT sum(length(body)) FROM corpus;",
        "floor count(md5(body))": "SELECT count(md5(body)) FROM corpus;",
        "parse_report(body)": "SELECT count(govdisclose.parse_report(body)) FROM corpus;",
        "request_cells(body)": "SELECT count(*) FROM corpus, govdisclose.request_cells(body);",
        "PL/pgSQL regexp baseline": "SELECT count(*) FROM corpus, bench_regexp_requests(body);",
    }
    walls = {name: [] for name in one_process}
    rounds = {name: [] for name in one_process}
    for _ in range(runs):
        for name, sql in one_process.items():
            wall, cpu = statement_time(serial, sql)
            walls[name].append(wall)
            rounds[name].append(cpu)
    for name, times in rounds.items():
        results[name] = (statistics.median(times), n)
    ratios = {name: (statistics.median(f / t for f, t in zip(rounds["floor count(md5(body))"], times)),
                     statistics.median(b / t for b, t in zip(rounds["PL/pgSQL regexp baseline"], times)))
              for name, times in rounds.items()}
    print("one-process lines of the table: the backend's CPU seconds (median of the rounds) and the\n"
          "medians of each round's CPU-time ratios; the wall-clock ratios of the same rounds:")
    for name in ("parse_report(body)", "request_cells(body)"):
        print(f"  {name}: wall x md5 "
              f"{statistics.median(f / t for f, t in zip(walls['floor count(md5(body))'], walls[name])):.2f}, "
              f"wall x baseline {statistics.median(b / t for b, t in zip(walls['PL/pgSQL regexp baseline'], walls[name])):.1f}")
    base_rows = int(psql("SELECT count(*) FROM corpus, bench_regexp_requests(body);"))
    our_rows = int(psql("SELECT count(*) FROM corpus, govdisclose.request_cells(body) "
                        "WHERE applicant = 'total' AND value IS NOT NULL;"))

    if serial_only:
        report(results, n, mbytes, ratios)
        print(f"requests rows read with their total: govdisclose {our_rows}, baseline {base_rows}")
        return

    # Two workers on this machine's two cores: the leader only gathers, so the
    # comparison is two processes against one.
    parallel = ("SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off; "
                "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; "
                "SET min_parallel_table_scan_size = 0;\n")
    psql("ALTER TABLE corpus SET (parallel_workers = 2);")
    plan = psql(parallel + "EXPLAIN (COSTS OFF) SELECT count(govdisclose.parse_report(body)) FROM corpus;")
    med, _ = timed(parallel + "SELECT count(govdisclose.parse_report(body)) FROM corpus;", runs)
    results["parse_report(body), 2 workers"] = (med, n)
    # what two processes gain on this machine at all: the scan floor in parallel
    med, _ = timed(parallel + "SELECT count(md5(body)) FROM corpus;", runs)
    results["floor count(md5(body)), 2 workers"] = (med, n)

    # Full load path: COPY into the documents table (triggers parse set-wise)
    # through to every finding.
    load = (f"TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;\n"
            f"\\copy govdisclose.documents (source, body) FROM '{corpus}'\n"
            f"SELECT count(*) FROM govdisclose.findings;")
    med, _ = timed(load, max(1, min(runs, 3)))
    results["full load: COPY -> documents -> findings"] = (med, n)
    findings = psql("SELECT severity, count(*) FROM govdisclose.findings GROUP BY 1 ORDER BY 1;").split()
    clean = psql("SELECT count(*) FROM govdisclose.reports r WHERE NOT EXISTS "
                 "(SELECT 1 FROM govdisclose.findings f WHERE f.doc_id = r.doc_id AND f.severity = 'error');").strip()

    report(results, n, mbytes, ratios)
    md5 = results["floor count(md5(body))"][0]
    serial_parse = results["parse_report(body)"][0]
    print(f"\n2 workers vs 1: parse_report {serial_parse / results['parse_report(body), 2 workers'][0]:.2f}x, "
          f"md5 floor {md5 / results['floor count(md5(body)), 2 workers'][0]:.2f}x "
          f"(leader not participating); plan:")
    print("  " + plan.strip().replace("\n", "\n  "))
    print(f"requests rows read with their total: govdisclose {our_rows}, baseline {base_rows} "
          f"(the baseline reads no cell-per-line or collapsed report)")
    print(f"findings after the full load: {' '.join(findings)}; reports with no error: {clean} of {n}")

    # Memory: the backend's peak RSS before and after parsing many reports in
    # one query (the scan floor runs first, so shared buffers are already mapped).
    repeat = max(1, -(-100000 // n))
    status = "SELECT string_agg(l, ' ') FROM regexp_split_to_table(pg_read_file('/proc/self/status'), E'\\n') l WHERE l ~ '^(VmHWM|RssAnon)';"
    mem = psql(serial + "SELECT count(md5(body)) FROM corpus;\n" + status +
               f"SELECT count(govdisclose.parse_report(body)) FROM corpus, generate_series(1, {repeat});\n" + status)
    lines = [l for l in mem.split("\n") if l.startswith("VmHWM")]
    print(f"backend memory, parsing {n * repeat} reports in one query:\n  before: {lines[0]}\n  after:  {lines[1]}")


if __name__ == "__main__":
    main()
