"""What each resolution records: per conflict kind, the domain events that carry out a person's
choice (`conflicts.resolve` records them with `conflict.resolved`, each naming the conflict), or a
refusal when the choice does not fit or this desk lacks the facts it needs.

Part of the conflict inbox (`conflicts`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import Conflict, Event, User, office_today, utcnow
from ..models.library import Copy, Hold, Loan, Member
from ..models.secretariat import Case, Forward
from ..store import Store
from . import numbers
from .conflict_kinds import (
    MSG_ALREADY_MERGED,
    MSG_BOTH_LOANS_OPEN,
    MSG_FORWARD_NOT_OPEN,
    MSG_LOAN_CLOSED,
    MSG_MISSING,
    MSG_NO_INTO,
    MSG_NOT_CLOSED,
    MSG_STILL_SAME_ID,
    REOPEN_REASON,
)
from .library_common import _new_code as new_library_code  # the desk's own barcode / member-number allocator

#: An event a resolution records: (type, aggregate id, payload, audit subject).
Planned = tuple[str, str, dict[str, Any], str]

Plan = Callable[[Store, Session, Conflict, str], list[Planned]]


def _nothing(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    return []


def _pair(c: Conflict, resolution: str) -> tuple[str, str]:
    """(kept, changed): the involved ids of the two facts, the one the person found right first."""
    involved = list(c.facts.get("involved", []))
    if len(involved) != 2:
        raise ValidationError(MSG_MISSING, "resolution")
    first, second = involved
    return (first, second) if resolution == "keep_first" else (second, first)


def _event(s: Session, event_id: str) -> Event:
    ev = s.get(Event, event_id)
    if ev is None:
        raise ValidationError(MSG_MISSING, "resolution")
    return ev


def _today() -> date:
    return office_today()


def _double_loan(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    loans = [s.get(Loan, loan_id) for loan_id in c.facts.get("involved", [])]
    if len(loans) != 2 or any(loan is None for loan in loans):
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "fixed_manually":
        if all(loan is not None and loan.returned_at is None for loan in loans):
            raise ValidationError(MSG_BOTH_LOANS_OPEN, "resolution")
        return []
    _kept, wrong_id = _pair(c, resolution)
    wrong = s.get(Loan, wrong_id)
    assert wrong is not None
    if wrong.returned_at is not None:
        raise ValidationError(MSG_LOAN_CLOSED, "resolution")
    copy = s.get(Copy, wrong.copy_id)
    return [("loan.voided", wrong.id, {"day": _today().isoformat()}, copy.barcode if copy else wrong.id)]


def _return_on_closed(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    loan = s.get(Loan, c.aggregate_id)
    copy = s.get(Copy, loan.copy_id) if loan is not None else None
    if loan is None or copy is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "first_return_stands":
        return []
    centre = str(c.facts.get("summary", {}).get("second_centre") or "")
    if not centre:
        raise ValidationError(MSG_MISSING, "resolution")
    return [("copy.received", copy.id, {"centre": centre}, copy.barcode)]


def _retired_on_loan(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """Keep the withdrawal (or the loss: the loan is then closed as lost with its member), or take
    it back (`copy.reinstated`; a loss that came from another loan closed as lost: the copy is
    received where this loan was made)."""
    summary = c.facts.get("summary", {})
    copy, loan = s.get(Copy, summary.get("copy_id", "")), s.get(Loan, summary.get("loan_id", ""))
    if copy is None or loan is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "keep_retired":
        if copy.status == "lost" and loan.returned_at is None:
            return [("loan.lost", loan.id, {"copy_id": copy.id, "day": _today().isoformat(), "centre": loan.centre,
                                            "note": ""}, copy.barcode)]
        return []
    if copy.withdrawn or copy.lost_hlc is not None:
        return [("copy.reinstated", copy.id, {}, copy.barcode)]
    if copy.status == "lost":
        return [("copy.received", copy.id, {"centre": loan.centre, "found": True}, copy.barcode)]
    return []


def _retired_while_received(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """The copy stays in circulation where it arrived (the withdrawal not in force: nothing to
    record), or is withdrawn now, knowing of its arrival (`seen_received`), and a hold it was set
    aside or sent for waits again in the queue (`hold.requeued`)."""
    copy = s.get(Copy, c.facts.get("summary", {}).get("copy_id", ""))
    if copy is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "reinstate" or copy.withdrawn:
        return []
    planned: list[Planned] = [("copy.withdrawn", copy.id, {"reason": "", "seen_received": copy.received_hlc or 0},
                               copy.barcode)]
    for hold_id in s.scalars(select(Hold.id).where(Hold.copy_id == copy.id, Hold.status.in_(("ready", "in_transit")))
                             .order_by(Hold.id)):
        planned.append(("hold.requeued", hold_id, {"copy_id": copy.id}, copy.barcode))
    return planned


def _retired_while_moved(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """The loss or withdrawal stands (nothing to record: it is in force), or is taken back
    (`copy.reinstated`) and the copy packed where it stood for its new centre (`copy.received`
    there, `moved`), as `library_common.pack_to_move` would have."""
    summary = c.facts.get("summary", {})
    copy = s.get(Copy, summary.get("copy_id", ""))
    centre = str(summary.get("centre") or "")
    if copy is None or not centre:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "keep_retired" or not (copy.withdrawn or copy.lost_hlc is not None):
        return []
    return [("copy.reinstated", copy.id, {}, copy.barcode),
            ("copy.received", copy.id, {"centre": centre, "moved": True, "knew_withdrawn": True}, copy.barcode)]


def _forwarded_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    case = s.get(Case, c.aggregate_id)
    forwards = [s.get(Forward, fid) for fid in c.facts.get("involved", [])]
    if case is None or len(forwards) != 2 or any(f is None for f in forwards):
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "keep_both":
        return []
    _kept, wrong_id = _pair(c, resolution)
    wrong = s.get(Forward, wrong_id)
    assert wrong is not None
    if wrong.status != "open":
        raise ValidationError(MSG_FORWARD_NOT_OPEN, "resolution")
    return [("case.forward_withdrawn", case.id, {"forward_id": wrong.id, "day": _today().isoformat()},
             case.registration_no or case.tracking_code)]


def _acted_after_close(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    case = s.get(Case, c.aggregate_id)
    if case is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "keep_closed":
        return []
    if case.status not in ("closed", "rejected"):
        raise ValidationError(MSG_NOT_CLOSED, "resolution")
    now = utcnow()
    return [("case.reopened", case.id, {"reason": REOPEN_REASON, "day": _today().isoformat(),
                                        "at": now.isoformat()}, case.registration_no or case.tracking_code)]


def _unused(s: Session, column: Any, make: Callable[[], str]) -> str:
    """A new number from this desk's allocator that no row here holds yet (a desk that once shared
    a device number may meet its own numbers again)."""
    while True:
        value = make()
        if s.scalar(select(func.count()).where(column == value)) == 0:
            return value


def _case_number_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    _kept, other = _pair(c, resolution)
    case_ids = [_event(s, eid).aggregate_id for eid in c.facts["involved"]]
    if any(s.get(Case, cid) is None for cid in case_ids):
        raise ValidationError(MSG_MISSING, "resolution")
    case = s.get(Case, _event(s, other).aggregate_id)
    assert case is not None
    day = _today()
    number = _unused(s, Case.registration_no, lambda: numbers.allocate_number(store, s, "case", day))
    return [("case.renumbered", case.id, {"registration_no": number, "previous": case.registration_no or ""},
             number)]


def _letter_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """One new letter number for the letter not kept: one `case.letter_renumbered` per record of
    it (an agency's batch follow-up is one letter on several cases)."""
    from ..projections.secretariat.letters import letters_of

    _kept, other = _pair(c, resolution)
    old = str(c.facts.get("summary", {}).get("letter_no") or "")
    letter = next((each for each in letters_of(s, old) if each[0].id == other), None) if old else None
    if letter is None:
        raise ValidationError(MSG_MISSING, "resolution")
    day = _today()
    while True:
        number = numbers.allocate_number(store, s, "letter", day)
        if not letters_of(s, number):
            break
    return [("case.letter_renumbered", r.aggregate_id, {"record_id": r.id, "letter_no": number, "previous": old},
             number) for r in letter]


def _copy_of(s: Session, involved: str) -> Copy | None:
    """The copy a `copy.barcode_twice` names: by its id (two copies added with one barcode), or by
    the event that gave it the barcode (a copy relabelled to one another copy has)."""
    copy = s.get(Copy, involved)
    if copy is None:
        ev = s.get(Event, involved)
        copy = s.get(Copy, ev.aggregate_id) if ev is not None else None
    return copy


def _barcode_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    if any(_copy_of(s, cid) is None for cid in c.facts.get("involved", [])):
        raise ValidationError(MSG_MISSING, "resolution")
    _kept, other = _pair(c, resolution)
    copy = _copy_of(s, other)
    assert copy is not None
    barcode = _unused(s, Copy.barcode, lambda: new_library_code(store, s, "copy_barcode", 7))
    return [("copy.relabelled", copy.id, {"barcode": barcode, "previous": copy.barcode}, barcode)]


def _members(s: Session, c: Conflict) -> list[Member]:
    found = [s.get(Member, mid) for mid in c.facts.get("involved", [])]
    if len(found) != 2 or any(m is None for m in found):
        raise ValidationError(MSG_MISSING, "resolution")
    return [m for m in found if m is not None]


def _member_number_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    _members(s, c)
    _kept, other = _pair(c, resolution)
    member = s.get(Member, other)
    assert member is not None
    number = _unused(s, Member.member_no, lambda: new_library_code(store, s, "member_no", 6))
    return [("member.renumbered", member.id, {"member_no": number, "previous": member.member_no}, number)]


def _registered_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    first, second = _members(s, c)
    if resolution == "fixed_manually":
        if first.national_id and first.national_id == second.national_id:
            raise ValidationError(MSG_STILL_SAME_ID, "resolution")
        return []
    if first.merged_into or second.merged_into:
        raise ValidationError(MSG_ALREADY_MERGED, "resolution")
    kept, gone = _pair(c, resolution)
    member = s.get(Member, gone)
    assert member is not None
    plan: list[Planned] = [("member.merged", gone, {"into": kept}, member.member_no)]
    # its open loans count for the member kept (limits, overdue lists); closed ones stay its history
    for loan in s.scalars(select(Loan).where(Loan.member_id == gone, Loan.returned_at.is_(None))
                          .order_by(Loan.out_hlc, Loan.id)):
        plan.append(("loan.member_moved", loan.id, {"member_id": kept, "from_member_id": gone}, member.member_no))
    return plan


def _username_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    users = [s.get(User, uid) for uid in c.facts.get("involved", [])]
    if len(users) != 2 or any(u is None for u in users):
        raise ValidationError(MSG_MISSING, "resolution")
    _kept, other = _pair(c, resolution)
    user = s.get(User, other)
    assert user is not None
    name = free_username(s, user.username)
    return [("user.renamed", user.id, {"username": name, "previous": user.username}, name)]


def _renamed_apart(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """The full name the admin found right, written again over the one in force (nothing when it is)."""
    kept, _other = _pair(c, resolution)
    name = _event(s, kept).payload.get("full_name")
    user = s.get(User, c.aggregate_id)
    if user is None or not isinstance(name, str):
        raise ValidationError(MSG_MISSING, "resolution")
    if name == user.full_name:
        return []
    return [("user.updated", user.id, {"full_name": name, "full_name_was": user.full_name}, user.username)]


def _loan_after_erasure(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """The loan stays open until the book comes back, or is closed now as lost with the member."""
    loan = s.get(Loan, c.facts.get("summary", {}).get("loan_id", ""))
    if loan is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "await_return" or loan.returned_at is not None:
        return []
    copy = s.get(Copy, loan.copy_id)
    return [("loan.lost", loan.id, {"copy_id": loan.copy_id, "day": _today().isoformat(), "centre": loan.centre,
                                    "note": ""}, copy.barcode if copy else loan.id)]


def _hold_after_erasure(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """The hold cancelled (nothing when it ended meanwhile)."""
    hold = s.get(Hold, c.facts.get("summary", {}).get("hold_id", ""))
    if hold is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if hold.status not in ("waiting", "in_transit", "ready"):
        return []
    member = s.get(Member, hold.member_id)
    return [("hold.cancelled", hold.id, {"was": {"status": hold.status, "copy_id": hold.copy_id or ""}},
             member.member_no if member else hold.id)]


def _member_at_closed_centre(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """The member moved to the centre the closed one went into (`centre.closed`'s `into`), as the
    close moved the members it knew; nothing when they are at another centre already."""
    from ..models import Office

    member = s.get(Member, c.facts.get("summary", {}).get("member_id", ""))
    if member is None:
        raise ValidationError(MSG_MISSING, "resolution")
    closed = s.get(Office, member.home_centre)
    if closed is None or closed.closed_on is None:
        return []
    if not closed.closed_into:
        raise ValidationError(MSG_NO_INTO, "resolution")
    return [("member.field_set", member.id, {"home_centre": closed.closed_into}, member.member_no)]


def free_username(s: Session, username: str) -> str:
    """The name an account made twice takes when the other keeps it: the same name with the first
    free number, `ali.2`, `ali.3`…"""
    base = username[:60]
    n = 2
    while s.scalar(select(func.count()).select_from(User).where(User.username == f"{base}.{n}")):
        n += 1
    return f"{base}.{n}"


_PLANS: dict[str, Plan] = {
    "copy.double_loan": _double_loan,
    "loan.return_on_closed": _return_on_closed,
    "copy.retired_on_loan": _retired_on_loan,
    "copy.retired_while_received": _retired_while_received,
    "copy.retired_while_moved": _retired_while_moved,
    "case.forwarded_twice": _forwarded_twice,
    "case.acted_after_close": _acted_after_close,
    "case.number_twice": _case_number_twice,
    "case.letter_twice": _letter_twice,
    "copy.barcode_twice": _barcode_twice,
    "member.number_twice": _member_number_twice,
    "member.registered_twice": _registered_twice,
    "username.duplicate": _username_twice,
    "user.renamed_apart": _renamed_apart,
    "loan.after_erasure": _loan_after_erasure,
    "hold.after_erasure": _hold_after_erasure,
    "hold.at_closed_centre": _hold_after_erasure,  # (the same: the hold cancelled, if still open)
    "member.at_closed_centre": _member_at_closed_centre,
}
