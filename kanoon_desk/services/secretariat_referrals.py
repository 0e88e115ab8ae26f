"""Referrals: a case sent to a cartable with an instruction and CCs, sent back, recalled, read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, PermissionDenied, ValidationError
from ..eventlog import Actor
from ..models import Event, User
from ..models.secretariat import Referral
from ..persian import normalize_text
from ..store import Store
from .accounts import _require_acting_admin, require
from .secretariat_common import MSG_NOT_HOLDER, _check_holder, _load, _need, _stamp, _subject

MSG_NO_USER = QT_TRANSLATE_NOOP("Errors", "گیرنده ارجاع پیدا نشد یا فعال نیست.")
MSG_RECEIVER_ROLE = QT_TRANSLATE_NOOP(
    "Errors", "ارجاع فقط به کارشناس یا مدیر دبیرخانه می‌رود؛ این کاربر چنین نقشی ندارد.")
MSG_CC_ROLE = QT_TRANSLATE_NOOP(
    "Errors", "رونوشت فقط به کاربران دبیرخانه (کارمند دبیرخانه، کارشناس، مدیر) می‌رود؛ یکی از برگزیده‌ها چنین نقشی ندارد.")
MSG_NO_ITEM = QT_TRANSLATE_NOOP("Errors", "این ارجاع پیدا نشد.")
MSG_RECALL_ACTED = QT_TRANSLATE_NOOP("Errors", "این ارجاع پیش‌تر رسیدگی شده و پس‌گرفتنی نیست.")
MSG_RECALL_OWNER = QT_TRANSLATE_NOOP("Errors", "فقط فرستنده ارجاع می‌تواند آن را پس بگیرد.")
MSG_SELF = QT_TRANSLATE_NOOP("Errors", "نمی‌توانید درخواست را به خودتان ارجاع دهید.")
MSG_HAND_OVER_SAME = QT_TRANSLATE_NOOP("Errors", "کارتابل را به همان کاربر نمی‌توان سپرد؛ کاربر دیگری برگزینید.")
MSG_HAND_OVER_EMPTY = QT_TRANSLATE_NOOP("Errors", "در کارتابل این کاربر درخواست بازی نیست که سپرده شود.")

#: Who may receive a referral to act on (it opens in their cartable), and who a CC (رونوشت).
REFERRAL_ROLES = ("expert", "manager")
CC_ROLES = ("clerk", "expert", "manager")


def _active_user(s: Session, user_id: str, field_name: str) -> User:
    u = s.get(User, user_id)
    if u is None or not u.active:
        raise ValidationError(MSG_NO_USER, field_name)
    return u


def _receiver(s: Session, user_id: str, field_name: str, roles: Sequence[str], message: str) -> User:
    """An active user with one of the secretariat's `roles` (a librarian's cartable cannot open a
    case), or a ValidationError at the field."""
    u = _active_user(s, user_id, field_name)
    if not u.role_set & set(roles):
        raise ValidationError(message, field_name)
    return u


def _open_item(s: Session, case_id: str) -> Referral | None:
    return s.scalar(select(Referral).where(Referral.case_id == case_id, Referral.kind == "action",
                                           Referral.status == "open").limit(1))


def refer(store: Store, actor: Actor, case_id: str, to_user_id: str, *, instruction: str = "",
          cc: Sequence[str] = (), on: date | None = None) -> str:
    """Send a case to a user's cartable with an instruction (پاراف) and CCs; returns the item id."""
    require(actor, "expert", "manager")
    if to_user_id == actor.user_id:
        raise ValidationError(MSG_SELF, "to_user_id")
    _, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        _need(c, "registered", "referred", "answered")
        _check_holder(actor, c)
        _receiver(s, to_user_id, "to_user_id", REFERRAL_ROLES, MSG_RECEIVER_ROLE)
        ccs = sorted({u for u in cc if u != to_user_id})
        for u in ccs:
            _receiver(s, u, "cc", CC_ROLES, MSG_CC_ROLE)
        ev = store.record(s, actor, "case.referred", case_id, {
            "to_user_id": to_user_id, "instruction": normalize_text(instruction or ""), "cc": ccs,
            "from_status": c.status, "at": at}, subject=_subject(c))
        return ev.id


def refer_back(store: Store, actor: Actor, case_id: str, *, instruction: str = "",
               to_user_id: str | None = None, on: date | None = None) -> str:
    """The manager sends the case back to the expert who referred it (or another one)."""
    require(actor, "manager")
    with store.read() as s:
        item = _open_item(s, case_id)
        if item is None or item.to_user_id != actor.user_id:
            raise PermissionDenied(MSG_NOT_HOLDER)
        back_to = to_user_id or item.from_user_id
    return refer(store, actor, case_id, back_to, instruction=instruction, on=on)


def recall(store: Store, actor: Actor, item_id: str) -> None:
    """The sender takes a referral back, as long as the receiver has not acted on it."""
    require(actor, "expert", "manager")
    _, at = _stamp(None)
    with store.transaction() as s:
        item = s.get(Referral, item_id)
        if item is None or item.kind != "action":
            raise NotFound(MSG_NO_ITEM, "item_id")
        if item.from_user_id != actor.user_id:
            raise PermissionDenied(MSG_RECALL_OWNER)
        if item.status != "open":
            raise InvariantError(MSG_RECALL_ACTED)
        c = _load(s, item.case_id)
        payload: dict[str, object] = {"referral_id": item.id, "at": at}
        sent = s.get(Event, item.referral_id)
        if sent is not None and sent.payload.get("from_status") in ("answered", "referred"):
            # the agency's answer stays (not back to «registered»); a case the sender had by a
            # referral goes back to their cartable
            payload["back_to"] = sent.payload["from_status"]
        store.record(s, actor, "case.referral_recalled", item.case_id, payload, subject=_subject(c))


def mark_read(store: Store, actor: Actor, item_id: str) -> None:
    """Opening a cartable item marks it read (once); a CC (رونوشت) read leaves the open cartable."""
    _, at = _stamp(None)
    with store.transaction() as s:
        item = s.get(Referral, item_id)
        if item is None:
            raise NotFound(MSG_NO_ITEM, "item_id")
        if item.to_user_id != actor.user_id or item.read:
            return
        store.record(s, actor, "case.referral_read", item.case_id, {"item_id": item_id, "at": at})


def _open_items_of(s: Session, user_id: str) -> list[Referral]:
    return list(s.scalars(select(Referral).where(Referral.to_user_id == user_id, Referral.kind == "action",
                                                  Referral.status == "open").order_by(Referral.sent_at, Referral.id)))


def open_items_count(store: Store, actor: Actor, user_id: str) -> int:
    """How many cases wait in `user_id`'s cartable for them to act on (their CCs aside)."""
    require(actor, "admin")
    with store.read() as s:
        return len(_open_items_of(s, user_id))


def hand_over(store: Store, actor: Actor, from_user_id: str, to_user_id: str, *, on: date | None = None) -> int:
    """The admin hands the cases waiting in one user's cartable (a manager who left, or whose role
    went to another) to an active expert or manager: each is referred to them with its instruction
    and its sender (who may still recall it, and to whom it is sent back), as one more step of its
    timeline, by the admin. Only the holder (or an admin) acts on a referred case: without
    this they stayed where nobody could act on them. Returns how many were handed over."""
    require(actor, "admin")
    if to_user_id == from_user_id:
        raise ValidationError(MSG_HAND_OVER_SAME, "to_user_id")
    _, at = _stamp(on)
    with store.transaction() as s:
        _require_acting_admin(s, actor)
        _receiver(s, to_user_id, "to_user_id", REFERRAL_ROLES, MSG_RECEIVER_ROLE)
        items = _open_items_of(s, from_user_id)
        if not items:
            raise ValidationError(MSG_HAND_OVER_EMPTY, "to_user_id")
        for item in items:
            c = _load(s, item.case_id)
            store.record(s, actor, "case.referred", c.id, {
                "to_user_id": to_user_id, "instruction": item.instruction, "cc": [], "from_status": c.status,
                "at": at, "handed_over_from": from_user_id, "from_user_id": item.from_user_id}, subject=_subject(c))
        return len(items)
