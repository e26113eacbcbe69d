"""The table-specific half of the hub's merge, generated from the SQLAlchemy metadata.

The merge itself is generic PL/pgSQL in ``sql/merge.sql`` and ``sql/push.sql`` (see
``hub_sql``); it reaches each table's rows through the dispatch functions made here
(``sync_row_get``, ``sync_row_put``, ``sync_stage_new``, …), one generated branch per
synced table, and the constants shared with the PCs (``sync_tables``,
``sync_ordered_tables``).
"""
from __future__ import annotations

from campdesk.store.capture import SYNCED_TABLES
from campdesk.sync import hub_tables

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
        # New rows of these are merged one by one: their invariants depend on arrival order.
        f"CREATE OR REPLACE FUNCTION sync_ordered_tables() RETURNS text[] LANGUAGE sql "
        f"IMMUTABLE AS $f$ SELECT {_array(ORDERED_TABLES)} $f$;",
        "DELETE FROM sync_fk;",
        f"INSERT INTO sync_fk (child, col, parent) VALUES {fks};",
    ]


def _array(items) -> str:
    return "ARRAY[" + ", ".join(f"'{f}'" for f in items) + "]"
