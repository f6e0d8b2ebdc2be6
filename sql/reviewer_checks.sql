-- The reviewer checks of issue 13: COPIED-TEXT, LATE, YOY-JUMP, HIERARCHY-SUM
-- (with org_aliases folded into every cross-report rule), the indicators,
-- and reviewer decisions that outlive re-parsing and re-loading.
-- Fixtures: test/fixtures/checks/, written by test/fixtures/make_check_fixtures.py.
TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;
CREATE TEMP TABLE fx (name text PRIMARY KEY, body text);
\set a2022 `cat test/fixtures/checks/a2022.tab-rows.txt`
\set a2023 `cat test/fixtures/checks/a2023.tab-rows.txt`
\set a2024 `cat test/fixtures/checks/a2024.tab-rows.txt`
\set b2023 `cat test/fixtures/checks/b2023.tab-rows.txt`
\set c2023 `cat test/fixtures/checks/c2023.tab-rows.txt`
\set d2023 `cat test/fixtures/checks/d2023.tab-rows.txt`
\set e2023 `cat test/fixtures/checks/e2023.tab-rows.txt`
\set g2023 `cat test/fixtures/checks/g2023.tab-rows.txt`
\set h2023 `cat test/fixtures/checks/h2023.tab-rows.txt`
\set i2022 `cat test/fixtures/checks/i2022.tab-rows.txt`
\set i2023 `cat test/fixtures/checks/i2023.tab-rows.txt`
INSERT INTO fx VALUES ('a2022', :'a2022'), ('a2023', :'a2023'), ('a2024', :'a2024'), ('b2023', :'b2023'),
    ('c2023', :'c2023'), ('d2023', :'d2023'), ('e2023', :'e2023'), ('g2023', :'g2023'), ('h2023', :'h2023'),
    ('i2022', :'i2022'), ('i2023', :'i2023');
INSERT INTO govdisclose.documents (source, body) SELECT name, body FROM fx ORDER BY name;

-- ---------- published: page metadata first, else the date under the signature ----------
-- c2023 prints 发布时间：2024-03-28 above a signature dated 2024年3月20日; e2023 signs 二〇二四年二月十日
SELECT doc_id, source, org, year, published FROM govdisclose.reports ORDER BY doc_id;
SELECT t.label, (govdisclose.parse_report(t.body)).published
FROM (VALUES ('成文日期', E'某县财政局2023年政府信息公开工作年度报告\n成文日期：2024年1月5日\n'),
             ('slashes', E'正文\n\n某县财政局\n2024/1/5\n'),
             ('dots and spaces', E'正文\n\n某县财政局  2024 . 01 . 05\n'),
             ('ISO with time', E'发布日期: 2024-01-05 10:00:00\n正文\n'),
             ('no date', E'某县财政局2023年政府信息公开工作年度报告\n正文没有日期。\n'),
             ('not a calendar day', E'正文\n\n某县财政局\n2024年2月30日\n'),
             ('date inside a sentence', E'正文\n\n将于2024年3月1日前完成整改工作并向社会公布。\n')) AS t(label, body);

-- ---------- COPIED-TEXT ----------
-- b2023 (another body) copies a2022's first section with a few words changed; a2024 copies its own
-- 2023 report; every other report's prose is its own.  Pairs are found in both directions between
-- bodies, and only from the later year within one body.
SELECT doc_id, other_doc_id, section_no, similarity, kind FROM govdisclose.copied_sections ORDER BY 1, 2, 3;
-- signatures only for sections long enough to be evidence (the short sections 5 and 6 have none)
SELECT section_no, count(*) AS signatures FROM govdisclose_internal.section_signatures GROUP BY 1 ORDER BY 1;
SELECT (SELECT count(*) FROM govdisclose_internal.section_bands) = 16 * (SELECT count(*) FROM govdisclose_internal.section_signatures)
       AS sixteen_bands_per_signature;
-- digits count as one character, so a copy with new numbers is the same text; other words are not
SELECT govdisclose_internal.minhash_similarity(x.minhash, y.minhash) AS renumbered
FROM govdisclose.section_minhash(E'一、总体情况\n' || repeat('全年受理申请127件，答复128件，均在法定期限内办结。', 4)) x,
     govdisclose.section_minhash(E'一、总体情况\n' || repeat('全年受理申请904件，答复733件，均在法定期限内办结。', 4)) y;
-- two bodies' own prose shares only the sentence of the statistics period: far below the 0.5 kept
SELECT govdisclose_internal.minhash_similarity(x.minhash, y.minhash) AS own_prose, govdisclose_internal.minhash_similarity(x.minhash, y.minhash) < 0.5 AS not_kept
FROM fx a, fx b, govdisclose.section_minhash(a.body) x, govdisclose.section_minhash(b.body) y
WHERE a.name = 'c2023' AND b.name = 'd2023' AND x.section_no = 1 AND y.section_no = 1;
-- the threshold is a setting: at 0.9 these near copies are no longer reported
INSERT INTO govdisclose.check_settings VALUES ('copied_min_similarity', 0.9);
SELECT count(*) AS copied_at_0_9 FROM govdisclose.copied_sections;
DELETE FROM govdisclose.check_settings;
-- a signature is 128 integers; anything else is refused with a reason
SELECT govdisclose_internal.minhash_bands('{1,2,3}');
SELECT govdisclose_internal.minhash_similarity(array_fill(1, ARRAY[128]), array_fill(NULL::integer, ARRAY[128]));
INSERT INTO govdisclose.check_settings VALUES ('copied_min_similarity', 0.3);

-- ---------- LATE ----------
-- departments and township governments by 31 January, county governments and above by 31 March
SELECT doc_id, org, body_kind, kind_source, deadline, published FROM govdisclose.report_deadlines ORDER BY doc_id;
-- the kind read from the name can be overridden: e2023's body declared a government is on time
INSERT INTO govdisclose.org_kinds VALUES ('白石县白石镇人民政府', 'government');
SELECT body_kind, kind_source, deadline FROM govdisclose.report_deadlines WHERE org = '白石县白石镇人民政府';
SELECT count(*) AS late_after_override FROM govdisclose.findings WHERE rule_id = 'LATE' AND org = '白石县白石镇人民政府';
DELETE FROM govdisclose.org_kinds;
SELECT govdisclose.body_kind(n) AS kind, n
FROM unnest(ARRAY['江州市人民政府', '青萝县人民政府', '某自治区人民政府', '某乡人民政府', '某镇人民政府',
                  '某苏木人民政府', '江州市人民政府办公室', '某街道办事处', '某县财政局']) n;

-- ---------- YOY-JUMP ----------
-- a2024 printed ten times a2023's licensing decisions; every other figure is steady
SELECT org, year, figure, previous, current, ratio, flagged FROM govdisclose.yoy_figures
WHERE doc_id = (SELECT doc_id FROM govdisclose.documents WHERE source = 'a2024') ORDER BY ord;
-- the ratio and the floor are settings
INSERT INTO govdisclose.check_settings VALUES ('yoy_high_ratio', 20);
SELECT count(*) AS jumps_beyond_20x FROM govdisclose.findings WHERE rule_id = 'YOY-JUMP';
UPDATE govdisclose.check_settings SET setting = 'yoy_floor', value = 400000;
SELECT count(*) AS jumps_above_floor_400000 FROM govdisclose.findings WHERE rule_id = 'YOY-JUMP';
DELETE FROM govdisclose.check_settings;

-- ---------- HIERARCHY-SUM, and aliases in every cross-report rule ----------
-- 白石县人民政府 (d2023, numbers x3) against its two units: within; 青萝县人民政府 (c2023) against its
-- township and its civil-affairs bureau, whose 2023 report prints the longer name 江州市青萝县民政局
INSERT INTO govdisclose.org_units VALUES ('白石县白石镇人民政府', '白石县人民政府'), ('白石县应急管理局', '白石县人民政府'),
    ('青萝县青萝镇人民政府', '青萝县人民政府'), ('青萝县民政局', '青萝县人民政府');
SELECT * FROM govdisclose.hierarchy_rollup ORDER BY parent_org, year, figure;
SELECT rule_id, org, year, cells FROM govdisclose.findings
WHERE rule_id IN ('HIERARCHY-SUM', 'CARRY-CHAIN', 'STOCK-CHAIN') ORDER BY doc_id, sort_key;
-- once the alias is known the civil-affairs bureau is one body: its 2023 report counts under its
-- parent, and its carried-over requests and rules in force are checked against 2022
INSERT INTO govdisclose.org_aliases VALUES ('江州市青萝县民政局', '青萝县民政局');
SELECT * FROM govdisclose.hierarchy_rollup WHERE parent_org = '青萝县人民政府' ORDER BY figure, year;
SELECT rule_id, org, year, expected, actual, message FROM govdisclose.findings
WHERE rule_id IN ('HIERARCHY-SUM', 'CARRY-CHAIN', 'STOCK-CHAIN') ORDER BY doc_id, sort_key;

-- ---------- every finding of the reviewer rules: each fires on its case and on nothing else ----------
SELECT d.source, f.rule_id, f.severity, f.row_key, f.cells, f.other_doc_id, f.message
FROM govdisclose.findings f JOIN govdisclose.documents d USING (doc_id)
WHERE f.rule_id IN ('COPIED-TEXT', 'LATE', 'YOY-JUMP', 'HIERARCHY-SUM') ORDER BY f.doc_id, f.sort_key;
SELECT count(*) AS other_findings FROM govdisclose.findings
WHERE rule_id NOT IN ('COPIED-TEXT', 'LATE', 'YOY-JUMP', 'HIERARCHY-SUM', 'CARRY-CHAIN', 'STOCK-CHAIN');

-- ---------- indicators ----------
INSERT INTO govdisclose.documents (source, body)
SELECT 'no reviews', replace(replace(body, '白石县应急管理局', '白石县审计局'), E'\n4\t1\t4\t3\t12\t', E'\n0\t0\t0\t0\t0\t')
FROM fx WHERE name = 'g2023'
UNION ALL
SELECT 'prose only', left(body, strpos(body, '二、主动公开政府信息情况') - 1) FROM fx WHERE name = 'g2023';
SELECT d.source, i.granted_rate, i.denied_rate, i.answered_rate, i.review_corrected_rate, i.litigation_corrected_rate
FROM govdisclose.indicators i JOIN govdisclose.documents d USING (doc_id)
WHERE d.source IN ('a2022', 'no reviews', 'prose only') ORDER BY d.doc_id;
-- by hand for a2022: 13/128 granted, (0+5+0+0+2+1+0+0)/128 denied, 128/(127+11) answered,
-- 1/12 reviews corrected, (1+0)/(4+5) lawsuits corrected
SELECT round(13/128.0, 4), round(8/128.0, 4), round(128/138.0, 4), round(1/12.0, 4), round(1/9.0, 4);
DELETE FROM govdisclose.documents WHERE source IN ('no reviews', 'prose only');

-- ---------- reviewer decisions outlive re-parsing and re-loading ----------
INSERT INTO govdisclose.finding_decisions (fingerprint, decision, note)
SELECT f.fingerprint, x.decision, x.note
FROM govdisclose.findings f JOIN govdisclose.documents d USING (doc_id)
JOIN (VALUES ('a2024', 'LATE', 'confirmed', '网站迁移导致延迟发布'),
             ('a2024', 'YOY-JUMP', 'dismissed', '年内下放许可事项，数量属实'),
             ('i2023', 'CARRY-CHAIN', 'corrected', '上年结转数已更正')) AS x(source, rule_id, decision, note)
  ON x.source = d.source AND x.rule_id = f.rule_id
WHERE f.column_key IS DISTINCT FROM 'natural_person';
\set VERBOSITY terse
INSERT INTO govdisclose.finding_decisions (fingerprint, decision) VALUES ('x', 'ignored');
\set VERBOSITY default
CREATE TEMP TABLE decided AS
SELECT d.source, f.rule_id, f.column_key, f.fingerprint, f.decision
FROM govdisclose.findings f JOIN govdisclose.documents d USING (doc_id) WHERE f.decision IS NOT NULL;
SELECT source, rule_id, column_key, decision FROM decided ORDER BY 1, 2, 3;
-- re-parse every document (a changed body is parsed again)
UPDATE govdisclose.documents SET body = body || E'\n';
SELECT count(*) AS decided_after_reparse FROM govdisclose.findings f JOIN govdisclose.documents d USING (doc_id)
JOIN decided x ON x.source = d.source AND x.fingerprint = f.fingerprint AND x.decision = f.decision;
-- drop every document and load them again, in another order: new doc ids, same decisions
DELETE FROM govdisclose.documents;
SELECT (SELECT count(*) FROM govdisclose_internal.section_signatures) + (SELECT count(*) FROM govdisclose_internal.section_bands)
       + (SELECT count(*) FROM govdisclose_internal.copied_pairs) + (SELECT count(*) FROM govdisclose_internal.parsed) AS derived_rows_left;
INSERT INTO govdisclose.documents (source, body) SELECT name, body FROM fx ORDER BY name DESC;
SELECT d.doc_id, d.source, f.rule_id, f.column_key, f.decision
FROM govdisclose.findings f JOIN govdisclose.documents d USING (doc_id) WHERE f.decision IS NOT NULL ORDER BY 2, 3, 4;
SELECT count(*) AS decided_after_reload FROM govdisclose.findings f JOIN govdisclose.documents d USING (doc_id)
JOIN decided x ON x.source = d.source AND x.fingerprint = f.fingerprint AND x.decision = f.decision;
-- the copied pairs are found again on the reload
SELECT count(*) AS copied_after_reload FROM govdisclose.copied_sections;
TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;
SELECT (SELECT count(*) FROM govdisclose_internal.section_signatures) + (SELECT count(*) FROM govdisclose_internal.section_bands)
       AS signature_rows_after_truncate;
DELETE FROM govdisclose.org_aliases;
DELETE FROM govdisclose.org_units;
DELETE FROM govdisclose.finding_decisions;
