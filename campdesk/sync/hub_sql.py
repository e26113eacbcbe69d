"""The hub's SQL, kept as ``.sql`` files beside this module (package data), in the order
``hub init`` runs them. Each file can be read, diffed and linted as SQL; what depends on the
synced tables is generated from the metadata instead (``hub_tables``, ``hub_functions``,
``hub_read``)."""
from __future__ import annotations

from functools import cache
from importlib.resources import files

# bookkeeping: the merge state's tables; clocks, merge, push, pull: the functions; compat:
# what PCs of older hub schemas call, and the functions later schemas replaced.
FILES = ("bookkeeping", "clocks", "merge", "push", "pull", "compat")


@cache
def load(name: str) -> str:
    return files("campdesk.sync").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def static() -> list[str]:
    """The functions and tables that are the same whatever the synced tables, in order."""
    return [load(name) for name in FILES if name != "bookkeeping"]
