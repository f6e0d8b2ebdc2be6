-- Encodings (README "Security"): govdisclose works in UTF8 databases only;
-- CREATE EXTENSION refuses EUC_CN and SQL_ASCII databases and says why, and
-- the library refuses to parse there even when declared by hand.
\set regress_db :DBNAME
CREATE DATABASE regress_gd_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LOCALE 'C';
CREATE DATABASE regress_gd_sql_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LOCALE 'C';

\c regress_gd_euc_cn
CREATE EXTENSION govdisclose;
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'govdisclose';
CREATE FUNCTION sections(text) RETURNS TABLE (section_no integer, heading text, content text)
    AS '$libdir/govdisclose', 'gd_sections' LANGUAGE C STRICT;
SELECT * FROM sections('一、总体情况');

\c regress_gd_sql_ascii
CREATE EXTENSION govdisclose;
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'govdisclose';
CREATE FUNCTION sections(text) RETURNS TABLE (section_no integer, heading text, content text)
    AS '$libdir/govdisclose', 'gd_sections' LANGUAGE C STRICT;
SELECT * FROM sections(E'\xe4\xb8\x80 invalid \xff bytes');

\c :regress_db
DROP DATABASE regress_gd_euc_cn;
DROP DATABASE regress_gd_sql_ascii;
-- in this UTF8 database invalid bytes never reach a table: the server refuses them
SELECT convert_from('\xff41'::bytea, 'UTF8');
