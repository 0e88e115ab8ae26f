"""Lending desk tables: loan rules, members, titles, copies, loans, holds, stock-takes, overrides.

All are projections of library events. Columns that depend on several aggregates (a copy's status
and current loan) are recomputed from the other rows by the projector, never incremented.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text, func, literal_column
from sqlalchemy.orm import Mapped, mapped_column

from .base import PROJECTION, Base
from .events import Event

#: Member categories; each has its own loan rule.
MEMBER_CATEGORIES: tuple[str, ...] = ("child", "teen", "adult")

#: Kanoon's age groups of books (and of young members, by school stage).
AGE_GROUPS: tuple[str, ...] = ("الف", "ب", "ج", "د", "ه")

#: A copy's status, recomputed from loans, holds, transit and its own events.
COPY_STATUSES: tuple[str, ...] = ("on_shelf", "on_loan", "in_transit", "held", "lost", "withdrawn")


class LoanRule(Base):
    """Per member category: loan period (working days), how many loans at once, how many renewals."""

    __tablename__ = "lib_loan_rules"
    __table_args__ = {"info": PROJECTION}

    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    period_days: Mapped[int] = mapped_column(Integer)
    max_loans: Mapped[int] = mapped_column(Integer)
    max_renewals: Mapped[int] = mapped_column(Integer)
    hold_days: Mapped[int] = mapped_column(Integer, default=3)


class OverrideGrant(Base):
    """A librarian the admin allowed to override circulation refusals."""

    __tablename__ = "lib_override_grants"
    __table_args__ = {"info": PROJECTION}

    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    granted: Mapped[bool] = mapped_column(default=True)


class Member(Base):
    """A library member, shared by all centres (the registry travels with sync)."""

    __tablename__ = "lib_members"
    __table_args__ = (
        Index("ix_lib_members_member_no", "member_no"),
        Index("ix_lib_members_national_id", "national_id"),
        Index("ix_lib_members_name_key", "name_key"),
        {"info": PROJECTION},
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_no: Mapped[str] = mapped_column(String(32))
    national_id: Mapped[str] = mapped_column(String(10), default="")
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(220), default="")
    category: Mapped[str] = mapped_column(String(16), default="child")
    birth_date: Mapped[date | None]
    phone: Mapped[str] = mapped_column(String(20), default="")
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    guardian_phone: Mapped[str] = mapped_column(String(20), default="")
    #: a child without a national ID of their own is registered with the guardian's
    guardian_national_id: Mapped[str] = mapped_column(String(10), default="", server_default="")
    home_centre: Mapped[str] = mapped_column(String(16), index=True)
    expires_on: Mapped[date]
    photo: Mapped[str] = mapped_column(String(400), default="")
    registered_at: Mapped[datetime]
    #: Set when a person resolved "one child registered at two centres" by keeping the other
    #: record: this one is no longer found at the desk, and its card leads to that member.
    merged_into: Mapped[str | None] = mapped_column(String(36))
    #: The day the membership was ended and the personal details removed (`member.erased`): the
    #: record stays, under «عضو حذف‌شده» and its number, so the loans it made still count.
    erased_on: Mapped[date | None]


class Title(Base):
    """A title of the shared catalogue."""

    __tablename__ = "lib_titles"
    __table_args__ = (Index("ix_lib_titles_isbn", "isbn"), Index("ix_lib_titles_added", "added_at", "id"),
                      {"info": PROJECTION})

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    author: Mapped[str] = mapped_column(String(200), default="")
    publisher: Mapped[str] = mapped_column(String(200), default="")
    isbn: Mapped[str] = mapped_column(String(13), default="")
    age_group: Mapped[str] = mapped_column(String(4), default="")
    subject: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime]


class Copy(Base):
    """A physical copy with a barcode, held by its home centre."""

    __tablename__ = "lib_copies"
    __table_args__ = (
        Index("ix_lib_copies_barcode", "barcode"),
        Index("ix_lib_copies_title", "title_id"),
        Index("ix_lib_copies_home", "home_centre", "shelf"),
        {"info": PROJECTION},
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    barcode: Mapped[str] = mapped_column(String(32))
    title_id: Mapped[str] = mapped_column(String(36))
    home_centre: Mapped[str] = mapped_column(String(16))
    shelf: Mapped[str] = mapped_column(String(32), default="")
    loanable: Mapped[bool] = mapped_column(default=True)
    added_at: Mapped[datetime]
    # facts of the copy's own events
    withdrawn: Mapped[bool] = mapped_column(default=False)
    lost_hlc: Mapped[int | None] = mapped_column(BigInteger)
    received_hlc: Mapped[int | None] = mapped_column(BigInteger)
    received_centre: Mapped[str | None] = mapped_column(String(16))
    sent_hlc: Mapped[int | None] = mapped_column(BigInteger)
    # recomputed from loans, holds and the facts above
    status: Mapped[str] = mapped_column(String(16), default="on_shelf")
    location: Mapped[str] = mapped_column(String(16), default="")
    current_loan_id: Mapped[str | None] = mapped_column(String(36))


class Loan(Base):
    """One loan of a copy to a member; the aggregate id is the loan id."""

    __tablename__ = "lib_loans"
    __table_args__ = (
        Index("ix_lib_loans_copy", "copy_id", "returned_at"),
        # covers the recompute of a copy (its loans' spans) without touching the table
        Index("ix_lib_loans_copy_span", "copy_id", "out_hlc", "id", "returned_hlc", "returned_centre", "centre",
              "lost_hlc"),
        Index("ix_lib_loans_member", "member_id", "returned_at"),
        # the overdue list, most late first; with the centre, one centre's counted from the index alone
        Index("ix_lib_loans_open_due", "returned_at", "due_on", "centre"),
        # a period's loans counted by centre, member or title from the index alone (the reports),
        # a voided loan told by its return stamp (VOIDED_HLC) and left out
        Index("ix_lib_loans_period", "out_on", "centre", "member_id", "title_id", "returned_hlc"),
        {"info": PROJECTION},
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    copy_id: Mapped[str] = mapped_column(String(36))
    member_id: Mapped[str] = mapped_column(String(36))
    title_id: Mapped[str] = mapped_column(String(36), default="")
    centre: Mapped[str] = mapped_column(String(16))
    out_at: Mapped[datetime]
    out_hlc: Mapped[int] = mapped_column(BigInteger)
    #: the desk's business day of the loan and of the return (reports group by these)
    out_on: Mapped[date]
    due_on: Mapped[date]
    renewals: Mapped[int] = mapped_column(Integer, default=0)
    returned_at: Mapped[datetime | None]
    returned_hlc: Mapped[int | None] = mapped_column(BigInteger)
    returned_on: Mapped[date | None]
    returned_centre: Mapped[str | None] = mapped_column(String(16))
    overridden: Mapped[str] = mapped_column(String(200), default="")
    #: Set when the loan was closed because the book was lost with the member (`loan.lost`): closed,
    #: never returned (the copy does not move), and the copy counts as lost from this stamp.
    lost_hlc: Mapped[int | None] = mapped_column(BigInteger)


class Hold(Base):
    """A member's reservation of a title, served in the order placed (by HLC)."""

    __tablename__ = "lib_holds"
    __table_args__ = (
        Index("ix_lib_holds_title", "title_id", "status", "placed_hlc"),
        Index("ix_lib_holds_member", "member_id"),
        {"info": PROJECTION},
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title_id: Mapped[str] = mapped_column(String(36))
    member_id: Mapped[str] = mapped_column(String(36))
    pickup_centre: Mapped[str] = mapped_column(String(16))
    placed_at: Mapped[datetime]
    placed_hlc: Mapped[int] = mapped_column(BigInteger)
    #: waiting | in_transit (a copy is on its way to the pick-up centre for it) | ready | collected |
    #: expired | cancelled
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    copy_id: Mapped[str | None] = mapped_column(String(36), index=True)
    ready_until: Mapped[date | None]
    notified: Mapped[bool] = mapped_column(default=False)
    #: when and from which centre its copy was sent (a hold served from another centre's shelf)
    sent_at: Mapped[datetime | None]
    sent_from: Mapped[str | None] = mapped_column(String(16))
    #: the stamp of that sending: a copy whose hold ended on its way is still on its way, until it
    #: is scanned where it arrives (or lent, or returned) after it
    sent_hlc: Mapped[int | None] = mapped_column(BigInteger)


class OverrideLog(Base):
    """A refusal a permitted librarian overrode: who, what, why."""

    __tablename__ = "lib_overrides"
    __table_args__ = {"info": PROJECTION}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    action: Mapped[str] = mapped_column(String(32))
    refusals: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[str] = mapped_column(String(36))
    centre: Mapped[str] = mapped_column(String(16))
    member_id: Mapped[str] = mapped_column(String(36), default="")
    copy_id: Mapped[str] = mapped_column(String(36), default="")
    loan_id: Mapped[str] = mapped_column(String(36), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime]


class Stocktake(Base):
    """A stock-take session of one centre (optionally a shelf range)."""

    __tablename__ = "lib_stocktakes"
    __table_args__ = {"info": PROJECTION}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    centre: Mapped[str] = mapped_column(String(16), index=True)
    shelf_from: Mapped[str] = mapped_column(String(32), default="")
    shelf_to: Mapped[str] = mapped_column(String(32), default="")
    opened_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | closed


class StocktakeItem(Base):
    """One barcode of a stock-take: expected at opening and/or scanned, with its outcome."""

    __tablename__ = "lib_stocktake_items"
    __table_args__ = {"info": PROJECTION}

    stocktake_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    barcode: Mapped[str] = mapped_column(String(32), primary_key=True)
    copy_id: Mapped[str | None] = mapped_column(String(36))
    expected: Mapped[bool] = mapped_column(default=False)
    expected_status: Mapped[str] = mapped_column(String(16), default="")
    scanned: Mapped[bool] = mapped_column(default=False)
    scanned_shelf: Mapped[str] = mapped_column(String(32), default="")
    #: found | missing | misplaced | unknown | on_loan | found_lost | found_withdrawn (decided at each scan)
    outcome: Mapped[str] = mapped_column(String(16), default="missing")


class Notice(Base):
    """An SMS queued until the server can send it: an overdue notice (one a member, naming their late
    loans in `NoticeLoan`; `loan_id` is the first of them) or a hold's "ready to collect"."""

    __tablename__ = "lib_notices"
    __table_args__ = (Index("ix_lib_notices_loan", "loan_id", "queued_on"),
                      Index("ix_lib_notices_member", "member_id", "queued_on"), {"info": PROJECTION})

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    loan_id: Mapped[str] = mapped_column(String(36))
    member_id: Mapped[str] = mapped_column(String(36))
    phone: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    queued_on: Mapped[date]
    centre: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued | sent


class NoticeLoan(Base):
    """The late loans one overdue notice names (a member's late books go in one SMS; a hold's
    notice names none): the overdue list's «یادآوری» column reads a loan's latest notice here."""

    __tablename__ = "lib_notice_loans"
    __table_args__ = (Index("ix_lib_notice_loans_loan", "loan_id"), {"info": PROJECTION})

    notice_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    loan_id: Mapped[str] = mapped_column(String(36), primary_key=True)


# The copies' barcodes before they were relabelled (`copy.relabelled`, its `previous`): an old
# label scanned (at the desk, at a stock-take) names the copy's barcode now, read from a few index
# rows however long the event log is (`library_common.relabelled_copy`; the expression and the
# condition written out as the query writes them, so that SQLite reads them from the index).
Index("ix_events_relabelled_from", func.json_extract(Event.payload, literal_column("'$.previous'")),
      sqlite_where=Event.type == literal_column("'copy.relabelled'"))
