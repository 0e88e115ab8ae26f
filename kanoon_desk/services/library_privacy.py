"""Lending desk: a member's personal data — what the desk holds about a child, in one record a
guardian can be given, and the end of a membership with the child's details removed.

The removal (`erase_member`) is one event, `member.erased`: it travels by sync like any other, and
its fold empties the personal fields on every desk and keeps them empty whatever arrives later (a
correction made at a desk that had not heard of it). The record stays, read as «عضو حذف‌شده» with
its membership number, so the loans it made still count in the reports. The earlier events that
carried the details are not rewritten (events are immutable and their digests are compared with the
server's): the desk's history and search no longer show them (`services.history`), but they remain
in the events table, on the server and in backups taken before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound
from ..eventlog import Actor
from ..jalali import TEHRAN
from ..models import Conflict, Event, Office, office_today
from ..models.library import Copy, Hold, Loan, Member, Title
from ..projections.library.copy_state import VOIDED_HLC
from ..store import Store
from .accounts import require
from .circulation_views import OPEN_HOLD, mistaken_loans
from .library_common import LIBRARIAN, MSG_MEMBER_NOT_FOUND
from .library_members import MemberView, member_category, member_view

log = logging.getLogger(__name__)

#: Who may end a membership and remove the details: an irreversible act, the office admin's.
ERASERS = ("admin",)

MSG_ERASE_OPEN_LOANS = QT_TRANSLATE_NOOP(
    "Errors", "این عضو %Ln کتاب امانت‌گرفته دارد ({titles})؛ نخست کتاب‌ها بازگردانده یا گم‌شده ثبت شوند، "
              "سپس مشخصاتش حذف شود.")
MSG_ERASE_OPEN_HOLDS = QT_TRANSLATE_NOOP(
    "Errors", "این عضو %Ln رزرو باز دارد ({titles})؛ نخست رزروها لغو شوند، سپس مشخصاتش حذف شود.")
MSG_ERASE_MERGED = QT_TRANSLATE_NOOP(
    "Errors", "این پرونده در پرونده دیگری از همین عضو ادغام شده است؛ حذف را روی پرونده نگه‌داشته انجام دهید.")
MSG_ALREADY_ERASED = QT_TRANSLATE_NOOP("Errors", "مشخصات این عضو پیش‌تر حذف شده است.")
MSG_ERASE_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors", "برای این عضو ناسازگاری بازی هست (مثلاً همین کودک در مرکز دیگری هم ثبت شده است)؛ نخست آن را در "
              "صفحه «ناسازگاری‌ها» حل کنید، سپس مشخصاتش حذف شود.")


@dataclass(frozen=True)
class HeldLoan:
    """One loan as the member's record lists it."""

    title: str
    barcode: str
    centre: str
    out_on: date
    due_on: date
    returned_on: date | None
    renewals: int
    #: "open", "returned", "lost", "voided" (one of two loans of a copy made apart) or "mistaken"
    #: (a checkout voided at the desk as made by mistake)
    state: str


@dataclass(frozen=True)
class HeldHold:
    title: str
    pickup_centre: str
    placed_on: date
    status: str


@dataclass(frozen=True)
class MemberRecord:
    """What the desk holds about one member (`member_record`): the details, every loan and hold,
    and the records of the same child merged into this one."""

    member: MemberView
    #: the home centre's name
    centre: str
    loans: list[HeldLoan]
    holds: list[HeldHold]
    #: membership numbers of the records of this child merged into this one (registered twice)
    merged: list[str]
    #: how many times the details were changed (the history lists each value)
    changes: int
    #: the day the member was registered (as the desk that registered them recorded it, in Tehran)
    registered_on: date | None = None


def _tehran_day(at: datetime) -> date:
    """The day an instant fell on in Tehran (the office's day), never its UTC `.date()`."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(TEHRAN).date()


def _centre_names(s: Session) -> dict[str, str]:
    return {code: name for code, name in s.execute(select(Office.code, Office.name))}


def _records_of(s: Session, member_id: str) -> list[Member]:
    """The member and the records merged into it (one child registered at two centres)."""
    merged = list(s.scalars(select(Member).where(Member.merged_into == member_id).order_by(Member.member_no)))
    m = s.get(Member, member_id)
    return ([m] if m is not None else []) + merged


def member_record(store: Store, actor: Actor, member_id: str, *, today: date | None = None) -> MemberRecord:
    """Everything the desk holds about one member, for the guardian who asks: the details, each
    loan (with the records merged into it) and hold, newest first. A librarian's."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.read() as s:
        records = _records_of(s, member_id)
        if not records:
            raise NotFound(MSG_MEMBER_NOT_FOUND)
        m = records[0]
        ids = [r.id for r in records]
        centres = _centre_names(s)
        titles = {tid: t for tid, t in s.execute(select(Title.id, Title.title).where(Title.id.in_(
            select(Loan.title_id).where(Loan.member_id.in_(ids)).union(
                select(Hold.title_id).where(Hold.member_id.in_(ids))))))}
        loans = []
        mistaken = mistaken_loans(s, list(s.scalars(select(Loan.id).where(Loan.member_id.in_(ids),
                                                                          Loan.returned_hlc == VOIDED_HLC))))
        for loan, barcode in s.execute(select(Loan, Copy.barcode).join(Copy, Copy.id == Loan.copy_id, isouter=True)
                                       .where(Loan.member_id.in_(ids)).order_by(Loan.out_hlc.desc())):
            state = ("mistaken" if loan.id in mistaken else "voided" if loan.returned_hlc == VOIDED_HLC
                     else "lost" if loan.lost_hlc is not None else "open" if loan.returned_at is None else "returned")  # (a lost loan is closed)
            loans.append(HeldLoan(titles.get(loan.title_id, ""), barcode or "", centres.get(loan.centre, loan.centre),
                                  loan.out_on, loan.due_on, loan.returned_on, loan.renewals, state))
        holds = [HeldHold(titles.get(h.title_id, ""), centres.get(h.pickup_centre, h.pickup_centre),
                          _tehran_day(h.placed_at), h.status)
                 for h in s.scalars(select(Hold).where(Hold.member_id.in_(ids)).order_by(Hold.placed_hlc.desc()))]
        changes = int(s.scalar(select(func.count()).select_from(Event).where(
            Event.aggregate_id == m.id, Event.type == "member.field_set")) or 0)
        view = member_view(m)
        if view.erased_on is None:  # the category of today (a child grows up), as the desk lends by it
            view = replace(view, category=member_category(m, today))
        return MemberRecord(view, centres.get(m.home_centre, m.home_centre), loans, holds,
                            [r.member_no for r in records[1:]], changes, _tehran_day(m.registered_at))


def erase_member(store: Store, actor: Actor, member_id: str, *, today: date | None = None) -> MemberView:
    """End a membership and remove the member's personal details, at the guardian's request: the
    name reads «عضو حذف‌شده», the national IDs, birth date, phones, guardian's name and photo are
    emptied, on this desk and (by sync) on every other; the loans made stay counted. Refused while a
    book is out or a hold is open (named in the message), for a record merged into another (the one
    kept is erased, with the records merged into it), while a conflict about it is open, and for one
    already erased. The admin's; one
    `member.erased` per record, in the audit trail under the membership number."""
    require(actor, *ERASERS)
    today = today or office_today()
    with store.transaction() as s:
        records = _records_of(s, member_id)
        if not records:
            raise NotFound(MSG_MEMBER_NOT_FOUND)
        m = records[0]
        if m.erased_on is not None:
            raise InvariantError(MSG_ALREADY_ERASED)
        if m.merged_into:
            raise InvariantError(MSG_ERASE_MERGED)
        ids = [r.id for r in records]
        out = list(s.execute(select(Title.title).select_from(Loan).join(Title, Title.id == Loan.title_id, isouter=True)
                             .where(Loan.member_id.in_(ids), Loan.returned_at.is_(None))))
        if out:
            raise InvariantError(MSG_ERASE_OPEN_LOANS, "member", {
                "n": len(out), "titles": "، ".join(f"«{t or '—'}»" for (t,) in out)})
        held = list(s.execute(select(Title.title).select_from(Hold).join(Title, Title.id == Hold.title_id, isouter=True)
                              .where(Hold.member_id.in_(ids), Hold.status.in_(OPEN_HOLD))))
        if held:
            raise InvariantError(MSG_ERASE_OPEN_HOLDS, "member", {
                "n": len(held), "titles": "، ".join(f"«{t or '—'}»" for (t,) in held)})
        # a conflict still open about it (one child registered at two centres): decided first, or
        # the record kept could be the other one, with the details still in it
        if any(set(c.facts.get("involved", [])) & set(ids) for c in s.scalars(
                select(Conflict).where(Conflict.status == "open", Conflict.aggregate_type == "member"))):
            raise InvariantError(MSG_ERASE_CONFLICT, "member")
        photos = {r.photo for r in records if r.photo}
        for r in records:
            if r.erased_on is None:
                payload = {"erased_on": today.isoformat(), "category": member_category(r, today)}
                if r.photo:  # (its SHA-256: each desk that takes this in deletes its copy of the file)
                    payload["photo_gone"] = r.photo
                store.record(s, actor, "member.erased", r.id, payload, subject=r.member_no)
        s.refresh(m)
        view = member_view(m)
    forget_photos(store, photos)
    log.info("member.erased %s (%d record(s)) by %s", view.member_no, len(records), actor.username)
    return view


def forget_photos(store: Store, photos: set[str]) -> None:
    """Delete the files of photos no member's record holds any more (an erased member's: the same
    picture is kept once, by its content). Run by the erasure, and by sync for an erasure pulled."""
    from .secretariat_files import attachment_path

    if not photos:
        return
    with store.read() as s:
        held = set(s.scalars(select(Member.photo).where(Member.photo.in_(photos))))
    for sha in sorted(photos - held):
        try:
            attachment_path(store, sha).unlink(missing_ok=True)
        except OSError:
            log.warning("member.erased: a photo file was not removed (%s…)", sha[:8])
