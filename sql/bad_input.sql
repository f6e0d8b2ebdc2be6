-- Text that is not a report, or a damaged one: problems, never a crash.
SELECT (r).org, (r).year, (r).template, (r).layout, (r).problems
FROM (SELECT govdisclose.parse_report('今天天气很好，我们去公园散步。') AS r) s;
SELECT count(*) AS cells FROM govdisclose.request_cells('今天天气很好，我们去公园散步。');
SELECT (govdisclose.parse_report('')).problems;
SELECT (govdisclose.parse_report(E' \n\t\n   ')).problems;

-- a table cut off in the middle: what was read is kept, the rest is named
SELECT unnest((govdisclose.parse_report(E'三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t0\t0')).problems) AS problem
LIMIT 4;

-- too large for bigint, decimals in a count, negative counts
SELECT row_key, applicant, value FROM govdisclose.request_cells(
  E'三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t99999999999999999999\t2.5\t-3\t0\t0\t0\t0\n')
WHERE row_no = 1;

-- strict mode raises with a SQLSTATE and a detail that says where
CREATE FUNCTION pg_temp.strict_error(body text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    detail text;
BEGIN
    PERFORM govdisclose.parse_report(body, strict => true);
    RETURN 'no error';
EXCEPTION WHEN others THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || SQLERRM || ' / ' || detail;
END $$;
SELECT pg_temp.strict_error('今天天气很好。');
SELECT pg_temp.strict_error(E'三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t99999999999999999999\t0\t0\t0\t0\t0\t0\n');
-- unterminated and nested markup
SELECT (r).layout, cardinality((r).problems) > 0 AS has_problems
FROM (SELECT govdisclose.parse_report(repeat('<div><table><tr><td>', 2000) || '<td colspan="999999999">1') AS r) s;
SELECT (govdisclose.parse_report('<p>一、总体情况<!-- never closed')).problems;
