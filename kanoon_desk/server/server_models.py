"""The central server's own tables (separate metadata from the desk store's)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from . import clock

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: JSON text on SQLite, JSONB on PostgreSQL (digests use canonical JSON, so key order never matters).
JsonDoc = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    """Now, by the server's time (`clock.ServerTime`: never going back while it runs)."""
    return clock.utcnow()


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC instant, stored naive UTC (the same on SQLite and PostgreSQL)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JsonDoc}


class ServerOffice(ServerBase):
    __tablename__ = "offices"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Device(ServerBase):
    """An enrolled desk. Its secret is kept only as a SHA-256 of 32 random bytes."""

    __tablename__ = "devices"
    __table_args__ = (Index("ix_devices_office_no", "office_code", "device_no", unique=True),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(16))
    device_no: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200), default="")
    secret_hash: Mapped[str] = mapped_column(String(64))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_client_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]
    #: The name of the store this device's requests come from, set when a desk renamed its store
    #: (it took back its own events after a restore); None until then. Requests naming another
    #: (`X-Kanoon-Store`) come from a copy of the desk and are refused.
    store_id: Mapped[str | None] = mapped_column(String(64))


class EnrolmentCode(ServerBase):
    """A one-time code (hashed), valid until `expires_at`, used at most once."""

    __tablename__ = "enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(36))


#: The scope of events set aside because their payload cannot be read (migration s0005): no
#: office's code (codes are letters and digits), so no pull, snapshot or summary reads them.
QUARANTINE_SCOPE = "!unreadable"

#: The aggregate type of secretariat cases (the events the status look-up reads).
CASE = "case"
#: The aggregate type of the agency directory (the status look-up names the agency a case waits on).
AGENCY = "agency"


class ServerEvent(ServerBase):
    """The union of every desk's events, in one order: `server_seq` (commit order)."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_scope_seq", "scope", "server_seq"),
        # partial: only case events carry a code (an index of NULLs answers no look-up)
        Index("ix_events_tracking", "tracking_code", postgresql_where=text("tracking_code IS NOT NULL"),
              sqlite_where=text("tracking_code IS NOT NULL")),
        # the status look-up's newest public event of one case (`status.lookup`: its filter on
        # the aggregate type is the literal this index is made for)
        Index("ix_events_case", "aggregate_id", "hlc", postgresql_where=text(f"aggregate_type = '{CASE}'"),
              sqlite_where=text(f"aggregate_type = '{CASE}'")),
        # an agency's events, for the name the status look-up shows (`status._agency_name`)
        Index("ix_events_agency", "aggregate_id", "hlc", postgresql_where=text(f"aggregate_type = '{AGENCY}'"),
              sqlite_where=text(f"aggregate_type = '{AGENCY}'")),
        # a hold's events, for its «ready» notices (`exchange_notices.withdraw_stale_notices`)
        Index("ix_events_hold", "aggregate_id", "server_seq", postgresql_where=text("aggregate_type = 'hold'"),
              sqlite_where=text("aggregate_type = 'hold'")),
        # the members whose details were removed, for their SMS notices pushed afterwards
        # (`exchange_notices.forget_erased_members`; a few rows: one an erasure)
        Index("ix_events_member_erased", "aggregate_id", postgresql_where=text("type = 'member.erased'"),
              sqlite_where=text("type = 'member.erased'")),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_seq: Mapped[int] = mapped_column(BigInteger, unique=True)
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
    client_seq: Mapped[int] = mapped_column(BigInteger)
    #: `*` for shared aggregate types, else the office code: who may pull it.
    scope: Mapped[str] = mapped_column(String(16))
    #: The public tracking code a case event carries, for the status look-up.
    tracking_code: Mapped[str | None] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class DigestTotal(ServerBase):
    """Running count and digest (`kanoon_desk.digest`) of the events of one scope and aggregate
    type, moved by every push in its own transaction: a sync round's check reads these rows
    instead of every event an office sees."""

    __tablename__ = "digest_totals"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    aggregate_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    events: Mapped[int] = mapped_column(BigInteger, default=0)
    #: 64 hex digits (a sum modulo 2**256)
    digest: Mapped[str] = mapped_column(String(64))


class AttachmentRef(ServerBase):
    """A file (by SHA-256) named by an event of `scope` (an office's code, or `*`): the file goes
    to a device only when its office sees such an event (migration s0007, the push)."""

    __tablename__ = "attachment_refs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(16), primary_key=True)


class ServerCounter(ServerBase):
    """A counter row taken under lock, so `server_seq` order equals commit order."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SmsOutbox(ServerBase):
    """SMS notices queued by desks (`exchange.asks_for_sms`: the lending desk's notices, the
    secretariat's notices to applicants by SMS), sent by the server's gateway."""

    __tablename__ = "sms_outbox"
    __table_args__ = (Index("ix_sms_outbox_status", "status", "queued_at"), Index("ix_sms_outbox_hold", "hold_id"))

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mobile: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    #: pending | sending (claimed by a drain since `claimed_at`) | sent | failed | withdrawn (the hold
    #: it announced stopped being ready before it was sent)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    #: the hold a «ready to collect» notice is about: withdrawn unsent when the hold stops being
    #: ready (collected, requeued, cancelled, expired) before the gateway got to it
    hold_id: Mapped[str | None] = mapped_column(String(36))
