"""Undoing an expert's mistaken acceptance of a request, on the record: back to the review queue
before the manager acts on it (`case.review_undone`, with who, when and why)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, ValidationError
from ..eventlog import Actor
from ..models.secretariat import Case, Forward, Referral
from ..persian import normalize_text
from ..store import Store
from .accounts import require
from .secretariat_common import _load, _stamp, _subject

MSG_UNDO_ACCEPT_STATE = QT_TRANSLATE_NOOP(
    "Errors", "تنها درخواستی که پذیرفته شده و هنوز به دستگاه فرستاده نشده است به صف بررسی برمی‌گردد.")
MSG_UNDO_ACCEPT_ACTED = QT_TRANSLATE_NOOP(
    "Errors", "مدیر یا کارشناس دیگری روی این پرونده کار کرده است (ارجاع یا ارسال)؛ پذیرش دیگر لغو نمی‌شود. "
              "اگر درخواست پذیرفتنی نیست، آن را رد یا مختومه کنید.")
MSG_UNDO_ACCEPT_REASON = QT_TRANSLATE_NOOP("Errors", "بنویسید چرا پذیرش اشتباه بود؛ در گردش کار می‌ماند.")

#: The statuses of an accepted case no one has acted on beyond the secretariat.
UNDOABLE = ("accepted", "registered", "referred")


def acted_on(s: Session, case_id: str) -> bool:
    """Someone acted on the case after its acceptance: a forward (any), or a referral its receiver
    passed on (an item acted on)."""
    if s.scalar(select(Forward.id).where(Forward.case_id == case_id).limit(1)) is not None:
        return True
    return s.scalar(select(Referral.id).where(Referral.case_id == case_id, Referral.kind == "action",
                                              Referral.status == "acted").limit(1)) is not None


def may_undo_accept(store: Store, case_id: str) -> bool:
    """Whether «بازگرداندن به صف بررسی…» applies to the case now (the case view offers it)."""
    with store.read() as s:
        c = s.get(Case, case_id)
        return c is not None and c.status in UNDOABLE and not acted_on(s, case_id)


def undo_accept(store: Store, actor: Actor, case_id: str, *, reason: str, on: date | None = None) -> None:
    """«بازگرداندن به صف بررسی…»: a request accepted by mistake goes back to the review queue
    (`case.review_undone`), before the manager acts on it: an item waiting in a cartable for it is
    taken back. A registration number it was given stays the case's (numbers are never issued
    twice): accepted again, it is registered under it; rejected, the number is on the rejected case.
    An expert's (or a manager's) step, with the reason."""
    require(actor, "expert", "manager")
    why = normalize_text(reason or "").strip()
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        if c.status not in UNDOABLE:
            raise InvariantError(MSG_UNDO_ACCEPT_STATE)
        if acted_on(s, c.id):
            raise InvariantError(MSG_UNDO_ACCEPT_ACTED)
        if not why:
            raise ValidationError(MSG_UNDO_ACCEPT_REASON, "reason")
        store.record(s, actor, "case.review_undone", c.id, {
            "reason": why[:500], "registration_no": c.registration_no or "", "status_was": c.status,
            "holder_was": c.holder_user_id or "", "day": day.isoformat(), "at": at}, subject=_subject(c))
