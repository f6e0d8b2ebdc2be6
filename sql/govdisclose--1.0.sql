-- govdisclose 1.0: parse government information-disclosure annual reports.
\echo Use "CREATE EXTENSION govdisclose" to load this file. \quit

-- ===================================================================
-- Security and encoding (README "Security"): refuse what cannot be made safe
-- ===================================================================

-- The parser reads UTF-8 and every message is Chinese: in a database of another
-- encoding texts would be converted lossily (EUC_CN lacks characters reports use)
-- or not checked at all (SQL_ASCII), so invalid text could be stored.
DO $$
BEGIN
    IF pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.<>) 'UTF8' THEN
        RAISE EXCEPTION USING ERRCODE = 'feature_not_supported',
            MESSAGE = pg_catalog.format('govdisclose requires a UTF8 database, and database "%s" uses %s',
                                        pg_catalog.current_database(), pg_catalog.getdatabaseencoding()),
            DETAIL = 'Reports and findings are Chinese text read as UTF-8: another server encoding cannot hold '
                     'every character they use (EUC_CN, GBK), or stores bytes without checking them (SQL_ASCII).',
            HINT = 'Create a UTF8 database and install govdisclose there: '
                   'CREATE DATABASE reports TEMPLATE template0 ENCODING ''UTF8'';';
    END IF;
END $$;

-- Internal objects live in a schema of their own, owned by the superuser that
-- runs this script: nobody else can rename it or create in it, and BI schema
-- browsers (which list schemas a role may use) do not show it.
CREATE SCHEMA govdisclose_internal;
COMMENT ON SCHEMA govdisclose_internal IS 'internal objects of the govdisclose extension; read the views in govdisclose';

-- Objects in the extension's schemas that are not the extension's own could
-- shadow its objects for a caller: refuse them (at the start and at the end).
CREATE FUNCTION govdisclose_internal.refuse_foreign_objects() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    foreign_object text;
BEGIN
    SELECT pg_describe_object(d.classid, d.objid, d.objsubid) INTO foreign_object
    FROM pg_depend d
    WHERE d.refclassid = 'pg_namespace'::regclass
      AND d.refobjid IN ('@extschema@'::regnamespace, 'govdisclose_internal'::regnamespace)
      AND d.classid <> 'pg_extension'::regclass
      AND NOT EXISTS (SELECT 1 FROM pg_depend m JOIN pg_extension e ON e.oid = m.refobjid
                      WHERE m.classid = d.classid AND m.objid = d.objid AND m.deptype = 'e'
                        AND m.refclassid = 'pg_extension'::regclass AND e.extname = 'govdisclose')
    LIMIT 1;
    IF foreign_object IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'object_in_use',
            MESSAGE = 'schema govdisclose holds objects that are not part of the extension',
            DETAIL = format('%s is in a schema of govdisclose; it could shadow the extension''s objects.', foreign_object),
            HINT = 'Move or drop it (or drop the schema govdisclose, which CREATE EXTENSION then creates anew).';
    END IF;
END $$;
REVOKE ALL ON FUNCTION govdisclose_internal.refuse_foreign_objects() FROM PUBLIC;
SELECT govdisclose_internal.refuse_foreign_objects();

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
    RETURNS TABLE (row_no integer, row_key text, applicant text, value bigint, inferred boolean)
    AS 'MODULE_PATHNAME', 'gd_request_cells'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 182;
COMMENT ON FUNCTION @extschema@.request_cells(text) IS
    '收到和处理政府信息公开申请情况: 25 rows x 7 applicant columns (row 26 other_undivided where printed); NULL = blank cell; inferred = the value was chosen by the table''s identities (glued digits split), not read as printed';

CREATE FUNCTION @extschema@.active_items(body text)
    RETURNS TABLE (item text, measure text, value numeric, inferred boolean)
    AS 'MODULE_PATHNAME', 'gd_active_items'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 22;
COMMENT ON FUNCTION @extschema@.active_items(text) IS '主动公开政府信息情况, with the measures of the template in force';

CREATE FUNCTION @extschema@.review_cells(body text)
    RETURNS TABLE (grp text, outcome text, value bigint, inferred boolean)
    AS 'MODULE_PATHNAME', 'gd_review_cells'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 15;
COMMENT ON FUNCTION @extschema@.review_cells(text) IS '政府信息公开行政复议、行政诉讼情况: 3 groups x 5 outcomes; inferred as in request_cells';

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

-- ===================================================================
-- Data layer: load reports with INSERT/COPY, read parsed data and findings
-- ===================================================================

-- Template vocabulary, from the C library (one source of truth).
CREATE FUNCTION @extschema@.request_rows()
    RETURNS TABLE (row_no integer, row_key text, label text)
    AS 'MODULE_PATHNAME', 'gd_request_rows' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 26;
CREATE FUNCTION @extschema@.applicants()
    RETURNS TABLE (col_no integer, applicant text, label text)
    AS 'MODULE_PATHNAME', 'gd_applicants' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 7;
CREATE FUNCTION @extschema@.review_layout()
    RETURNS TABLE (cell_no integer, grp text, outcome text, label text)
    AS 'MODULE_PATHNAME', 'gd_review_layout' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 15;
CREATE FUNCTION @extschema@.active_measure_names(template text)
    RETURNS TABLE (ord integer, item text, measure text, label text)
    AS 'MODULE_PATHNAME', 'gd_active_measure_names' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 22;

-- Everything the data layer stores, from one parse (arrays in template order).
CREATE FUNCTION govdisclose_internal.parse_flat(body text,
    OUT title text, OUT org text, OUT year integer, OUT template text, OUT layout text,
    OUT problems text[], OUT req_values bigint[], OUT req_states text,
    OUT active_values numeric[], OUT active_states text,
    OUT review_values bigint[], OUT review_states text,
    OUT fact_keys text[], OUT fact_values numeric[], OUT fact_units text[], OUT fact_spans text[])
    AS 'MODULE_PATHNAME', 'gd_parse_flat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION govdisclose_internal.parse_flat(text) IS
    'one parse, flattened for the documents table; states are one letter per cell (a absent, b blank, n number, p placeholder, u unreadable)';

-- What two copies of one report share (README "Duplicates").
CREATE FUNCTION govdisclose_internal.canonical_text(body text) RETURNS text
    AS 'MODULE_PATHNAME', 'gd_canonical_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION govdisclose_internal.canonical_text(text) IS
    'the text without a leading byte-order mark, with every line end as LF and no whitespace at the end of a line or of the text';

CREATE TABLE @extschema@.documents (
    doc_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source text,
    format text,
    body text NOT NULL,
    body_hash text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
-- candidates only: two texts are the same report when their normalised texts are equal
CREATE INDEX documents_body_hash ON @extschema@.documents (body_hash);
COMMENT ON TABLE @extschema@.documents IS '政府信息公开工作年度报告原文: load with INSERT or COPY (source, body); a text already loaded is skipped';
COMMENT ON COLUMN @extschema@.documents.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.documents.source IS '来源（文件名、网址等）';
COMMENT ON COLUMN @extschema@.documents.format IS '原文件格式（pdf、docx、doc、html、text；gdload识别并填写，其他方式载入时可为空）';
COMMENT ON COLUMN @extschema@.documents.body IS '报告原文';
COMMENT ON COLUMN @extschema@.documents.body_hash IS '规范化原文的MD5（查找可能的重复，自动填写；是否重复按全文比较）';
COMMENT ON COLUMN @extschema@.documents.loaded_at IS '载入时间';

-- One row per document: what its body parsed to.  Internal; read the views.
CREATE TABLE govdisclose_internal.parsed (
    doc_id bigint PRIMARY KEY REFERENCES @extschema@.documents ON DELETE CASCADE,
    title text, org text, year integer, template text, layout text,
    problems text[] NOT NULL,
    req_values bigint[], req_states text,
    active_values numeric[], active_states text,
    review_values bigint[], review_states text,
    fact_keys text[], fact_values numeric[], fact_units text[], fact_spans text[]
);
COMMENT ON TABLE govdisclose_internal.parsed IS 'the parse of each document, kept by triggers on documents; read the views instead';
CREATE INDEX parsed_org_year ON govdisclose_internal.parsed (org, year);

-- One row, updated by every statement that writes bodies: loads run one
-- transaction at a time, so a load sees every text committed before it
-- (and under REPEATABLE READ a concurrent load is a serialization failure).
CREATE TABLE govdisclose_internal.load_turnstile (loads bigint NOT NULL);
INSERT INTO govdisclose_internal.load_turnstile VALUES (0);
COMMENT ON TABLE govdisclose_internal.load_turnstile IS 'serialises the statements that write report texts';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.documents', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.documents_doc_id_seq', '');

-- The trigger functions run as the extension's owner (a superuser): a loader
-- needs rights on documents only.  So they resolve nothing through the
-- caller's search_path: every name is qualified, the path pinned.
CREATE FUNCTION govdisclose_internal.documents_turnstile() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE govdisclose_internal.load_turnstile SET loads = loads + 1;
    RETURN NULL;
END $$;

-- Same report twice (same text after normalising): an INSERT of the second
-- copy is skipped, so re-running a load is harmless; an UPDATE onto a text
-- another document holds is refused.  Compared in full, the hash only finds candidates.
-- The lookup must go through the hash index: a plan made while the table was
-- small serves a whole COPY, and a sequential scan in it would make a large
-- load quadratic (hence enable_seqscan off, and no ORDER BY to walk the key instead).
CREATE FUNCTION govdisclose_internal.documents_before_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $$
DECLARE
    canonical text := govdisclose_internal.canonical_text(NEW.body);
    holder bigint;
BEGIN
    NEW.body_hash := md5(canonical);
    SELECT d.doc_id INTO holder FROM @extschema@.documents d
    WHERE d.body_hash = NEW.body_hash AND d.doc_id IS DISTINCT FROM NEW.doc_id
      AND govdisclose_internal.canonical_text(d.body) = canonical
    LIMIT 1;
    IF holder IS NULL THEN
        RETURN NEW;
    ELSIF TG_OP = 'INSERT' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'unique_violation',
        MESSAGE = format('document %s cannot take this text: document %s holds the same report', NEW.doc_id, holder),
        DETAIL = format('Document %s already holds this text (compared after normalising line ends, '
                        'a byte-order mark and trailing whitespace).', holder),
        HINT = 'Delete one of the two documents, or load the text as a new document (which is then skipped).';
END $$;

CREATE FUNCTION govdisclose_internal.documents_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO govdisclose_internal.parsed
    SELECT n.doc_id, f.* FROM new_docs n, LATERAL govdisclose_internal.parse_flat(n.body) f;
    RETURN NULL;
END $$;

CREATE FUNCTION govdisclose_internal.documents_after_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM govdisclose_internal.parsed p USING old_docs o WHERE p.doc_id = o.doc_id;
    INSERT INTO govdisclose_internal.parsed
    SELECT n.doc_id, f.* FROM new_docs n, LATERAL govdisclose_internal.parse_flat(n.body) f;
    RETURN NULL;
END $$;

REVOKE ALL ON FUNCTION govdisclose_internal.documents_turnstile(), govdisclose_internal.documents_before_write(),
    govdisclose_internal.documents_after_insert(), govdisclose_internal.documents_after_update() FROM PUBLIC;

CREATE TRIGGER documents_turnstile BEFORE INSERT OR UPDATE ON @extschema@.documents
    FOR EACH STATEMENT EXECUTE FUNCTION govdisclose_internal.documents_turnstile();
CREATE TRIGGER documents_before_write BEFORE INSERT OR UPDATE ON @extschema@.documents
    FOR EACH ROW EXECUTE FUNCTION govdisclose_internal.documents_before_write();
CREATE TRIGGER documents_after_insert AFTER INSERT ON @extschema@.documents
    REFERENCING NEW TABLE AS new_docs FOR EACH STATEMENT EXECUTE FUNCTION govdisclose_internal.documents_after_insert();
CREATE TRIGGER documents_after_update AFTER UPDATE ON @extschema@.documents
    REFERENCING OLD TABLE AS old_docs NEW TABLE AS new_docs
    FOR EACH STATEMENT EXECUTE FUNCTION govdisclose_internal.documents_after_update();

-- ---------- views of the parsed data ----------

CREATE VIEW @extschema@.reports AS
SELECT d.doc_id, d.source, d.loaded_at, p.title, p.org, p.year, p.template, p.layout,
       pg_catalog.cardinality(p.problems) AS problem_count,
       CASE WHEN p.req_states !~ '[^a]' AND p.review_states !~ '[^a]' AND p.title IS NULL THEN 'not_a_report'
            WHEN pg_catalog.cardinality(p.problems) > 0 THEN 'problems' ELSE 'ok' END AS status
FROM @extschema@.documents d JOIN govdisclose_internal.parsed p USING (doc_id);
COMMENT ON VIEW @extschema@.reports IS '年度报告一览: one row per loaded report';
COMMENT ON COLUMN @extschema@.reports.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.reports.source IS '来源';
COMMENT ON COLUMN @extschema@.reports.loaded_at IS '载入时间';
COMMENT ON COLUMN @extschema@.reports.title IS '标题';
COMMENT ON COLUMN @extschema@.reports.org IS '报告机关';
COMMENT ON COLUMN @extschema@.reports.year IS '报告年度';
COMMENT ON COLUMN @extschema@.reports.template IS '模板（2021或2019）';
COMMENT ON COLUMN @extschema@.reports.layout IS '版式';
COMMENT ON COLUMN @extschema@.reports.problem_count IS '无法读取之处的数量';
COMMENT ON COLUMN @extschema@.reports.status IS '状态：ok 可读 / problems 部分无法读取 / not_a_report 不是年度报告';

CREATE VIEW @extschema@.report_problems AS
SELECT p.doc_id, x.problem_no::integer AS problem_no, x.problem
FROM govdisclose_internal.parsed p, unnest(p.problems) WITH ORDINALITY AS x(problem, problem_no);
COMMENT ON VIEW @extschema@.report_problems IS '解析问题: what could not be read in each report';
COMMENT ON COLUMN @extschema@.report_problems.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.report_problems.problem_no IS '序号';
COMMENT ON COLUMN @extschema@.report_problems.problem IS '问题说明';

CREATE VIEW @extschema@.request_values AS
SELECT p.doc_id, r.row_no, r.row_key, a.applicant,
       p.req_values[(r.row_no - 1) * 7 + a.col_no] AS value
FROM govdisclose_internal.parsed p
CROSS JOIN @extschema@.request_rows() r
CROSS JOIN @extschema@.applicants() a
WHERE p.req_states ~ '[^a]'
  AND (r.row_no < 26 OR substr(p.req_states, 176, 7) <> 'aaaaaaa');
COMMENT ON VIEW @extschema@.request_values IS '收到和处理政府信息公开申请情况 (long form): one row per report, row and applicant';
COMMENT ON COLUMN @extschema@.request_values.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.request_values.row_no IS '行号';
COMMENT ON COLUMN @extschema@.request_values.row_key IS '行（如 new_received 本年新收政府信息公开申请数量）';
COMMENT ON COLUMN @extschema@.request_values.applicant IS '申请人类别（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）';
COMMENT ON COLUMN @extschema@.request_values.value IS '件数（空白为NULL）';

CREATE VIEW @extschema@.requests_wide AS
SELECT p.doc_id, p.org, p.year, a.col_no, a.applicant,
    p.req_values[0*7 + a.col_no] AS new_received,
    p.req_values[1*7 + a.col_no] AS carried_over,
    p.req_values[2*7 + a.col_no] AS granted,
    p.req_values[3*7 + a.col_no] AS partially_granted,
    p.req_values[4*7 + a.col_no] AS denied_state_secret,
    p.req_values[5*7 + a.col_no] AS denied_prohibited,
    p.req_values[6*7 + a.col_no] AS denied_security,
    p.req_values[7*7 + a.col_no] AS denied_third_party,
    p.req_values[8*7 + a.col_no] AS denied_internal,
    p.req_values[9*7 + a.col_no] AS denied_process,
    p.req_values[10*7 + a.col_no] AS denied_enforcement_file,
    p.req_values[11*7 + a.col_no] AS denied_query,
    p.req_values[12*7 + a.col_no] AS unavailable_not_held,
    p.req_values[13*7 + a.col_no] AS unavailable_needs_creation,
    p.req_values[14*7 + a.col_no] AS unavailable_unclear,
    p.req_values[15*7 + a.col_no] AS rejected_petition,
    p.req_values[16*7 + a.col_no] AS rejected_duplicate,
    p.req_values[17*7 + a.col_no] AS rejected_publication,
    p.req_values[18*7 + a.col_no] AS rejected_excessive,
    p.req_values[19*7 + a.col_no] AS rejected_confirmation,
    p.req_values[20*7 + a.col_no] AS other_no_correction,
    p.req_values[21*7 + a.col_no] AS other_unpaid_fee,
    p.req_values[22*7 + a.col_no] AS other_other,
    p.req_values[23*7 + a.col_no] AS results_total,
    p.req_values[24*7 + a.col_no] AS carried_forward,
    p.req_values[25*7 + a.col_no] AS other_undivided
FROM govdisclose_internal.parsed p CROSS JOIN @extschema@.applicants() a
WHERE p.req_states ~ '[^a]';
COMMENT ON VIEW @extschema@.requests_wide IS '收到和处理政府信息公开申请情况 (wide): one row per report and applicant column, one column per row';
COMMENT ON COLUMN @extschema@.requests_wide.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.requests_wide.org IS '报告机关';
COMMENT ON COLUMN @extschema@.requests_wide.year IS '报告年度';
COMMENT ON COLUMN @extschema@.requests_wide.col_no IS '列号';
COMMENT ON COLUMN @extschema@.requests_wide.applicant IS '申请人类别';
COMMENT ON COLUMN @extschema@.requests_wide.new_received IS '一、本年新收政府信息公开申请数量';
COMMENT ON COLUMN @extschema@.requests_wide.carried_over IS '二、上年结转政府信息公开申请数量';
COMMENT ON COLUMN @extschema@.requests_wide.granted IS '（一）予以公开';
COMMENT ON COLUMN @extschema@.requests_wide.partially_granted IS '（二）部分公开';
COMMENT ON COLUMN @extschema@.requests_wide.denied_state_secret IS '（三）不予公开 1.属于国家秘密';
COMMENT ON COLUMN @extschema@.requests_wide.denied_prohibited IS '2.其他法律行政法规禁止公开';
COMMENT ON COLUMN @extschema@.requests_wide.denied_security IS '3.危及“三安全一稳定”';
COMMENT ON COLUMN @extschema@.requests_wide.denied_third_party IS '4.保护第三方合法权益';
COMMENT ON COLUMN @extschema@.requests_wide.denied_internal IS '5.属于三类内部事务信息';
COMMENT ON COLUMN @extschema@.requests_wide.denied_process IS '6.属于四类过程性信息';
COMMENT ON COLUMN @extschema@.requests_wide.denied_enforcement_file IS '7.属于行政执法案卷';
COMMENT ON COLUMN @extschema@.requests_wide.denied_query IS '8.属于行政查询事项';
COMMENT ON COLUMN @extschema@.requests_wide.unavailable_not_held IS '（四）无法提供 1.本机关不掌握相关政府信息';
COMMENT ON COLUMN @extschema@.requests_wide.unavailable_needs_creation IS '2.没有现成信息需要另行制作';
COMMENT ON COLUMN @extschema@.requests_wide.unavailable_unclear IS '3.补正后申请内容仍不明确';
COMMENT ON COLUMN @extschema@.requests_wide.rejected_petition IS '（五）不予处理 1.信访举报投诉类申请';
COMMENT ON COLUMN @extschema@.requests_wide.rejected_duplicate IS '2.重复申请';
COMMENT ON COLUMN @extschema@.requests_wide.rejected_publication IS '3.要求提供公开出版物';
COMMENT ON COLUMN @extschema@.requests_wide.rejected_excessive IS '4.无正当理由大量反复申请';
COMMENT ON COLUMN @extschema@.requests_wide.rejected_confirmation IS '5.要求行政机关确认或重新出具已获取信息';
COMMENT ON COLUMN @extschema@.requests_wide.other_no_correction IS '（六）其他处理 1.申请人无正当理由逾期不补正';
COMMENT ON COLUMN @extschema@.requests_wide.other_unpaid_fee IS '2.申请人逾期未按收费通知要求缴纳费用';
COMMENT ON COLUMN @extschema@.requests_wide.other_other IS '3.其他';
COMMENT ON COLUMN @extschema@.requests_wide.results_total IS '（七）总计';
COMMENT ON COLUMN @extschema@.requests_wide.carried_forward IS '四、结转下年度继续办理';
COMMENT ON COLUMN @extschema@.requests_wide.other_undivided IS '（六）其他处理（未分项）';

CREATE VIEW @extschema@.active_values AS
SELECT p.doc_id, m.item, m.measure, p.active_values[m.ord] AS value
FROM govdisclose_internal.parsed p
CROSS JOIN LATERAL @extschema@.active_measure_names(coalesce(p.template, '2021')) m
WHERE p.active_states ~ '[^a]';
COMMENT ON VIEW @extschema@.active_values IS '主动公开政府信息情况 (long form), with the measures of the template in force';
COMMENT ON COLUMN @extschema@.active_values.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.active_values.item IS '信息内容（规章、行政规范性文件、行政许可…）';
COMMENT ON COLUMN @extschema@.active_values.measure IS '指标（本年制发件数、本年废止件数、现行有效件数、处理决定数量、收费金额…）';
COMMENT ON COLUMN @extschema@.active_values.value IS '数值（收费金额单位：万元）';

CREATE VIEW @extschema@.review_values AS
SELECT p.doc_id, l.grp, l.outcome, p.review_values[l.cell_no] AS value
FROM govdisclose_internal.parsed p CROSS JOIN @extschema@.review_layout() l
WHERE p.review_states ~ '[^a]';
COMMENT ON VIEW @extschema@.review_values IS '政府信息公开行政复议、行政诉讼情况 (long form)';
COMMENT ON COLUMN @extschema@.review_values.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.review_values.grp IS '类别（行政复议、未经复议直接起诉、复议后起诉）';
COMMENT ON COLUMN @extschema@.review_values.outcome IS '结果（结果维持、结果纠正、其他结果、尚未审结、总计）';
COMMENT ON COLUMN @extschema@.review_values.value IS '件数';

CREATE VIEW @extschema@.fact_values AS
SELECT p.doc_id, f.fact, f.value, f.unit, f.span
FROM govdisclose_internal.parsed p,
     unnest(p.fact_keys, p.fact_values, p.fact_units, p.fact_spans) AS f(fact, value, unit, span);
COMMENT ON VIEW @extschema@.fact_values IS '正文中陈述的数字 (facts stated in the prose)';
COMMENT ON COLUMN @extschema@.fact_values.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.fact_values.fact IS '事项（requests_received 收到申请、reviews 行政复议…）';
COMMENT ON COLUMN @extschema@.fact_values.value IS '数值';
COMMENT ON COLUMN @extschema@.fact_values.unit IS '单位';
COMMENT ON COLUMN @extschema@.fact_values.span IS '原文';

CREATE VIEW @extschema@.report_sections AS
SELECT d.doc_id, s.section_no, s.heading, s.content
FROM @extschema@.documents d, @extschema@.sections(d.body) s;
COMMENT ON VIEW @extschema@.report_sections IS '报告各部分 (title block 0 and sections 1-6), parsed on read';
COMMENT ON COLUMN @extschema@.report_sections.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.report_sections.section_no IS '部分序号（0为标题）';
COMMENT ON COLUMN @extschema@.report_sections.heading IS '标题';
COMMENT ON COLUMN @extschema@.report_sections.content IS '内容';

-- ---------- consistency rules (SPEC §7) ----------

-- Every single-report rule, on one parsed report.  Used by the findings view
-- and by check_report(), so a loaded and an unloaded text give the same findings.
CREATE FUNCTION govdisclose_internal.report_findings(p govdisclose_internal.parsed)
RETURNS TABLE (sort_key bigint, rule_id text, severity text, table_name text, row_key text,
               column_key text, cells text, expected numeric, actual numeric, message text)
    AS 'MODULE_PATHNAME', 'gd_report_findings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION govdisclose_internal.report_findings(govdisclose_internal.parsed) IS 'internal: the single-report rules of SPEC §7 on one parse';

CREATE VIEW @extschema@.findings AS
SELECT doc_id, org, year, rule_id, severity, table_name, row_key, column_key, cells, expected, actual, message,
       other_doc_id, sort_key
FROM (
    SELECT p.doc_id, p.org, p.year, f.rule_id, f.severity, f.table_name, f.row_key, f.column_key, f.cells,
           f.expected, f.actual, f.message, NULL::bigint AS other_doc_id, f.sort_key
    FROM govdisclose_internal.parsed p, LATERAL govdisclose_internal.report_findings(p) f
    UNION ALL
    -- CARRY-CHAIN: what a body carried forward in Y-1 is what it carried over in Y
    SELECT cur.doc_id, cur.org, cur.year, 'CARRY-CHAIN', 'error', 'requests', 'carried_over', a.applicant,
           'carried_over/' || a.applicant || ' ~ doc ' || prev.doc_id || ' carried_forward/' || a.applicant,
           prev.req_values[168 + a.col_no], cur.req_values[7 + a.col_no],
           format('%s列：上年结转为%s，但%s年报告（编号%s）的结转下年度继续办理为%s', a.label,
                  cur.req_values[7 + a.col_no], prev.year, prev.doc_id, prev.req_values[168 + a.col_no]),
           prev.doc_id, 12000000 + a.col_no
    FROM govdisclose_internal.parsed cur
    JOIN govdisclose_internal.parsed prev ON prev.org = cur.org AND prev.year = cur.year - 1
    CROSS JOIN @extschema@.applicants() a
    WHERE cur.req_values[7 + a.col_no] <> prev.req_values[168 + a.col_no]
    UNION ALL
    -- STOCK-CHAIN: in force now = in force last year + issued - repealed (2021 template, both years)
    SELECT cur.doc_id, cur.org, cur.year, 'STOCK-CHAIN', 'warning', 'active', i.item, 'in_force',
           i.item || '/in_force ~ doc ' || prev.doc_id || ' ' || i.item || '/in_force',
           prev.active_values[i.base + 3] + cur.active_values[i.base + 1] - cur.active_values[i.base + 2],
           cur.active_values[i.base + 3],
           format('%s：现行有效%s件，但上年%s件+本年制发%s件-本年废止%s件=%s件', i.label,
                  cur.active_values[i.base + 3], prev.active_values[i.base + 3], cur.active_values[i.base + 1],
                  cur.active_values[i.base + 2],
                  prev.active_values[i.base + 3] + cur.active_values[i.base + 1] - cur.active_values[i.base + 2]),
           prev.doc_id, 13000000 + i.base
    FROM govdisclose_internal.parsed cur
    JOIN govdisclose_internal.parsed prev ON prev.org = cur.org AND prev.year = cur.year - 1
    CROSS JOIN (VALUES ('rules', 0, '规章'), ('normative_documents', 3, '行政规范性文件')) AS i(item, base, label)
    WHERE cur.template = '2021' AND prev.template = '2021'
      AND cur.active_values[i.base + 3] <> prev.active_values[i.base + 3] + cur.active_values[i.base + 1] - cur.active_values[i.base + 2]
    UNION ALL
    -- DUPLICATE-REPORT: two different texts from one body for one year (both are kept)
    SELECT cur.doc_id, cur.org, cur.year, 'DUPLICATE-REPORT', 'warning', 'report', NULL, NULL,
           'doc ' || cur.doc_id || ' ~ doc ' || other.doc_id, NULL, NULL,
           format('%s的%s年度报告有两份不同的文本：编号%s与编号%s，请确认哪一份有效', cur.org, cur.year,
                  cur.doc_id, other.doc_id),
           other.doc_id, 14000000
    FROM govdisclose_internal.parsed cur
    JOIN govdisclose_internal.parsed other ON other.org = cur.org AND other.year = cur.year AND other.doc_id <> cur.doc_id
) f
ORDER BY doc_id, sort_key, other_doc_id;
COMMENT ON VIEW @extschema@.findings IS '检查发现: one row per inconsistency, in a stable order (SPEC §7 rule ids)';
COMMENT ON COLUMN @extschema@.findings.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.findings.org IS '报告机关';
COMMENT ON COLUMN @extschema@.findings.year IS '报告年度';
COMMENT ON COLUMN @extschema@.findings.rule_id IS '规则编号（REQ-BALANCE 等）';
COMMENT ON COLUMN @extschema@.findings.severity IS '级别：error 错误 / warning 提示';
COMMENT ON COLUMN @extschema@.findings.table_name IS '表格（active 主动公开 / requests 依申请 / review 复议诉讼 / narrative 正文 / report 整份报告）';
COMMENT ON COLUMN @extschema@.findings.row_key IS '行（或复议诉讼类别）';
COMMENT ON COLUMN @extschema@.findings.column_key IS '列（申请人类别或结果）';
COMMENT ON COLUMN @extschema@.findings.cells IS '比较的单元格（行/列）';
COMMENT ON COLUMN @extschema@.findings.expected IS '应为';
COMMENT ON COLUMN @extschema@.findings.actual IS '实为';
COMMENT ON COLUMN @extschema@.findings.message IS '说明';
COMMENT ON COLUMN @extschema@.findings.other_doc_id IS '比较的另一份报告（跨年度规则、重复报告）';
COMMENT ON COLUMN @extschema@.findings.sort_key IS '排序键（规则与单元格）';

CREATE VIEW @extschema@.report_summary AS
SELECT r.doc_id, r.source, r.org, r.year, r.status AS parse_status,
       count(f.rule_id) FILTER (WHERE f.severity = 'error') AS error_findings,
       count(f.rule_id) FILTER (WHERE f.severity = 'warning') AS warning_findings,
       string_agg(DISTINCT f.rule_id, ', ') AS rules
FROM @extschema@.reports r LEFT JOIN @extschema@.findings f USING (doc_id)
GROUP BY r.doc_id, r.source, r.org, r.year, r.status;
COMMENT ON VIEW @extschema@.report_summary IS '检查汇总: one row per report, its findings by severity';
COMMENT ON COLUMN @extschema@.report_summary.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.report_summary.source IS '来源';
COMMENT ON COLUMN @extschema@.report_summary.org IS '报告机关';
COMMENT ON COLUMN @extschema@.report_summary.year IS '报告年度';
COMMENT ON COLUMN @extschema@.report_summary.parse_status IS '解析状态（只说明能否读出，不说明数字是否一致）：ok 全部读出 / problems 部分无法读取 / not_a_report 不是年度报告';
COMMENT ON COLUMN @extschema@.report_summary.error_findings IS '检查发现的错误数（级别 error）';
COMMENT ON COLUMN @extschema@.report_summary.warning_findings IS '检查发现的提示数（级别 warning）';
COMMENT ON COLUMN @extschema@.report_summary.rules IS '触发的规则';

CREATE FUNCTION @extschema@.check_report(body text)
RETURNS TABLE (rule_id text, severity text, table_name text, row_key text, column_key text, cells text,
               expected numeric, actual numeric, message text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT f.rule_id, f.severity, f.table_name, f.row_key, f.column_key, f.cells, f.expected, f.actual, f.message
    FROM govdisclose_internal.parse_flat(body) x,
         LATERAL govdisclose_internal.report_findings(ROW(NULL, x.title, x.org, x.year, x.template, x.layout, x.problems,
             x.req_values, x.req_states, x.active_values, x.active_states, x.review_values, x.review_states,
             x.fact_keys, x.fact_values, x.fact_units, x.fact_spans)::govdisclose_internal.parsed) f
    ORDER BY f.sort_key;
END;
COMMENT ON FUNCTION @extschema@.check_report(text) IS
    'the findings of one text without loading it (the single-report rules; CARRY-CHAIN and STOCK-CHAIN need loaded reports)';

-- ===================================================================
-- Ownership and privileges (README "Security").  Keep this block last: it
-- grants on every view above.
-- ===================================================================

-- The schema govdisclose is created by CREATE EXTENSION as the calling role;
-- it passes to the superuser running this script, so that its owner cannot
-- rename it and put objects of their own under the extension's names.  Grants
-- left on it from an earlier install go.
ALTER SCHEMA @extschema@ OWNER TO CURRENT_USER;
DO $$
DECLARE
    grantee regrole;
BEGIN
    FOR grantee IN
        SELECT DISTINCT a.grantee::regrole FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
        WHERE n.oid = '@extschema@'::regnamespace AND a.grantee <> n.nspowner AND a.grantee <> 0
    LOOP
        EXECUTE pg_catalog.format('REVOKE ALL ON SCHEMA @extschema@ FROM %s CASCADE', grantee);
    END LOOP;
END $$;
REVOKE ALL ON SCHEMA @extschema@ FROM PUBLIC CASCADE;
REVOKE ALL ON SCHEMA govdisclose_internal FROM PUBLIC CASCADE;

-- The role that created the extension (its owner) may load and read, and pass
-- these rights on (README shows the grants for a reader and a loader role).
-- No TRIGGER, TRUNCATE or REFERENCES: nothing of another role runs on documents.
DO $$
DECLARE
    extension_owner regrole := (SELECT e.extowner::regrole FROM pg_catalog.pg_extension e WHERE e.extname = 'govdisclose');
BEGIN
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA @extschema@ TO %s WITH GRANT OPTION', extension_owner);
    EXECUTE pg_catalog.format('GRANT SELECT ON ALL TABLES IN SCHEMA @extschema@ TO %s WITH GRANT OPTION', extension_owner);
    EXECUTE pg_catalog.format('GRANT INSERT, DELETE, UPDATE (source, body) ON @extschema@.documents TO %s WITH GRANT OPTION',
                              extension_owner);
END $$;

SELECT govdisclose_internal.refuse_foreign_objects();
