-- Duplicates (README "Duplicates"): the same report is the same text after
-- normalising line ends, a byte-order mark and trailing whitespace, compared
-- in full; a hash only finds candidates.  A second copy is skipped, an UPDATE
-- onto a text another document holds is refused naming it, and two different
-- texts of one body and year are both kept and flagged DUPLICATE-REPORT.
-- (Two sessions loading at once: test/concurrent_load.sh.)
TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;
\set qinghe `cat test/fixtures/qinghe.tab-rows.txt`
\set nanhu `cat test/fixtures/nanhu.tab-rows.txt`

-- what two copies share
SELECT govdisclose_internal.canonical_text(E'\uFEFFa \t\r\nb\u3000\u00A0\rc\n\n \n') = E'a\nb\nc' AS normalised,
       govdisclose_internal.canonical_text(E' a\n\n b') = E' a\n\n b' AS leading_and_inner_kept,
       govdisclose_internal.canonical_text(E'a\uFEFF') = E'a\uFEFF' AS inner_bom_kept,
       govdisclose_internal.canonical_text('') = '' AS empty;

-- one report in five spellings, in one statement: stored once
INSERT INTO govdisclose.documents (source, body) VALUES
    ('lf', :'qinghe'),
    ('crlf', replace(:'qinghe', E'\n', E'\r\n')),
    ('cr', replace(:'qinghe', E'\n', E'\r')),
    ('bom', E'\uFEFF' || :'qinghe'),
    ('trailing whitespace', replace(:'qinghe', E'\n', E' \t\u3000\n') || E'\n\n  \n');
SELECT doc_id, source FROM govdisclose.documents ORDER BY doc_id;
-- and again in later statements
INSERT INTO govdisclose.documents (source, body) VALUES ('crlf later', replace(:'qinghe', E'\n', E'\r\n'));
COPY govdisclose.documents (source, body) FROM stdin;
copy	一、总体情况\n本机关全年公开信息。
copy again	一、总体情况\r\n本机关全年公开信息。  \r\n
\.
SELECT doc_id, source FROM govdisclose.documents ORDER BY doc_id;

-- a text that differs in one character is another document; with the same
-- body and year it is flagged, both ways, naming both documents
INSERT INTO govdisclose.documents (source, body) VALUES ('qinghe, revised', :'qinghe' || E'\n（本报告于次年修订。）');
SELECT doc_id, source, org, year FROM govdisclose.reports ORDER BY doc_id;
SELECT doc_id, rule_id, severity, table_name, other_doc_id, cells, message
FROM govdisclose.findings WHERE rule_id = 'DUPLICATE-REPORT' ORDER BY doc_id;
SELECT doc_id, warning_findings, rules FROM govdisclose.report_summary ORDER BY doc_id;

-- equal hashes are not enough: a stored text whose hash equals another's
-- (as an MD5 collision pair would) does not hide the other text
ALTER TABLE govdisclose.documents DISABLE TRIGGER documents_before_write;
INSERT INTO govdisclose.documents (source, body, body_hash)
VALUES ('colliding', '一份文本', md5(govdisclose_internal.canonical_text('另一份文本')));
ALTER TABLE govdisclose.documents ENABLE TRIGGER documents_before_write;
INSERT INTO govdisclose.documents (source, body) VALUES ('partner', '另一份文本');
INSERT INTO govdisclose.documents (source, body) VALUES ('partner again', E'另一份文本\r\n');
SELECT source, body FROM govdisclose.documents WHERE body_hash = md5('另一份文本') ORDER BY doc_id;

-- an UPDATE onto a text another document holds: refused, naming it
UPDATE govdisclose.documents SET body = E'\uFEFF' || :'qinghe' WHERE source = 'qinghe, revised';
\echo :LAST_ERROR_SQLSTATE
UPDATE govdisclose.documents SET body = :'nanhu' WHERE source = 'qinghe, revised';
SELECT doc_id, source, org FROM govdisclose.reports ORDER BY doc_id;
-- its own text, respelled: allowed
UPDATE govdisclose.documents SET body = replace(:'nanhu', E'\n', E'\r\n') WHERE source = 'qinghe, revised';
SELECT count(*) AS documents FROM govdisclose.documents;
TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;
