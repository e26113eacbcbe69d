"""What the hub's merge holds to whatever a PC sends: a batch of a broken or hostile client
cannot skip the invariant checks, block the queue, or run code as the hub's owner."""
from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from .pcs import hub_exec, hub_rows

pytestmark = pytest.mark.hub
CLOCK = "0000019b00000000:site-x"
SPLIT_PUSH = "SELECT sync_push('site-x', 1, %s::json, %s::text[], %s::text[], NULL)"


def _session(url: str) -> psycopg.Connection:
    conn = psycopg.connect(url, autocommit=True)
    conn.execute("SELECT sync_hello('site-x', 1, 'test')")
    return conn


def _assignment(n: int, space: str, company: str) -> dict:
    return {"sync_seq": n, "sync_clock": CLOCK, "id": f"assignment-{n}", "space_id": space,
            "company_id": company, "starts_on": "2026-01-01", "ends_on": "2026-12-31",
            "status": "confirmed", "created_at": "2026-01-01 00:00:00",
            "updated_at": "2026-01-01 00:00:00", "archived": False}


def test_new_rows_of_ordered_tables_sent_apart_are_still_checked_one_by_one(make_pc, hub_url):
    a = make_pc("a")
    space, company = a.add_space(), a.add_company("배정 기업")
    a.sync()
    rows = [_assignment(1, space, company), _assignment(2, space, company)]
    with _session(hub_url) as conn:
        answer = conn.execute(SPLIT_PUSH, ("[]", ["space_assignments"], [json.dumps(rows)])
                              ).fetchone()[0]
    assert answer["applied"] == 2 and answer["flagged"] == 1
    assert sorted(hub_rows(hub_url, "SELECT id, status FROM space_assignments")) == [
        ("assignment-1", "confirmed"), ("assignment-2", "conflict")]


@pytest.mark.parametrize("batch", [
    [{"seq": 1, "tbl": "no_such_table", "id": "x", "op": "upsert", "patch": None, "base": None,
      "clock": CLOCK}],
    [{"seq": 0, "tbl": "consultations", "id": "x", "op": "upsert", "patch": None, "base": {},
      "clock": CLOCK},
     {"seq": 1, "tbl": "consultations", "id": "x", "op": "upsert", "patch": None, "base": {},
      "clock": CLOCK}],
], ids=["unknown table", "no patch, twice"])
def test_a_malformed_change_does_not_block_the_changes_behind_it(hub_url, batch):
    company = {"seq": 2, "tbl": "companies", "id": "after", "op": "upsert", "base": None,
               "clock": CLOCK, "patch": {"name": "다음 기업", "name_norm": "다음기업",
                                         "relationship": "inquirer", "gwangju_presence": "none",
                                         "ai_fields": "", "created_at": "2026-01-01 00:00:00",
                                         "updated_at": "2026-01-01 00:00:00"}}
    with _session(hub_url) as conn:
        answer = conn.execute("SELECT sync_push('site-x', 1, %s::json, NULL::bigint)",
                              (json.dumps(batch + [company]),)).fetchone()[0]
    assert answer["acked_seq"] == 2
    assert hub_rows(hub_url, "SELECT id FROM companies") == [("after",)]
    if batch[0]["tbl"] == "no_such_table":
        assert hub_rows(hub_url, "SELECT kind, row_id FROM sync_conflict") == [("rejected", "x")]


@pytest.mark.parametrize("table", ["sync_stage", "sync_new_consultations"])
def test_a_staff_members_own_temporary_table_is_refused(hub_url, table):
    """The hub's functions run as its owner: a staff member's table of the same name, with
    a trigger of theirs, must not be written to."""
    role = f"cd_staff_{uuid.uuid4().hex[:8]}"
    hub_exec(hub_url, f"CREATE ROLE {role} LOGIN IN ROLE campdesk_staff")
    params = psycopg.conninfo.conninfo_to_dict(hub_url) | {"user": role}
    rows = [{"sync_seq": 1, "sync_clock": CLOCK, "id": "c1", "occurred_at": "2026-01-01 00:00:00",
             "channel": "phone", "category": "other", "question": "질문", "outcome": "resolved",
             "created_at": "2026-01-01 00:00:00", "updated_at": "2026-01-01 00:00:00"}]
    try:
        with _session(psycopg.conninfo.make_conninfo(**params)) as staff:
            staff.execute("CREATE FUNCTION pg_temp.grab() RETURNS trigger LANGUAGE plpgsql AS $f$ "
                          "BEGIN UPDATE public.sync_meta SET value = '99' "
                          "WHERE key = 'min_client_schema'; RETURN NEW; END $f$")
            staff.execute(f'CREATE TEMP TABLE "{table}" (sync_seq bigint, seq bigint, x text)')
            staff.execute(f'CREATE TRIGGER grab BEFORE INSERT ON pg_temp."{table}" '
                          "FOR EACH ROW EXECUTE FUNCTION pg_temp.grab()")
            with pytest.raises(psycopg.Error, match="not made by the hub"):
                staff.execute(SPLIT_PUSH, ("[]", ["consultations"], [json.dumps(rows)]))
        assert hub_rows(hub_url, "SELECT value FROM sync_meta WHERE key = 'min_client_schema'"
                        ) == [("1",)]
        assert hub_rows(hub_url, "SELECT count(*) FROM consultations") == [(0,)]
    finally:
        hub_exec(hub_url, f"DROP OWNED BY {role}", f"DROP ROLE {role}")
