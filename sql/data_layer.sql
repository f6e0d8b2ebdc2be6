-- Loading reports with plain SQL, and the findings of every rule of SPEC §7.
TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;
\set qinghe `cat test/fixtures/qinghe.tab-rows.txt`
\set jianglan `cat test/fixtures/jianglan.cell-per-line.txt`
\set nanhu `cat test/fixtures/nanhu.html.txt`
\set linchuan `cat test/fixtures/linchuan2019.tab-rows.txt`
CREATE TEMP TABLE fx (name text PRIMARY KEY, body text);
INSERT INTO fx VALUES ('qinghe', :'qinghe'), ('jianglan', :'jianglan'), ('nanhu', :'nanhu'), ('linchuan', :'linchuan');

-- loading is INSERT; the parse and the findings exist right after the statement
INSERT INTO govdisclose.documents (source, body) SELECT name, body FROM fx WHERE name <> 'linchuan';
SELECT doc_id, source, org, year, template, layout, status, problem_count FROM govdisclose.reports ORDER BY doc_id;

-- consistent reports: no finding of any rule (the fixtures share their first section's
-- wording, which COPIED-TEXT reports; sql/reviewer_checks.sql tests it)
SELECT count(*) AS findings_of_consistent_reports FROM govdisclose.findings WHERE rule_id <> 'COPIED-TEXT';

-- the same text again is skipped, not doubled
INSERT INTO govdisclose.documents (source, body) SELECT name || ' again', body FROM fx WHERE name = 'qinghe';
SELECT count(*) AS documents, (SELECT count(*) FROM govdisclose_internal.parsed) AS parsed FROM govdisclose.documents;

-- long and wide forms
SELECT count(*) AS request_values, count(value) AS non_null FROM govdisclose.request_values WHERE doc_id = 1;
SELECT doc_id, applicant, new_received, carried_over, results_total, carried_forward, other_undivided
FROM govdisclose.requests_wide WHERE applicant = 'total' ORDER BY doc_id;
SELECT doc_id, count(*) AS active, sum(value) AS total FROM govdisclose.active_values GROUP BY 1 ORDER BY 1;
SELECT doc_id, grp, value FROM govdisclose.review_values WHERE outcome = 'total' ORDER BY 1, 2;
SELECT doc_id, fact, value, unit FROM govdisclose.fact_values WHERE doc_id = 1 ORDER BY fact;
SELECT doc_id, section_no, heading FROM govdisclose.report_sections WHERE doc_id = 3 ORDER BY 2;

-- every table, view and column of the data layer has a comment
SELECT c.relname, a.attname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = 'govdisclose' AND c.relkind IN ('r', 'v') AND c.relname <> 'parsed'
  AND col_description(c.oid, a.attnum) IS NULL;
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'govdisclose' AND c.relkind IN ('r', 'v') AND obj_description(c.oid) IS NULL;

-- ---------- each rule: a text that triggers it (the unchanged fixtures trigger none) ----------
CREATE TEMP TABLE rule_case (rule text, body text);
INSERT INTO rule_case
SELECT 'REQ-ROW-TOTAL', regexp_replace(body, E'(一、本年新收政府信息公开申请数量\t[^\n]*\t)([0-9]+)\n', E'\\1999\n') FROM fx WHERE name = 'qinghe'
UNION ALL
-- one more carried over for natural persons, in its cell and in the row's total: only the balance breaks
SELECT 'REQ-BALANCE', regexp_replace(body, E'二、上年结转政府信息公开申请数量\t[^\n]*',
         E'二、上年结转政府信息公开申请数量\t' || (m[1]::int + 1) || E'\t' || array_to_string(m[2:6], E'\t') || E'\t' || (m[7]::int + 1))
FROM fx, regexp_match(body, E'二、上年结转政府信息公开申请数量\t(\\d+)\t(\\d+)\t(\\d+)\t(\\d+)\t(\\d+)\t(\\d+)\t(\\d+)') m
WHERE name = 'qinghe'
UNION ALL
SELECT 'REQ-RESULTS-TOTAL', regexp_replace(body, E'(（七）总计)\t([0-9]+)\t([0-9]+)\t([0-9]+)\t([0-9]+)\t([0-9]+)\t([0-9]+)\t([0-9]+)',
                                          E'\\1\t900\t\\3\t\\4\t\\5\t\\6\t\\7\t' || '900') FROM fx WHERE name = 'qinghe'
UNION ALL
SELECT 'REV-TOTAL', regexp_replace(body, E'\n([0-9]+)\t([0-9]+)\t([0-9]+)\t([0-9]+)\t([0-9]+)\t', E'\n\\1\t\\2\t\\3\t\\4\t77\t') FROM fx WHERE name = 'qinghe'
UNION ALL
SELECT 'NEGATIVE', replace(body, E'行政强制\t', E'行政强制\t-') FROM fx WHERE name = 'qinghe'
UNION ALL
SELECT 'CELL-BLANK', body FROM fx WHERE name = 'jianglan'
UNION ALL
SELECT 'CELL-PLACEHOLDER', body FROM fx WHERE name = 'nanhu'
UNION ALL
SELECT 'CELL-UNREADABLE', replace(body, E'行政许可\t', E'行政许可\t99999999999999999999') FROM fx WHERE name = 'qinghe'
UNION ALL
SELECT 'TABLE-MISSING', left(body, strpos(body, '四、政府信息公开行政复议') - 1) FROM fx WHERE name = 'qinghe'
UNION ALL
SELECT 'TEMPLATE-OLD', replace(body, '2020年政府信息公开工作年度报告', '2022年政府信息公开工作年度报告') FROM fx WHERE name = 'linchuan'
UNION ALL
SELECT 'TEXT-VS-TABLE', regexp_replace(body, '全年新收政府信息公开申请[0-9]+件', '全年新收政府信息公开申请1件') FROM fx WHERE name = 'qinghe'
UNION ALL
SELECT 'FEE-NOTICE', replace(body, '实际收取的总金额0元', '实际收取的总金额500元') FROM fx WHERE name = 'qinghe'
UNION ALL
SELECT 'YEAR-MISMATCH', replace(body, '统计期限自2023年', '统计期限自2022年') FROM fx WHERE name = 'qinghe';

-- triggered: the case's own rule appears; rules list what else fired
SELECT rule, bool_or(c.rule_id = rule) AS fired, count(*) FILTER (WHERE c.rule_id = rule) AS n,
       string_agg(DISTINCT c.rule_id, ', ') AS all_rules
FROM rule_case, govdisclose.check_report(body) c GROUP BY rule ORDER BY rule;
-- not triggered: the unchanged fixtures give no finding of any rule through check_report either
SELECT name, count(c.rule_id) AS findings FROM fx LEFT JOIN LATERAL govdisclose.check_report(fx.body) c ON true
WHERE name <> 'linchuan' GROUP BY name ORDER BY name;
-- one finding in full, as a reviewer reads it
SELECT rule_id, severity, table_name, row_key, column_key, cells, expected, actual, message
FROM rule_case, govdisclose.check_report(body) WHERE rule = 'REQ-BALANCE';
SELECT rule_id, message FROM rule_case, govdisclose.check_report(body) WHERE rule IN ('TEXT-VS-TABLE', 'FEE-NOTICE', 'YEAR-MISMATCH', 'TEMPLATE-OLD')
ORDER BY 1;

-- the loaded and the unloaded text give the same findings, in the same order
-- (besides DUPLICATE-REPORT: the loaded text shares its body and year with qinghe)
INSERT INTO govdisclose.documents (source, body) SELECT rule, body FROM rule_case WHERE rule = 'REQ-RESULTS-TOTAL';
SELECT (SELECT array_agg(rule_id || ':' || coalesce(row_key, '') || ':' || coalesce(column_key, '') ORDER BY sort_key)
        FROM govdisclose.findings f JOIN govdisclose.documents d USING (doc_id)
        WHERE d.source = 'REQ-RESULTS-TOTAL' AND f.rule_id NOT IN ('COPIED-TEXT', 'DUPLICATE-REPORT'))
     = (SELECT array_agg(rule_id || ':' || coalesce(row_key, '') || ':' || coalesce(column_key, ''))
        FROM rule_case, govdisclose.check_report(body) WHERE rule = 'REQ-RESULTS-TOTAL') AS same_findings;

-- CARRY-CHAIN and STOCK-CHAIN: the same body a year later
INSERT INTO govdisclose.documents (source, body)
SELECT 'qinghe 2024', replace(replace(body, '2023', '2024'), E'\n规章\t', E'\n规章\t5\t') FROM fx WHERE name = 'qinghe';
SELECT rule_id, severity, row_key, column_key, expected, actual, message
FROM govdisclose.findings WHERE rule_id IN ('CARRY-CHAIN', 'STOCK-CHAIN') ORDER BY sort_key LIMIT 4;
SELECT count(*) FILTER (WHERE rule_id = 'CARRY-CHAIN') AS carry, count(*) FILTER (WHERE rule_id = 'STOCK-CHAIN') AS stock
FROM govdisclose.findings;

-- updating a body re-parses it; deleting a document removes all derived from it
UPDATE govdisclose.documents SET body = (SELECT body FROM fx WHERE name = 'linchuan') WHERE source = 'qinghe 2024';
SELECT org, year, template FROM govdisclose.reports WHERE source = 'qinghe 2024';
SELECT count(*) AS chain_findings_after_update FROM govdisclose.findings WHERE rule_id IN ('CARRY-CHAIN', 'STOCK-CHAIN');
DELETE FROM govdisclose.documents WHERE source = 'qinghe 2024';
SELECT count(*) AS parsed_rows, (SELECT count(*) FROM govdisclose.documents) AS documents FROM govdisclose_internal.parsed;

-- seed 002's known inconsistency, the way the corpus README describes it
INSERT INTO govdisclose.documents (source, body) VALUES ('seed 002 results row',
  E'某乡人民政府\n2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n' ||
  E'一、本年新收政府信息公开申请数量\t7\t0\t0\t0\t0\t0\t7\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n' ||
  E'（一）予以公开\t7\t0\t0\t0\t0\t0\t7\n（七）总计\t0\t0\t0\t0\t0\t0\t7\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n');
SELECT rule_id, row_key, column_key, expected, actual FROM govdisclose.findings f JOIN govdisclose.documents d USING (doc_id)
WHERE d.source = 'seed 002 results row' AND rule_id LIKE 'REQ-%' ORDER BY sort_key;
DELETE FROM govdisclose.documents WHERE source = 'seed 002 results row';
