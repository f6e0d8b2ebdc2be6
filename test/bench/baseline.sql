-- The baseline: the requests table extracted the way a capable analyst would
-- without govdisclose, with PL/pgSQL and regular expressions.  It reads the
-- row layouts (tab, pipe, space-separated, web pages turned into rows), not
-- one cell per line or collapsed text, so it does less than the parser.
CREATE FUNCTION bench_regexp_requests(body text)
RETURNS TABLE (row_label text, natural_person bigint, commercial bigint, research bigint,
               social_welfare bigint, legal_service bigint, other_org bigint, total bigint)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    txt text := body;
    line text;
    m text[];
    v bigint[];
    in_table boolean := false;
BEGIN
    IF txt ~* '<t[dr][ >]' THEN
        txt := regexp_replace(txt, '</tr>', E'\n', 'gi');
        txt := regexp_replace(txt, '<[^>]*>', E'\t', 'g');
        txt := replace(txt, '&nbsp;', ' ');
    END IF;
    FOR line IN SELECT regexp_split_to_table(txt, E'\r?\n') LOOP
        IF NOT in_table THEN
            in_table := line ~ '收到和处理政府信息公开申请情况';
            CONTINUE;
        END IF;
        EXIT WHEN line ~ '行政复议、行政诉讼情况';
        m := regexp_match(line, '^\s*(.*?)[\s|]+((?:\d+[\s|]+){6}\d+)[\s|]*$');
        CONTINUE WHEN m IS NULL;
        v := regexp_split_to_array(m[2], '[\s|]+')::bigint[];
        row_label := regexp_replace(m[1], '[\s|]+', '', 'g');
        natural_person := v[1]; commercial := v[2]; research := v[3];
        social_welfare := v[4]; legal_service := v[5]; other_org := v[6]; total := v[7];
        RETURN NEXT;
    END LOOP;
END $$;
