-- Every layout of a report gives the same numbers (SPEC §1).
-- The fixtures are fictional reports written by test/fixtures/make_fixtures.py;
-- the space-aligned ones are pdftotext -layout output of LibreOffice-made PDFs.
CREATE TEMP TABLE fixture_file (file text, body text);
\copy fixture_file FROM PROGRAM 'python3 test/fixtures/as_copy.py'
CREATE TEMP TABLE fixture AS
SELECT split_part(file, '.', 1) AS report, split_part(file, '.', 2) AS layout, body FROM fixture_file;

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
