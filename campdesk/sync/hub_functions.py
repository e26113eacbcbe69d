"""The hub's merge, written in PL/pgSQL so that no client can bypass it.

``sync_hello`` registers a PC, ``sync_push`` merges its changes (see ``hub_read`` for the
pull side, ``hub_roles`` for who may call what). Table-specific helpers are generated from
the metadata; the merge itself is generic.

Merge rule, per field of a patch: if the hub's clock of that field equals the patch's base
(or was written by the same PC, which pushes in order), it is a fast-forward; from a PC of
hub schema 4, a field it gives no base for it has seen as inserted (its base is the row's
insert clock). Otherwise the edits were concurrent: the higher clock ``(hlc, site)`` wins
and the other value is kept in ``sync_conflict``. Incoming clocks are capped at the hub's time plus a tolerance.
A hard delete is a tombstone: it wins over concurrent edits (which are kept as conflicts)
and an id once deleted is never re-created.
"""
from __future__ import annotations

from campdesk.store.capture import SYNCED_TABLES
from campdesk.sync import hub_tables

PUSH_LOCK = 7310_2026  # pg_advisory_xact_lock key: pushes are merged one at a time
CLOCK_TOLERANCE_MS = 5 * 60 * 1000
SILENT_FIELDS = ("created_at", "updated_at", "updated_by")  # merged, never reported
ORDERED_TABLES = ("companies", "space_assignments")  # invariants depend on arrival order
DEFINER = "SECURITY DEFINER SET search_path = public, pg_temp"


def _dispatch(name: str, signature: str, returns: str, branch) -> str:
    """An IF/ELSIF chain over the synced tables, one generated branch each."""
    body = "\n  ELS".join(f"IF p_tbl = '{t}' THEN\n    {branch(t)}" for t in SYNCED_TABLES)
    return f"""
CREATE OR REPLACE FUNCTION {name}({signature}) RETURNS {returns} LANGUAGE plpgsql AS $f$
BEGIN
  {body}
  END IF;
  RAISE EXCEPTION 'unknown table %', p_tbl USING ERRCODE = 'CD002';
END $f$;"""


def _row_get(t: str) -> str:
    return f'RETURN (SELECT to_jsonb(t) FROM "{t}" t WHERE t.id = p_id);'


def _norm(t: str) -> str:
    return (f"RETURN (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{{}}') FROM jsonb_each("
            f'to_jsonb(jsonb_populate_record(NULL::"{t}", p_patch))) e WHERE p_patch ? e.key);')


def _insert_columns(t: str, alias: str = "r") -> tuple[list[str], str, str]:
    """The columns of ``t`` but id, their names as SQL, and the values to insert from a
    record ``alias`` (a column the record leaves empty takes its default)."""
    cols = [c for c in hub_tables.columns(t) if c != "id"]
    defaults = hub_tables.server_defaults(t)
    names = ", ".join(f'"{c}"' for c in cols)
    values = ", ".join(f'coalesce({alias}."{c}", {defaults[c]})' if c in defaults
                       else f'{alias}."{c}"' for c in cols)
    return cols, names, values


def _put(t: str) -> str:
    cols, names, ins_values = _insert_columns(t)
    upd_values = ", ".join(f'r."{c}"' for c in cols)
    return (f'IF p_new THEN INSERT INTO "{t}" (id, {names}) SELECT p_id, {ins_values} '
            f'FROM jsonb_populate_record(NULL::"{t}", p_rec) r;\n'
            f'    ELSE UPDATE "{t}" AS t SET ({names}) = (SELECT {upd_values} '
            f'FROM jsonb_populate_record(t, p_rec) r) WHERE t.id = p_id; END IF; RETURN;')


def _new_table(t: str) -> str:
    """The session's typed table of new rows of ``t``, created at its first use and emptied:
    the table's columns without their constraints (defaults are applied by the insert),
    after the change's seq and clock."""
    return (f"IF NOT sync_own_temp('sync_new_{t}') THEN\n"
            f'      CREATE TEMP TABLE "sync_new_{t}" ON COMMIT DELETE ROWS AS\n'
            f'        SELECT 0::bigint AS sync_seq, \'\'::text AS sync_clock, * FROM "{t}" WITH NO DATA;\n'
            f"    END IF;\n"
            f'    DELETE FROM pg_temp."sync_new_{t}";\n')


def _stage_new(t: str) -> str:
    """Parse the staged new rows of ``t`` from their JSON patches into its typed table,
    before the push lock: the hub does this for one batch while it merges the one before."""
    columns = _insert_columns(t)[0]
    cols = ", ".join(f'"{c}"' for c in columns)
    picked = ", ".join(f'r."{c}"' for c in columns)
    return (_new_table(t) +
            f'    INSERT INTO pg_temp."sync_new_{t}" (sync_seq, sync_clock, id, {cols})\n'
            f"    SELECT b.seq, b.clock, b.id, {picked}\n"
            f'      FROM pg_temp.sync_stage b, json_populate_record(NULL::"{t}", b.patch) r\n'
            f"     WHERE b.fresh AND b.tbl = p_tbl;\n"
            f"    RETURN;")


def _stage_rows(t: str) -> str:
    """Stage a batch's new rows of ``t``, sent as one JSON array of flat objects (the row's
    fields, its id, sync_seq and sync_clock): parsed once, straight into its typed table.
    Rows of a table whose invariants depend on arrival order are merged change by change,
    whatever the PC sent."""
    staged = f'pg_temp."sync_new_{t}"'
    fresh = "false" if t in ORDERED_TABLES else "NOT p_safe AND id IS NOT NULL"
    return (_new_table(t) +
            f"    INSERT INTO {staged} SELECT * FROM json_populate_recordset(NULL::{staged}, p_rows);\n"
            f"    INSERT INTO pg_temp.sync_stage (seq, tbl, id, op, clock, fresh, typed)\n"
            f"    SELECT sync_seq, p_tbl, id, 'upsert', sync_clock, {fresh}, true FROM {staged};\n"
            f"    RETURN;")


def _new_patches(t: str) -> str:
    """The staged new rows of ``t`` that must be merged as changes after all (the hub has
    them already, the batch changes them again, or the batch is merged change by change)
    get their patch from the typed table."""
    return (f"UPDATE pg_temp.sync_stage b SET patch = jsonb_strip_nulls(to_jsonb(s) - 'sync_seq' "
            f"- 'sync_clock' - 'id')::json FROM pg_temp.\"sync_new_{t}\" s\n"
            f"     WHERE b.typed AND NOT b.fresh AND b.tbl = p_tbl AND b.seq = s.sync_seq;\n"
            f"    RETURN;")


def _insert_new(t: str) -> str:
    """Insert the batch's new rows of ``t`` (still new under the push lock) in one
    statement, from the typed table ``_stage_new`` filled."""
    _, names, values = _insert_columns(t, "s")
    return (f'INSERT INTO "{t}" (id, {names}) SELECT s.id, {values} FROM pg_temp."sync_new_{t}" s '
            f"JOIN pg_temp.sync_stage b ON b.seq = s.sync_seq WHERE b.fresh AND b.tbl = p_tbl;\n"
            f'    RETURN;')


def _del(t: str) -> str:
    return f'DELETE FROM "{t}" WHERE id = p_id; RETURN;'


def generated() -> list[str]:
    tables = ", ".join(f"'{t}'" for t in SYNCED_TABLES)
    fks = ", ".join(f"('{c}', '{col}', '{p}')" for c, col, p in hub_tables.foreign_keys())
    return [
        _dispatch("sync_row_get", "p_tbl text, p_id text", "jsonb", _row_get),
        _dispatch("sync_norm", "p_tbl text, p_patch jsonb", "jsonb", _norm),
        _dispatch("sync_row_put", "p_tbl text, p_id text, p_rec jsonb, p_new boolean", "void", _put),
        _dispatch("sync_row_del", "p_tbl text, p_id text", "void", _del),
        _dispatch("sync_stage_new", "p_tbl text", "void", _stage_new),
        _dispatch("sync_stage_rows", "p_tbl text, p_rows json, p_safe boolean", "void", _stage_rows),
        _dispatch("sync_new_patches", "p_tbl text", "void", _new_patches),
        _dispatch("sync_insert_new", "p_tbl text", "void", _insert_new),
        f"CREATE OR REPLACE FUNCTION sync_tables() RETURNS text[] LANGUAGE sql IMMUTABLE "
        f"AS $f$ SELECT ARRAY[{tables}] $f$;",
        "DELETE FROM sync_fk;",
        f"INSERT INTO sync_fk (child, col, parent) VALUES {fks};",
    ]


STATIC = r"""
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
    RAISE EXCEPTION 'temporary table %% was not made by the hub', p_name USING ERRCODE = 'CD004';
  END IF;
  RETURN true;
END $f$;

CREATE OR REPLACE FUNCTION sync_now_ms() RETURNS bigint LANGUAGE sql VOLATILE AS $f$
  SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint $f$;

CREATE OR REPLACE FUNCTION sync_clock_value(p_clock text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $f$
  SELECT ('x' || lpad(split_part(p_clock, ':', 1), 16, '0'))::bit(64)::bigint $f$;

CREATE OR REPLACE FUNCTION sync_clock_text(p_value bigint, p_site text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$ SELECT lpad(to_hex(p_value), 16, '0') || ':' || p_site $f$;

-- A clock for a change the hub itself makes (a flag, a status set by an invariant check).
CREATE OR REPLACE FUNCTION sync_hub_clock() RETURNS text LANGUAGE sql VOLATILE AS $f$
  SELECT sync_clock_text((sync_now_ms() << 16) | (nextval('sync_hub_counter') & 65535), 'hub') $f$;

-- No PC may claim a time further ahead of the hub than the tolerance.
CREATE OR REPLACE FUNCTION sync_cap(p_clock text, p_now_ms bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT CASE WHEN sync_clock_value(p_clock) > ((p_now_ms + %(tolerance)s) << 16)
              THEN sync_clock_text((p_now_ms + %(tolerance)s) << 16, split_part(p_clock, ':', 2))
              ELSE p_clock END $f$;

CREATE OR REPLACE FUNCTION sync_stamp(p_tbl text, p_id text, p_clocks jsonb) RETURNS void
LANGUAGE sql AS $f$
  UPDATE sync_row SET clocks = clocks || p_clocks, xid = pg_current_xact_id()::text::bigint,
         origin = NULL
   WHERE tbl = p_tbl AND id = p_id $f$;

-- Record that the merge wrote a row: its clocks, tombstone flag and writing transaction;
-- p_origin when the row is new and exactly as that PC sent it.
DROP FUNCTION IF EXISTS sync_mark(text, text, jsonb, boolean, jsonb);
CREATE OR REPLACE FUNCTION sync_mark(p_tbl text, p_id text, p_clocks jsonb, p_deleted boolean,
    p_last jsonb DEFAULT NULL, p_origin text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN  -- plpgsql, not sql: its plan is cached for the session
  INSERT INTO sync_row (tbl, id, clocks, deleted, xid, last_data, origin)
  VALUES (p_tbl, p_id, p_clocks, p_deleted, pg_current_xact_id()::text::bigint, p_last, p_origin)
  ON CONFLICT (tbl, id) DO UPDATE SET clocks = excluded.clocks, deleted = excluded.deleted,
     xid = excluded.xid, last_data = coalesce(excluded.last_data, sync_row.last_data),
     origin = excluded.origin;
END $f$;

-- Record something staff must see. A given p_id makes the flag idempotent.
CREATE OR REPLACE FUNCTION sync_flag(p_kind text, p_tbl text, p_row text, p_field text,
    p_other text, p_loser jsonb, p_winner jsonb, p_loser_site text, p_winner_site text,
    p_detail text, p_id text DEFAULT NULL) RETURNS int LANGUAGE plpgsql AS $f$
DECLARE v_id text := coalesce(p_id, gen_random_uuid()::text); v_now timestamp := clock_timestamp() AT TIME ZONE 'UTC';
BEGIN
  INSERT INTO sync_conflict (id, kind, tbl, row_id, field, other_id, loser_value, winner_value,
                             loser_site, winner_site, detail, created_at, updated_at, archived)
  VALUES (v_id, p_kind, p_tbl, p_row, p_field, p_other, p_loser::text, p_winner::text,
          p_loser_site, p_winner_site, p_detail, v_now, v_now, false)
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
      FOR v_other IN EXECUTE format('SELECT id FROM %%I WHERE %%I = $1', fk.child, fk.col) USING p_id LOOP
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

-- Merge one mutation; returns how many things it flagged.
CREATE OR REPLACE FUNCTION sync_apply(m jsonb, p_site text, p_now_ms bigint) RETURNS int
LANGUAGE plpgsql AS $f$
DECLARE
  v_tbl text := m->>'tbl'; v_id text := m->>'id'; v_op text := m->>'op';
  v_clock text := sync_cap(m->>'clock', p_now_ms);
  v_base jsonb; v_patch jsonb;
  r record; v_cur jsonb; v_clocks jsonb; v_win jsonb := '{}'; v_flags int := 0;
  f text; val jsonb; fc text; v_fast boolean;
BEGIN
  IF v_tbl IS NULL OR v_id IS NULL OR NOT (v_tbl = ANY (sync_tables())) THEN
    RAISE EXCEPTION 'malformed change (table %%, id %%)', v_tbl, v_id USING ERRCODE = 'CD002';
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
                           NULL, p_site, 'deleted while edited on another PC');
    END IF;
    PERFORM sync_row_del(v_tbl, v_id);
    PERFORM sync_mark(v_tbl, v_id, jsonb_build_object('*', v_clock), true, v_cur);
    RETURN v_flags + sync_check_row(v_tbl, v_id, NULL);
  ELSIF v_op <> 'upsert' THEN
    RAISE EXCEPTION 'unknown operation %%', v_op USING ERRCODE = 'CD002';
  END IF;
  v_patch := coalesce(m->'patch', '{}');
  IF FOUND AND NOT r.deleted THEN
    v_patch := sync_norm(v_tbl, v_patch);  -- typed like the hub's values, to compare them
  END IF;
  IF FOUND AND r.deleted THEN
    RETURN sync_flag('deleted', v_tbl, v_id, NULL, NULL, coalesce(r.last_data, '{}') || v_patch,
                     NULL, p_site, NULL,
                     'edit of a row deleted on another PC');
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
      IF NOT v_fast AND f <> ALL (%(silent)s) AND v_cur->f IS DISTINCT FROM val THEN
        v_flags := v_flags + sync_flag('value', v_tbl, v_id, f, NULL, v_cur->f, val,
                                       split_part(fc, ':', 2), p_site, NULL);
      END IF;
      v_win := v_win || jsonb_build_object(f, val);
      v_clocks := v_clocks || jsonb_build_object(f, v_clock);
    ELSIF f <> ALL (%(silent)s) AND v_cur->f IS DISTINCT FROM val THEN
      v_flags := v_flags + sync_flag('value', v_tbl, v_id, f, NULL, val, v_cur->f,
                                     p_site, split_part(fc, ':', 2), NULL);
    END IF;
  END LOOP;
  IF v_win <> '{}' THEN
    PERFORM sync_row_put(v_tbl, v_id, v_win, false);
    PERFORM sync_mark(v_tbl, v_id, v_clocks, false);
  END IF;
  RETURN v_flags + sync_check_row(v_tbl, v_id, v_cur || v_win);
END $f$;

CREATE OR REPLACE FUNCTION sync_meta_int(p_key text) RETURNS int LANGUAGE sql STABLE AS $f$
  SELECT value::int FROM sync_meta WHERE key = p_key $f$;

CREATE OR REPLACE FUNCTION sync_gate(p_schema int) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  IF p_schema < sync_meta_int('min_client_schema') THEN
    RAISE EXCEPTION 'client schema %% is older than the hub requires (%%)', p_schema,
      sync_meta_int('min_client_schema') USING ERRCODE = 'CD001';
  END IF;
END $f$;

CREATE OR REPLACE FUNCTION sync_hello(p_client text, p_schema int, p_app text) RETURNS jsonb
LANGUAGE plpgsql %(definer)s AS $f$
DECLARE v_last bigint;
BEGIN
  INSERT INTO sync_client (client_id, schema_version, app_version) VALUES (p_client, p_schema, p_app)
  ON CONFLICT (client_id) DO UPDATE SET schema_version = excluded.schema_version,
     app_version = excluded.app_version, last_seen = now()
  RETURNING last_mutation INTO v_last;
  RETURN jsonb_build_object(
    'server_now_ms', sync_now_ms(), 'last_mutation', v_last,
    'hub_schema', sync_meta_int('hub_schema'), 'min_client_schema', sync_meta_int('min_client_schema'),
    'generation', (SELECT value FROM sync_meta WHERE key = 'generation'));
END $f$;

-- What a connection test may ask without registering anything.
CREATE OR REPLACE FUNCTION sync_info() RETURNS jsonb LANGUAGE sql STABLE %(definer)s AS $f$
  SELECT jsonb_build_object('server_now_ms', sync_now_ms(),
    'hub_schema', sync_meta_int('hub_schema'), 'min_client_schema', sync_meta_int('min_client_schema')) $f$;

-- New rows that nothing else in the batch touches (the bulk of any sync: consultations,
-- sessions, history) are inserted set-wise, one statement per table. Companies and space
-- assignments always take the row-by-row path: their invariants depend on arrival order.
DROP FUNCTION IF EXISTS sync_insert_fresh(bigint);
CREATE OR REPLACE FUNCTION sync_insert_fresh(p_client text, p_now bigint) RETURNS int LANGUAGE plpgsql AS $f$
DECLARE v_tbl text; fk record; v_child text; v_flags int := 0;
  v_limit text := lpad(to_hex((p_now + %(tolerance)s) << 16), 16, '0');
BEGIN
  FOR v_tbl IN SELECT DISTINCT tbl FROM pg_temp.sync_stage WHERE fresh LOOP
    PERFORM sync_insert_new(v_tbl);
  END LOOP;
  INSERT INTO sync_row (tbl, id, clocks, deleted, xid, origin)
  SELECT tbl, id, jsonb_build_object('*', CASE WHEN left(clock, 16) COLLATE "C" > v_limit
                                               THEN sync_cap(clock, p_now) ELSE clock END),
         false, pg_current_xact_id()::text::bigint, p_client
    FROM pg_temp.sync_stage WHERE fresh;
  FOR fk IN SELECT f.child, f.col, f.parent FROM sync_fk f
             WHERE f.child IN (SELECT DISTINCT tbl FROM pg_temp.sync_stage WHERE fresh)
               AND EXISTS (SELECT 1 FROM sync_row d WHERE d.tbl = f.parent AND d.deleted) LOOP
    FOR v_child, v_tbl IN EXECUTE format(
      'SELECT s.id, r.id FROM pg_temp.%%I s JOIN pg_temp.sync_stage b ON b.seq = s.sync_seq AND b.fresh '
      '  JOIN sync_row r ON r.tbl = $1 AND r.id = s.%%I::text AND r.deleted',
      'sync_new_' || fk.child, fk.col) USING fk.parent LOOP
      v_flags := v_flags + sync_flag('orphan', fk.child, v_child, fk.col, v_tbl, NULL, NULL, NULL,
          NULL, 'points at a deleted ' || fk.parent, sync_pair_id('orphan', v_child, v_tbl));
    END LOOP;
  END LOOP;
  RETURN v_flags;
END $f$;

-- A row changed twice in one batch is merged change by change, in order.
CREATE OR REPLACE FUNCTION sync_stage_repeats() RETURNS void LANGUAGE sql AS $f$
  UPDATE pg_temp.sync_stage SET fresh = false
   WHERE fresh AND (tbl, id) IN (SELECT tbl, id FROM pg_temp.sync_stage GROUP BY tbl, id HAVING count(*) > 1) $f$;

-- Parse a batch into the session's sync_stage, and its fresh rows into typed tables (see
-- sync_stage_new). Fresh: a new row, inserted set-wise (see sync_insert_fresh) if the hub
-- has never seen it, which sync_apply_staged checks under the push lock. With p_safe,
-- nothing is fresh.
CREATE OR REPLACE FUNCTION sync_stage_batch(p_batch json, p_safe boolean) RETURNS void
LANGUAGE plpgsql AS $f$
DECLARE v_tbl text;
BEGIN
  IF NOT sync_own_temp('sync_stage') THEN
    CREATE TEMP TABLE sync_stage (seq bigint PRIMARY KEY, tbl text, id text, op text,
        patch json, base json, clock text, fresh boolean, typed boolean NOT NULL DEFAULT false)
        ON COMMIT DELETE ROWS;
  END IF;
  TRUNCATE pg_temp.sync_stage;
  INSERT INTO pg_temp.sync_stage (seq, tbl, id, op, patch, base, clock, fresh)
  SELECT x.seq, x.tbl, x.id, x.op, x.patch, x.base, x.clock,
         NOT p_safe AND x.op = 'upsert' AND x.tbl <> ALL (%(ordered)s)
         AND x.tbl = ANY (sync_tables()) AND x.id IS NOT NULL
    FROM json_to_recordset(p_batch) AS x(seq bigint, tbl text, id text, op text, patch json,
                                         base json, clock text);
  PERFORM sync_stage_repeats();
  FOR v_tbl IN SELECT DISTINCT tbl FROM pg_temp.sync_stage WHERE fresh LOOP
    BEGIN
      PERFORM sync_stage_new(v_tbl);
    EXCEPTION WHEN OTHERS THEN
      IF SQLSTATE = 'CD004' THEN RAISE; END IF;
      -- A value a column cannot take: merged change by change, where it is quarantined.
      UPDATE pg_temp.sync_stage SET fresh = false WHERE tbl = v_tbl;
    END;
  END LOOP;
END $f$;

-- The same for a batch sent in two parts (hub schema 4): p_changes, an array of changes as
-- above; and the batch's new rows, p_rows[i] a JSON array of the new rows of table
-- p_tables[i], each a flat object of the row's fields with its id, sync_seq and sync_clock.
-- These are parsed once, straight into their typed tables, and staged without a patch (see
-- sync_new_patches). A value a column cannot take: each row is staged with its patch instead.
CREATE OR REPLACE FUNCTION sync_stage_split(p_changes json, p_tables text[], p_rows text[],
    p_safe boolean) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM sync_stage_batch(p_changes, true);  -- updates, deletes: merged change by change
  FOR i IN 1..coalesce(array_length(p_tables, 1), 0) LOOP
    BEGIN
      PERFORM sync_stage_rows(p_tables[i], p_rows[i]::json, p_safe);
    EXCEPTION WHEN OTHERS THEN
      IF SQLSTATE = 'CD004' THEN RAISE; END IF;
      INSERT INTO pg_temp.sync_stage (seq, tbl, id, op, patch, base, clock, fresh)
      SELECT (e->>'sync_seq')::bigint, p_tables[i], e->>'id', 'upsert',
             (e::jsonb - 'sync_seq' - 'sync_clock' - 'id')::json, NULL, e->>'sync_clock', false
        FROM json_array_elements(p_rows[i]::json) e;
    END;
  END LOOP;
  PERFORM sync_stage_repeats();
END $f$;

-- Apply the staged mutations above p_last, under the push lock; returns {last, applied,
-- flagged}. With p_safe, each mutation runs in its own subtransaction and one the hub cannot
-- apply is quarantined.
CREATE OR REPLACE FUNCTION sync_apply_staged(p_client text, p_last bigint, p_now bigint,
    p_safe boolean) RETURNS jsonb LANGUAGE plpgsql AS $f$
DECLARE m jsonb; v_applied int := 0; v_flags int := 0; v_last bigint; v_tbl text;
BEGIN
  DELETE FROM pg_temp.sync_stage WHERE seq <= p_last;  -- merged before: a batch sent again
  -- A row the hub has seen (perhaps written by a push that took the lock while this batch
  -- was being staged) is merged, not inserted.
  UPDATE pg_temp.sync_stage b SET fresh = false
   WHERE fresh AND EXISTS (SELECT 1 FROM sync_row r WHERE r.tbl = b.tbl AND r.id = b.id);
  SELECT coalesce(max(seq), p_last), count(*) INTO v_last, v_applied FROM pg_temp.sync_stage;
  v_flags := sync_insert_fresh(p_client, p_now);
  FOR v_tbl IN SELECT DISTINCT tbl FROM pg_temp.sync_stage WHERE typed AND NOT fresh LOOP
    PERFORM sync_new_patches(v_tbl);
  END LOOP;
  FOR m IN SELECT jsonb_build_object('seq', b.seq, 'tbl', b.tbl, 'id', b.id, 'op', b.op,
                    'patch', b.patch::jsonb, 'base', b.base::jsonb, 'clock', b.clock)
             FROM pg_temp.sync_stage b WHERE NOT b.fresh ORDER BY b.seq LOOP
    IF p_safe THEN
      BEGIN
        v_flags := v_flags + sync_apply(m, p_client, p_now);
      EXCEPTION WHEN OTHERS THEN
        -- Quarantine: one change the hub cannot apply must not block the ones behind it.
        v_flags := v_flags + sync_flag('rejected', left(coalesce(m->>'tbl', '?'), 60),
            left(coalesce(m->>'id', '?'), 36), NULL, NULL, m, NULL, p_client, NULL, SQLERRM);
      END;
    ELSE
      v_flags := v_flags + sync_apply(m, p_client, p_now);
    END IF;
  END LOOP;
  RETURN jsonb_build_object('last', v_last, 'applied', v_applied, 'flagged', v_flags);
END $f$;

DROP FUNCTION IF EXISTS sync_apply_batch(text, jsonb, bigint, bigint, boolean);
DROP FUNCTION IF EXISTS sync_apply_batch(text, json, bigint, bigint, boolean);

-- The hub schema 1 signature, for PCs not yet upgraded.
CREATE OR REPLACE FUNCTION sync_push(p_client text, p_schema int, p_batch jsonb) RETURNS jsonb
LANGUAGE sql %(definer)s AS $f$ SELECT sync_push(p_client, p_schema, p_batch::json) $f$;

CREATE OR REPLACE FUNCTION sync_push(p_client text, p_schema int, p_batch json) RETURNS jsonb
LANGUAGE sql %(definer)s AS $f$ SELECT sync_push(p_client, p_schema, p_batch, NULL) $f$;

-- p_after: the last change of the batch sent before this one (hub schema 3). The batch is
-- parsed before the push lock is taken, so a PC may send its next batch on a second
-- connection while the hub merges this one; if that one failed, this one is refused
-- (CD003) rather than skipping over it. NULL: no such check (a PC not yet upgraded).
CREATE OR REPLACE FUNCTION sync_push(p_client text, p_schema int, p_batch json, p_after bigint)
RETURNS jsonb LANGUAGE plpgsql %(definer)s AS $f$
BEGIN
  PERFORM sync_gate(p_schema);
  PERFORM sync_stage_batch(p_batch, false);
  RETURN sync_merge_staged(p_client, p_after);
END $f$;

-- Hub schema 4: the batch in two parts, its new rows apart (see sync_stage_split).
CREATE OR REPLACE FUNCTION sync_push(p_client text, p_schema int, p_changes json,
    p_tables text[], p_rows text[], p_after bigint)
RETURNS jsonb LANGUAGE plpgsql %(definer)s AS $f$
BEGIN
  PERFORM sync_gate(p_schema);
  PERFORM set_config('campdesk.base_is_insert', 'on', true);  -- see sync_apply
  PERFORM sync_stage_split(p_changes, p_tables, p_rows, false);
  RETURN sync_merge_staged(p_client, p_after);
END $f$;

-- Merge the staged batch once the one before it (up to p_after) has been merged.
CREATE OR REPLACE FUNCTION sync_merge_staged(p_client text, p_after bigint) RETURNS jsonb
LANGUAGE plpgsql AS $f$
DECLARE v_last bigint; v_now bigint; r jsonb;
BEGIN
  -- The batch before may still be on its way, or parsed and waiting for the lock: give it
  -- two seconds to arrive (each look sees what has committed since).
  FOR i IN 1..2000 LOOP
    EXIT WHEN p_after IS NULL OR (SELECT c.last_mutation >= p_after FROM sync_client c
                                   WHERE c.client_id = p_client) IS NOT FALSE;
    PERFORM pg_sleep(0.001);
  END LOOP;
  PERFORM pg_advisory_xact_lock(%(lock)s);
  PERFORM set_config('campdesk.merging', 'on', true);
  v_now := sync_now_ms();
  SELECT last_mutation INTO v_last FROM sync_client WHERE client_id = p_client FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown client %%: say hello first', p_client USING ERRCODE = 'CD002';
  END IF;
  IF v_last < p_after THEN
    RAISE EXCEPTION 'the batch before this one (up to change %%) has not arrived', p_after
      USING ERRCODE = 'CD003';
  END IF;
  BEGIN
    r := sync_apply_staged(p_client, v_last, v_now, false);  -- the usual case
  EXCEPTION WHEN OTHERS THEN
    UPDATE pg_temp.sync_stage SET fresh = false;  -- find the poison, change by change
    r := sync_apply_staged(p_client, v_last, v_now, true);
  END;
  UPDATE sync_client SET last_mutation = (r->>'last')::bigint, last_seen = now()
   WHERE client_id = p_client;
  IF (r->>'applied')::int > 0 THEN PERFORM pg_notify('campdesk_sync', p_client); END IF;
  PERFORM set_config('campdesk.merging', 'off', true);
  RETURN jsonb_build_object('acked_seq', (r->>'last')::bigint, 'applied', r->'applied',
                            'flagged', r->'flagged', 'server_now_ms', v_now);
END $f$;
"""


def _array(items) -> str:
    return "ARRAY[" + ", ".join(f"'{f}'" for f in items) + "]"


def static() -> str:
    return STATIC % {"tolerance": CLOCK_TOLERANCE_MS, "silent": _array(SILENT_FIELDS),
                     "lock": PUSH_LOCK, "definer": DEFINER, "ordered": _array(ORDERED_TABLES)}
