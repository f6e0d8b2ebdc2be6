-- Every layout of a report gives the same numbers (SPEC §1).
-- The fixtures are fictional reports written by test/fixtures/make_fixtures.py;
-- the space-aligned ones are pdftotext -layout output of LibreOffice-made PDFs.
CREATE TEMP TABLE fixture (report text, layout text, body text);
\set qinghe_cell_per_line `cat test/fixtures/qinghe.cell-per-line.txt`
INSERT INTO fixture VALUES ('qinghe', 'cell-per-line', :'qinghe_cell_per_line');
\set qinghe_tab_rows `cat test/fixtures/qinghe.tab-rows.txt`
INSERT INTO fixture VALUES ('qinghe', 'tab-rows', :'qinghe_tab_rows');
\set qinghe_pipe_rows `cat test/fixtures/qinghe.pipe-rows.txt`
INSERT INTO fixture VALUES ('qinghe', 'pipe-rows', :'qinghe_pipe_rows');
\set qinghe_html `cat test/fixtures/qinghe.html.txt`
INSERT INTO fixture VALUES ('qinghe', 'html', :'qinghe_html');
\set qinghe_space_aligned `cat test/fixtures/qinghe.space-aligned.txt`
INSERT INTO fixture VALUES ('qinghe', 'space-aligned', :'qinghe_space_aligned');
\set qinghe_collapsed `cat test/fixtures/qinghe.collapsed.txt`
INSERT INTO fixture VALUES ('qinghe', 'collapsed', :'qinghe_collapsed');
\set jianglan_cell_per_line `cat test/fixtures/jianglan.cell-per-line.txt`
INSERT INTO fixture VALUES ('jianglan', 'cell-per-line', :'jianglan_cell_per_line');
\set jianglan_tab_rows `cat test/fixtures/jianglan.tab-rows.txt`
INSERT INTO fixture VALUES ('jianglan', 'tab-rows', :'jianglan_tab_rows');
\set jianglan_pipe_rows `cat test/fixtures/jianglan.pipe-rows.txt`
INSERT INTO fixture VALUES ('jianglan', 'pipe-rows', :'jianglan_pipe_rows');
\set jianglan_html `cat test/fixtures/jianglan.html.txt`
INSERT INTO fixture VALUES ('jianglan', 'html', :'jianglan_html');
\set jianglan_space_aligned `cat test/fixtures/jianglan.space-aligned.txt`
INSERT INTO fixture VALUES ('jianglan', 'space-aligned', :'jianglan_space_aligned');
\set jianglan_collapsed `cat test/fixtures/jianglan.collapsed.txt`
INSERT INTO fixture VALUES ('jianglan', 'collapsed', :'jianglan_collapsed');
\set nanhu_cell_per_line `cat test/fixtures/nanhu.cell-per-line.txt`
INSERT INTO fixture VALUES ('nanhu', 'cell-per-line', :'nanhu_cell_per_line');
\set nanhu_tab_rows `cat test/fixtures/nanhu.tab-rows.txt`
INSERT INTO fixture VALUES ('nanhu', 'tab-rows', :'nanhu_tab_rows');
\set nanhu_pipe_rows `cat test/fixtures/nanhu.pipe-rows.txt`
INSERT INTO fixture VALUES ('nanhu', 'pipe-rows', :'nanhu_pipe_rows');
\set nanhu_html `cat test/fixtures/nanhu.html.txt`
INSERT INTO fixture VALUES ('nanhu', 'html', :'nanhu_html');
\set nanhu_space_aligned `cat test/fixtures/nanhu.space-aligned.txt`
INSERT INTO fixture VALUES ('nanhu', 'space-aligned', :'nanhu_space_aligned');
\set nanhu_collapsed `cat test/fixtures/nanhu.collapsed.txt`
INSERT INTO fixture VALUES ('nanhu', 'collapsed', :'nanhu_collapsed');
\set linchuan2019_tab_rows `cat test/fixtures/linchuan2019.tab-rows.txt`
INSERT INTO fixture VALUES ('linchuan2019', 'tab-rows', :'linchuan2019_tab_rows');

-- what each file was read as
SELECT report, layout, (r).layout AS detected, (r).org, (r).year, (r).template,
       cardinality((r).problems) AS problems
FROM fixture, LATERAL (SELECT govdisclose.parse_report(body) AS r) p ORDER BY report, layout;

-- differences from the cell-per-line reading, per report and layout: all zero
SELECT f.report, f.layout,
  (SELECT count(*) FROM ((SELECT * FROM govdisclose.request_cells(f.body) EXCEPT ALL SELECT * FROM govdisclose.request_cells(b.body))
     UNION ALL (SELECT * FROM govdisclose.request_cells(b.body) EXCEPT ALL SELECT * FROM govdisclose.request_cells(f.body))) d) AS request_diffs,
  (SELECT count(*) FROM ((SELECT * FROM govdisclose.active_items(f.body) EXCEPT ALL SELECT * FROM govdisclose.active_items(b.body))
     UNION ALL (SELECT * FROM govdisclose.active_items(b.body) EXCEPT ALL SELECT * FROM govdisclose.active_items(f.body))) d) AS active_diffs,
  (SELECT count(*) FROM ((SELECT * FROM govdisclose.review_cells(f.body) EXCEPT ALL SELECT * FROM govdisclose.review_cells(b.body))
     UNION ALL (SELECT * FROM govdisclose.review_cells(b.body) EXCEPT ALL SELECT * FROM govdisclose.review_cells(f.body))) d) AS review_diffs,
  (f.r).org IS NOT DISTINCT FROM (b.r).org AND (f.r).year IS NOT DISTINCT FROM (b.r).year AS same_org_year
FROM (SELECT *, govdisclose.parse_report(body) AS r FROM fixture) f
JOIN (SELECT *, govdisclose.parse_report(body) AS r FROM fixture WHERE layout = 'cell-per-line') b USING (report)
WHERE f.layout NOT IN ('cell-per-line', 'collapsed') ORDER BY 1, 2;

-- collapsed text: glued digits are split only where the identities allow one reading;
-- no value differs from the true one, the rest is NULL
SELECT f.report, count(c.value) AS known, count(*) FILTER (WHERE c.value <> t.value) AS wrong
FROM fixture f, govdisclose.request_cells(f.body) c
JOIN fixture b ON true, govdisclose.request_cells(b.body) t
WHERE f.layout = 'collapsed' AND b.layout = 'html' AND b.report = f.report
  AND t.row_no = c.row_no AND t.applicant = c.applicant GROUP BY 1 ORDER BY 1;

-- one report read from each layout, as a reader would check it: row, then the 7 columns
SELECT f.layout, c.row_no, c.row_key,
       string_agg(coalesce(c.value::text, '·'), ' ' ORDER BY array_position(
         ARRAY['natural_person','commercial','research','social_welfare','legal_service','other_org','total'], c.applicant)) AS cells
FROM fixture f, govdisclose.request_cells(f.body) c
WHERE f.report = 'jianglan' AND f.layout <> 'collapsed'
GROUP BY 1, 2, 3 ORDER BY 1, 2;

SELECT f.layout, string_agg(coalesce(v.value::text, '·'), ' ' ORDER BY ord) AS review
FROM fixture f, govdisclose.review_cells(f.body) WITH ORDINALITY v(grp, outcome, value, ord)
WHERE f.report = 'nanhu' GROUP BY 1 ORDER BY 1;

-- the 2019 template keeps its own measures
SELECT item, measure, value FROM fixture, govdisclose.active_items(body) WHERE report = 'linchuan2019';
SELECT row_key, value FROM fixture, govdisclose.request_cells(body)
WHERE report = 'linchuan2019' AND applicant = 'total' AND row_no >= 21;

-- strict mode accepts every clean fixture (it raises on any problem)
SELECT count(*) AS strict_ok FROM fixture
WHERE layout <> 'collapsed' AND (govdisclose.parse_report(body, strict => true)).year IS NOT NULL;
