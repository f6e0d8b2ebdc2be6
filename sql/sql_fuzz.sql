-- Every SQL-callable function on arguments any role can build (README
-- "Security"): random rows for report_findings (arrays of any length, lengths
-- that do not match, NULL elements, extreme and special numbers, huge texts),
-- random and broken report texts for every other function.  Nothing may crash
-- the server; a function may only raise the errors it documents.
SELECT setseed(0.4242);
\set qinghe `cat test/fixtures/qinghe.tab-rows.txt`
\set nanhu `cat test/fixtures/nanhu.html.txt`

CREATE FUNCTION pg_temp.pick(choices anyarray) RETURNS anyelement LANGUAGE sql VOLATILE AS
$$ SELECT choices[1 + floor(random() * cardinality(choices))::int] $$;
-- random text: letters, digits, CJK, line ends, template words, at most n characters
CREATE FUNCTION pg_temp.noise(n integer) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg((ARRAY['a', '7', '-', ' ', E'\t', E'\n', E'\r', '件', '年', '总计', '万元',
                             chr(19968 + (random() * 20000)::int), chr(1 + (random() * 126)::int),
                             'requests_received', 'reviews', '2023', '9223372036854775808', '0.5'])[1 + floor(random() * 18)::int], '')
    FROM generate_series(1, (random() * n)::int)
$$;
CREATE FUNCTION pg_temp.numbers(n integer) RETURNS numeric[] LANGUAGE sql VOLATILE AS $$
    SELECT array_agg((ARRAY[NULL, 0, -1, 1, 0.5, -0.000001, 12345678901234567890.123456789,
                            9223372036854775807, -9223372036854775808, 1e300, -1e-300,
                            'NaN', 'Infinity', '-Infinity', (random() * 1e6)::numeric(20, 3)])[1 + floor(random() * 15)::int])
    FROM generate_series(1, (random() * n)::int)
$$;
CREATE FUNCTION pg_temp.counts(n integer) RETURNS bigint[] LANGUAGE sql VOLATILE AS $$
    SELECT array_agg((ARRAY[NULL, 0, -1, 1, 9223372036854775807, -9223372036854775808,
                            (random() * 1000)::bigint])[1 + floor(random() * 7)::int])
    FROM generate_series(1, (random() * n)::int)
$$;
CREATE FUNCTION pg_temp.texts(n integer, words text[]) RETURNS text[] LANGUAGE sql VOLATILE AS $$
    SELECT array_agg(CASE WHEN random() < 0.85 THEN words[1 + floor(random() * cardinality(words))::int]
                          ELSE pg_temp.noise(40) END)
    FROM generate_series(1, (random() * n)::int)
$$;

-- 400 random rows, each field absent, short, long, mismatched or extreme
CREATE TEMP TABLE fuzz_row AS
SELECT i, ROW(pg_temp.pick(ARRAY[NULL, 1, -9223372036854775808]::bigint[]),
              pg_temp.noise(20), pg_temp.pick(ARRAY[NULL, '', '某县人民政府', pg_temp.noise(300)]),
              pg_temp.pick(ARRAY[NULL, 0, 2023, -2147483648, 2147483647]),
              pg_temp.pick(ARRAY[NULL, '2019', '2021', '', pg_temp.noise(5)]), pg_temp.noise(8),
              pg_temp.texts(5, ARRAY[NULL, '']),
              pg_temp.counts(pg_temp.pick(ARRAY[0, 5, 182, 400])),
              CASE floor(random() * 6)::int WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN pg_temp.noise(200)
                   WHEN 3 THEN repeat('n', 182) WHEN 4 THEN repeat('u', 1000)
                   ELSE translate(pg_temp.noise(400), 'a7- 件', 'abnpu') END,
              pg_temp.numbers(pg_temp.pick(ARRAY[0, 6, 24, 100])),
              pg_temp.pick(ARRAY[NULL, '', 'nnnnnn', repeat('p', 24), repeat('n', 30), pg_temp.noise(50)]),
              pg_temp.counts(pg_temp.pick(ARRAY[0, 15, 40])),
              pg_temp.pick(ARRAY[NULL, '', repeat('n', 15), pg_temp.noise(30)]),
              pg_temp.texts(pg_temp.pick(ARRAY[0, 10, 70, 200]),
                            ARRAY[NULL, 'requests_received', 'requests_handled', 'requests_carried_forward',
                                  'fee_notices', 'fee_billed', 'fee_collected', 'reviews', 'lawsuits',
                                  'period_year', 'items_disclosed']),
              pg_temp.numbers(pg_temp.pick(ARRAY[0, 10, 70, 200])),
              pg_temp.texts(pg_temp.pick(ARRAY[0, 10, 70, 200]), ARRAY[NULL, '件', '元', '万元', '年']),
              pg_temp.texts(pg_temp.pick(ARRAY[0, 10, 70, 200]), ARRAY[NULL, '', repeat('长句', 700)]),
              pg_temp.pick(ARRAY[NULL, DATE '2024-01-31', DATE '4713-01-01 BC', DATE '5874897-12-31'])
          )::govdisclose_internal.parsed AS p
FROM generate_series(1, 400) i;

SELECT count(DISTINCT i) AS rows_checked,
       bool_and(f.rule_id IS NULL OR (f.severity IN ('error', 'warning') AND f.message IS NOT NULL)) AS findings_well_formed
FROM fuzz_row LEFT JOIN LATERAL govdisclose_internal.report_findings(p) f ON true;

-- the crash of the issue: a known fact key far beyond 64 facts, a one-element value array
SELECT count(*) AS findings FROM govdisclose_internal.report_findings(ROW(1, 't', 'o', 2023, '2021', 'tab_rows', '{}'::text[],
    NULL, NULL, NULL, NULL, NULL, NULL, array_append(array_fill('zz'::text, ARRAY[5000000]), 'requests_received'),
    '{1}'::numeric[], array_fill('件'::text, ARRAY[5000001]), array_fill('s'::text, ARRAY[5000001]), NULL)::govdisclose_internal.parsed);
-- multidimensional arrays, lower bounds other than 1
SELECT count(*) AS findings FROM govdisclose_internal.report_findings(ROW(1, 't', 'o', 2023, '2021', 'x', '{}'::text[],
    '[-5:-4][1:2]={{1,2},{3,4}}'::bigint[], 'nn', '{{1,2},{3,4}}'::numeric[], 'nnnn', '[0:0]={7}'::bigint[], 'n',
    '{{requests_received,reviews},{lawsuits,NULL}}'::text[], '{{1,2},{3,4}}'::numeric[], '{{件,件},{件,件}}'::text[],
    '{{a,b},{c,d}}'::text[], NULL)::govdisclose_internal.parsed);

-- report texts: pieces of real reports shuffled, cut and mixed with noise,
-- and a few texts of several megabytes (one line, many lines, no tables)
CREATE TEMP TABLE fuzz_text AS
SELECT i, CASE WHEN i % 3 = 0 THEN pg_temp.noise(300)
               ELSE (SELECT string_agg(CASE WHEN random() < 0.1 THEN pg_temp.noise(10) ELSE l END,
                                       pg_temp.pick(ARRAY[E'\n', E'\t', E'\r\n', ' ', '']) ORDER BY random())
                     FROM regexp_split_to_table(CASE WHEN i % 2 = 0 THEN :'qinghe' ELSE :'nanhu' END, E'\n') l
                     WHERE random() < 0.7) END AS body
FROM generate_series(1, 150) i
UNION ALL SELECT 1001, repeat('一、总体情况本年新收政府信息公开申请数量7件', 50000)
UNION ALL SELECT 1002, repeat(:'qinghe' || E'\t', 100)
UNION ALL SELECT 1003, repeat(E'\t9', 2000000)
UNION ALL SELECT 1004, '';

-- strict mode may raise its two documented errors, nothing else
CREATE FUNCTION pg_temp.strict_outcome(body text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM govdisclose.parse_report(body, true);
    RETURN 'read';
EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range THEN
    RETURN 'raised ' || SQLSTATE;
END $$;

SELECT count(*) AS texts,
       sum((SELECT count(*) FROM govdisclose.request_cells(body))) >= 0 AS request_cells,
       sum((SELECT count(*) FROM govdisclose.active_items(body))) >= 0 AS active_items,
       sum((SELECT count(*) FROM govdisclose.review_cells(body))) >= 0 AS review_cells,
       sum((SELECT count(*) FROM govdisclose.sections(body))) >= 0 AS sections,
       sum((SELECT count(*) FROM govdisclose.narrative_facts(body))) >= 0 AS narrative_facts,
       sum((SELECT count(*) FROM govdisclose.check_report(body))) >= 0 AS check_report,
       sum((SELECT count(*) FROM govdisclose.active_measure_names(left(body, 40)))) >= 0 AS active_measure_names,
       bool_and((govdisclose.parse_report(body)).problems IS NOT NULL) AS parse_report,
       bool_and((govdisclose_internal.parse_flat(body)).problems IS NOT NULL) AS parse_flat,
       bool_and(pg_temp.strict_outcome(body) IN ('read', 'raised 22P02', 'raised 22003')) AS strict_raises_only_documented_errors,
       bool_and(govdisclose_internal.canonical_text(
                    E'\uFEFF' || replace(govdisclose_internal.canonical_text(body), E'\n', E' \r\n') || E' \n')
                = govdisclose_internal.canonical_text(body)) AS canonical_text_ignores_spelling
FROM fuzz_text;

-- the parse of every text, stored and read back through report_findings
SELECT count(DISTINCT t.i) AS parsed_texts, bool_and(f.rule_id IS NULL OR f.message IS NOT NULL) AS findings_well_formed
FROM fuzz_text t, LATERAL govdisclose_internal.parse_flat(t.body) x
LEFT JOIN LATERAL govdisclose_internal.report_findings(ROW(NULL, x.*)::govdisclose_internal.parsed) f ON true;
