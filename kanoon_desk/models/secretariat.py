"""Secretariat projections: applicants, cases, referrals (cartable), forwards, follow-ups, notices,
visits, attachments and the agency directory. The FTS5 index `case_fts` is created by migration 0002."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Index, Integer, String, Text, func, literal_column, text
from sqlalchemy.orm import Mapped, mapped_column

from ..errors import QT_TRANSLATE_NOOP
from .base import PROJECTION, Base
from .events import Event

#: Case statuses, in process order.
CASE_STATUSES: tuple[str, ...] = (
    "received",  # taken in, waiting for the expert's review
    "accepted",  # accepted by the expert, waiting for the secretariat number
    "registered",  # numbered, waiting to be referred to a manager
    "referred",  # in someone's cartable
    "forwarded",  # at an executive agency (the agency's clock runs)
    "answered",  # the agency answered; the applicant is to be told
    "rejected",  # rejected at review or by the manager
    "closed",  # closed with an outcome
)
OPEN_STATUSES: frozenset[str] = frozenset({"received", "accepted", "registered", "referred",
                                           "forwarded", "answered"})
OUTCOMES: tuple[str, ...] = ("resolved", "rejected", "not_responsible", "unresolved")
CHANNELS: tuple[str, ...] = ("in_person", "post", "phone")
#: The categories the intake offers (a clerk may type another). A case keeps the text, and reports
#: group by it, so they are the office's words in either interface language: the English interface
#: shows each in English (context "Categories") and records the Persian word.
CATEGORIES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Categories", "خدمات شهری"), QT_TRANSLATE_NOOP("Categories", "آب و برق و گاز"),
    QT_TRANSLATE_NOOP("Categories", "راه و ساختمان"), QT_TRANSLATE_NOOP("Categories", "بیمه و رفاه"),
    QT_TRANSLATE_NOOP("Categories", "آموزش"), QT_TRANSLATE_NOOP("Categories", "سایر"))
NOTICE_METHODS: tuple[str, ...] = ("phone", "letter", "sms", "in_person")
FOLLOW_UP_METHODS: tuple[str, ...] = ("phone", "letter")
VISIT_PURPOSES: tuple[str, ...] = ("submit", "ask", "receive", "other")


class Applicant(Base):
    """A person who brings a request or complaint; found again by national ID."""

    __tablename__ = "applicants"
    __table_args__ = {"info": PROJECTION}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    national_id: Mapped[str] = mapped_column(String(10), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    mobile: Mapped[str] = mapped_column(String(11), default="")
    address: Mapped[str] = mapped_column(String(400), default="")


class Agency(Base):
    """An executive agency of the province (admin-editable directory)."""

    __tablename__ = "agencies"
    __table_args__ = {"info": PROJECTION}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    #: working days an agency gets to answer; None means the default (15)
    deadline_days: Mapped[int | None] = mapped_column(Integer)
    address: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(default=True)
    #: the agency it was merged into (`agency.merged`: the governorate made two agencies one), and
    #: the day; the cases it holds are the survivor's (`projections.secretariat.parties.survivors`)
    merged_into: Mapped[str | None] = mapped_column(String(36))
    merged_on: Mapped[date | None]


#: The rejection reason of a case that was the same request again: brought a second time, or one
#: paper taken at two desks apart (`services.secretariat.REJECTION_REASONS`). Reports count the
#: request once: the twin's figures are read from `ix_cases_duplicates` and taken off.
DUPLICATE_REASON = "تکراری"
#: The partial index's condition, written out (SQLite uses a partial index only for a WHERE that
#: holds it as it is written; a reopened case's reason is cleared, so a reason says "rejected")
DUPLICATE_ONLY = text(f"reject_reason = '{DUPLICATE_REASON}'")


class Case(Base):
    """One request or complaint: the fold of its `case.*` events."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status_received", "status", "received_date"),
        Index("ix_cases_agency_deadline", "status", "deadline"),
        # the search's status filter, newest first, read in order and stopped after a page
        Index("ix_cases_status_key", "status", "fts_key"),
        # the reports read a period's cases from these alone (applicants, visits; outcomes, service time)
        Index("ix_cases_received", "received_date", "applicant_id", "visits"),
        Index("ix_cases_closed", "closed_on", "outcome", "received_date", "id"),
        Index("ix_cases_accepted", "accepted_on"),
        Index("ix_cases_notice", "notice", "status"),
        # the few cases rejected as duplicates, for the reports to count each request once
        Index("ix_cases_duplicates", "received_date", "accepted_on", "closed_on", "outcome", "visits", "id",
              "reject_reason", sqlite_where=DUPLICATE_ONLY),
        {"info": PROJECTION},
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: deterministic integer key of the case's row in the FTS5 index (from the id)
    fts_key: Mapped[int] = mapped_column(BigInteger, unique=True)
    tracking_code: Mapped[str] = mapped_column(String(16), unique=True)
    registration_no: Mapped[str | None] = mapped_column(String(32), index=True)
    registration_date: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16))
    applicant_id: Mapped[str] = mapped_column(String(36), index=True)
    #: snapshot of the applicant at intake, for lists and look-ups without a join
    applicant_name: Mapped[str] = mapped_column(String(200))
    national_id: Mapped[str] = mapped_column(String(10), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    channel: Mapped[str] = mapped_column(String(16))
    received_date: Mapped[date]
    office_code: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(36))
    reviewed_by: Mapped[str | None] = mapped_column(String(36))
    accepted_on: Mapped[date | None]
    rejected_on: Mapped[date | None]
    reject_reason: Mapped[str | None] = mapped_column(String(200))
    reject_note: Mapped[str | None] = mapped_column(Text)
    #: the user who holds the case now (cartable), or None while an agency or nobody holds it
    holder_user_id: Mapped[str | None] = mapped_column(String(36), index=True)
    holder_since: Mapped[datetime | None]
    agency_id: Mapped[str | None] = mapped_column(String(36), index=True)
    deadline: Mapped[date | None]
    #: whose clock runs: "office" or "agency"; `agency_since` and `agency_days` (calendar days
    #: spent at agencies in closed intervals) let reports split the office's own time out
    clock: Mapped[str] = mapped_column(String(8), default="office")
    agency_since: Mapped[date | None]
    agency_days: Mapped[int] = mapped_column(Integer, default=0)
    answered_on: Mapped[date | None]
    response_text: Mapped[str | None] = mapped_column(Text)
    notified_on: Mapped[date | None]
    #: what the applicant is owed: "due" once the agency answered or the request was rejected
    #: (until a notice is recorded), "told" after a notice, None before either (or after a
    #: reopen); the office's work queues read it ("answered, not told", rejection notices to send)
    notice: Mapped[str | None] = mapped_column(String(8))
    outcome: Mapped[str | None] = mapped_column(String(20))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    responsible_party: Mapped[str | None] = mapped_column(String(200))
    closed_on: Mapped[date | None]
    closed_event_id: Mapped[str | None] = mapped_column(String(36))
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    follow_ups: Mapped[int] = mapped_column(Integer, default=0)
    updated_hlc: Mapped[int] = mapped_column(BigInteger)


class CaseKey(Base):
    """A case's subject as the cartable's words are matched (`persian.search_key`), kept by the fold
    beside the case: the cartable's filter reads it, where it folded every item's subject again in
    SQL (`fa_search_key`, a Python call per row: about a second a look-up in a cartable of 100,000).
    A narrow table of its own: the migration that made it wrote these rows, not every case again."""

    __tablename__ = "case_keys"
    __table_args__ = ({"info": PROJECTION},)

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    subject_key: Mapped[str] = mapped_column(String(300))


class Referral(Base):
    """A cartable item: a case sent to a user for action (or as a CC, for information)."""

    __tablename__ = "referrals"
    __table_args__ = (
        Index("ix_referrals_cartable", "to_user_id", "status", "sent_at"),
        {"info": PROJECTION},
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: the referral event's id, shared by the action item and its CC items
    referral_id: Mapped[str] = mapped_column(String(36), index=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    from_user_id: Mapped[str] = mapped_column(String(36))
    to_user_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(8))  # action | cc
    instruction: Mapped[str] = mapped_column(Text, default="")
    cc: Mapped[list[Any]]
    sent_at: Mapped[datetime]
    read: Mapped[bool] = mapped_column(default=False)
    #: open | recalled | acted (an action item) | seen or closed (a CC read, or its case closed)
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_at: Mapped[datetime | None]


class Forward(Base):
    """A case sent to an executive agency with an outgoing letter and a deadline."""

    __tablename__ = "forwards"
    __table_args__ = (
        Index("ix_forwards_letter", "letter_no"),
        # the reports' agencies: the letters of a period, the deadlines that fell in it
        Index("ix_forwards_letter_date", "letter_date", "status", "agency_id", "answered_on", "original_deadline"),
        Index("ix_forwards_deadline", "original_deadline", "status", "agency_id", "case_id", "answered_on"),
        {"info": PROJECTION},
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    agency_id: Mapped[str] = mapped_column(String(36))
    letter_no: Mapped[str] = mapped_column(String(64))
    letter_date: Mapped[date]
    #: the deadline as last set: a follow-up's new deadline moves it (the overdue queue reads it)
    deadline: Mapped[date]
    #: the deadline the forwarding letter gave, never moved: lateness is counted from it (the
    #: report's overdue by agency), so an agency given more time after it was late stays late
    original_deadline: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | answered | closed | withdrawn
    sent_by: Mapped[str] = mapped_column(String(36))
    answered_on: Mapped[date | None]


class FollowUp(Base):
    """A follow-up with the agency (phone or letter), with its note and new deadline."""

    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_letter", "letter_no"), {"info": PROJECTION})

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    forward_id: Mapped[str | None] = mapped_column(String(36))
    method: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    letter_no: Mapped[str] = mapped_column(String(64), default="")
    new_deadline: Mapped[date | None]
    day: Mapped[date]
    user_id: Mapped[str] = mapped_column(String(36))


class Notice(Base):
    """What the applicant was told, and how (SMS waits in `queued` for the server to send)."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_method_day", "method", "day"), {"info": PROJECTION})

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # rejection | result
    method: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10))  # queued | pending | done
    day: Mapped[date]


class Visit(Base):
    """One in-person visit of an applicant about a case (the service card counts them)."""

    __tablename__ = "visits"
    __table_args__ = {"info": PROJECTION}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    purpose: Mapped[str] = mapped_column(String(10))
    day: Mapped[date] = mapped_column(index=True)


class Attachment(Base):
    """A scanned document of a case; the bytes live in `attachments/<sha[:2]>/<sha>` by the store."""

    __tablename__ = "attachments"
    __table_args__ = {"info": PROJECTION}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(260))
    mime: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(12), default="intake")  # intake | response | other
    added_at: Mapped[datetime]
    added_by: Mapped[str] = mapped_column(String(36))


#: the events that start or stop an agency's clock (`services.secretariat_time.agency_spans` reads them)
CASE_CLOCK_EVENTS = ("case.forwarded", "case.answered", "case.closed", "case.reviewed", "case.reopened")


def case_clock_field(key: str) -> ColumnElement[Any]:
    """A clock event's payload field as `ix_events_case_clock` holds it (the expression written out
    as the index's, so that SQLite reads it from the index)."""
    return func.json_extract(Event.payload, literal_column(f"'$.{key}'"))


def case_clock_events() -> ColumnElement[bool]:
    """The condition of `ix_events_case_clock`, written out (not bound) so that SQLite uses the index."""
    return Event.type.in_([literal_column(f"'{kind}'") for kind in CASE_CLOCK_EVENTS])


# A case's clock events in fold order with the payload fields the clock reads: the secretariat
# report reads a season's 100,000 closed cases' spans from it without parsing each payload.
Index("ix_events_case_clock", Event.aggregate_id, Event.hlc, Event.id, Event.type,
      case_clock_field("day"), case_clock_field("letter_date"), case_clock_field("decision"),
      sqlite_where=case_clock_events())
