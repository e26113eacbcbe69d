-- What PCs of older hub schemas call, kept so that a PC not yet upgraded goes on syncing,
-- and the functions later schemas replaced. A site bound to a token (a PC of hub schema 5
-- said hello) is refused on every one of these entry points: they carry no token.

-- Replaced, and dropped so that calls cannot reach them.
DROP FUNCTION IF EXISTS sync_mark(text, text, jsonb, boolean, jsonb);
DROP FUNCTION IF EXISTS sync_insert_fresh(bigint);
DROP FUNCTION IF EXISTS sync_apply_batch(text, jsonb, bigint, bigint, boolean);
DROP FUNCTION IF EXISTS sync_apply_batch(text, json, bigint, bigint, boolean);
-- Hub schema 4 and older: sites and clocks as given, flags without who and when.
DROP FUNCTION IF EXISTS sync_cap(text, bigint);
DROP FUNCTION IF EXISTS sync_flag(text, text, text, text, text, jsonb, jsonb, text, text, text, text);
DROP FUNCTION IF EXISTS sync_merge_staged(text, bigint);

-- The hello of hub schemas 1 to 4: registers the site, unbound.
CREATE OR REPLACE FUNCTION sync_hello(p_client text, p_schema int, p_app text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE c sync_client;
BEGIN
  PERFORM sync_check_restored();
  c := sync_site(p_client, p_schema, p_app);
  IF NOT sync_speaks_for(c, NULL) THEN
    RAISE EXCEPTION 'site % belongs to another PC, or needs a newer CampDesk', p_client
      USING ERRCODE = 'CD005';
  END IF;
  UPDATE sync_client SET schema_version = p_schema, app_version = p_app, login = session_user,
         last_seen = now()
   WHERE client_id = p_client;
  RETURN sync_answer(c.last_mutation);
END $f$;

-- Hub schema 4: the batch in two parts, no token.
CREATE OR REPLACE FUNCTION sync_push(p_client text, p_schema int, p_changes json,
    p_tables text[], p_rows text[], p_after bigint)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  PERFORM sync_gate(p_schema);
  PERFORM set_config('campdesk.base_is_insert', 'on', true);  -- see sync_apply
  PERFORM sync_stage_split(p_changes, p_tables, p_rows, false);
  RETURN sync_merge_staged(p_client, p_after, NULL);
END $f$;

-- Hub schema 3: one JSON array of changes, after the batch before.
CREATE OR REPLACE FUNCTION sync_push(p_client text, p_schema int, p_batch json, p_after bigint)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  PERFORM sync_gate(p_schema);
  PERFORM sync_stage_batch(p_batch, false);
  RETURN sync_merge_staged(p_client, p_after, NULL);
END $f$;

-- Hub schemas 2 and 1.
CREATE OR REPLACE FUNCTION sync_push(p_client text, p_schema int, p_batch json) RETURNS jsonb
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT sync_push(p_client, p_schema, p_batch, NULL::bigint) $f$;
CREATE OR REPLACE FUNCTION sync_push(p_client text, p_schema int, p_batch jsonb) RETURNS jsonb
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT sync_push(p_client, p_schema, p_batch::json) $f$;

-- Hub schema 1: pulls that do not name the PC.
CREATE OR REPLACE FUNCTION sync_pull_count(p_lo bigint, p_hi bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT sync_pull_count(p_lo, p_hi, NULL) $f$;
CREATE OR REPLACE FUNCTION sync_pull(p_lo bigint, p_hi bigint, p_after_xid bigint,
    p_after_tbl text, p_after_id text, p_limit int)
RETURNS TABLE (xid bigint, tbl text, id text, deleted boolean, clocks jsonb, data jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT xid, tbl, id, deleted, clocks, data::jsonb
    FROM sync_pull(p_lo, p_hi, p_after_xid, p_after_tbl, p_after_id, p_limit, NULL) $f$;
