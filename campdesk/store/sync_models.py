"""The local bookkeeping of replication: outbox, clocks, sync state and conflicts.

These tables live on the same ``Base`` as the business tables, so Alembic sees them and
migrations never drift from the models. ``sync_conflict`` is itself synced (every PC shows
the same "needs attention" list); the others are private to this PC.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from campdesk.store.base import Base, Record, UTCDateTime

ID = String(36)
TABLE_NAME = String(60)
CLOCK = String(60)  # "<16 hex digits of the HLC>:<site id>", comparable as text


class SyncState(Base):
    """The single row (id = 1) holding this replica's identity, clock and cursor."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(ID)
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)  # last issued: ms << 16 | counter
    skew_ms: Mapped[int] = mapped_column(BigInteger, default=0)  # test hook: fakes a wrong clock
    applying: Mapped[int] = mapped_column(Integer, default=0)  # 1 while pulled data is applied
    pull_cursor: Mapped[int] = mapped_column(BigInteger, default=0)  # hub xid watermark
    # How far a pull that has not reached the watermark got: JSON [xid, table, id] of the
    # last row applied, or NULL. The next pull goes on from there.
    pull_after: Mapped[str | None] = mapped_column(Text)
    # This PC's proof of its site id to the hub, renewed at every hello (a copy of the data
    # folder holds an old one, and is told apart): the token the hub holds now, and the
    # tokens proposed since that the hub may have taken (JSON list; a lost answer).
    site_token: Mapped[str | None] = mapped_column(String(64))
    site_tokens_proposed: Mapped[str | None] = mapped_column(Text)
    hub_generation: Mapped[str | None] = mapped_column(String(36))
    clock_offset_ms: Mapped[int | None] = mapped_column(BigInteger)  # hub clock - our clock
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class OutboxEntry(Base):
    """One local change waiting to be pushed: changed fields only, with their base clocks."""

    __tablename__ = "sync_outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    tbl: Mapped[str] = mapped_column(TABLE_NAME)
    row_id: Mapped[str] = mapped_column(ID)
    op: Mapped[str] = mapped_column(String(10))  # "upsert" or "delete"
    patch: Mapped[str | None] = mapped_column(Text)  # JSON {field: value}
    base: Mapped[str | None] = mapped_column(Text)  # JSON {field: clock} as last seen
    clock: Mapped[str] = mapped_column(CLOCK)

    __table_args__ = (
        Index("ix_sync_outbox_row", "tbl", "row_id"),
        {"sqlite_autoincrement": True},  # a seq is never reused: the hub dedupes by it
    )


class RowClock(Base):
    """The clock of every field of a synced row: ``{"*": clock, field: clock, ...}``."""

    __tablename__ = "sync_row_clock"
    tbl: Mapped[str] = mapped_column(TABLE_NAME, primary_key=True)
    row_id: Mapped[str] = mapped_column(ID, primary_key=True)
    clocks: Mapped[str] = mapped_column(Text)


class SyncConflict(Record, Base):
    """Something a merge decided that a person should see: a lost value, a possible
    duplicate, a double booking, an orphan, or a change the hub refused (quarantined)."""

    __tablename__ = "sync_conflict"
    kind: Mapped[str] = mapped_column(String(20))  # CONFLICT_KINDS
    tbl: Mapped[str] = mapped_column(TABLE_NAME)
    row_id: Mapped[str] = mapped_column(ID)
    field: Mapped[str | None] = mapped_column(String(60))
    other_id: Mapped[str | None] = mapped_column(ID)
    loser_value: Mapped[str | None] = mapped_column(Text)  # JSON
    winner_value: Mapped[str | None] = mapped_column(Text)  # JSON
    loser_site: Mapped[str | None] = mapped_column(String(40))
    winner_site: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(ID)
    resolution: Mapped[str | None] = mapped_column(String(40))
    # Who made each value, on which PC, and when (filled by the hub where it knows).
    loser_by: Mapped[str | None] = mapped_column(ID)
    winner_by: Mapped[str | None] = mapped_column(ID)
    loser_pc: Mapped[str | None] = mapped_column(String(100))
    winner_pc: Mapped[str | None] = mapped_column(String(100))
    loser_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    winner_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_sync_conflict_row", "tbl", "row_id"),)


# "unstorable": a hub row this PC's schema refuses (flagged once, by the PC that met it).
CONFLICT_KINDS = ("value", "deleted", "duplicate", "double_booking", "orphan", "rejected",
                  "unstorable")
