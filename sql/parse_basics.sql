-- The SQL interface on a small inline report: composite, long forms, sections, facts.
SELECT govdisclose.version() = '1.0' AS version_ok;

\set small '测试县档案馆\n2023年政府信息公开工作年度报告\n一、总体情况\n统计期限自2023年1月1日至2023年12月31日。本年度新收政府信息公开申请5件，办结5件，结转下年度继续办理0件。\n二、主动公开政府信息情况\n规章\t0\t0\t3\n行政规范性文件\t1\t0\t9\n行政许可\t1,200\n行政处罚\t7\n行政强制\t—\n行政事业性收费\t1.25\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n（一）予以公开\t4\t\t0\t0\t0\t0\t4\n（七）总计\t5\t0\t0\t0\t0\t0\t5\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n四、政府信息公开行政复议、行政诉讼情况\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n'
CREATE TEMP TABLE small AS SELECT replace(replace(:'small', '\n', E'\n'), '\t', E'\t') AS body;

SELECT (r).title, (r).org, (r).year, (r).template, (r).layout
FROM (SELECT govdisclose.parse_report(body) AS r FROM small) s;

SELECT (r).active.* FROM (SELECT govdisclose.parse_report(body) AS r FROM small) s;
SELECT (r).review.review_upheld, (r).review.review_total FROM (SELECT govdisclose.parse_report(body) AS r FROM small) s;
SELECT unnest((govdisclose.parse_report(body)).problems) AS problem FROM small;

-- 175 cells, blanks NULL, only printed rows filled
SELECT count(*) AS cells, count(value) AS filled FROM small, govdisclose.request_cells(body);
SELECT row_no, row_key, applicant, value FROM small, govdisclose.request_cells(body)
WHERE row_no IN (1, 3) ORDER BY row_no, applicant;

SELECT item, measure, value FROM small, govdisclose.active_items(body);
SELECT grp, outcome, value FROM small, govdisclose.review_cells(body) WHERE value <> 0;
SELECT section_no, heading, left(regexp_replace(content, '\s+', ' ', 'g'), 24) AS starts FROM small, govdisclose.sections(body);
SELECT fact, value, unit, span FROM small, govdisclose.narrative_facts(body);

-- the functions are usable in expression indexes and parallel plans
SELECT n.nspname, p.proname, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname IN ('govdisclose', 'govdisclose_internal') AND p.prorettype <> 'trigger'::regtype ORDER BY 1, 2;
