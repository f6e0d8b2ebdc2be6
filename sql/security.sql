-- Privilege escalation through the extension (README "Security"): a database
-- owner without superuser rights installs govdisclose (it is trusted), then
-- tries to make a superuser run code of theirs: rename the schemas, create
-- objects in them, shadow every table, view and function of the extension in
-- schemas the owner controls and put those first in the database's
-- search_path.  A superuser then loads and reads everything; nothing of the
-- owner's may run and no role may change.
\set regress_db :DBNAME
CREATE ROLE regress_gd_owner LOGIN NOSUPERUSER;
CREATE DATABASE regress_gd_attack OWNER regress_gd_owner TEMPLATE template0 ENCODING 'UTF8';
\set qinghe `cat test/fixtures/qinghe.tab-rows.txt`
\set nanhu `cat test/fixtures/nanhu.tab-rows.txt`
\c regress_gd_attack
SET SESSION AUTHORIZATION regress_gd_owner;
CREATE EXTENSION govdisclose;

-- what the owner can do to the extension's schemas and objects
\set VERBOSITY terse
ALTER SCHEMA govdisclose OWNER TO regress_gd_owner;
DROP SCHEMA govdisclose;
DROP VIEW govdisclose.findings;
ALTER TABLE govdisclose.documents RENAME TO documents_moved;
ALTER EXTENSION govdisclose DROP TABLE govdisclose.documents;
CREATE TRIGGER owner_trigger AFTER INSERT ON govdisclose.documents EXECUTE FUNCTION govdisclose.version();
GRANT CREATE ON SCHEMA govdisclose TO regress_gd_owner;
-- the attack of the issue: move the schemas away and take their names
ALTER SCHEMA govdisclose RENAME TO govdisclose_moved;
ALTER SCHEMA govdisclose_internal RENAME TO govdisclose_internal_moved;
CREATE SCHEMA govdisclose;
CREATE SCHEMA govdisclose_internal;
\set VERBOSITY default

-- a log of what ran, and a payload: record, then make the owner superuser
CREATE SCHEMA shadow;
CREATE TABLE shadow.ran (what text);
GRANT ALL ON SCHEMA shadow TO PUBLIC;
GRANT ALL ON shadow.ran TO PUBLIC;
CREATE FUNCTION shadow.payload(what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO shadow.ran VALUES (what);
    EXECUTE 'ALTER ROLE regress_gd_owner SUPERUSER';
END $$;
CREATE FUNCTION shadow.payload_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shadow.payload(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME || ' ' || TG_OP);
    RETURN NULL;
END $$;

-- A shadow of every relation and function of the extension, in every schema
-- the owner may try: tables with statement triggers, views and functions
-- that run the payload.  Each attempt that is refused is counted.
CREATE TABLE shadow.attempt (schema_name text, object text, created boolean);
DO $$
DECLARE
    target text;
    member record;
    body text;
BEGIN
    FOREACH target IN ARRAY ARRAY['govdisclose', 'govdisclose_internal', 'public', 'shadow'] LOOP
        FOR member IN
            SELECT c.relname AS name, c.relkind AS kind, NULL::oid AS fn
            FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class c ON c.oid = d.objid
            WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'e'
              AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'govdisclose')
              AND c.relkind IN ('r', 'v')
            UNION ALL
            SELECT p.proname, 'f', p.oid
            FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_proc p ON p.oid = d.objid
            WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'e'
              AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'govdisclose')
            UNION ALL
            -- what the extension's code calls from pg_catalog
            SELECT p.proname, 'f', p.oid FROM pg_catalog.pg_proc p
            WHERE p.oid IN ('pg_catalog.md5(text)'::regprocedure, 'pg_catalog.now()'::regprocedure,
                            'pg_catalog.cardinality(anyarray)'::regprocedure, 'pg_catalog.unnest(anyarray)'::regprocedure,
                            'pg_catalog.left(text, integer)'::regprocedure, 'pg_catalog.substr(text, integer, integer)'::regprocedure,
                            'pg_catalog.textregexne(text, text)'::regprocedure)
        LOOP
            BEGIN
                IF member.kind = 'r' THEN
                    EXECUTE format('CREATE TABLE %I.%I (doc_id bigint, source text, body text)', target, member.name);
                    EXECUTE format('CREATE TRIGGER spy AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I.%I '
                                   'EXECUTE FUNCTION shadow.payload_trigger()', target, member.name);
                ELSIF member.kind = 'v' THEN
                    EXECUTE format('CREATE VIEW %I.%I AS SELECT 1 AS doc_id FROM shadow.payload(%L)',
                                   target, member.name, target || '.' || member.name);
                ELSE
                    body := CASE WHEN pg_catalog.pg_get_function_result(member.fn) = 'trigger' THEN 'RETURN NULL;'
                                 WHEN pg_catalog.pg_get_function_result(member.fn) = 'void' THEN 'RETURN;'
                                 WHEN (SELECT p.proretset OR 'o' = ANY (coalesce(p.proargmodes, '{}')) OR 't' = ANY (coalesce(p.proargmodes, '{}'))
                                       FROM pg_catalog.pg_proc p WHERE p.oid = member.fn) THEN 'RETURN;'
                                 ELSE 'RETURN NULL;' END;
                    EXECUTE format('CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                                   target, member.name, pg_catalog.pg_get_function_arguments(member.fn),
                                   pg_catalog.pg_get_function_result(member.fn),
                                   format('BEGIN PERFORM shadow.payload(%L); %s END', target || '.' || member.name, body));
                END IF;
                INSERT INTO shadow.attempt VALUES (target, member.name, true);
            EXCEPTION WHEN insufficient_privilege OR invalid_schema_name THEN
                INSERT INTO shadow.attempt VALUES (target, member.name, false);
            END;
        END LOOP;
    END LOOP;
END $$;
-- an operator too: text = text
CREATE FUNCTION shadow.texteq(a text, b text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shadow.payload('operator =');
    RETURN a OPERATOR(pg_catalog.=) b;
END $$;
CREATE OPERATOR shadow.= (LEFTARG = text, RIGHTARG = text, FUNCTION = shadow.texteq);
SELECT schema_name, count(*) FILTER (WHERE created) AS shadows_created, count(*) FILTER (WHERE NOT created) AS refused
FROM shadow.attempt GROUP BY 1 ORDER BY 1;
-- every superuser session in this database finds the owner's objects first
ALTER DATABASE regress_gd_attack SET search_path = shadow, public, pg_catalog;
RESET SESSION AUTHORIZATION;

-- a superuser, in a new session with the owner's search_path, loads and reads
\c regress_gd_attack
SELECT current_setting('search_path') AS search_path, current_setting('is_superuser') AS superuser;
INSERT INTO govdisclose.documents (source, body) VALUES ('qinghe', :'qinghe'), ('nanhu', :'nanhu');
INSERT INTO govdisclose.documents (source, body) VALUES ('qinghe again', :'qinghe');
UPDATE govdisclose.documents SET source = 'qinghe 2023' WHERE doc_id OPERATOR(pg_catalog.=) 1;
-- every view, and every function with a text of the corpus or none
DO $$
DECLARE
    object record;
    rows bigint;
BEGIN
    FOR object IN SELECT c.relname FROM pg_catalog.pg_class c
                  WHERE c.relnamespace OPERATOR(pg_catalog.=) 'govdisclose'::regnamespace
                    AND c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'v']::"char"[]) LOOP
        EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM govdisclose.%I', object.relname) INTO rows;
    END LOOP;
    FOR object IN SELECT p.proname, p.pronargs FROM pg_catalog.pg_proc p
                  WHERE p.pronamespace OPERATOR(pg_catalog.=) 'govdisclose'::regnamespace LOOP
        IF object.pronargs OPERATOR(pg_catalog.=) 0 THEN
            EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM govdisclose.%I()', object.proname) INTO rows;
        ELSE
            EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM govdisclose.%I($1)', object.proname)
                INTO rows USING (SELECT d.body FROM govdisclose.documents d ORDER BY d.doc_id LIMIT 1);
        END IF;
    END LOOP;
END $$;
SELECT doc_id, source, org, year, status FROM govdisclose.reports ORDER BY doc_id;
SELECT pg_catalog.count(*) AS findings FROM govdisclose.findings;
DELETE FROM govdisclose.documents;

-- the payload is real: read directly, a shadow runs it (undone here)
BEGIN;
SELECT pg_catalog.count(*) AS shadow_rows FROM shadow.reports;
SELECT pg_catalog.count(*) AS owner_code_runs FROM shadow.ran;
ROLLBACK;

-- nothing of the owner's ran through the extension, and the owner is no superuser
SELECT pg_catalog.count(*) AS owner_code_runs FROM shadow.ran;
SELECT rolname, rolsuper FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.~~) 'regress_gd_%' ORDER BY 1;

-- the owner may drop the extension; the schema govdisclose stays the superuser's
SET SESSION AUTHORIZATION regress_gd_owner;
SET client_min_messages = warning;
DROP EXTENSION govdisclose CASCADE;  -- with the owner's shadows that use its types
RESET client_min_messages;
\set VERBOSITY terse
CREATE FUNCTION govdisclose.planted() RETURNS integer LANGUAGE sql AS 'SELECT 1';
\set VERBOSITY default
RESET SESSION AUTHORIZATION;
-- an object already in the schema (here a superuser's) could shadow the extension's: installing refuses
CREATE FUNCTION govdisclose.planted() RETURNS integer LANGUAGE sql AS 'SELECT 1';
SET SESSION AUTHORIZATION regress_gd_owner;
CREATE EXTENSION govdisclose;
RESET SESSION AUTHORIZATION;
DROP FUNCTION govdisclose.planted();
SET SESSION AUTHORIZATION regress_gd_owner;
CREATE EXTENSION govdisclose;
SELECT has_schema_privilege('govdisclose', 'CREATE') AS owner_may_create, has_schema_privilege('govdisclose', 'USAGE') AS owner_may_use;
RESET SESSION AUTHORIZATION;

\c :regress_db
DROP DATABASE regress_gd_attack;
DROP ROLE regress_gd_owner;
