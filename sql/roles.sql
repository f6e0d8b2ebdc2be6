-- Roles (README "Security"): the database owner who installed the extension
-- loads and reads; the grants the README shows give a read-only BI role and
-- a loader role what they need; a role without grants sees nothing; and the
-- internal schema is not listed to any of them.
\set regress_db :DBNAME
CREATE ROLE regress_gd_dbowner LOGIN;
CREATE ROLE regress_gd_reader LOGIN;
CREATE ROLE regress_gd_loader LOGIN;
CREATE ROLE regress_gd_nobody LOGIN;
CREATE DATABASE regress_gd_roles OWNER regress_gd_dbowner TEMPLATE template0 ENCODING 'UTF8';
\set qinghe `cat test/fixtures/qinghe.tab-rows.txt`
\set jianglan `cat test/fixtures/jianglan.tab-rows.txt`
\set nanhu `cat test/fixtures/nanhu.tab-rows.txt`
\c regress_gd_roles
CREATE TEMP TABLE fx (name text, body text);
INSERT INTO fx VALUES ('qinghe', :'qinghe'), ('jianglan', :'jianglan'), ('nanhu', :'nanhu');
GRANT SELECT ON fx TO PUBLIC;

-- the owner installs, loads, reads, updates and deletes
SET SESSION AUTHORIZATION regress_gd_dbowner;
CREATE EXTENSION govdisclose;
INSERT INTO govdisclose.documents (source, body) SELECT name, body FROM fx WHERE name = 'qinghe';
SELECT doc_id, source, org, year, status FROM govdisclose.reports;
SELECT doc_id, parse_status, error_findings, warning_findings FROM govdisclose.report_summary;
SELECT count(*) AS findings FROM govdisclose.findings;
SELECT count(*) AS check_report_findings FROM fx, govdisclose.check_report(body) WHERE name = 'qinghe';
UPDATE govdisclose.documents SET source = 'qinghe.txt';
DELETE FROM govdisclose.documents;

-- the grants of the README, given by the owner
GRANT USAGE ON SCHEMA govdisclose TO regress_gd_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA govdisclose TO regress_gd_reader;
GRANT USAGE ON SCHEMA govdisclose TO regress_gd_loader;
GRANT SELECT, INSERT, DELETE, UPDATE (source, body) ON govdisclose.documents TO regress_gd_loader;

-- the loader loads, corrects and removes reports
SET SESSION AUTHORIZATION regress_gd_loader;
INSERT INTO govdisclose.documents (source, body) SELECT name, body FROM fx;
INSERT INTO govdisclose.documents (source, body) SELECT name || ' again', body FROM fx;
UPDATE govdisclose.documents SET source = source || '.txt';
DELETE FROM govdisclose.documents WHERE source = 'nanhu.txt';
SELECT doc_id, source FROM govdisclose.documents ORDER BY doc_id;

-- the reader reads every view and cannot write
SET SESSION AUTHORIZATION regress_gd_reader;
SELECT doc_id, source, org, year, status FROM govdisclose.reports ORDER BY doc_id;
SELECT doc_id, parse_status, error_findings, warning_findings, rules FROM govdisclose.report_summary ORDER BY doc_id;
CREATE FUNCTION pg_temp.row_count(relation text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM govdisclose.%I', relation) INTO n;
    RETURN n;
END $$;
SELECT c.relname, pg_temp.row_count(c.relname) AS rows
FROM pg_class c WHERE c.relnamespace = 'govdisclose'::regnamespace AND c.relkind IN ('r', 'v') ORDER BY 1;
\set VERBOSITY terse
INSERT INTO govdisclose.documents (source, body) VALUES ('reader', 'x');
DELETE FROM govdisclose.documents;
SELECT count(*) FROM govdisclose_internal.parsed;
\set VERBOSITY default
-- what a BI schema browser lists: the schema govdisclose, not the internal one
SELECT table_schema, count(*) AS relations FROM information_schema.tables
WHERE table_schema LIKE 'govdisclose%' GROUP BY 1 ORDER BY 1;
SELECT nspname, has_schema_privilege(oid, 'USAGE') AS usable FROM pg_namespace WHERE nspname LIKE 'govdisclose%' ORDER BY 1;

-- a role without grants
SET SESSION AUTHORIZATION regress_gd_nobody;
\set VERBOSITY terse
SELECT count(*) FROM govdisclose.reports;
SELECT govdisclose.version();
\set VERBOSITY default

RESET SESSION AUTHORIZATION;
\c :regress_db
DROP DATABASE regress_gd_roles;
DROP ROLE regress_gd_dbowner, regress_gd_reader, regress_gd_loader, regress_gd_nobody;
