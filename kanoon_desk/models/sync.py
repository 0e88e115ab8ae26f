"""Desk-side sync bookkeeping: the history of sync rounds and the events the server refused.

Cursors, the device secret and the server address live in `desk_state` (keys `sync.*`).
Neither table is a projection or synced.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class SyncLog(Base):
    """One sync round: when, how it went, what moved, and a Persian message for the clerk."""

    __tablename__ = "sync_log"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    finished_at: Mapped[datetime] = mapped_column(default=utcnow)
    ok: Mapped[bool] = mapped_column(Boolean)
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")


class SyncRejection(Base):
    """A local event the server refused (bad scope, bad schema): kept for the clerk to see."""

    __tablename__ = "sync_rejections"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    client_seq: Mapped[int] = mapped_column(BigInteger)
    event_type: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    #: The server's reason in Persian (a server of protocol 2 or more sends it).
    reason_fa: Mapped[str | None] = mapped_column(Text)


class SmsOutcome(Base):
    """What the server did with an SMS this office's desks asked for (a notice to an applicant, a
    hold ready, an overdue reminder), as it last said: read back after each sync round
    (`services.sms_outcomes`). Keyed by the asking event's id. Not an event (the server's SMS
    gateway is not a desk) and not a projection (a re-fold keeps it)."""

    __tablename__ = "sms_outcomes"
    __table_args__ = (Index("ix_sms_outcomes_status", "status"),)

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: pending | sending | sent | failed (the server gave up, or the notice had no number)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)
