-- Scaling out without Citus: the calls exist, say what they need, and change nothing.
TRUNCATE govdisclose.documents RESTART IDENTITY CASCADE;
\set qinghe `cat test/fixtures/qinghe.tab-rows.txt`
INSERT INTO govdisclose.documents (source, body) VALUES ('qinghe', :'qinghe');
SELECT count(*) AS triggers_before FROM pg_trigger WHERE tgrelid = 'govdisclose.documents'::regclass AND NOT tgisinternal \gset
SELECT govdisclose.is_distributed();
\set VERBOSITY default
SELECT govdisclose.distribute();
SELECT govdisclose.undistribute();
-- on one node the triggers have parsed everything: nothing is pending
SELECT govdisclose.parse_pending() AS parsed_now, count(*) AS documents FROM govdisclose.documents;
SELECT count(*) = :triggers_before AS triggers_kept FROM pg_trigger WHERE tgrelid = 'govdisclose.documents'::regclass AND NOT tgisinternal;
-- the row overload of report_findings gives what the parsed one gives ...
SELECT (SELECT count(*) FROM govdisclose_internal.parsed p, govdisclose_internal.report_findings(p::record) f)
     = (SELECT count(*) FROM govdisclose_internal.parsed p, govdisclose_internal.report_findings(p) f) AS same_findings;
-- ... and refuses a row that is not laid out like parsed
SELECT * FROM govdisclose_internal.report_findings(ROW(1, 'x', 'y', 2021));
CREATE TEMP TABLE wrong_row (year integer, template text, req_states text, req_values text);
INSERT INTO wrong_row VALUES (2021, '2021', 'nnn', '{1,2,3}');
SELECT f.* FROM wrong_row w, govdisclose_internal.report_findings(w) f;
