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
    problems text[],
    published date
);
COMMENT ON TYPE @extschema@.report IS '政府信息公开工作年度报告, as parsed (published: 发布时间/成文日期 metadata, else the date under the closing signature)';

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
    OUT fact_keys text[], OUT fact_values numeric[], OUT fact_units text[], OUT fact_spans text[],
    OUT published date)
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
-- lz4 where the server has it: a body is compressed on every load and
-- decompressed on every read, and pglz (the default) costs several times more.
DO $$
BEGIN
    ALTER TABLE @extschema@.documents ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    NULL;  -- a server built without lz4 keeps pglz
END $$;
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
    fact_keys text[], fact_values numeric[], fact_units text[], fact_spans text[],
    published date
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
            WHEN pg_catalog.cardinality(p.problems) > 0 THEN 'problems' ELSE 'ok' END AS status,
       p.published
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
COMMENT ON COLUMN @extschema@.reports.published IS '发布日期（发布时间/成文日期，或落款日期；无法识别为NULL）';

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

-- ===================================================================
-- Reviewer checks (issue 13): COPIED-TEXT, LATE, YOY-JUMP, HIERARCHY-SUM,
-- indicators and reviewer decisions.  Tables users fill: org_aliases,
-- org_units, org_kinds, check_settings, finding_decisions.
-- ===================================================================

-- ---------- settings ----------

CREATE TABLE @extschema@.check_settings (
    setting text PRIMARY KEY CHECK (setting IN ('yoy_high_ratio', 'yoy_low_ratio', 'yoy_floor', 'copied_min_similarity')),
    value numeric NOT NULL,
    -- pairs below 0.5 are not kept (see the signature trigger), so a lower threshold would hide nothing more
    CHECK (setting <> 'copied_min_similarity' OR value BETWEEN 0.5 AND 1),
    CHECK (value >= 0)
);
COMMENT ON TABLE @extschema@.check_settings IS '检查参数: a row overrides the default of its setting (yoy_high_ratio 5, yoy_low_ratio 0.2, yoy_floor 20, copied_min_similarity 0.8)';
COMMENT ON COLUMN @extschema@.check_settings.setting IS '参数名';
COMMENT ON COLUMN @extschema@.check_settings.value IS '取值';

-- The value of a setting: the user's row, else the default.
CREATE FUNCTION @extschema@.check_setting(name text) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce((SELECT s.value FROM @extschema@.check_settings s WHERE s.setting = name),
                    (SELECT d.value FROM (VALUES ('yoy_high_ratio', 5.0), ('yoy_low_ratio', 0.2), ('yoy_floor', 20.0),
                                                 ('copied_min_similarity', 0.8)) AS d(setting, value)
                     WHERE d.setting = name));
END;
COMMENT ON FUNCTION @extschema@.check_setting(text) IS 'the value of a check setting: check_settings, else its default';

-- ---------- bodies: aliases, kinds, units ----------

CREATE TABLE @extschema@.org_aliases (
    alias text PRIMARY KEY,
    org text NOT NULL,
    CHECK (alias <> org)
);
COMMENT ON TABLE @extschema@.org_aliases IS '机关别名: another name of a body (洪泽区人民政府 → 淮安市洪泽区人民政府); every cross-report rule folds it in';
COMMENT ON COLUMN @extschema@.org_aliases.alias IS '别名（报告中出现的名称）';
COMMENT ON COLUMN @extschema@.org_aliases.org IS '统一名称';

CREATE TABLE @extschema@.org_units (
    child_org text NOT NULL,
    parent_org text NOT NULL,
    PRIMARY KEY (child_org, parent_org),
    CHECK (child_org <> parent_org)
);
COMMENT ON TABLE @extschema@.org_units IS '上下级机关: the units whose requests a parent''s report includes (HIERARCHY-SUM)';
COMMENT ON COLUMN @extschema@.org_units.child_org IS '下级机关（名称或别名）';
COMMENT ON COLUMN @extschema@.org_units.parent_org IS '上级机关（名称或别名）';

CREATE TABLE @extschema@.org_kinds (
    org text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('government', 'department'))
);
COMMENT ON TABLE @extschema@.org_kinds IS '机关类别: overrides the kind read from the name (LATE)';
COMMENT ON COLUMN @extschema@.org_kinds.org IS '机关（名称或别名）';
COMMENT ON COLUMN @extschema@.org_kinds.kind IS 'government 县级以上人民政府（3月31日前公布）/ department 部门及其他机关（1月31日前公布）';

-- A name with its alias folded in (org_aliases maps each alias straight to the one name).
CREATE FUNCTION @extschema@.org_of(name text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce((SELECT a.org FROM @extschema@.org_aliases a WHERE a.alias = name), name);
END;
COMMENT ON FUNCTION @extschema@.org_of(text) IS 'the name a body is known by: its org_aliases entry, else the name itself';

-- The kind of a body by its name: a people's government at county level or
-- above ends in 人民政府 and is no township's (乡/镇/苏木); everything else
-- (局, 委员会, 办公室, 街道办事处, township governments) reports to one by 31 January.
CREATE FUNCTION @extschema@.body_kind(org text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN pg_catalog.right(org, 4) = '人民政府'
                 AND pg_catalog.substr(org, pg_catalog.length(org) - 4, 1) NOT IN ('乡', '镇', '木')
                THEN 'government' ELSE 'department' END;
END;
COMMENT ON FUNCTION @extschema@.body_kind(text) IS 'government (people''s government at county level or above) or department, from the name';

-- Each report's body with its alias folded in: the key every cross-report rule joins on.
CREATE VIEW @extschema@.report_orgs AS
SELECT p.doc_id, coalesce(a.org, p.org) AS org, p.year,
       coalesce(a.org, p.org, 'md5:' || d.body_hash) AS org_key
FROM govdisclose_internal.parsed p
JOIN @extschema@.documents d USING (doc_id)
LEFT JOIN @extschema@.org_aliases a ON a.alias = p.org;
COMMENT ON VIEW @extschema@.report_orgs IS '报告机关（别名已统一）: the body every cross-report rule compares';
COMMENT ON COLUMN @extschema@.report_orgs.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.report_orgs.org IS '机关统一名称（无法识别为NULL）';
COMMENT ON COLUMN @extschema@.report_orgs.year IS '报告年度';
COMMENT ON COLUMN @extschema@.report_orgs.org_key IS '机关键：统一名称，无名称时为原文MD5（用于指纹）';

-- Reports of the same body (aliases folded) in consecutive years: what CARRY-CHAIN, STOCK-CHAIN and YOY-JUMP compare.
CREATE VIEW @extschema@.consecutive_reports AS
SELECT cur.doc_id, prev.doc_id AS prev_doc_id, cur.org, cur.year
FROM @extschema@.report_orgs cur
JOIN @extschema@.report_orgs prev ON prev.org = cur.org AND prev.year = cur.year - 1;
COMMENT ON VIEW @extschema@.consecutive_reports IS '相邻年度报告: each report with the same body''s report of the year before';
COMMENT ON COLUMN @extschema@.consecutive_reports.doc_id IS '本年报告编号';
COMMENT ON COLUMN @extschema@.consecutive_reports.prev_doc_id IS '上年报告编号';
COMMENT ON COLUMN @extschema@.consecutive_reports.org IS '机关统一名称';
COMMENT ON COLUMN @extschema@.consecutive_reports.year IS '本年度';

-- ---------- COPIED-TEXT: MinHash signatures, LSH bands, verified pairs ----------

CREATE FUNCTION @extschema@.section_minhash(body text)
    RETURNS TABLE (section_no integer, chars integer, minhash integer[])
    AS 'MODULE_PATHNAME', 'gd_section_minhash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION @extschema@.section_minhash(text) IS
    'MinHash signatures (128 values, shingles of 5 characters, digits as 0) of sections 1, 5 and 6 of at least 60 characters';
CREATE FUNCTION govdisclose_internal.minhash_bands(minhash integer[]) RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'gd_sql_minhash_bands' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION govdisclose_internal.minhash_bands(integer[]) IS 'the 16 LSH band keys (4 values each) of a signature';
CREATE FUNCTION govdisclose_internal.minhash_similarity(a integer[], b integer[]) RETURNS double precision
    AS 'MODULE_PATHNAME', 'gd_sql_minhash_similarity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION govdisclose_internal.minhash_similarity(integer[], integer[]) IS 'share of equal signature values: the estimated Jaccard similarity';

-- These three tables are kept by the triggers below, not by foreign keys: a
-- foreign-key check per band row would cost more than the load itself.
CREATE TABLE govdisclose_internal.section_signatures (
    doc_id bigint NOT NULL,
    section_no integer NOT NULL,
    chars integer NOT NULL,
    minhash integer[] NOT NULL,
    PRIMARY KEY (doc_id, section_no)
);
COMMENT ON TABLE govdisclose_internal.section_signatures IS 'MinHash signature of sections 1, 5 and 6 of each document';
COMMENT ON COLUMN govdisclose_internal.section_signatures.doc_id IS '报告编号';
COMMENT ON COLUMN govdisclose_internal.section_signatures.section_no IS '部分序号';
COMMENT ON COLUMN govdisclose_internal.section_signatures.chars IS '字数（不含空白）';
COMMENT ON COLUMN govdisclose_internal.section_signatures.minhash IS 'MinHash签名';

CREATE TABLE govdisclose_internal.section_bands (
    section_no integer NOT NULL,
    band_key bigint NOT NULL,
    doc_id bigint NOT NULL
);
CREATE INDEX section_bands_key ON govdisclose_internal.section_bands (section_no, band_key, doc_id);
COMMENT ON TABLE govdisclose_internal.section_bands IS 'LSH bands of the signatures; sections sharing a band key are candidate pairs';
COMMENT ON COLUMN govdisclose_internal.section_bands.section_no IS '部分序号';
COMMENT ON COLUMN govdisclose_internal.section_bands.band_key IS '分段哈希';
COMMENT ON COLUMN govdisclose_internal.section_bands.doc_id IS '报告编号';

CREATE TABLE govdisclose_internal.copied_pairs (
    doc_id bigint NOT NULL,
    other_doc_id bigint NOT NULL,
    section_no integer NOT NULL,
    similarity double precision NOT NULL,
    PRIMARY KEY (doc_id, other_doc_id, section_no)
);
CREATE INDEX copied_pairs_other ON govdisclose_internal.copied_pairs (other_doc_id);
COMMENT ON TABLE govdisclose_internal.copied_pairs IS 'for each section, its (at most 5) most similar earlier-loaded or same-batch sections, verified on the whole signature (similarity >= 0.5)';
COMMENT ON COLUMN govdisclose_internal.copied_pairs.doc_id IS '报告编号';
COMMENT ON COLUMN govdisclose_internal.copied_pairs.other_doc_id IS '另一报告编号';
COMMENT ON COLUMN govdisclose_internal.copied_pairs.section_no IS '部分序号';
COMMENT ON COLUMN govdisclose_internal.copied_pairs.similarity IS '相似度（签名估计的Jaccard系数）';

-- The band keys of every stored signature, computed on read (cheap, in C).
CREATE VIEW govdisclose_internal.section_band_keys AS
SELECT s.doc_id, s.section_no, k.band_key
FROM govdisclose_internal.section_signatures s, pg_catalog.unnest(govdisclose_internal.minhash_bands(s.minhash)) AS k(band_key);
COMMENT ON VIEW govdisclose_internal.section_band_keys IS 'the LSH band keys of each stored signature';
COMMENT ON COLUMN govdisclose_internal.section_band_keys.doc_id IS '报告编号';
COMMENT ON COLUMN govdisclose_internal.section_band_keys.section_no IS '部分序号';
COMMENT ON COLUMN govdisclose_internal.section_band_keys.band_key IS '分段哈希';

-- Signatures and bands follow the documents: dropped with the old text,
-- computed for the new one.  Each new section is looked up by its band keys
-- in the index, never against every other section, and the candidates are
-- verified on their whole signatures.  The work per section is bounded even
-- when hundreds of reports share one text: at most 8 sections per band key
-- (the earliest loaded), and the 5 most similar verified ones are kept, so
-- the pairs grow linearly with the reports.
-- (JIT off: the row estimates of a transition table are guesses, and compiling
-- them costs more than running the statements.)
-- Bands and verified pairs of the sections just signed (their signatures
-- stored already): from the load trigger on one node, from parse_pending() on Citus.
CREATE FUNCTION govdisclose_internal.pair_signed_sections(signed_doc_ids bigint[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET jit = off AS $$
BEGIN
    -- in key order, here and in the lookups: the index is then walked, not hit at random
    INSERT INTO govdisclose_internal.section_bands (section_no, band_key, doc_id)
    SELECT k.section_no, k.band_key, k.doc_id
    FROM govdisclose_internal.section_band_keys k JOIN pg_catalog.unnest(signed_doc_ids) AS n(doc_id) ON n.doc_id = k.doc_id
    ORDER BY k.section_no, k.band_key;
    -- after a bulk load the planner must know the new sizes, or the lookups below run on
    -- stale estimates until autovacuum (the trigger analyzes documents and parsed too)
    IF pg_catalog.cardinality(signed_doc_ids) >= 1000 THEN
        ANALYZE govdisclose_internal.section_signatures, govdisclose_internal.section_bands, govdisclose_internal.copied_pairs;
    END IF;
    WITH new_keys AS MATERIALIZED (
        SELECT k.doc_id, k.section_no, k.band_key
        FROM govdisclose_internal.section_band_keys k JOIN pg_catalog.unnest(signed_doc_ids) AS n(doc_id) ON n.doc_id = k.doc_id),
    -- the first nine sections holding each band key, looked up once per key however many new
    -- sections share it (boilerplate does): a section's candidates are the first eight besides itself
    first_holders AS MATERIALIZED (
        SELECT u.section_no, u.band_key, h.doc_ids
        FROM (SELECT DISTINCT k.section_no, k.band_key FROM new_keys k ORDER BY k.section_no, k.band_key) u
        CROSS JOIN LATERAL (SELECT pg_catalog.array_agg(b.doc_id ORDER BY b.doc_id) AS doc_ids
                            FROM (SELECT b.doc_id FROM govdisclose_internal.section_bands b
                                  WHERE b.section_no = u.section_no AND b.band_key = u.band_key
                                  ORDER BY b.doc_id LIMIT 9) b) h),
    -- a section's band keys mostly have the same first holders: each list is unpacked once
    candidates AS (
        SELECT DISTINCT h.doc_id, o.other_doc_id, h.section_no
        FROM (SELECT DISTINCT k.doc_id, k.section_no, f.doc_ids
              FROM new_keys k JOIN first_holders f ON f.section_no = k.section_no AND f.band_key = k.band_key) h
        CROSS JOIN LATERAL (SELECT d.other_doc_id
                            FROM pg_catalog.unnest(h.doc_ids) WITH ORDINALITY AS d(other_doc_id, place)
                            WHERE d.other_doc_id <> h.doc_id ORDER BY d.place LIMIT 8) o)
    INSERT INTO govdisclose_internal.copied_pairs (doc_id, other_doc_id, section_no, similarity)
    SELECT v.doc_id, v.other_doc_id, v.section_no, v.similarity
    FROM (SELECT c.doc_id, c.other_doc_id, c.section_no, x.similarity,
                 pg_catalog.row_number() OVER (PARTITION BY c.doc_id, c.section_no
                                               ORDER BY x.similarity DESC, c.other_doc_id) AS rank
          FROM candidates c
          JOIN govdisclose_internal.section_signatures a ON a.doc_id = c.doc_id AND a.section_no = c.section_no
          JOIN govdisclose_internal.section_signatures b ON b.doc_id = c.other_doc_id AND b.section_no = c.section_no
          CROSS JOIN LATERAL (SELECT govdisclose_internal.minhash_similarity(a.minhash, b.minhash)) AS x(similarity)
          WHERE x.similarity >= 0.5) v
    WHERE v.rank <= 5;
END $$;
REVOKE ALL ON FUNCTION govdisclose_internal.pair_signed_sections(bigint[]) FROM PUBLIC;

CREATE FUNCTION govdisclose_internal.documents_sign_sections() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM govdisclose_internal.section_bands b
        USING govdisclose_internal.section_band_keys k JOIN old_docs o ON o.doc_id = k.doc_id
        WHERE b.section_no = k.section_no AND b.band_key = k.band_key AND b.doc_id = k.doc_id;
        DELETE FROM govdisclose_internal.section_signatures s USING old_docs o WHERE s.doc_id = o.doc_id;
        DELETE FROM govdisclose_internal.copied_pairs c USING old_docs o WHERE o.doc_id IN (c.doc_id, c.other_doc_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO govdisclose_internal.section_signatures (doc_id, section_no, chars, minhash)
        SELECT n.doc_id, s.section_no, s.chars, s.minhash FROM new_docs n, @extschema@.section_minhash(n.body) s;
        -- after a bulk load the cross-report views (joins by doc_id and body) need the new sizes
        IF (SELECT pg_catalog.count(*) FROM new_docs) >= 1000 THEN
            ANALYZE @extschema@.documents (doc_id, body_hash), govdisclose_internal.parsed (doc_id, org, year, template);
        END IF;
        PERFORM govdisclose_internal.pair_signed_sections((SELECT pg_catalog.array_agg(n.doc_id) FROM new_docs n));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION govdisclose_internal.documents_truncate_signatures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    TRUNCATE govdisclose_internal.section_signatures, govdisclose_internal.section_bands, govdisclose_internal.copied_pairs;
    RETURN NULL;
END $$;

REVOKE ALL ON FUNCTION govdisclose_internal.documents_sign_sections(), govdisclose_internal.documents_truncate_signatures()
    FROM PUBLIC;

CREATE TRIGGER documents_sign_inserted AFTER INSERT ON @extschema@.documents
    REFERENCING NEW TABLE AS new_docs FOR EACH STATEMENT EXECUTE FUNCTION govdisclose_internal.documents_sign_sections();
CREATE TRIGGER documents_sign_updated AFTER UPDATE ON @extschema@.documents
    REFERENCING OLD TABLE AS old_docs NEW TABLE AS new_docs
    FOR EACH STATEMENT EXECUTE FUNCTION govdisclose_internal.documents_sign_sections();
CREATE TRIGGER documents_sign_deleted AFTER DELETE ON @extschema@.documents
    REFERENCING OLD TABLE AS old_docs FOR EACH STATEMENT EXECUTE FUNCTION govdisclose_internal.documents_sign_sections();
CREATE TRIGGER documents_sign_truncated AFTER TRUNCATE ON @extschema@.documents
    FOR EACH STATEMENT EXECUTE FUNCTION govdisclose_internal.documents_truncate_signatures();

CREATE VIEW @extschema@.copied_sections AS
SELECT p.doc_id, p.other_doc_id, p.section_no, pg_catalog.round(p.similarity::numeric, 3) AS similarity,
       CASE WHEN mine.org = theirs.org THEN 'same_body_earlier_year' ELSE 'other_body' END AS kind
FROM (SELECT c.doc_id, c.other_doc_id, c.section_no, c.similarity FROM govdisclose_internal.copied_pairs c
      UNION
      SELECT c.other_doc_id, c.doc_id, c.section_no, c.similarity FROM govdisclose_internal.copied_pairs c) p
JOIN @extschema@.report_orgs mine ON mine.doc_id = p.doc_id
JOIN @extschema@.report_orgs theirs ON theirs.doc_id = p.other_doc_id
WHERE p.similarity >= @extschema@.check_setting('copied_min_similarity')
  -- the same body's report: only a later year copying an earlier one (two copies of one year are duplicates)
  AND (mine.org IS NULL OR theirs.org IS NULL OR mine.org <> theirs.org OR theirs.year < mine.year);
COMMENT ON VIEW @extschema@.copied_sections IS '内容雷同: sections 1, 5, 6 nearly the same as another body''s report or the same body''s earlier report';
COMMENT ON COLUMN @extschema@.copied_sections.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.copied_sections.other_doc_id IS '雷同的另一份报告';
COMMENT ON COLUMN @extschema@.copied_sections.section_no IS '部分序号（1 总体情况 / 5 存在的主要问题及改进情况 / 6 其他需要报告的事项）';
COMMENT ON COLUMN @extschema@.copied_sections.similarity IS '相似度（0至1）';
COMMENT ON COLUMN @extschema@.copied_sections.kind IS 'other_body 其他机关的报告 / same_body_earlier_year 本机关往年报告';

-- ---------- LATE ----------

CREATE VIEW @extschema@.report_deadlines AS
SELECT o.doc_id, o.org, o.year, coalesce(k.kind, @extschema@.body_kind(o.org)) AS body_kind,
       CASE WHEN k.kind IS NULL THEN 'name' ELSE 'org_kinds' END AS kind_source,
       pg_catalog.make_date(o.year + 1, CASE coalesce(k.kind, @extschema@.body_kind(o.org)) WHEN 'government' THEN 3 ELSE 1 END, 31)
           AS deadline,
       p.published
FROM @extschema@.report_orgs o
JOIN govdisclose_internal.parsed p USING (doc_id)
-- an entry under the name itself wins over one under an alias
LEFT JOIN LATERAL (SELECT k.kind FROM @extschema@.org_kinds k WHERE @extschema@.org_of(k.org) = o.org
                   ORDER BY k.org = o.org DESC LIMIT 1) k ON true
WHERE o.org IS NOT NULL AND o.year IS NOT NULL AND o.year BETWEEN 1990 AND 2100;
COMMENT ON VIEW @extschema@.report_deadlines IS '公布期限（条例第四十九条）: the deadline of each report and when it was published';
COMMENT ON COLUMN @extschema@.report_deadlines.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.report_deadlines.org IS '机关统一名称';
COMMENT ON COLUMN @extschema@.report_deadlines.year IS '报告年度';
COMMENT ON COLUMN @extschema@.report_deadlines.body_kind IS 'government 县级以上人民政府 / department 部门及其他机关';
COMMENT ON COLUMN @extschema@.report_deadlines.kind_source IS '类别来源：name 由名称判断 / org_kinds 用户指定';
COMMENT ON COLUMN @extschema@.report_deadlines.deadline IS '公布期限';
COMMENT ON COLUMN @extschema@.report_deadlines.published IS '发布日期（无法识别为NULL）';

-- ---------- YOY-JUMP ----------

-- The headline figures of each report (a blank or unreadable cell is NULL).
CREATE VIEW @extschema@.headline_figures AS
SELECT p.doc_id, f.figure, f.ord, f.label, f.value
FROM govdisclose_internal.parsed p
CROSS JOIN LATERAL (
    SELECT 'new_received', 1, '本年新收申请', p.req_values[7]::numeric
    UNION ALL SELECT 'results_total', 2, '办理结果总计', p.req_values[168]::numeric
    UNION ALL SELECT 'reviews', 3, '行政复议', p.review_values[5]::numeric
    UNION ALL SELECT 'lawsuits', 4, '行政诉讼', (p.review_values[10] + p.review_values[15])::numeric
    UNION ALL SELECT a.item || '_decisions', CASE a.item WHEN 'punishment' THEN 5 ELSE 6 END,
                     CASE a.item WHEN 'punishment' THEN '行政处罚决定' ELSE '行政许可决定' END, p.active_values[a.ord]
    FROM @extschema@.active_measure_names(coalesce(p.template, '2021')) a
    WHERE a.item IN ('punishment', 'licensing') AND a.measure = 'decisions'
) AS f(figure, ord, label, value);
COMMENT ON VIEW @extschema@.headline_figures IS '主要数字: new requests, results total, reviews, lawsuits, punishment and licensing decisions';
COMMENT ON COLUMN @extschema@.headline_figures.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.headline_figures.label IS '指标名称';
COMMENT ON COLUMN @extschema@.headline_figures.figure IS '指标（new_received 本年新收申请 / results_total 办理结果总计 / reviews 行政复议 / lawsuits 行政诉讼 / punishment_decisions 行政处罚 / licensing_decisions 行政许可）';
COMMENT ON COLUMN @extschema@.headline_figures.ord IS '指标序号';
COMMENT ON COLUMN @extschema@.headline_figures.value IS '数值';

CREATE VIEW @extschema@.yoy_figures AS
SELECT c.org, c.year, cur.doc_id, prev.doc_id AS prev_doc_id, cur.figure, cur.ord, cur.label,
       prev.value AS previous, cur.value AS current,
       pg_catalog.round(cur.value / NULLIF(prev.value, 0), 2) AS ratio,
       GREATEST(cur.value, prev.value) >= s.floor
         AND (prev.value = 0 OR cur.value / prev.value > s.high OR cur.value / prev.value < s.low) AS flagged
FROM @extschema@.consecutive_reports c
JOIN @extschema@.headline_figures cur ON cur.doc_id = c.doc_id
JOIN @extschema@.headline_figures prev ON prev.doc_id = c.prev_doc_id AND prev.figure = cur.figure
CROSS JOIN (SELECT @extschema@.check_setting('yoy_high_ratio') AS high, @extschema@.check_setting('yoy_low_ratio') AS low,
                   @extschema@.check_setting('yoy_floor') AS floor) s
WHERE cur.value IS NOT NULL AND prev.value IS NOT NULL;
COMMENT ON VIEW @extschema@.yoy_figures IS '同比: each headline figure of a body next to its previous year''s';
COMMENT ON COLUMN @extschema@.yoy_figures.org IS '机关统一名称';
COMMENT ON COLUMN @extschema@.yoy_figures.year IS '报告年度';
COMMENT ON COLUMN @extschema@.yoy_figures.doc_id IS '本年报告编号';
COMMENT ON COLUMN @extschema@.yoy_figures.prev_doc_id IS '上年报告编号';
COMMENT ON COLUMN @extschema@.yoy_figures.figure IS '指标';
COMMENT ON COLUMN @extschema@.yoy_figures.ord IS '指标序号';
COMMENT ON COLUMN @extschema@.yoy_figures.label IS '指标名称';
COMMENT ON COLUMN @extschema@.yoy_figures.previous IS '上年数值';
COMMENT ON COLUMN @extschema@.yoy_figures.current IS '本年数值';
COMMENT ON COLUMN @extschema@.yoy_figures.ratio IS '本年÷上年（上年为0时NULL）';
COMMENT ON COLUMN @extschema@.yoy_figures.flagged IS '超出设定倍数（yoy_high_ratio/yoy_low_ratio，且较大者不低于yoy_floor）';

-- ---------- HIERARCHY-SUM ----------

CREATE VIEW @extschema@.hierarchy_rollup AS
WITH units AS (
    SELECT DISTINCT @extschema@.org_of(u.child_org) AS child_org, @extschema@.org_of(u.parent_org) AS parent_org
    FROM @extschema@.org_units u
), unit_sums AS (
    SELECT u.parent_org, o.year, f.figure, pg_catalog.sum(f.value) AS units_sum, pg_catalog.count(DISTINCT o.org) AS units_reported
    FROM units u
    JOIN @extschema@.report_orgs o ON o.org = u.child_org
    JOIN @extschema@.headline_figures f ON f.doc_id = o.doc_id AND f.figure IN ('new_received', 'results_total')
    WHERE f.value IS NOT NULL
    GROUP BY u.parent_org, o.year, f.figure
)
SELECT s.parent_org, s.year, po.doc_id AS parent_doc_id, s.figure, pf.value AS parent_value, s.units_sum,
       s.units_reported, (SELECT pg_catalog.count(*) FROM units u WHERE u.parent_org = s.parent_org) AS units
FROM unit_sums s
LEFT JOIN @extschema@.report_orgs po ON po.org = s.parent_org AND po.year = s.year
LEFT JOIN @extschema@.headline_figures pf ON pf.doc_id = po.doc_id AND pf.figure = s.figure;
COMMENT ON VIEW @extschema@.hierarchy_rollup IS '上下级汇总: per parent, year and figure, the parent''s own figure next to the sum over its units'' reports';
COMMENT ON COLUMN @extschema@.hierarchy_rollup.parent_org IS '上级机关';
COMMENT ON COLUMN @extschema@.hierarchy_rollup.year IS '报告年度';
COMMENT ON COLUMN @extschema@.hierarchy_rollup.parent_doc_id IS '上级机关报告编号（未载入为NULL）';
COMMENT ON COLUMN @extschema@.hierarchy_rollup.figure IS '指标（new_received 收到申请 / results_total 办理申请）';
COMMENT ON COLUMN @extschema@.hierarchy_rollup.parent_value IS '上级机关报告的数值';
COMMENT ON COLUMN @extschema@.hierarchy_rollup.units_sum IS '下级机关报告数值之和';
COMMENT ON COLUMN @extschema@.hierarchy_rollup.units_reported IS '有报告的下级机关数';
COMMENT ON COLUMN @extschema@.hierarchy_rollup.units IS '下级机关数';

-- ---------- indicators ----------

CREATE VIEW @extschema@.indicators AS
SELECT p.doc_id, p.org, p.year,
       pg_catalog.round(p.req_values[21]::numeric / NULLIF(p.req_values[168], 0), 4) AS granted_rate,
       pg_catalog.round((p.req_values[35] + p.req_values[42] + p.req_values[49] + p.req_values[56] + p.req_values[63]
                         + p.req_values[70] + p.req_values[77] + p.req_values[84])::numeric
                        / NULLIF(p.req_values[168], 0), 4) AS denied_rate,
       pg_catalog.round(p.req_values[168]::numeric / NULLIF(p.req_values[7] + p.req_values[14], 0), 4) AS answered_rate,
       pg_catalog.round(p.review_values[2]::numeric / NULLIF(p.review_values[5], 0), 4) AS review_corrected_rate,
       pg_catalog.round((p.review_values[7] + p.review_values[12])::numeric
                        / NULLIF(p.review_values[10] + p.review_values[15], 0), 4) AS litigation_corrected_rate
FROM govdisclose_internal.parsed p;
COMMENT ON VIEW @extschema@.indicators IS '指标: rates per report, NULL where the denominator is 0 or unknown (column 总计 of the requests table)';
COMMENT ON COLUMN @extschema@.indicators.doc_id IS '报告编号';
COMMENT ON COLUMN @extschema@.indicators.org IS '报告机关';
COMMENT ON COLUMN @extschema@.indicators.year IS '报告年度';
COMMENT ON COLUMN @extschema@.indicators.granted_rate IS '予以公开率 = 予以公开 ÷ 办理结果总计';
COMMENT ON COLUMN @extschema@.indicators.denied_rate IS '不予公开率 = 不予公开（8项之和）÷ 办理结果总计';
COMMENT ON COLUMN @extschema@.indicators.answered_rate IS '答复率 = 办理结果总计 ÷（本年新收 + 上年结转）';
COMMENT ON COLUMN @extschema@.indicators.review_corrected_rate IS '复议纠正率 = 行政复议结果纠正 ÷ 行政复议总计';
COMMENT ON COLUMN @extschema@.indicators.litigation_corrected_rate IS '诉讼纠正率 = 行政诉讼结果纠正 ÷ 行政诉讼总计（未经复议直接起诉 + 复议后起诉）';

-- ---------- reviewer decisions ----------

CREATE TABLE @extschema@.finding_decisions (
    fingerprint text PRIMARY KEY,
    decision text NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'corrected')),
    note text,
    decided_by text NOT NULL DEFAULT CURRENT_USER,
    decided_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE @extschema@.finding_decisions IS '审核结论: a reviewer''s decision on a finding, by its fingerprint (survives re-parsing and re-loading)';
COMMENT ON COLUMN @extschema@.finding_decisions.fingerprint IS '发现指纹（findings.fingerprint）';
COMMENT ON COLUMN @extschema@.finding_decisions.decision IS 'confirmed 确认 / dismissed 驳回 / corrected 已更正';
COMMENT ON COLUMN @extschema@.finding_decisions.note IS '备注';
COMMENT ON COLUMN @extschema@.finding_decisions.decided_by IS '审核人';
COMMENT ON COLUMN @extschema@.finding_decisions.decided_at IS '审核时间';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.check_settings', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.org_aliases', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.org_units', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.org_kinds', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.finding_decisions', '');

-- ===================================================================
-- end of the reviewer checks' objects
-- ===================================================================

-- ---------- consistency rules (SPEC §7) ----------

-- Every single-report rule, on one parsed report.  Used by the findings view
-- and by check_report(), so a loaded and an unloaded text give the same findings.
CREATE FUNCTION govdisclose_internal.report_findings(p govdisclose_internal.parsed)
RETURNS TABLE (sort_key bigint, rule_id text, severity text, table_name text, row_key text,
               column_key text, cells text, expected numeric, actual numeric, message text)
    AS 'MODULE_PATHNAME', 'gd_report_findings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION govdisclose_internal.report_findings(govdisclose_internal.parsed) IS 'internal: the single-report rules of SPEC §7 on one parse';

CREATE VIEW @extschema@.findings AS
SELECT f.doc_id, f.org, f.year, f.rule_id, f.severity, f.table_name, f.row_key, f.column_key, f.cells, f.expected,
       f.actual, f.message, f.other_doc_id, f.sort_key, k.fingerprint, dec.decision
FROM (
    SELECT p.doc_id, p.org, p.year, f.rule_id, f.severity, f.table_name, f.row_key, f.column_key, f.cells,
           f.expected, f.actual, f.message, NULL::bigint AS other_doc_id, f.sort_key
    FROM govdisclose_internal.parsed p, LATERAL govdisclose_internal.report_findings(p) f
    UNION ALL
    -- CARRY-CHAIN: what a body carried forward in Y-1 is what it carried over in Y
    SELECT cur.doc_id, cur.org, cur.year, 'CARRY-CHAIN', 'error', 'requests', 'carried_over', a.applicant,
           'carried_over/' || a.applicant || ' ~ ' || prev.year || ' carried_forward/' || a.applicant,
           prev.req_values[168 + a.col_no], cur.req_values[7 + a.col_no],
           format('%s列：上年结转为%s，但%s年报告（编号%s）的结转下年度继续办理为%s', a.label,
                  cur.req_values[7 + a.col_no], prev.year, prev.doc_id, prev.req_values[168 + a.col_no]),
           prev.doc_id, 12000000 + a.col_no
    FROM @extschema@.consecutive_reports c
    JOIN govdisclose_internal.parsed cur ON cur.doc_id = c.doc_id
    JOIN govdisclose_internal.parsed prev ON prev.doc_id = c.prev_doc_id
    CROSS JOIN @extschema@.applicants() a
    WHERE cur.req_values[7 + a.col_no] <> prev.req_values[168 + a.col_no]
    UNION ALL
    -- STOCK-CHAIN: in force now = in force last year + issued - repealed (2021 template, both years)
    SELECT cur.doc_id, cur.org, cur.year, 'STOCK-CHAIN', 'warning', 'active', i.item, 'in_force',
           i.item || '/in_force ~ ' || prev.year || ' ' || i.item || '/in_force',
           prev.active_values[i.base + 3] + cur.active_values[i.base + 1] - cur.active_values[i.base + 2],
           cur.active_values[i.base + 3],
           format('%s：现行有效%s件，但上年%s件+本年制发%s件-本年废止%s件=%s件', i.label,
                  cur.active_values[i.base + 3], prev.active_values[i.base + 3], cur.active_values[i.base + 1],
                  cur.active_values[i.base + 2],
                  prev.active_values[i.base + 3] + cur.active_values[i.base + 1] - cur.active_values[i.base + 2]),
           prev.doc_id, 13000000 + i.base
    FROM @extschema@.consecutive_reports c
    JOIN govdisclose_internal.parsed cur ON cur.doc_id = c.doc_id
    JOIN govdisclose_internal.parsed prev ON prev.doc_id = c.prev_doc_id
    CROSS JOIN (VALUES ('rules', 0, '规章'), ('normative_documents', 3, '行政规范性文件')) AS i(item, base, label)
    WHERE cur.template = '2021' AND prev.template = '2021'
      AND cur.active_values[i.base + 3] <> prev.active_values[i.base + 3] + cur.active_values[i.base + 1] - cur.active_values[i.base + 2]
    UNION ALL
    -- COPIED-TEXT: a prose section nearly the same as another body's, or as this body's earlier report
    SELECT c.doc_id, p.org, p.year, 'COPIED-TEXT', 'warning', 'narrative', 'section_' || c.section_no, NULL,
           'section_' || c.section_no || ' ~ ' || t.org_key || ' ' || coalesce(t.year::text, ''),
           NULL, c.similarity,
           pg_catalog.format('第%s部分（%s）与%s%s年报告（编号%s）的相应部分雷同，相似度%s',
                  c.section_no, CASE c.section_no WHEN 1 THEN '总体情况' WHEN 5 THEN '存在的主要问题及改进情况'
                                ELSE '其他需要报告的事项' END,
                  CASE c.kind WHEN 'same_body_earlier_year' THEN '本机关' ELSE coalesce(t.org, '另一机关') END,
                  coalesce(t.year::text, '?'), c.other_doc_id, c.similarity),
           c.other_doc_id, 20000000 + c.section_no
    FROM @extschema@.copied_sections c
    JOIN govdisclose_internal.parsed p ON p.doc_id = c.doc_id
    JOIN @extschema@.report_orgs t ON t.doc_id = c.other_doc_id
    UNION ALL
    -- LATE: published after the Article 49 deadline of the body's kind
    SELECT l.doc_id, p.org, p.year, 'LATE', 'warning', 'narrative', 'published', NULL, 'published', NULL, NULL,
           pg_catalog.format('报告发布于%s，晚于条例第四十九条规定的期限%s（%s）%s天', l.published, l.deadline,
                  CASE l.body_kind WHEN 'government' THEN '县级以上人民政府，3月31日前' ELSE '部门，1月31日前' END,
                  l.published - l.deadline),
           NULL, 21000000
    FROM @extschema@.report_deadlines l
    JOIN govdisclose_internal.parsed p ON p.doc_id = l.doc_id
    WHERE l.published > l.deadline
    UNION ALL
    -- YOY-JUMP: a headline figure beyond the set ratio to the body's previous year
    SELECT y.doc_id, p.org, p.year, 'YOY-JUMP', 'warning',
           CASE WHEN y.ord <= 2 THEN 'requests' WHEN y.ord <= 4 THEN 'review' ELSE 'active' END, y.figure, NULL,
           y.figure || ' ~ ' || (y.year - 1) || ' ' || y.figure, y.previous, y.current,
           pg_catalog.format('%s：本年%s，上年（%s年报告，编号%s）%s，%s', y.label, y.current, y.year - 1, y.prev_doc_id, y.previous,
                  coalesce('为上年的' || y.ratio || '倍', '上年为0')),
           y.prev_doc_id, 22000000 + y.ord
    FROM @extschema@.yoy_figures y
    JOIN govdisclose_internal.parsed p ON p.doc_id = y.doc_id
    WHERE y.flagged
    UNION ALL
    -- HIERARCHY-SUM: a parent reports fewer requests than its units' reports add up to
    SELECT h.parent_doc_id, p.org, p.year, 'HIERARCHY-SUM', 'warning', 'requests', h.figure, 'total',
           h.figure || '/total ~ units ' || h.figure || '/total', h.units_sum, h.parent_value,
           pg_catalog.format('%s：本机关报告%s件，少于%s个下级机关报告之和%s件', CASE h.figure WHEN 'new_received' THEN '收到申请'
                  ELSE '办理申请' END, h.parent_value, h.units_reported, h.units_sum),
           NULL, 23000000 + CASE h.figure WHEN 'new_received' THEN 1 ELSE 2 END
    FROM @extschema@.hierarchy_rollup h
    JOIN govdisclose_internal.parsed p ON p.doc_id = h.parent_doc_id
    WHERE h.parent_value < h.units_sum
    UNION ALL
    -- DUPLICATE-REPORT: two different texts from one body for one year (both are kept)
    SELECT cur.doc_id, cur.org, cur.year, 'DUPLICATE-REPORT', 'warning', 'report', NULL, NULL,
           'doc ' || cur.doc_id || ' ~ doc ' || other.doc_id, NULL, NULL,
           format('%s的%s年度报告有两份不同的文本：编号%s与编号%s，请确认哪一份有效', cur.org, cur.year,
                  cur.doc_id, other.doc_id),
           other.doc_id, 14000000
    FROM @extschema@.report_orgs co
    JOIN @extschema@.report_orgs oo ON oo.org = co.org AND oo.year = co.year AND oo.doc_id <> co.doc_id
    JOIN govdisclose_internal.parsed cur ON cur.doc_id = co.doc_id
    JOIN govdisclose_internal.parsed other ON other.doc_id = oo.doc_id
) f
JOIN @extschema@.report_orgs o ON o.doc_id = f.doc_id
-- what the finding is about, not where it was loaded: a decision outlives re-parsing and re-loading
-- (a doc_id named in the cells, as DUPLICATE-REPORT does, is left out)
CROSS JOIN LATERAL (SELECT pg_catalog.md5(pg_catalog.format('%s|%s|%s|%s|%s|%s|%s', o.org_key, f.year, f.rule_id,
                                          f.table_name, f.row_key, f.column_key,
                                          pg_catalog.regexp_replace(f.cells, 'doc [0-9]+', 'doc', 'g')))) AS k(fingerprint)
LEFT JOIN @extschema@.finding_decisions dec ON dec.fingerprint = k.fingerprint
ORDER BY f.doc_id, f.sort_key, f.other_doc_id;
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
COMMENT ON COLUMN @extschema@.findings.fingerprint IS '指纹：机关（别名已统一）、年度、规则与单元格的MD5，重新解析或载入后不变';
COMMENT ON COLUMN @extschema@.findings.decision IS '审核结论（finding_decisions；未审核为NULL）';

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
             x.fact_keys, x.fact_values, x.fact_units, x.fact_spans, x.published)::govdisclose_internal.parsed) f
    ORDER BY f.sort_key;
END;
COMMENT ON FUNCTION @extschema@.check_report(text) IS
    'the findings of one text without loading it (the single-report rules; CARRY-CHAIN and STOCK-CHAIN need loaded reports)';

-- ===================================================================
-- Scaling out on Citus (README "Scaling out").  Nothing here acts unless
-- distribute() is called in a database where the citus extension is.
-- Distributed, documents and parsed are hash-distributed on doc_id and
-- co-located, so a document and its parse share a shard; the load triggers
-- cannot run there and give way to parse_pending(), one co-located
-- INSERT ... SELECT that parses inside every shard.
-- ===================================================================

-- On a shard a row of parsed has the shard's own row type; this overload
-- takes it (the C function checks every column it reads).
CREATE FUNCTION govdisclose_internal.report_findings(p record)
RETURNS TABLE (sort_key bigint, rule_id text, severity text, table_name text, row_key text,
               column_key text, cells text, expected numeric, actual numeric, message text)
    AS 'MODULE_PATHNAME', 'gd_report_findings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION govdisclose_internal.report_findings(record) IS
    'report_findings(parsed) for a row of a Citus shard of parsed';

-- What distribute() took off the tables or changed, in the order undistribute() puts it back.
CREATE TABLE govdisclose_internal.distribution_removed_ddl (step integer PRIMARY KEY, ddl text NOT NULL);
COMMENT ON TABLE govdisclose_internal.distribution_removed_ddl IS
    'what distribute() removed or changed (triggers, NOT NULL, the findings view), restored by undistribute()';
SELECT pg_catalog.pg_extension_config_dump('govdisclose_internal.distribution_removed_ddl', '');

CREATE FUNCTION @extschema@.is_distributed() RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        RETURN false;  -- (and pg_dist_partition does not exist)
    END IF;
    RETURN EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = '@extschema@.documents'::regclass);
END $$;
COMMENT ON FUNCTION @extschema@.is_distributed() IS 'true once distribute() has spread documents and parsed over Citus workers';

-- What the signature triggers do on one node, for parse_pending() on Citus:
-- the signatures, bands and pairs of documents deleted or to be parsed again
-- go; the documents about to be parsed (no row in parsed) are signed, on the
-- shards, and their bands and pairs made here, where the section tables stay.
CREATE FUNCTION govdisclose_internal.sign_pending() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET jit = off AS $$
DECLARE
    signed_doc_ids bigint[];
BEGIN
    CREATE TEMP TABLE gd_parsed_docs ON COMMIT DROP AS SELECT doc_id FROM govdisclose_internal.parsed;
    CREATE UNIQUE INDEX ON gd_parsed_docs (doc_id);
    CREATE TEMP TABLE gd_unsigned_docs ON COMMIT DROP AS
        SELECT DISTINCT s.doc_id FROM govdisclose_internal.section_signatures s
        WHERE NOT EXISTS (SELECT 1 FROM gd_parsed_docs k WHERE k.doc_id = s.doc_id);
    DELETE FROM govdisclose_internal.section_bands b
    USING govdisclose_internal.section_band_keys k JOIN gd_unsigned_docs o ON o.doc_id = k.doc_id
    WHERE b.section_no = k.section_no AND b.band_key = k.band_key AND b.doc_id = k.doc_id;
    DELETE FROM govdisclose_internal.section_signatures s USING gd_unsigned_docs o WHERE s.doc_id = o.doc_id;
    DELETE FROM govdisclose_internal.copied_pairs c USING gd_unsigned_docs o WHERE o.doc_id IN (c.doc_id, c.other_doc_id);
    DROP TABLE gd_unsigned_docs;
    INSERT INTO govdisclose_internal.section_signatures (doc_id, section_no, chars, minhash)
    SELECT d.doc_id, s.section_no, s.chars, s.minhash
    FROM @extschema@.documents d, LATERAL @extschema@.section_minhash(d.body) s
    WHERE NOT EXISTS (SELECT 1 FROM govdisclose_internal.parsed p WHERE p.doc_id = d.doc_id);
    SELECT pg_catalog.array_agg(DISTINCT s.doc_id) INTO signed_doc_ids FROM govdisclose_internal.section_signatures s
    WHERE NOT EXISTS (SELECT 1 FROM gd_parsed_docs k WHERE k.doc_id = s.doc_id);
    DROP TABLE gd_parsed_docs;
    PERFORM govdisclose_internal.pair_signed_sections(signed_doc_ids);
END $$;
REVOKE ALL ON FUNCTION govdisclose_internal.sign_pending() FROM PUBLIC;

-- The distributed load path: after INSERT or COPY into documents, parse what
-- is new (body_hash NULL).  Each statement is pushed down to the shards, except
-- the repeated-text check, which needs every body_hash in one place.  Runs as
-- the extension's owner, like the one-node triggers: a loader needs rights on
-- documents only.  On one node the triggers have done it all and this finds nothing.
CREATE FUNCTION @extschema@.parse_pending() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    parsed_count bigint;
BEGIN
    -- one loader at a time decides which copy of a repeated text stays
    PERFORM pg_catalog.pg_advisory_xact_lock('@extschema@.parse_pending()'::regprocedure::oid::bigint);
    DELETE FROM govdisclose_internal.parsed p USING @extschema@.documents d
    WHERE d.doc_id = p.doc_id AND d.body_hash IS NULL;
    UPDATE @extschema@.documents SET body_hash = md5(govdisclose_internal.canonical_text(body))
    WHERE body_hash IS NULL;
    -- of the documents holding one report (same text after normalising,
    -- compared in full), the first stays, as the one-node trigger keeps it
    WITH candidate AS MATERIALIZED (
        SELECT d.doc_id, d.body_hash, govdisclose_internal.canonical_text(d.body) AS canonical
        FROM @extschema@.documents d
        WHERE d.body_hash IN (SELECT body_hash FROM @extschema@.documents GROUP BY body_hash HAVING count(*) > 1))
    DELETE FROM @extschema@.documents
    WHERE doc_id IN (SELECT later.doc_id FROM candidate later JOIN candidate first
                     ON first.body_hash = later.body_hash AND first.doc_id < later.doc_id
                    AND first.canonical = later.canonical);
    IF @extschema@.is_distributed() THEN
        PERFORM govdisclose_internal.sign_pending();
    END IF;
    INSERT INTO govdisclose_internal.parsed
    SELECT d.doc_id, f.* FROM @extschema@.documents d, LATERAL govdisclose_internal.parse_flat(d.body) f
    WHERE NOT EXISTS (SELECT 1 FROM govdisclose_internal.parsed p WHERE p.doc_id = d.doc_id);
    GET DIAGNOSTICS parsed_count = ROW_COUNT;
    RETURN parsed_count;
END $$;
COMMENT ON FUNCTION @extschema@.parse_pending() IS
    'distributed load path: parse the documents loaded since the last call; returns how many';

CREATE FUNCTION @extschema@.distribute() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    removed record;
    fenced record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        RAISE EXCEPTION 'govdisclose.distribute() needs the citus extension in this database'
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  DETAIL = 'On every node: shared_preload_libraries = citus, CREATE EXTENSION citus; add the workers; then CREATE EXTENSION govdisclose on the coordinator.';
    END IF;
    IF @extschema@.is_distributed() THEN
        RAISE NOTICE 'govdisclose is distributed already';
        RETURN;
    END IF;
    -- Citus refuses triggers on distributed tables (and unique keys without the
    -- distribution column); parse_pending() fills body_hash instead
    FOR removed IN
        SELECT 'ALTER TABLE @extschema@.documents ALTER body_hash SET NOT NULL' AS ddl,
               'ALTER TABLE @extschema@.documents ALTER body_hash DROP NOT NULL' AS drop_ddl
        UNION ALL
        SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
               format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname)
        FROM pg_constraint c
        WHERE c.conrelid IN ('@extschema@.documents'::regclass, 'govdisclose_internal.parsed'::regclass)
          AND c.contype IN ('u', 'x')
          AND NOT c.conkey @> ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = c.conrelid AND attname = 'doc_id')]
        UNION ALL
        SELECT pg_get_triggerdef(t.oid), format('DROP TRIGGER %I ON %s', t.tgname, t.tgrelid::regclass)
        FROM pg_trigger t
        WHERE t.tgrelid IN ('@extschema@.documents'::regclass, 'govdisclose_internal.parsed'::regclass)
          AND NOT t.tgisinternal
    LOOP
        INSERT INTO govdisclose_internal.distribution_removed_ddl
        SELECT coalesce(max(step), 0) + 1, removed.ddl FROM govdisclose_internal.distribution_removed_ddl;
        EXECUTE removed.drop_ddl;
    END LOOP;
    -- The views across reports join parsed on (org, year) or on another report's
    -- doc_id, and join the tables kept on this node (org_aliases, org_kinds,
    -- org_units, finding_decisions, the section signatures and pairs).  Citus can
    -- neither run such joins shard by shard nor join a shard to a table of this
    -- node, and a plain subquery inside the UNION ALL of findings it wrongly
    -- pushes down.  So in these views every read of documents and parsed goes
    -- behind OFFSET 0: Citus gathers that subquery's rows on the coordinator once
    -- (parsed's on the shards, in parallel), and the rest runs here, as on one
    -- node.  (One node keeps the plain joins, which use parsed_org_year.)
    FOR fenced IN
        SELECT format('CREATE OR REPLACE VIEW %s %s AS ', c.oid::regclass,
                      'WITH (' || array_to_string(c.reloptions, ', ') || ')') AS head,
               pg_get_viewdef(c.oid) AS query
        FROM pg_class c
        WHERE c.oid IN ('@extschema@.report_orgs'::regclass, '@extschema@.report_deadlines'::regclass,
                        '@extschema@.headline_figures'::regclass, '@extschema@.findings'::regclass)
    LOOP
        INSERT INTO govdisclose_internal.distribution_removed_ddl
        SELECT coalesce(max(step), 0) + 1, fenced.head || fenced.query FROM govdisclose_internal.distribution_removed_ddl;
        EXECUTE fenced.head || regexp_replace(regexp_replace(fenced.query,
            '(\w+\.parsed) (\w+)', '(SELECT * FROM \1 OFFSET 0) \2', 'g'),
            '(\w+\.documents) (\w+)', '(SELECT doc_id, body_hash FROM \1 OFFSET 0) \2', 'g');
    END LOOP;
    -- as many shards as citus.shard_count says (32 unless set)
    PERFORM pg_catalog.create_distributed_table('@extschema@.documents', 'doc_id');
    PERFORM pg_catalog.create_distributed_table('govdisclose_internal.parsed', 'doc_id', colocate_with => '@extschema@.documents');
    PERFORM pg_catalog.truncate_local_data_after_distributing_table('govdisclose_internal.parsed');
    PERFORM pg_catalog.truncate_local_data_after_distributing_table('@extschema@.documents');
END $$;
COMMENT ON FUNCTION @extschema@.distribute() IS
    'spread documents and parsed (with the data they hold) over the Citus workers; load with INSERT/COPY, then parse_pending()';

CREATE FUNCTION @extschema@.undistribute() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    rel regclass;
    nsp name;
    tab name;
    removed record;
BEGIN
    IF NOT @extschema@.is_distributed() THEN
        RAISE NOTICE 'govdisclose is not distributed';
        RETURN;
    END IF;
    PERFORM @extschema@.parse_pending();
    CREATE TEMP TABLE gd_undistribute_documents ON COMMIT DROP AS SELECT * FROM @extschema@.documents;
    CREATE TEMP TABLE gd_undistribute_parsed ON COMMIT DROP AS SELECT * FROM govdisclose_internal.parsed;
    -- Citus's undistribute_table() rebuilds a table, and an extension's table
    -- cannot be rebuilt; so the distribution goes as DROP TABLE takes it away
    -- (Citus's citus_drop_trigger), and the table itself stays.
    FOR rel, nsp, tab IN
        SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid IN ('govdisclose_internal.parsed'::regclass, '@extschema@.documents'::regclass)
        ORDER BY c.relname = 'documents'
    LOOP
        PERFORM pg_catalog.master_remove_distributed_table_metadata_from_workers(rel, nsp, tab);
        PERFORM pg_catalog.citus_drop_all_shards(rel, nsp, tab, drop_shards_metadata_only := false);
        PERFORM pg_catalog.master_remove_partition_metadata(rel, nsp, tab);
    END LOOP;
    INSERT INTO @extschema@.documents SELECT * FROM gd_undistribute_documents;
    INSERT INTO govdisclose_internal.parsed SELECT * FROM gd_undistribute_parsed;
    FOR removed IN SELECT ddl FROM govdisclose_internal.distribution_removed_ddl ORDER BY step LOOP
        EXECUTE removed.ddl;
    END LOOP;
    DELETE FROM govdisclose_internal.distribution_removed_ddl;
END $$;
COMMENT ON FUNCTION @extschema@.undistribute() IS
    'bring documents and parsed back from the Citus workers into this node, with their triggers and constraints';

REVOKE ALL ON FUNCTION @extschema@.distribute(), @extschema@.undistribute() FROM PUBLIC;
-- ==================== end of Scaling out on Citus ====================

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
    EXECUTE pg_catalog.format('GRANT INSERT, DELETE, UPDATE ON @extschema@.org_aliases, @extschema@.org_units, '
                              '@extschema@.org_kinds, @extschema@.check_settings, @extschema@.finding_decisions '
                              'TO %s WITH GRANT OPTION', extension_owner);
END $$;

SELECT govdisclose_internal.refuse_foreign_objects();
