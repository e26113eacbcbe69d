"""A fresh hub database per test on the real PostgreSQL, and PCs with their own data dirs.

Set CAMPDESK_TEST_PG to point elsewhere. Under scripts/test.sh (CAMPDESK_REQUIRE_HUB=1) or
CI=true a missing server fails the run; run by hand, the hub tests are skipped with the
reason. CAMPDESK_SKIP_HUB=1 skips them all (tests/conftest.py).
"""
from __future__ import annotations

import contextlib
import os
import uuid

import psycopg
import pytest

from .pcs import PC

ADMIN_URL = os.environ.get("CAMPDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _admin():
    try:
        return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true" or os.environ.get("CAMPDESK_REQUIRE_HUB") == "1":
            pytest.fail(f"PostgreSQL is required for the hub tests: {exc}")
        pytest.skip(f"no PostgreSQL at {ADMIN_URL}: {exc}")


def url_for(dbname: str) -> str:
    params = psycopg.conninfo.conninfo_to_dict(ADMIN_URL)
    params["dbname"] = dbname
    return psycopg.conninfo.make_conninfo(**params)


@contextlib.contextmanager
def scratch_database(prefix: str):
    """A new, empty PostgreSQL database's URL; dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url_for(name)
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def empty_db():
    """A new, empty PostgreSQL database; dropped afterwards."""
    with scratch_database("cd_sync") as url:
        yield url


@pytest.fixture
def hub_url(empty_db):
    """An initialised hub."""
    from campdesk.sync.hub_init import init_hub

    with psycopg.connect(empty_db) as conn:
        init_hub(conn)
    return empty_db


@pytest.fixture
def make_pc(tmp_path, hub_url):
    pcs: list[PC] = []

    def make(name: str | None = None) -> PC:
        pc = PC(tmp_path / (name or f"pc{len(pcs)}"), hub_url)
        pcs.append(pc)
        return pc

    yield make
    for pc in pcs:
        pc.close()


@pytest.fixture
def three_pcs(make_pc):
    return make_pc("a"), make_pc("b"), make_pc("c")
