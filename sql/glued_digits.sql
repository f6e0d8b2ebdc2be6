-- Crawler text with the whole table glued (SPEC §1 "collapsed"): the digits are split by the
-- table's identities; such values are marked inferred, values read as printed are not.
\set glued `cat test/fixtures/matrix/yulan/glue-strip.txt`
\set plain `cat test/fixtures/matrix/yulan/fixtures-cell-per-line.txt`

-- the glued reading equals the printed one on every cell it reads; how many it reads, inferred or not
SELECT count(*) FILTER (WHERE g.value IS NOT DISTINCT FROM p.value) AS same,
       count(*) FILTER (WHERE g.value IS NOT NULL AND g.value <> p.value) AS wrong,
       count(*) FILTER (WHERE g.inferred) AS inferred,
       count(*) FILTER (WHERE p.inferred) AS inferred_in_plain
FROM govdisclose.request_cells(:'glued') g
JOIN govdisclose.request_cells(:'plain') p USING (row_key, applicant);

-- 一、本年新收: 18 glued digits split into 1244 12 10 14 16 13 1309
SELECT applicant, value, inferred FROM govdisclose.request_cells(:'glued')
WHERE row_key = 'new_received' ORDER BY applicant;

-- review: 15 digits for 15 cells, one each
SELECT count(*) FILTER (WHERE inferred) AS inferred, sum(value) AS total
FROM govdisclose.review_cells(:'glued');

-- a printed total that no split can make hold: the row is unknown, and a problem says why
SELECT value, inferred FROM govdisclose.request_cells(replace(:'glued', '124210101416131305', '124210101416131306'))
WHERE row_key = 'results_total' AND applicant = 'total';
SELECT p FROM unnest((govdisclose.parse_report(replace(:'glued', '124210101416131305', '124210101416131306'))).problems) p
WHERE p LIKE '%glued%';

-- hostile glued runs (40 digits a row): the bounded search gives up with a problem, never a guess
SELECT count(value) AS values_read, count(*) AS cells
FROM govdisclose.request_cells(regexp_replace(:'glued', '[0-9]+', repeat('1', 40), 'g'));
SELECT count(*) > 0 AS problem_named
FROM unnest((govdisclose.parse_report(regexp_replace(:'glued', '[0-9]+', repeat('1', 40), 'g'))).problems) p
WHERE p LIKE '%glued%';

-- a later row shows that blank cells left no mark ("行政规范性文件5" for 3 cells): a row before it
-- is not cut as if every cell were printed ("规章117" may be 11, 7 and a blank), a problem says why
SELECT measure, value FROM govdisclose.active_items(replace(:'glued', '规章000行政规范性文件3127', '规章117行政规范性文件5'))
WHERE item = 'rules' ORDER BY measure;
SELECT p FROM unnest((govdisclose.parse_report(replace(:'glued', '规章000行政规范性文件3127', '规章117行政规范性文件5'))).problems) p
WHERE p LIKE 'active item rules:%';
