-- A load of 1,000 reports, 20 of them malformed, by one COPY statement:
-- all 1,000 are stored, and exactly the 20 get error findings.
TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;
CREATE TEMP TABLE layout_body (n integer, body text);
\set b1 `cat test/fixtures/qinghe.cell-per-line.txt`
\set b2 `cat test/fixtures/qinghe.space-aligned.txt`
\set b3 `cat test/fixtures/jianglan.html.txt`
\set b4 `cat test/fixtures/jianglan.tab-rows.txt`
\set b5 `cat test/fixtures/nanhu.pipe-rows.txt`
INSERT INTO layout_body VALUES (1, :'b1'), (2, :'b2'), (3, :'b3'), (4, :'b4'), (5, :'b5');

-- 980 good reports (distinct texts: a numbered note at the end), 20 malformed ones
CREATE TEMP TABLE batch AS
SELECT 'good ' || i AS source, b.body || E'\n附注：归档编号' || i || E'。\n' AS body
FROM generate_series(1, 980) i JOIN layout_body b ON b.n = 1 + i % 5
UNION ALL
SELECT 'bad ' || i, CASE i % 4
    WHEN 0 THEN left(b.body, strpos(b.body, '（三）不予公开') + 20) || i          -- cut off inside a table
    WHEN 1 THEN repeat('随机文字' || i, 50)                                      -- no report at all
    WHEN 2 THEN '<table><tr><td>' || repeat('<td colspan=7>', i) || i           -- broken markup
    ELSE left(b.body, strpos(b.body, '主动公开政府信息情况') - 1) || i            -- prose only, no tables
  END
FROM generate_series(1, 20) i JOIN layout_body b ON b.n = 1 + i % 5;

\set load_file '/tmp/govdisclose_bulk_load_' :PORT '.tsv'
COPY (SELECT source, body FROM batch ORDER BY source) TO :'load_file';
COPY govdisclose.documents (source, body) FROM :'load_file';

SELECT count(*) AS documents FROM govdisclose.documents WHERE source ~ '^(good|bad) ';
SELECT left(r.source, 4) AS kind, count(*) AS reports, count(*) FILTER (WHERE s.error_findings > 0) AS with_errors
FROM govdisclose.reports r JOIN govdisclose.report_summary s USING (doc_id)
WHERE r.source ~ '^(good|bad) ' GROUP BY 1 ORDER BY 1;
SELECT status, count(*) FROM govdisclose.reports WHERE source LIKE 'bad %' GROUP BY 1 ORDER BY 1;
-- compressed bodies are lz4 (Debian's server has it), which loads and reads several times faster than pglz
SELECT DISTINCT pg_column_compression(body) AS compression FROM govdisclose.documents WHERE pg_column_compression(body) IS NOT NULL;
TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;
