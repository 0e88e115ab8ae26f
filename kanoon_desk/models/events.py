"""The event log (the truth), desk-local state, number counters, conflicts and the audit chain."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import PROJECTION, Base


class Event(Base):
    """One immutable fact. Unique id ⇒ union of event sets converges; fold order is (hlc, id)."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_aggregate", "aggregate_id", "hlc"),
        Index("ix_events_hlc", "hlc", "id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    aggregate_type: Mapped[str] = mapped_column(String(32))
    aggregate_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]]
    hlc: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))
    office_code: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(36))
    recorded_at: Mapped[datetime]
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    #: Local events get a contiguous outbox number; events pulled from the server have none.
    client_seq: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    #: Position in the server's order once known (pulled, or acknowledged by a push).
    server_seq: Mapped[int | None] = mapped_column(BigInteger)


class DeskState(Base):
    """Key/value facts about this desk (device id and number, office, server, cursors). Not synced."""

    __tablename__ = "desk_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """Per-desk counters bumped in the same transaction as the record that uses the number."""

    __tablename__ = "counters"

    series: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Conflict(Base):
    """A broken invariant met by the fold: both facts kept, a person decides.

    The id is derived from the kind and the events involved, so every desk that meets the same
    facts raises the same conflict exactly once, whatever order the events arrived in.
    """

    __tablename__ = "conflicts"
    __table_args__ = {"info": PROJECTION}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(48))
    aggregate_type: Mapped[str] = mapped_column(String(32))
    aggregate_id: Mapped[str] = mapped_column(String(36), index=True)
    office_code: Mapped[str] = mapped_column(String(16), index=True)
    facts: Mapped[dict[str, Any]]  # {"events": [...ids], "summary": {...}} for side-by-side display
    raised_hlc: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    resolution: Mapped[str | None] = mapped_column(String(48))
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolution_note: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """Who did what, when: readable by a person, chained by SHA-256 so tampering shows."""

    __tablename__ = "audit"
    __table_args__ = (
        # the log-in throttle's question (`accounts.login_wait`): a name's last attempts; only
        # the log-in entries are in it, so the entry every event writes costs nothing more
        Index("ix_audit_login", "username", "seq", sqlite_where=text("action LIKE 'login.%'")),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    user_id: Mapped[str] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200), default="")
    event_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
