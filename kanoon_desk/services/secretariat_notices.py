"""Telling the applicant (phone, letter, SMS, in person) with the texts they are told, and their visits."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, ValidationError
from ..eventlog import Actor
from ..models.secretariat import NOTICE_METHODS, VISIT_PURPOSES, Applicant, Case, Visit
from ..persian import normalize_text
from ..store import Store
from .accounts import require
from .numbers import TRACKING_LENGTH, sms_tracking_code
from .secretariat_common import MSG_METHOD, _load, _stamp, _subject
from .secretariat_followups import MSG_NO_CASES

MSG_PURPOSE = QT_TRANSLATE_NOOP("Errors", "هدف مراجعه را برگزینید.")
MSG_NOTHING_DECIDED = QT_TRANSLATE_NOOP(
    "Errors", "هنوز درباره این درخواست تصمیمی گرفته نشده است؛ چیزی برای اعلام به متقاضی نیست.")
MSG_VISITED = QT_TRANSLATE_NOOP(
    "Errors", "مراجعه حضوری امروز این متقاضی برای این درخواست پیش‌تر ثبت شده است؛ هر روز یک بار شمرده می‌شود.")
MSG_NO_MOBILE = QT_TRANSLATE_NOOP(
    "Errors", "برای این متقاضی شماره همراهی ثبت نشده است؛ پیامک فرستادنی نیست. شیوه دیگری برگزینید.")
MSG_TOLD = QT_TRANSLATE_NOOP(
    "Errors", "به متقاضی پرونده {case} پیش‌تر اعلام شده است؛ فهرست را دوباره بخوانید. چیزی ثبت نشد.")
MSG_NO_MOBILE_OF = QT_TRANSLATE_NOOP(
    "Errors", "متقاضی پرونده {case} شماره همراه ندارد؛ نشان آن را بردارید یا نامه را برگزینید. چیزی ثبت نشد.")
MSG_SMS_LONG = QT_TRANSLATE_NOOP(
    "Errors", "متن پیامک {n} نویسه است و بیش از {max} نویسه فرستاده نمی‌شود؛ آن را کوتاه کنید.")

#: How several applicants are told at once (a phone call or a visit is one person at a time).
BULK_METHODS = ("letter", "sms")


def rejection_notice_text(tracking_code: str, reason: str, note: str) -> str:
    return (f"متقاضی گرامی، درخواست شما با کد رهگیری {tracking_code} بررسی شد و به دلیل «{reason}» "
            f"پذیرفته نشد. {note}").strip()


#: An SMS longer than this is cut (with "…"): the server's gateway sends it as a few parts.
SMS_MAX = 480


def _cut(body: str) -> str:
    """`body` as one SMS: cut to SMS_MAX with "…" when longer."""
    return body if len(body) <= SMS_MAX else body[:SMS_MAX - 1] + "…"


def _sms_code(text: str, code: str) -> str:
    """`text` (as stored) with the case's 16-digit code in the SMS's groups (`sms_tracking_code`)
    wherever it stands whole or in groups of four split by spaces or hyphens: storing a text
    turns the groups' no-break spaces into spaces, which a phone shows last group first."""
    if len(code) != TRACKING_LENGTH or not code.isdigit():
        return text
    spelled = r"[ \-\u00a0]?".join(code[i:i + 4] for i in range(0, TRACKING_LENGTH, 4))
    return re.sub(rf"(?<!\d){spelled}(?!\d)", sms_tracking_code(code), text)


def sms_text(case: Mapping[str, Any]) -> str:
    """The SMS an applicant gets when the clerk writes none: the result in one message, with the
    tracking code to ask about it, never longer than SMS_MAX (a rejection's long note is cut like
    an agency's long answer: the printed notice says it all). `case` holds the case's columns (a
    row's fields, or the case view's `CaseDetail.case`)."""
    code = sms_tracking_code(case["tracking_code"])
    if case["status"] == "rejected":
        if not case.get("reject_reason"):  # (closed as rejected before a rejection named its reason:
            # its note was the office's own, not for the applicant)
            return f"متقاضی گرامی، درخواست شما با کد رهگیری {code} بررسی شد و پذیرفته نشد."
        return _cut(rejection_notice_text(code, case["reject_reason"], case.get("reject_note") or ""))
    if case.get("response_text"):
        body = (f"متقاضی گرامی، پاسخ دستگاه اجرایی به درخواست شما با کد رهگیری {code} رسید: "
                f"{case['response_text']}")
    else:
        body = f"متقاضی گرامی، رسیدگی به درخواست شما با کد رهگیری {code} به پایان رسید."
    return _cut(body)


#: The characters of the GSM 7-bit alphabet an ASCII SMS is sent in, those that take two of its
#: septets (the extension table): any other character (every Persian letter) makes it UCS-2.
_GSM_BASIC = frozenset("@$\n\r _!\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_GSM_EXTENDED = frozenset("^{}\\[~]|")


def sms_size(text: str) -> tuple[int, int]:
    """(characters, parts) of an SMS as it is sent: the characters counted as SMS_MAX counts them
    (the text as stored), the parts as a gateway bills them. A Persian SMS is UCS-2: one part
    holds 70 characters, a longer one goes as parts of 67; an SMS all in the GSM alphabet holds
    160 (153 a part), its extension characters counting twice. An empty text is (0, 0)."""
    body = normalize_text(text or "")
    n = len(body)
    if not body:
        return 0, 0
    if all(c in _GSM_BASIC or c in _GSM_EXTENDED for c in body):
        units, single, part = n + sum(c in _GSM_EXTENDED for c in body), 160, 153
    else:
        units, single, part = len(body.encode("utf-16-le")) // 2, 70, 67
    return n, 1 if units <= single else -(-units // part)


def check_sms_text(method: str, text: str) -> None:
    """An SMS the clerk wrote longer than SMS_MAX is refused at the text (every 67 Persian
    characters are one more paid part, and gateways refuse long ones), before anything is sent."""
    n, _ = sms_size(text)
    if method == "sms" and n > SMS_MAX:
        raise ValidationError(MSG_SMS_LONG, "text", {"n": n, "max": SMS_MAX})


_SMS_FIELDS = ("tracking_code", "status", "reject_reason", "reject_note", "response_text")


def _visited_on(s: Session, case_id: str, day: date) -> bool:
    """Whether the applicant's visit about this case that day is counted already (at intake, by a
    notice in person or by the one-click visit): a visit counts once a day."""
    return s.scalar(select(Visit.id).where(Visit.case_id == case_id, Visit.day == day).limit(1)) is not None


def applicant_mobile(s: Session, c: Case) -> str:
    """The applicant's mobile as stored ("09121234567"), or "" when none is known."""
    a = s.get(Applicant, c.applicant_id)
    return a.mobile if a is not None and a.mobile else ""


def notify(store: Store, actor: Actor, case_id: str, *, method: str, text: str = "",
           on: date | None = None) -> None:
    """Tell the applicant (phone, letter, SMS queued for the server, or in person: also a visit).

    An SMS notice carries the applicant's mobile and the message (`sms_text` when the clerk wrote
    none): the sync server queues and sends it (the contract of a `case.notified` event with
    `"method": "sms"`). It is refused at the method when the applicant has no mobile."""
    require(actor, "clerk", "expert")
    if method not in NOTICE_METHODS:
        raise ValidationError(MSG_METHOD, "method")
    check_sms_text(method, text)
    day, at = _stamp(on)
    with store.transaction() as s:
        _record_notice(store, s, actor, _load(s, case_id), method, text, day, at)


def notify_many(store: Store, actor: Actor, case_ids: Sequence[str], *, method: str, text: str = "",
                on: date | None = None) -> list[str]:
    """Tell several applicants at once, by letter or SMS (a work queue's cases: answers not told,
    rejection notices to send); the cases told, in the order given. All of them or none: a case
    told meanwhile (its notice no longer due), or an SMS to an applicant with no mobile, is named
    and nothing is written."""
    require(actor, "clerk", "expert")
    if method not in BULK_METHODS:
        raise ValidationError(MSG_METHOD, "method")
    check_sms_text(method, text)
    ids = list(dict.fromkeys(case_ids))
    if not ids:
        raise ValidationError(MSG_NO_CASES, "case_ids")
    day, at = _stamp(on)
    with store.transaction() as s:
        cases = [_load(s, cid) for cid in ids]
        for c in cases:
            if c.notice != "due":
                raise ValidationError(MSG_TOLD, "case_ids", {"case": _subject(c)})
            if method == "sms" and not applicant_mobile(s, c):
                raise ValidationError(MSG_NO_MOBILE_OF, "case_ids", {"case": _subject(c)})
        for c in cases:
            _record_notice(store, s, actor, c, method, text, day, at)
    return ids


def _record_notice(store: Store, s: Session, actor: Actor, c: Case, method: str, text: str, day: date,
                   at: str) -> None:
    """One `case.notified` event on `c` in the transaction `s`."""
    if c.status == "received":  # nothing decided yet (a rejection is "rejected" and is told)
        raise InvariantError(MSG_NOTHING_DECIDED)
    kind = "rejection" if c.status == "rejected" else "result"
    payload: dict[str, object] = {"method": method, "text": normalize_text(text or ""), "kind": kind,
                                  "day": day.isoformat(), "at": at}
    if method == "in_person" and _visited_on(s, c.id, day):
        payload["visit"] = False  # told during a visit already counted today: not a second one
    if method == "sms":
        mobile = applicant_mobile(s, c)
        if not mobile:
            raise ValidationError(MSG_NO_MOBILE, "method")
        payload["mobile"] = mobile
        payload["text"] = _sms_code(str(payload["text"]), c.tracking_code) or sms_text(
            {k: getattr(c, k) for k in _SMS_FIELDS})
    store.record(s, actor, "case.notified", c.id, payload, subject=_subject(c))


def record_visit(store: Store, actor: Actor, case_id: str, *, purpose: str = "ask",
                 on: date | None = None) -> None:
    """One click: the applicant came in person about this case."""
    require(actor, "clerk", "expert")
    if purpose not in VISIT_PURPOSES:
        raise ValidationError(MSG_PURPOSE, "purpose")
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        if _visited_on(s, case_id, day):
            raise InvariantError(MSG_VISITED)
        store.record(s, actor, "case.visited", case_id, {"purpose": purpose, "day": day.isoformat(),
                                                         "at": at}, subject=_subject(c))


MSG_NO_VISIT = QT_TRANSLATE_NOOP("Errors", "این مراجعه در این پرونده نیست؛ شاید پیش‌تر حذف شده است.")
MSG_VISIT_REASON = QT_TRANSLATE_NOOP("Errors", "بنویسید چرا این مراجعه نادرست ثبت شده بود.")
MSG_VISIT_NOT_CLICKED = QT_TRANSLATE_NOOP(
    "Errors", "مراجعه هنگام دریافت یا اعلام حضوری با همان کار ثبت شده است؛ شیوه دریافت را با «اصلاح…» درست کنید.")


def removable_visits(store: Store, case_id: str) -> list[tuple[str, date, str]]:
    """The visits of a case recorded with «مراجعه حضوری» (not the intake's or a notice's), newest
    first: (id, day, who recorded it)."""
    from ..models import Event, User

    with store.read() as s:
        return [(vid, day, name or "") for vid, day, name in s.execute(
            select(Visit.id, Visit.day, User.full_name).join(Event, Event.id == Visit.id)
            .outerjoin(User, User.id == Event.user_id)
            .where(Visit.case_id == case_id, Event.type == "case.visited")
            .order_by(Visit.day.desc(), Visit.id.desc()))]


def remove_visit(store: Store, actor: Actor, case_id: str, visit_id: str, *, reason: str,
                 on: date | None = None) -> None:
    """A visit recorded by mistake («مراجعه حضوری» on the wrong case, or for someone who did not
    come) taken off, with the reason: `case.visit_removed`; the case's count and the report's
    visits (the service card's goal) drop by one, the timeline keeps both steps. Only a visit of
    that button: the intake's follows its channel (`correct_case`), a notice's is the notice."""
    require(actor, "clerk", "expert", "manager")
    why = normalize_text(reason or "")
    _, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        v = s.get(Visit, visit_id) if visit_id else None
        if v is None or v.case_id != case_id:
            raise NotFound(MSG_NO_VISIT, "visit_id")
        if v.purpose in ("submit", "receive"):
            raise InvariantError(MSG_VISIT_NOT_CLICKED)
        if not why:
            raise ValidationError(MSG_VISIT_REASON, "reason")
        store.record(s, actor, "case.visit_removed", case_id, {
            "visit_id": v.id, "visit_day": v.day.isoformat(), "reason": why[:500], "at": at}, subject=_subject(c))
