"""Is a SQLite file a CampDesk database, and from which CampDesk?

A CampDesk database names its schema revision in ``alembic_version`` and has, with their
columns, every table that revision's migrations make. The newest revision's tables are
those of the models; an older one's are found by migrating an empty in-memory database to
it, once per process. A file with a revision this CampDesk does not know, but with all of
today's tables, was made by a newer CampDesk.
"""
from __future__ import annotations

import sqlite3
from functools import lru_cache

from campdesk.i18n import _


def tables_of(conn: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {name: {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')} for name in names}


@lru_cache(maxsize=None)
def _expected(revision: str) -> dict[str, frozenset[str]] | None:
    """The tables and columns of a CampDesk database at ``revision``; None if unknown."""
    from campdesk.store import migrate
    if revision == migrate.SCHEMA_HEAD:
        from campdesk.store.models import Base
        tables = {t.name: frozenset(c.name for c in t.columns) for t in Base.metadata.tables.values()}
        return {**tables, "alembic_version": frozenset({"version_num"})}
    if not migrate.known_revision(revision):
        return None
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate.upgrade_connection(conn, revision)
        return {name: frozenset(cols) for name, cols in tables_of(conn).items()}
    finally:
        conn.close()


def problems(conn: sqlite3.Connection) -> list[str]:
    """Why the database open on ``conn`` is not one this CampDesk can use."""
    tables = tables_of(conn)
    if "alembic_version" not in tables or "version_num" not in tables["alembic_version"]:
        return [_("CampDesk 데이터베이스가 아닙니다 (스키마 버전 정보가 없습니다). 다른 프로그램의 "
                  "데이터베이스로 보입니다.")]
    versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    if len(versions) != 1 or not isinstance(versions[0], str):
        return [_("CampDesk 데이터베이스가 아닙니다 (스키마 버전 정보가 올바르지 않습니다).")]
    revision = versions[0]
    expected = _expected(revision)
    if expected is None:
        from campdesk.store import migrate
        if set(_expected(migrate.SCHEMA_HEAD)) <= set(tables):
            return [str(migrate.SchemaTooNew(revision))]
        return [_("CampDesk 데이터베이스가 아닙니다 (알 수 없는 스키마 버전: {revision}).").format(
            revision=revision)]
    missing_tables = sorted(set(expected) - set(tables))
    missing_columns = sorted(f"{t}.{c}" for t in expected if t in tables
                             for c in expected[t] - tables[t])
    if missing_tables or missing_columns:
        what = []
        if missing_tables:
            what.append(_("없는 테이블: {names}").format(names=", ".join(missing_tables[:5])))
        if missing_columns:
            what.append(_("없는 열: {names}").format(names=", ".join(missing_columns[:5])))
        return [_("CampDesk 데이터베이스가 아닙니다 ({what}).").format(what="; ".join(what))]
    return []
