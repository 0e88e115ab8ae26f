"""A user's cartable: the referrals and CCs waiting on them, and the referrals they sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, collate, false, func, select
from sqlalchemy.orm import aliased

from ..eventlog import Actor
from ..models import User
from ..models.secretariat import Case, CaseKey, Referral
from ..persian import search_key
from ..persian_script import COLLATION
from ..store import Store
from .accounts import require
from .secretariat_search import open_conflicts


@dataclass(frozen=True)
class CartableItem:
    item_id: str
    case_id: str
    kind: str  # action | cc
    tracking_code: str
    registration_no: str | None
    subject: str
    applicant_name: str
    from_user_name: str
    instruction: str
    sent_at: datetime
    read: bool
    status: str
    #: the kinds of the open sync conflicts about the case, space-separated (`open_conflicts`)
    conflicts: str | None = None
    #: the case's own status ("referred", "forwarded"...): whether it may be forwarded from here
    case_status: str | None = None

    @property
    def conflict_kinds(self) -> tuple[str, ...]:
        """The kinds of the open conflicts about the case (`conflicts.KIND_TITLES` names them)."""
        return tuple(sorted(self.conflicts.split())) if self.conflicts else ()

    def dwell(self, now: datetime) -> timedelta:
        """How long the item has sat in the cartable (رسوب)."""
        return now - self.sent_at


#: What the cartable can be ordered by (each of its list's columns): the sender by name.
CARTABLE_SORTS: dict[str, Any] = {
    "sent": Referral.sent_at, "subject": collate(Case.subject, COLLATION), "tracking": Case.tracking_code,
    "registration": Case.registration_no, "applicant": collate(Case.applicant_name, COLLATION),
    "instruction": collate(Referral.instruction, COLLATION),
    "from": collate(select(User.full_name).where(User.id == Referral.from_user_id).scalar_subquery(), COLLATION),
}


def _cartable_select(actor: Actor, *, include_cc: bool, unread_only: bool, words: str) -> Select[*tuple[Any, ...]]:
    sender = aliased(User)
    stmt = (select(Referral.id, Referral.case_id, Referral.kind, Case.tracking_code, Case.registration_no,
                   Case.subject, Case.applicant_name, sender.full_name, Referral.instruction,
                   Referral.sent_at, Referral.read, Referral.status, open_conflicts(Case.id), Case.status)
            .select_from(Referral).join(Case, Case.id == Referral.case_id)
            .outerjoin(sender, sender.id == Referral.from_user_id)
            .where(Referral.to_user_id == actor.user_id, Referral.status == "open"))
    if not include_cc:
        stmt = stmt.where(Referral.kind == "action")
    if unread_only:
        stmt = stmt.where(Referral.read.is_(False))
    key = search_key(words or "")
    if key:
        # both sides keyed alike (`search_key`: a half-space is a space, Arabic letters, digits, the
        # marks a subject keeps («لطفاً») and the letters typed for one another («تأخیر», «تاخیر»)
        # folded; the subject's key is kept by the fold, `CaseKey`: folding each
        # item's subject here, in SQL, cost ~1 s a look-up in a cartable of 100,000); a code typed
        # in groups matches, and so does the registration number the list shows, whole or its tail
        subject = CaseKey.subject_key
        stmt = stmt.join(CaseKey, CaseKey.case_id == Case.id)
        code = key.replace(" ", "")
        stmt = stmt.where(subject.contains(key, autoescape=True)
                          | (Case.tracking_code.contains(code, autoescape=True) if code else false())
                          | (func.lower(Case.registration_no).contains(code, autoescape=True) if code else false()))
    return stmt


def cartable(store: Store, actor: Actor, *, offset: int = 0, limit: int = 100, sort: str = "sent",
             descending: bool = False, include_cc: bool = True, unread_only: bool = False,
             words: str = "") -> list[CartableItem]:
    """The user's own cartable: open items sent to them, oldest first (longest dwell on top). A
    clerk's holds only CCs (a referral to act on goes to an expert or a manager)."""
    require(actor, "clerk", "expert", "manager", "admin")
    col = CARTABLE_SORTS.get(sort, Referral.sent_at)
    order = [col.desc() if descending else col.asc(), Referral.id]
    stmt = _cartable_select(actor, include_cc=include_cc, unread_only=unread_only, words=words)
    with store.read() as s:
        return [CartableItem(*r) for r in s.execute(stmt.order_by(*order).offset(offset).limit(limit))]


def cartable_count(store: Store, actor: Actor, *, include_cc: bool = True, unread_only: bool = False,
                   words: str = "") -> int:
    require(actor, "clerk", "expert", "manager", "admin")
    if search_key(words or ""):
        stmt = _cartable_select(actor, include_cc=include_cc, unread_only=unread_only, words=words)
        with store.read() as s:
            return int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    count = select(func.count()).select_from(Referral).where(  # no join: the index answers alone
        Referral.to_user_id == actor.user_id, Referral.status == "open")
    if not include_cc:
        count = count.where(Referral.kind == "action")
    if unread_only:
        count = count.where(Referral.read.is_(False))
    with store.read() as s:
        return int(s.scalar(count) or 0)


def sent_items(store: Store, actor: Actor, *, limit: int = 100) -> list[CartableItem]:
    """Referrals this user sent that are still open (recallable)."""
    require(actor, "expert", "manager", "admin")
    receiver = aliased(User)
    stmt = (select(Referral.id, Referral.case_id, Referral.kind, Case.tracking_code, Case.registration_no,
                   Case.subject, Case.applicant_name, receiver.full_name, Referral.instruction,
                   Referral.sent_at, Referral.read, Referral.status, open_conflicts(Case.id), Case.status)
            .select_from(Referral).join(Case, Case.id == Referral.case_id)
            .outerjoin(receiver, receiver.id == Referral.to_user_id)
            .where(Referral.from_user_id == actor.user_id, Referral.status == "open",
                   Referral.kind == "action").order_by(Referral.sent_at.desc()).limit(limit))
    with store.read() as s:
        return [CartableItem(*tuple(r)) for r in s.execute(stmt)]
