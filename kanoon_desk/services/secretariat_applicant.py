"""A request registered on the wrong applicant (a national ID typed wrong matched someone else)
put on the right one, on the record: `case.applicant_changed`, with who, when, from whom to whom
and why; the other person's record, which that intake had overwritten, is given back its values."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, ValidationError, invalid
from ..eventlog import Actor
from ..models import Event
from ..models.secretariat import Applicant, Case
from ..persian import normalize, normalize_mobile, normalize_national_id, normalize_text
from ..store import Store
from .accounts import require
from .secretariat_common import _load, _required, _stamp, _subject
from .secretariat_intake import _APPLICANT_FIELDS, CORRECTORS, _applicant_id

MSG_SAME_APPLICANT = QT_TRANSLATE_NOOP(
    "Errors", "این کد ملی همان متقاضی کنونی پرونده است؛ کد ملی متقاضی درست را بنویسید.")
MSG_APPLICANT_REASON = QT_TRANSLATE_NOOP("Errors", "بنویسید چرا متقاضی نادرست بود؛ در گردش کار می‌ماند.")


def _intake_overwrote(s: Session, c: Case) -> dict[str, Any]:
    """What the case's intake wrote over on the applicant it reused, as {field: value before}: the
    `applicant.set` the same desk recorded just before `case.received` (one transaction), its
    fields' earlier values folded from that applicant's earlier events; {} when it wrote nothing
    (or the applicant was new)."""
    received = s.scalar(select(Event).where(Event.aggregate_id == c.id, Event.type == "case.received").limit(1))
    if received is None:
        return {}
    before = s.scalar(select(Event).where(Event.device_id == received.device_id, Event.hlc < received.hlc)
                      .order_by(Event.hlc.desc(), Event.id.desc()).limit(1))
    if before is None or before.type != "applicant.set" or before.aggregate_id != c.applicant_id:
        return {}
    earlier = list(s.scalars(select(Event).where(Event.aggregate_id == c.applicant_id, Event.type == "applicant.set",
                                                 Event.hlc < before.hlc).order_by(Event.hlc, Event.id)))
    if not earlier:
        return {}  # a new applicant at that intake: nothing to give back
    values: dict[str, Any] = {}
    for e in earlier:
        values.update({k: v for k, v in e.payload.items() if k in _APPLICANT_FIELDS})
    return {k: values.get(k, "") for k in before.payload if k in _APPLICANT_FIELDS and values.get(k, "") != before.payload[k]}


def change_applicant(store: Store, actor: Actor, case_id: str, *, national_id: str, first_name: str,
                     last_name: str, mobile: str = "", address: str = "", reason: str,
                     on: date | None = None) -> str:
    """«تغییر متقاضی…»: the case is put on the applicant of this national ID (found, or added as
    at intake), with the reason; the timeline names the applicant before and after. When the
    intake had reused another person's record and written this applicant's name or mobile over
    theirs, that person's record gets its own values back (an `applicant.set`, unless changed
    since). Notices follow the new applicant's mobile. Returns the new applicant's id."""
    require(actor, *CORRECTORS)
    try:
        nid = normalize_national_id(national_id or "")
    except ValueError as exc:
        raise invalid(exc, "national_id") from None
    first, last = _required(first_name, "first_name"), _required(last_name, "last_name")
    phone = ""
    if normalize(mobile or ""):
        try:
            phone = normalize_mobile(mobile)
        except ValueError as exc:
            raise invalid(exc, "mobile") from None
    why = normalize_text(reason or "").strip()
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        if nid == c.national_id:
            raise ValidationError(MSG_SAME_APPLICANT, "national_id")
        if not why:
            raise ValidationError(MSG_APPLICANT_REASON, "reason")
        old = s.get(Applicant, c.applicant_id)
        give_back = _intake_overwrote(s, c)
        if old is not None and give_back:
            wrote = {k: getattr(old, k) for k in give_back}
            # (only what still reads as that intake wrote it: a change made since stands)
            intake_values = _intake_values(s, c)
            restore = {k: v for k, v in give_back.items() if wrote[k] == intake_values.get(k)}
            if restore:
                store.record(s, actor, "applicant.set", old.id, restore, subject=old.national_id)
        aid = _applicant_id(store, s, actor, {"national_id": nid, "first_name": first, "last_name": last,
                                              "mobile": phone, "address": normalize_text(address or "")})
        store.record(s, actor, "case.applicant_changed", c.id, {
            "from": {"applicant_id": c.applicant_id, "applicant_name": c.applicant_name, "national_id": c.national_id},
            "to": {"applicant_id": aid, "applicant_name": f"{first} {last}", "national_id": nid},
            "reason": why[:500], "day": day.isoformat(), "at": at}, subject=_subject(c))
        return aid


def _intake_values(s: Session, c: Case) -> dict[str, Any]:
    received = s.scalar(select(Event).where(Event.aggregate_id == c.id, Event.type == "case.received").limit(1))
    if received is None:
        return {}
    before = s.scalar(select(Event).where(Event.device_id == received.device_id, Event.hlc < received.hlc)
                      .order_by(Event.hlc.desc(), Event.id.desc()).limit(1))
    return dict(before.payload) if before is not None and before.type == "applicant.set" else {}
