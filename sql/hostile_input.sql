-- Hostile input: malformed tables, huge and random texts, markup abuse, and
-- cancellation.  Lenient parsing never raises for content; what it cannot
-- read is named in problems.
\set qinghe `cat test/fixtures/qinghe.tab-rows.txt`
\set qinghe_html `cat test/fixtures/qinghe.html.txt`

-- a row with extra cells: the last seven are read, and a problem says so
SELECT applicant, value FROM govdisclose.request_cells(
  E'三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t9\t9\t1\t2\t3\t4\t5\t6\t21\n')
WHERE row_no = 1;
SELECT unnest((govdisclose.parse_report(
  E'三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t9\t9\t1\t2\t3\t4\t5\t6\t21\n')).problems) AS problem
LIMIT 1;

-- a row with missing cells: what is there is kept, the rest is blank (NULL)
SELECT applicant, value FROM govdisclose.request_cells(
  E'三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t2\t3\n')
WHERE row_no = 1;

-- two copies of the requests table: the first is read, the second is named
CREATE TEMP TABLE twice AS
SELECT left(:'qinghe', position('四、政府信息公开行政复议' IN :'qinghe') - 1)
       || replace(substr(:'qinghe', position('(本列数据' IN :'qinghe'),
                         position('四、政府信息公开行政复议' IN :'qinghe') - position('(本列数据' IN :'qinghe')),
                  E'\t75\t', E'\t57\t')
       || substr(:'qinghe', position('四、政府信息公开行政复议' IN :'qinghe')) AS body;
SELECT value FROM twice, govdisclose.request_cells(body)
WHERE row_key = 'new_received' AND applicant = 'natural_person';
SELECT (govdisclose.parse_report(body)).problems FROM twice;
-- the same cells as the report printed once
SELECT count(*) AS cells_differing
FROM govdisclose.request_cells(:'qinghe') a
FULL JOIN (SELECT c.* FROM twice, govdisclose.request_cells(body) c) b USING (row_key, applicant)
WHERE a.value IS DISTINCT FROM b.value;

-- megabytes of random CJK text (with digits, tabs and line breaks): no report
SELECT setseed(0.25);
CREATE TEMP TABLE noise AS
SELECT string_agg(CASE WHEN i % 53 = 0 THEN E'\n' WHEN i % 11 = 0 THEN E'\t'
                       WHEN i % 7 = 0 THEN (i % 10)::text
                       ELSE chr(19968 + (random() * 20901)::int) END, '') AS body
FROM generate_series(1, 2000000) i;
SELECT octet_length(body) > 4000000 AS several_megabytes FROM noise;
SELECT (r).org, (r).year, (r).template, (r).layout, (r).problems
FROM (SELECT govdisclose.parse_report(body) AS r FROM noise) s;
SELECT count(*) AS cells FROM noise, govdisclose.request_cells(body);

-- 50 MB of one report repeated: the first copy is read, the repetition named
CREATE TEMP TABLE repeated AS
SELECT repeat(:'qinghe', (50 * 1024 * 1024 / octet_length(:'qinghe')) + 1) AS body;
SELECT octet_length(body) > 50 * 1024 * 1024 AS over_50_mb FROM repeated;
SELECT (r).org, (r).year, (r).layout, (r).problems
FROM (SELECT govdisclose.parse_report(body) AS r FROM repeated) s;
SELECT count(*) AS cells_differing
FROM govdisclose.request_cells(:'qinghe') a
FULL JOIN (SELECT c.* FROM repeated, govdisclose.request_cells(body) c) b USING (row_key, applicant)
WHERE a.value IS DISTINCT FROM b.value;

-- markup: 100,000 nested elements around a real table, unterminated tags,
-- a script that never ends, an entity that never ends
SELECT (r).org, (r).year, (r).layout, cardinality((r).problems) AS problems
FROM (SELECT govdisclose.parse_report(repeat('<div><span>', 100000) || :'qinghe_html'
                                      || repeat('</span></div>', 100000)) AS r) s;
SELECT count(*) AS cells_differing
FROM govdisclose.request_cells(:'qinghe') a
FULL JOIN govdisclose.request_cells(repeat('<div>', 100000) || :'qinghe_html') b USING (row_key, applicant)
WHERE a.value IS DISTINCT FROM b.value;
SELECT (r).layout, (r).problems[1] AS first_problem
FROM (SELECT govdisclose.parse_report(:'qinghe_html' || '<td colspan="3"') AS r) s;
SELECT (r).layout, cardinality((r).problems) AS problems
FROM (SELECT govdisclose.parse_report('<script>var t = "<table><tr><td>1</td>";' || repeat('x', 100000)) AS r) s;
SELECT (r).problems FROM (SELECT govdisclose.parse_report('<p>一、总体情况&#x1F600' || repeat('&', 10000)) AS r) s;

-- cancellation: statement_timeout stops one very large parse part-way.
-- A first run measures how long the parse takes (t); a second run gets a
-- timeout that falls about a quarter of the way into the parse, and must
-- stop well before the parse could have finished (not after it, as it would
-- if the core never looked at the interrupt flag).  The cancel is caught
-- inside the function, so a run that a busy machine cancels before the parse
-- even starts, or slows past the mark, is tried again (up to four runs, all
-- of which a core that never looked at the flag would fail), not a
-- different output.
CREATE TEMP TABLE vast AS SELECT repeat(:'qinghe', 30000) AS body;
CREATE FUNCTION pg_temp.timed_parse(body text, OUT before_ms float8, OUT parse_ms float8,
                                    OUT parse_started boolean, OUT cancelled boolean)
LANGUAGE plpgsql AS $$
DECLARE
    own_copy text;
    started timestamptz;
BEGIN
    parse_started := false;
    cancelled := false;
    BEGIN
        own_copy := body || '';	-- de-TOASTed before the clock starts
        started := clock_timestamp();
        parse_started := true;
        PERFORM govdisclose.parse_report(own_copy);
    EXCEPTION WHEN query_canceled THEN
        cancelled := true;
    END;
    before_ms := extract(epoch FROM started - statement_timestamp()) * 1000;
    parse_ms := extract(epoch FROM clock_timestamp() - started) * 1000;
END $$;
SELECT before_ms AS before_parse_ms, parse_ms AS full_parse_ms FROM vast, pg_temp.timed_parse(body) \gset
CREATE TEMP TABLE cancel_run AS SELECT f.* FROM pg_temp.timed_parse('') f WHERE false;
SELECT set_config('statement_timeout', ceil(:before_parse_ms + :full_parse_ms / 4)::text, false) IS NOT NULL AS timeout_set;
INSERT INTO cancel_run SELECT f.* FROM vast, pg_temp.timed_parse(body) f;
SELECT NOT coalesce(bool_or(parse_started AND cancelled AND parse_ms < :full_parse_ms * 0.75), false) AS try_again FROM cancel_run \gset
\if :try_again
INSERT INTO cancel_run SELECT f.* FROM vast, pg_temp.timed_parse(body) f;
\endif
SELECT NOT coalesce(bool_or(parse_started AND cancelled AND parse_ms < :full_parse_ms * 0.75), false) AS try_again FROM cancel_run \gset
\if :try_again
INSERT INTO cancel_run SELECT f.* FROM vast, pg_temp.timed_parse(body) f;
\endif
SELECT NOT coalesce(bool_or(parse_started AND cancelled AND parse_ms < :full_parse_ms * 0.75), false) AS try_again FROM cancel_run \gset
\if :try_again
INSERT INTO cancel_run SELECT f.* FROM vast, pg_temp.timed_parse(body) f;
\endif
RESET statement_timeout;
SELECT bool_or(parse_started AND cancelled) AS parse_cancelled,
       bool_or(parse_started AND cancelled AND parse_ms < :full_parse_ms * 0.75) AS stopped_before_it_could_finish
FROM cancel_run;
-- the session is still usable
SELECT (govdisclose.parse_report(:'qinghe')).org;
