-- govdisclose 1.0: parse government information-disclosure annual reports.
\echo Use "CREATE EXTENSION govdisclose" to load this file. \quit

-- Section 2 of the 2021 template; fields are named item_measure (SPEC §3).
CREATE TYPE @extschema@.active_table AS (
    rules_issued bigint,
    rules_repealed bigint,
    rules_in_force bigint,
    normative_documents_issued bigint,
    normative_documents_repealed bigint,
    normative_documents_in_force bigint,
    licensing_decisions bigint,
    punishment_decisions bigint,
    coercion_decisions bigint,
    fees_amount_10k_yuan numeric
);
COMMENT ON TYPE @extschema@.active_table IS '主动公开政府信息情况 (2021 template; for the 2019 template only the decisions are filled, see active_items)';

-- Section 4: three groups by five outcomes (SPEC §5).
CREATE TYPE @extschema@.review_table AS (
    review_upheld bigint,
    review_corrected bigint,
    review_other bigint,
    review_pending bigint,
    review_total bigint,
    litigation_direct_upheld bigint,
    litigation_direct_corrected bigint,
    litigation_direct_other bigint,
    litigation_direct_pending bigint,
    litigation_direct_total bigint,
    litigation_after_review_upheld bigint,
    litigation_after_review_corrected bigint,
    litigation_after_review_other bigint,
    litigation_after_review_pending bigint,
    litigation_after_review_total bigint
);
COMMENT ON TYPE @extschema@.review_table IS '政府信息公开行政复议、行政诉讼情况';

CREATE TYPE @extschema@.report AS (
    title text,
    org text,
    year integer,
    template text,
    layout text,
    active @extschema@.active_table,
    review @extschema@.review_table,
    problems text[]
);
COMMENT ON TYPE @extschema@.report IS '政府信息公开工作年度报告, as parsed';

CREATE FUNCTION @extschema@.version() RETURNS text
    AS 'MODULE_PATHNAME', 'gd_version'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.version() IS 'version of the loaded govdisclose library';

CREATE FUNCTION @extschema@.parse_report(body text, strict boolean DEFAULT false)
    RETURNS @extschema@.report
    AS 'MODULE_PATHNAME', 'gd_parse_report'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_report(text, boolean) IS
    'parse a report; problems lists what could not be read; strict => true raises on the first problem instead';

CREATE FUNCTION @extschema@.request_cells(body text)
    RETURNS TABLE (row_no integer, row_key text, applicant text, value bigint)
    AS 'MODULE_PATHNAME', 'gd_request_cells'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 182;
COMMENT ON FUNCTION @extschema@.request_cells(text) IS
    '收到和处理政府信息公开申请情况: 25 rows x 7 applicant columns (row 26 other_undivided where printed); NULL = blank cell';

CREATE FUNCTION @extschema@.active_items(body text)
    RETURNS TABLE (item text, measure text, value numeric)
    AS 'MODULE_PATHNAME', 'gd_active_items'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 22;
COMMENT ON FUNCTION @extschema@.active_items(text) IS '主动公开政府信息情况, with the measures of the template in force';

CREATE FUNCTION @extschema@.review_cells(body text)
    RETURNS TABLE (grp text, outcome text, value bigint)
    AS 'MODULE_PATHNAME', 'gd_review_cells'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 15;
COMMENT ON FUNCTION @extschema@.review_cells(text) IS '政府信息公开行政复议、行政诉讼情况: 3 groups x 5 outcomes';

CREATE FUNCTION @extschema@.sections(body text)
    RETURNS TABLE (section_no integer, heading text, content text)
    AS 'MODULE_PATHNAME', 'gd_sections'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 7;
COMMENT ON FUNCTION @extschema@.sections(text) IS 'the title block (0) and the six sections, found by their headings';

CREATE FUNCTION @extschema@.narrative_facts(body text)
    RETURNS TABLE (fact text, value numeric, unit text, span text)
    AS 'MODULE_PATHNAME', 'gd_narrative_facts'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.narrative_facts(text) IS 'figures stated in the prose, with the span of text each came from';
