-- What test/demo.sh prints after gdload has loaded test/gdload/fixtures/samples:
-- those reports and their findings, then every bundled layout as govdisclose reads it.
\pset footer off
\echo
\echo === What gdload loaded: each file, its format, the report read from it
SELECT d.doc_id, d.source, d.format, r.org, r.year, r.template, r.status
FROM govdisclose.documents d JOIN govdisclose.reports r USING (doc_id) ORDER BY d.doc_id;

\echo === Their findings: every inconsistency, by report (govdisclose.findings)
SELECT doc_id, rule_id, severity, expected, actual, message
FROM govdisclose.findings ORDER BY doc_id, sort_key;

\set QUIET on
CREATE TABLE sample (file text, body text);
\copy sample FROM PROGRAM 'python3 test/fixtures/as_copy.py'
\set QUIET off
\echo === Every bundled sample report: body, year, template, layout read
SELECT file, (r).org, (r).year, (r).template, (r).layout, cardinality((r).problems) AS problems
FROM sample, LATERAL (SELECT govdisclose.parse_report(body) AS r) p ORDER BY file;

\echo === Titles
SELECT DISTINCT (govdisclose.parse_report(body)).title FROM sample ORDER BY 1;

\echo === Section 2 (主动公开政府信息情况), each report read from its web page
SELECT file, a.item, a.measure, a.value
FROM sample, govdisclose.active_items(body) a WHERE file LIKE '%.html.txt' ORDER BY file;

\echo === Section 3 (收到和处理政府信息公开申请情况) of 江澜县市场监督管理局, read from PDF text; · = blank cell
SELECT c.row_no, c.row_key,
       string_agg(coalesce(c.value::text, '·'), ' ' ORDER BY array_position(ARRAY[
         'natural_person','commercial','research','social_welfare','legal_service','other_org','total'], c.applicant))
         AS "自然人 商业 科研 公益 法律 其他 总计"
FROM sample, govdisclose.request_cells(body) c
WHERE file = 'jianglan.space-aligned.txt' GROUP BY 1, 2 ORDER BY 1;

\echo === Section 4 (行政复议、行政诉讼情况), each report read from tab rows
SELECT file, (r).review.* FROM sample, LATERAL (SELECT govdisclose.parse_report(body) AS r) p
WHERE file LIKE '%.tab-rows.txt' ORDER BY file;

\echo === Figures stated in the prose of 云岭市青禾区人民政府办公室
SELECT fact, value, unit, span FROM sample, govdisclose.narrative_facts(body)
WHERE file = 'qinghe.cell-per-line.txt';
