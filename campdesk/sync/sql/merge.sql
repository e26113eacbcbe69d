-- The merge of one change, field by field, and the checks that follow it.
--
-- Per field of a patch: if the hub's clock of that field equals the patch's base (or was
-- written by the same PC, which pushes in order), it is a fast-forward; from a PC of hub
-- schema 4 on, a field it gives no base for it has seen as inserted (its base is the row's
-- insert clock). Otherwise the edits were concurrent: the higher clock (hlc, site) wins and
-- the other value is kept in sync_conflict. A hard delete is a tombstone: it wins over
-- concurrent edits (which are kept as conflicts) and an id once deleted is never re-created.
--
-- The table-specific helpers these call (sync_row_get, sync_row_put, sync_row_del,
-- sync_norm, sync_tables) are generated from the SQLAlchemy metadata, see hub_functions.py.

-- Stamps rows written outside the merge (an administrator with psql, a restore script), so
-- that PCs pull them too. The merge writes sync_row itself and sets campdesk.merging.
CREATE OR REPLACE FUNCTION sync_touch() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF current_setting('campdesk.merging', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    UPDATE sync_row SET deleted = true, xid = pg_current_xact_id()::text::bigint, origin = NULL
     WHERE tbl = TG_TABLE_NAME AND id = OLD.id;
    RETURN OLD;
  END IF;
  INSERT INTO sync_row (tbl, id, clocks, xid)
  VALUES (TG_TABLE_NAME, NEW.id, jsonb_build_object('~', sync_hub_clock()),
          pg_current_xact_id()::text::bigint)
  ON CONFLICT (tbl, id) DO UPDATE SET xid = excluded.xid, deleted = false, origin = NULL,
     clocks = sync_row.clocks || excluded.clocks;
  RETURN NEW;
END $f$;

-- True when the session has the temporary table p_name, made by the hub's own functions
-- (which run as the hub's owner). A table of that name someone else made first is refused:
-- its triggers would run with the owner's rights.
CREATE OR REPLACE FUNCTION sync_own_temp(p_name text) RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE v_owner oid;
BEGIN
  SELECT c.relowner INTO v_owner FROM pg_class c
   WHERE c.oid = to_regclass('pg_temp.' || quote_ident(p_name));
  IF NOT FOUND THEN
    RETURN false;
  ELSIF v_owner <> (SELECT oid FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'temporary table % was not made by the hub', p_name USING ERRCODE = 'CD004';
  END IF;
  RETURN true;
END $f$;

CREATE OR REPLACE FUNCTION sync_stamp(p_tbl text, p_id text, p_clocks jsonb) RETURNS void
LANGUAGE sql AS $f$
  UPDATE sync_row SET clocks = clocks || p_clocks, xid = pg_current_xact_id()::text::bigint,
         origin = NULL
   WHERE tbl = p_tbl AND id = p_id $f$;

-- Record that the merge wrote a row: its clocks, tombstone flag and writing transaction;
-- p_origin when the row is new and exactly as that PC sent it.
CREATE OR REPLACE FUNCTION sync_mark(p_tbl text, p_id text, p_clocks jsonb, p_deleted boolean,
    p_last jsonb DEFAULT NULL, p_origin text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN  -- plpgsql, not sql: its plan is cached for the session
  INSERT INTO sync_row (tbl, id, clocks, deleted, xid, last_data, origin)
  VALUES (p_tbl, p_id, p_clocks, p_deleted, pg_current_xact_id()::text::bigint, p_last, p_origin)
  ON CONFLICT (tbl, id) DO UPDATE SET clocks = excluded.clocks, deleted = excluded.deleted,
     xid = excluded.xid, last_data = coalesce(excluded.last_data, sync_row.last_data),
     origin = excluded.origin;
END $f$;

-- The name a PC gave itself at its hello (NULL for the hub's own clocks).
CREATE OR REPLACE FUNCTION sync_pc_name(p_clock text) RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT left(pc_name, 100) FROM sync_client WHERE client_id = split_part(p_clock, ':', 2) $f$;

-- Record something staff must see: what lost (and what won), each value's clock (which PC
-- made it, and when) and who made it. A given p_id makes the flag idempotent.
CREATE OR REPLACE FUNCTION sync_flag(p_kind text, p_tbl text, p_row text, p_field text,
    p_other text, p_loser jsonb, p_winner jsonb, p_loser_clock text, p_winner_clock text,
    p_detail text, p_id text DEFAULT NULL, p_loser_by text DEFAULT NULL,
    p_winner_by text DEFAULT NULL) RETURNS int LANGUAGE plpgsql AS $f$
DECLARE v_id text := coalesce(p_id, gen_random_uuid()::text); v_now timestamp := clock_timestamp() AT TIME ZONE 'UTC';
BEGIN
  INSERT INTO sync_conflict (id, kind, tbl, row_id, field, other_id, loser_value, winner_value,
                             loser_site, winner_site, detail, created_at, updated_at, archived,
                             loser_by, winner_by, loser_pc, winner_pc, loser_at, winner_at)
  VALUES (v_id, p_kind, left(p_tbl, 60), left(p_row, 36), left(p_field, 60), left(p_other, 36),
          p_loser::text, p_winner::text,
          nullif(left(split_part(p_loser_clock, ':', 2), 40), ''),
          nullif(left(split_part(p_winner_clock, ':', 2), 40), ''),
          p_detail, v_now, v_now, false, left(p_loser_by, 36), left(p_winner_by, 36),
          sync_pc_name(p_loser_clock), sync_pc_name(p_winner_clock),
          sync_clock_time(p_loser_clock), sync_clock_time(p_winner_clock))
  ON CONFLICT (id) DO NOTHING;
  IF NOT FOUND THEN RETURN 0; END IF;
  PERFORM sync_mark('sync_conflict', v_id, jsonb_build_object('*', sync_hub_clock()), false);
  RETURN 1;
END $f$;

CREATE OR REPLACE FUNCTION sync_pair_id(p_kind text, p_a text, p_b text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT md5(p_kind || '|' || least(p_a, p_b) || '|' || greatest(p_a, p_b))::uuid::text $f$;

-- Rules no single PC can break but a merge can: checked after every applied change.
-- p_row is the row as merged, or NULL when it was just deleted.
CREATE OR REPLACE FUNCTION sync_check_row(p_tbl text, p_id text, p_row jsonb) RETURNS int
LANGUAGE plpgsql AS $f$
DECLARE v_row jsonb := p_row; v_other text; v_flags int := 0; fk record;
BEGIN
  IF v_row IS NULL THEN
    FOR fk IN SELECT child, col FROM sync_fk WHERE parent = p_tbl LOOP
      FOR v_other IN EXECUTE format('SELECT id FROM %I WHERE %I = $1', fk.child, fk.col) USING p_id LOOP
        v_flags := v_flags + sync_flag('orphan', fk.child, v_other, fk.col, p_id, NULL, NULL, NULL, NULL,
            'points at a deleted ' || p_tbl, sync_pair_id('orphan', v_other, p_id));
      END LOOP;
    END LOOP;
    RETURN v_flags;
  END IF;
  FOR fk IN SELECT col, parent FROM sync_fk WHERE child = p_tbl LOOP
    CONTINUE WHEN v_row->>fk.col IS NULL;
    IF EXISTS (SELECT 1 FROM sync_row WHERE tbl = fk.parent AND id = v_row->>fk.col AND deleted) THEN
      v_flags := v_flags + sync_flag('orphan', p_tbl, p_id, fk.col, v_row->>fk.col, NULL, NULL, NULL,
          NULL, 'points at a deleted ' || fk.parent, sync_pair_id('orphan', p_id, v_row->>fk.col));
    END IF;
  END LOOP;
  IF p_tbl = 'companies' AND NOT (v_row->>'archived')::boolean AND v_row->>'merged_into' IS NULL THEN
    FOR v_other IN
      SELECT c.id FROM companies c
       WHERE c.id <> p_id AND NOT c.archived AND c.merged_into IS NULL
         AND ((coalesce(v_row->>'business_no', '') <> '' AND c.business_no = v_row->>'business_no')
           OR (coalesce(v_row->>'name_norm', '') <> '' AND c.name_norm = v_row->>'name_norm'))
    LOOP
      v_flags := v_flags + sync_flag('duplicate', 'companies', p_id, NULL, v_other, NULL, NULL, NULL,
          NULL, 'possible duplicate company', sync_pair_id('duplicate', p_id, v_other));
    END LOOP;
  ELSIF p_tbl = 'space_assignments' AND v_row->>'status' = 'confirmed'
        AND NOT (v_row->>'archived')::boolean THEN
    SELECT a.id INTO v_other FROM space_assignments a
     WHERE a.id <> p_id AND a.space_id = v_row->>'space_id' AND a.status = 'confirmed'
       AND NOT a.archived
       AND daterange(a.starts_on, a.ends_on, '[]')
           && daterange((v_row->>'starts_on')::date, (v_row->>'ends_on')::date, '[]')
     ORDER BY a.id LIMIT 1;
    IF FOUND THEN
      -- The one that arrives second gives way; staff choose who keeps the space.
      PERFORM sync_row_put(p_tbl, p_id, '{"status": "conflict"}', false);
      PERFORM sync_stamp(p_tbl, p_id, jsonb_build_object('status', sync_hub_clock()));
      v_flags := v_flags + sync_flag('double_booking', p_tbl, p_id, 'status', v_other, NULL, NULL,
          NULL, NULL, 'space assigned twice for overlapping dates',
          sync_pair_id('double_booking', p_id, v_other));
    END IF;
  END IF;
  RETURN v_flags;
END $f$;

-- The latest clock of a row set by another PC than p_site (who last changed it elsewhere).
CREATE OR REPLACE FUNCTION sync_latest_other(p_clocks jsonb, p_site text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT max(e.value COLLATE "C") FROM jsonb_each_text(p_clocks) e
   WHERE split_part(e.value, ':', 2) <> p_site $f$;

-- Fields merged like any other but never reported as a conflict.
CREATE OR REPLACE FUNCTION sync_silent_fields() RETURNS text[] LANGUAGE sql IMMUTABLE AS $f$
  SELECT ARRAY['created_at', 'updated_at', 'updated_by'] $f$;

-- Merge one change of PC p_site; returns how many things it flagged.
CREATE OR REPLACE FUNCTION sync_apply(m jsonb, p_site text, p_now_ms bigint) RETURNS int
LANGUAGE plpgsql AS $f$
DECLARE
  v_tbl text := m->>'tbl'; v_id text := m->>'id'; v_op text := m->>'op';
  v_clock text := sync_checked_clock(m->>'clock', p_site, p_now_ms);
  v_base jsonb; v_patch jsonb; v_by text;
  r record; v_cur jsonb; v_clocks jsonb; v_win jsonb := '{}'; v_flags int := 0;
  f text; val jsonb; fc text; v_fast boolean;
BEGIN
  IF v_tbl IS NULL OR v_id IS NULL OR NOT (v_tbl = ANY (sync_tables())) THEN
    RAISE EXCEPTION 'malformed change (table %, id %)', v_tbl, v_id USING ERRCODE = 'CD002';
  END IF;
  SELECT * INTO r FROM sync_row WHERE tbl = v_tbl AND id = v_id;
  -- What the PC had seen when it made the change. A PC that pushes a batch in two parts
  -- (hub schema 4) keeps no clocks for a row it pulled with only its insert's, and notes
  -- its own inserts' clocks: an edit or a delete based on no clock was made on the row as
  -- inserted. A whole row with no base is new to the PC.
  v_base := CASE WHEN current_setting('campdesk.base_is_insert', true) IS DISTINCT FROM 'on'
                 THEN coalesce(m->'base', '{}')
                 WHEN jsonb_typeof(m->'base') = 'object'
                 THEN jsonb_build_object('*', r.clocks->'*') || (m->'base')
                 WHEN v_op = 'delete' THEN jsonb_build_object('*', r.clocks->'*')
                 ELSE '{}' END;
  IF v_op = 'delete' THEN
    IF NOT FOUND THEN
      PERFORM sync_mark(v_tbl, v_id, jsonb_build_object('*', v_clock), true);
      RETURN 0;
    ELSIF r.deleted THEN
      RETURN 0;
    END IF;
    v_cur := sync_row_get(v_tbl, v_id);
    IF EXISTS (SELECT 1 FROM jsonb_each_text(r.clocks) e
                WHERE e.value IS DISTINCT FROM v_base->>e.key AND split_part(e.value, ':', 2) <> p_site) THEN
      -- Edited elsewhere meanwhile: the delete wins, the row as it was stays recoverable.
      v_flags := sync_flag('deleted', v_tbl, v_id, NULL, NULL, v_cur, NULL,
                           sync_latest_other(r.clocks, p_site), v_clock,
                           'deleted while edited on another PC', NULL, v_cur->>'updated_by');
    END IF;
    PERFORM sync_row_del(v_tbl, v_id);
    PERFORM sync_mark(v_tbl, v_id, jsonb_build_object('*', v_clock), true, v_cur);
    RETURN v_flags + sync_check_row(v_tbl, v_id, NULL);
  ELSIF v_op <> 'upsert' THEN
    RAISE EXCEPTION 'unknown operation %', v_op USING ERRCODE = 'CD002';
  END IF;
  -- A new row staged apart comes with its id and staging fields: none of them is a field.
  v_patch := coalesce(m->'patch', '{}') - 'id' - 'sync_seq' - 'sync_clock';
  v_by := v_patch->>'updated_by';
  IF FOUND AND NOT r.deleted THEN
    v_patch := sync_norm(v_tbl, v_patch);  -- typed like the hub's values, to compare them
  END IF;
  IF FOUND AND r.deleted THEN
    RETURN sync_flag('deleted', v_tbl, v_id, NULL, NULL, coalesce(r.last_data, '{}') || v_patch,
                     NULL, v_clock, r.clocks->>'*', 'edit of a row deleted on another PC',
                     NULL, v_by);
  ELSIF NOT FOUND AND jsonb_typeof(m->'base') = 'object' THEN
    -- An edit of a row whose first version never arrived (it was refused): its fields
    -- alone are not the row. The PC sends the row again whole once it is put right.
    RAISE EXCEPTION 'edit of a row the hub does not have' USING ERRCODE = 'CD007';
  ELSIF NOT FOUND THEN
    PERFORM sync_row_put(v_tbl, v_id, v_patch, true);
    PERFORM sync_mark(v_tbl, v_id, jsonb_build_object('*', v_clock), false, NULL, p_site);
    RETURN sync_check_row(v_tbl, v_id, v_patch);
  END IF;
  v_cur := sync_row_get(v_tbl, v_id);
  v_clocks := r.clocks;
  FOR f, val IN SELECT key, value FROM jsonb_each(v_patch) LOOP
    fc := coalesce(v_clocks->>f, v_clocks->>'*');
    v_fast := fc IS NULL OR fc = coalesce(v_base->>f, v_base->>'*', '')
              OR split_part(fc, ':', 2) = p_site;
    IF v_fast OR v_clock COLLATE "C" > fc COLLATE "C" THEN
      IF NOT v_fast AND f <> ALL (sync_silent_fields()) AND v_cur->f IS DISTINCT FROM val THEN
        v_flags := v_flags + sync_flag('value', v_tbl, v_id, f, NULL, v_cur->f, val, fc, v_clock,
                                       NULL, NULL, v_cur->>'updated_by', v_by);
      END IF;
      v_win := v_win || jsonb_build_object(f, val);
      v_clocks := v_clocks || jsonb_build_object(f, v_clock);
    ELSIF f <> ALL (sync_silent_fields()) AND v_cur->f IS DISTINCT FROM val THEN
      v_flags := v_flags + sync_flag('value', v_tbl, v_id, f, NULL, val, v_cur->f, v_clock, fc,
                                     NULL, NULL, v_by, v_cur->>'updated_by');
    END IF;
  END LOOP;
  IF v_win <> '{}' THEN
    PERFORM sync_row_put(v_tbl, v_id, v_win, false);
    PERFORM sync_mark(v_tbl, v_id, v_clocks, false);
  END IF;
  RETURN v_flags + sync_check_row(v_tbl, v_id, v_cur || v_win);
END $f$;

-- A change as staged, as JSON for sync_apply. Raises when its patch or base cannot be read
-- as the hub's JSON (a NUL character, say): the caller quarantines it.
CREATE OR REPLACE FUNCTION sync_change(p_seq bigint, p_tbl text, p_id text, p_op text,
    p_patch json, p_base json, p_clock text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $f$
  SELECT jsonb_build_object('seq', p_seq, 'tbl', p_tbl, 'id', p_id, 'op', p_op,
                            'patch', p_patch::jsonb, 'base', p_base::jsonb, 'clock', p_clock) $f$;

-- JSON text without the escapes no PostgreSQL text can hold (\u0000, a lone surrogate;
-- a pair goes too): reading any field of a JSON value that holds one fails.
CREATE OR REPLACE FUNCTION sync_json_safe(p_json json) RETURNS json LANGUAGE sql IMMUTABLE AS $f$
  SELECT regexp_replace(p_json::text, '(^|[^\\])((\\\\)*)\\u(0000|[dD][89a-fA-F][0-9a-fA-F]{2})',
                        '\1\2', 'g')::json $f$;

-- Can every field of this JSON be read?
CREATE OR REPLACE FUNCTION sync_readable(p_json json) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  PERFORM p_json::jsonb;
  RETURN true;
EXCEPTION WHEN OTHERS THEN
  RETURN false;
END $f$;

-- Any JSON as something the hub can store: what it cannot hold taken out, or else the text
-- itself as a JSON string.
CREATE OR REPLACE FUNCTION sync_storable(p_json json) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  BEGIN
    RETURN p_json::jsonb;
  EXCEPTION WHEN OTHERS THEN
    BEGIN
      RETURN sync_json_safe(p_json)::jsonb;
    EXCEPTION WHEN OTHERS THEN
      RETURN to_jsonb(replace(p_json::text, '\u0000', ''));
    END;
  END;
END $f$;

-- Quarantine a change the hub cannot apply: staff see it under "needs attention" with the
-- reason, and the changes behind it go on. One flag per row and reason, however often the
-- row comes again (a flag resolved meanwhile is opened again).
CREATE OR REPLACE FUNCTION sync_reject(p_seq bigint, p_tbl text, p_id text, p_op text,
    p_patch json, p_base json, p_clock text, p_site text, p_reason text) RETURNS int
LANGUAGE plpgsql AS $f$
DECLARE v_tbl text := left(coalesce(p_tbl, '?'), 60); v_id text := left(coalesce(p_id, '?'), 36);
  v_flag text := sync_pair_id('rejected', v_tbl || ':' || v_id, p_site || ':' || left(p_reason, 200));
  v_change jsonb := jsonb_build_object('seq', p_seq, 'tbl', v_tbl, 'id', v_id, 'op', left(p_op, 20),
                         'patch', sync_storable(p_patch), 'base', sync_storable(p_base),
                         'clock', left(p_clock, 80));
BEGIN
  IF sync_flag('rejected', v_tbl, v_id, NULL, NULL, v_change, NULL,
               coalesce(sync_clock_of(p_clock, p_site, sync_now_ms()), ':' || p_site), NULL,
               left(p_reason, 500), v_flag) = 1 THEN
    RETURN 1;
  END IF;
  UPDATE sync_conflict SET resolved_at = NULL, resolved_by = NULL, resolution = NULL,
         loser_value = v_change::text, updated_at = clock_timestamp() AT TIME ZONE 'UTC'
   WHERE id = v_flag AND resolved_at IS NOT NULL;
  IF NOT FOUND THEN RETURN 0; END IF;
  PERFORM sync_stamp('sync_conflict', v_flag, jsonb_build_object('resolved_at', sync_hub_clock(),
      'resolved_by', sync_hub_clock(), 'resolution', sync_hub_clock(), 'loser_value', sync_hub_clock(),
      'updated_at', sync_hub_clock()));
  RETURN 1;
END $f$;
