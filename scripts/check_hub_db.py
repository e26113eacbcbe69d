"""Before the tests (scripts/test.sh): the hub tests' PostgreSQL answers and has its database.

The database (``test`` unless CAMPDESK_TEST_PG names another) is made when the server answers
without it. Exit 0 when the hub tests can run; 1 with the reason and the ways out when not.
"""
from __future__ import annotations

import os
import re
import sys

import psycopg
from psycopg import conninfo, sql

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def _shown(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:400]


def _connects(url: str) -> None:
    psycopg.connect(url, connect_timeout=5).close()


def main() -> int:
    url = os.environ.get("CAMPDESK_TEST_PG", DEFAULT_URL)
    try:
        _connects(url)
        return 0
    except psycopg.OperationalError as exc:
        reason = _one_line(exc)
    dbname = conninfo.conninfo_to_dict(url).get("dbname") or "postgres"
    try:  # the server may answer, without that database: make it
        with psycopg.connect(conninfo.make_conninfo(url, dbname="postgres"), autocommit=True,
                             connect_timeout=5) as admin:
            if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                             (dbname,)).fetchone() is None:
                admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
                print(f"Made the database {dbname!r} for the hub tests.")
        _connects(url)
        return 0
    except psycopg.Error as exc:
        reason = _one_line(exc) or reason
    print(f"""
The hub tests cannot run: no PostgreSQL they can use at {_shown(url)}
  ({reason})
Either
  - start PostgreSQL there (scripts/test.sh starts the local one it installed), with a user
    that may connect from 127.0.0.1 and create databases;
  - or point CAMPDESK_TEST_PG at another server: postgresql://USER[:PASSWORD]@HOST:PORT/DB;
  - or, on your own PC only, run without them: CAMPDESK_SKIP_HUB=1 bash scripts/test.sh
    (CI never does: it runs every hub test).""", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
