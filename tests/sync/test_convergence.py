"""Three PCs, random offline edits, clock jumps and syncs in any order, then quiescence
(docs/SYNC.md: promises 3, 4 and 7). Also a data folder copied to a new PC that goes on
working, forged pushes from another staff login, and values at the edge of what each
column takes.

The oracle: every PC equals the hub, outboxes are empty, and every value a PC sent that is
no longer current was either knowingly replaced (the editor had it on screen), or lost a
concurrent edit and sits in ``sync_conflict``, or belonged to a deleted row.
"""
from __future__ import annotations

import itertools
import json
import shutil
import uuid
from datetime import date, timedelta
from pathlib import Path
import tempfile

import psycopg
import pytest
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule
from sqlalchemy.exc import IntegrityError

from campdesk.domain.errors import ValidationError
from campdesk.store.limits import clean_text
from campdesk.store.models import Company
from campdesk.sync import attention
from campdesk.sync.hub_init import init_hub
from .conftest import _admin, url_for
from .pcs import PC, assert_converged, hub_snapshot

pytestmark = [pytest.mark.hub, pytest.mark.slow]

FIELDS = ("phone", "notes", "representative")
PCS = st.integers(0, 4)  # taken modulo the PCs there are (copies join the three)
MAX_PCS = 5
# At the edge of what each column takes, and (None) just beyond it: the app refuses those.
EDGES = [("representative", "가" * 200), ("representative", "가" * 201),
         ("employees", 2 ** 31 - 1), ("employees", 2 ** 31), ("notes", "줄\n탭\t끝 \x00\x07"),
         ("phone", "0" * 40), ("phone", "0" * 41)]


class ThreePCs(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dbname = f"cd_sm_{uuid.uuid4().hex[:10]}"
        with _admin() as admin:
            admin.execute(f'CREATE DATABASE "{self.dbname}"')
        self.url = url_for(self.dbname)
        self.tmp = tempfile.TemporaryDirectory()
        self.pcs = []
        self.role = f"cd_forger_{uuid.uuid4().hex[:8]}"
        try:
            self._start()
        except BaseException:
            ThreePCs.teardown(self)  # drop the database; no oracle for a machine that never ran
            raise

    def _start(self):
        with psycopg.connect(self.url) as conn:
            init_hub(conn)
        with _admin() as admin:
            admin.execute(f"CREATE ROLE {self.role} LOGIN IN ROLE campdesk_staff")
        self.pcs = [PC(Path(self.tmp.name) / n, self.url) for n in "abc"]
        self.values = itertools.count()
        self.sent: list[tuple[str, str, str]] = []  # (row, field, value) pushed to the hub
        self.replaced: set[tuple[str, str, str]] = set()  # knowingly overwritten by an editor
        self.desk = self.pcs[0].add_space()
        for n in range(3):
            self.pcs[0].add_company(f"공유회사{n}")
        for pc in self.pcs:
            pc.sync()

    def teardown(self):
        for pc in self.pcs:
            pc.close()
        self.tmp.cleanup()
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.dbname}" WITH (FORCE)')
            admin.execute(f"DROP ROLE IF EXISTS {self.role}")

    def _pc(self, i: int) -> PC:
        return self.pcs[i % len(self.pcs)]

    def _companies(self, i: int) -> list[str]:
        with self._pc(i).raw() as conn:
            return [r[0] for r in conn.execute("SELECT id FROM companies ORDER BY id")]

    @rule(i=PCS, dup=st.booleans())
    def create_company(self, i, dup):
        name = "같은회사" if dup else f"회사{next(self.values)}"
        self._pc(i).add_company(name)

    @rule(i=PCS, pick=st.integers(0, 50), field=st.sampled_from(FIELDS))
    def edit(self, i, pick, field):
        ids = self._companies(i)
        if not ids:
            return
        cid = ids[pick % len(ids)]
        pc = self._pc(i)
        old = getattr(pc.get(Company, cid), field)
        value = f"v{next(self.values)}"
        pc.edit(Company, cid, **{field: value})
        if old is not None:
            self.replaced.add((cid, field, old))

    @rule(i=PCS, pick=st.integers(0, 50), flag=st.booleans())
    def archive(self, i, pick, flag):
        ids = self._companies(i)
        if ids:
            self._pc(i).edit(Company, ids[pick % len(ids)], archived=flag)

    @rule(i=PCS, pick=st.integers(0, 50))
    def delete(self, i, pick):
        ids = self._companies(i)
        if ids:
            try:
                self._pc(i).delete(Company, ids[pick % len(ids)])
            except IntegrityError:
                pass  # it has a desk assignment here: the app would archive instead

    @rule(i=PCS, pick=st.integers(0, 50), start=st.integers(0, 60), days=st.integers(1, 90))
    def assign_desk(self, i, pick, start, days):
        ids = self._companies(i)
        with self._pc(i).raw() as conn:
            if not ids or not conn.execute("SELECT 1 FROM spaces").fetchone():
                return
        first = date(2027, 1, 1) + timedelta(days=start)
        self._pc(i).assign(self.desk, ids[pick % len(ids)], first, first + timedelta(days=days))

    @rule(i=PCS, skew=st.sampled_from([0, 3_600_000, -3_600_000, 365 * 86_400_000]))
    def set_clock(self, i, skew):
        self._pc(i).set_skew(skew)  # a PC an hour off, or a year ahead

    @rule(i=PCS)
    def merge_duplicates(self, i):
        pc = self._pc(i)
        for item in attention.open_items(pc.ctx.db):
            if item.kind != "duplicate":
                continue
            keep, lose = pc.get(Company, item.other_id), pc.get(Company, item.row_id)
            if keep and lose and not lose.merged_into:
                attention.merge_companies(pc.ctx.db, keep.id, lose.id, by=None)
                return

    @rule(i=PCS)
    def copy_data_folder(self, i):
        """The office copies a PC's data folder to a new computer; both go on working."""
        if len(self.pcs) >= MAX_PCS:
            return
        source = self._pc(i)
        source.ctx.db.dispose()
        copy = Path(self.tmp.name) / f"copy{len(self.pcs)}"
        shutil.copytree(source.path.parent, copy)
        self.pcs.append(PC(copy, self.url))

    @rule(i=PCS, old_entry=st.booleans())
    def forged_push(self, i, old_entry):
        """Another staff login pushes a crafted change under this PC's site id."""
        pc = self._pc(i)
        site = pc.state()["site_id"]
        ids = self._companies(i)
        change = {"seq": 10 ** 9, "tbl": "companies", "id": ids[0] if ids else "forged",
                  "op": "upsert", "base": {}, "clock": f"7fffffffffffffff:{site}",
                  "patch": {"notes": "위조된 값"}}
        params = psycopg.conninfo.conninfo_to_dict(self.url) | {"user": self.role}
        with psycopg.connect(**params, autocommit=True) as conn:
            with pytest.raises(psycopg.Error, match="belongs to another PC"):
                if old_entry:
                    conn.execute("SELECT sync_push(%s, %s, %s::json, NULL::bigint)",
                                 (site, 1, json.dumps([change])))
                else:
                    conn.execute("SELECT sync_push(%s, %s, 2, %s::json, ARRAY[]::text[], "
                                 "ARRAY[]::text[], NULL::bigint)",
                                 (site, "0" * 64, json.dumps([change])))

    @rule(i=PCS, pick=st.integers(0, 50), edge=st.sampled_from(EDGES))
    def edge_value(self, i, pick, edge):
        """A value at the edge of its column is kept exactly; one beyond is refused at the
        door and changes nothing."""
        ids = self._companies(i)
        if not ids:
            return
        field, value = edge
        pc, cid = self._pc(i), ids[pick % len(ids)]
        before = getattr(pc.get(Company, cid), field)
        try:
            pc.edit(Company, cid, **{field: value})
        except ValidationError as exc:
            assert exc.field == field and getattr(pc.get(Company, cid), field) == before
            return
        stored = getattr(pc.get(Company, cid), field)
        assert stored == (clean_text(value) if isinstance(value, str) else value)
        if before is not None and field in FIELDS:
            self.replaced.add((cid, field, before))

    @rule(i=PCS)
    def sync(self, i):
        pc = self._pc(i)
        with pc.raw() as conn:
            for tbl, row_id, patch in conn.execute(
                    "SELECT tbl, row_id, patch FROM sync_outbox WHERE op = 'upsert'"):
                if tbl == "companies":
                    for field, value in json.loads(patch).items():
                        if field in FIELDS and value is not None:
                            self.sent.append((row_id, field, value))
        pc.sync()

    def teardown_check(self):
        for pc in self.pcs:
            pc.sync()
        for pc in self.pcs:  # the digest check finds nothing to repair
            assert pc.sync(verify=True).repaired == {}
        assert_converged(self.url, *self.pcs)
        hub = hub_snapshot(self.url)
        losers = {(c["row_id"], c["field"], json.loads(c["loser_value"]))
                  for c in hub["sync_conflict"].values() if c["kind"] == "value"}
        deleted_rows = {c["row_id"] for c in hub["sync_conflict"].values()
                        if c["kind"] == "deleted"}
        companies = hub["companies"]
        for row_id, field, value in self.sent:
            if row_id not in companies:
                continue  # the row was deleted (delete wins, by design)
            current = companies[row_id][field]
            assert (value == current or (row_id, field, value) in losers
                    or (row_id, field, value) in self.replaced or row_id in deleted_rows), \
                f"{field}={value!r} of {row_id} vanished"
        # exactly one confirmed assignment per overlapping pair
        confirmed = [r for r in hub["space_assignments"].values()
                     if r["status"] == "confirmed" and not r["archived"]]
        for x, y in itertools.combinations(confirmed, 2):
            assert x["ends_on"] < y["starts_on"] or y["ends_on"] < x["starts_on"]


class Converging(ThreePCs):
    def teardown(self):
        try:
            self.teardown_check()
        finally:
            super().teardown()


TestConvergence = Converging.TestCase
TestConvergence.settings = settings(max_examples=20, stateful_step_count=40, deadline=None,
                                    suppress_health_check=list(HealthCheck))
