"""An agency's answer recorded on the wrong case moved to the right one, on the record: the wrong
case waits for its own answer again (`case.answer_moved`, with who, when, where to and why), the
right one is answered with the same text, day and scanned letter (`case.answered`, `moved_from`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, ValidationError
from ..eventlog import Actor
from ..models import Event
from ..models.secretariat import Attachment, Case
from ..persian import normalize, normalize_text
from ..store import Store
from .accounts import require
from .secretariat_common import _attach, _load, _stamp, _subject
from .secretariat_files import StoredFile

MSG_MOVE_NOT_ANSWERED = QT_TRANSLATE_NOOP(
    "Errors", "این پرونده پاسخی ندارد که جابه‌جا شود، یا پس از پاسخ کار دیگری (اعلام، بستن) روی آن انجام شده است.")
MSG_MOVE_TARGET = QT_TRANSLATE_NOOP("Errors", "پرونده‌ای با این کد رهگیری یا شماره ثبت پیدا نشد.")
MSG_MOVE_TARGET_STATE = QT_TRANSLATE_NOOP(
    "Errors", "پاسخ تنها به پرونده‌ای می‌رود که به دستگاه فرستاده شده و چشم‌به‌راه پاسخ است.")
MSG_MOVE_SAME = QT_TRANSLATE_NOOP("Errors", "این همان پرونده است؛ کد رهگیری پرونده درست را بنویسید.")
MSG_MOVE_REASON = QT_TRANSLATE_NOOP("Errors", "بنویسید چرا پاسخ روی این پرونده نادرست بود؛ در گردش کار می‌ماند.")
#: Steps after an answer that make it the case's for good (the applicant told, the case closed).
_AFTER_ANSWER = ("case.notified", "case.closed", "case.referred", "case.forwarded")


def find_case(store: Store, code: str) -> Case | None:
    """The case of a tracking code or a registration number, as typed."""
    key = normalize(code or "").replace(" ", "")
    with store.read() as s:
        found = s.scalar(select(Case).where((Case.tracking_code == key) | (Case.registration_no == key)).limit(1))
        if found is not None:
            s.expunge(found)
        return found


def move_answer(store: Store, actor: Actor, case_id: str, *, to_code: str, reason: str,
                on: date | None = None) -> str:
    """«جابه‌جایی پاسخ…»: the agency's answer recorded on this case belongs to the case of `to_code`
    (its tracking code or registration number), which waits for an answer from its agency. This
    case waits for its own answer again (its letter open, the agency's clock running on from where
    it stopped); the other is answered with the same text, day and scanned letter. Refused once the
    applicant was told or the case closed after the answer. Returns the case the answer went to."""
    require(actor, "clerk", "expert", "manager")
    why = normalize_text(reason or "").strip()
    _, at = _stamp(on)
    target = find_case(store, to_code)
    with store.transaction() as s:
        c = _load(s, case_id)
        answer = s.scalar(select(Event).where(Event.aggregate_id == c.id, Event.type == "case.answered")
                          .order_by(Event.hlc.desc(), Event.id.desc()).limit(1))
        if c.status != "answered" or answer is None or s.scalar(select(Event.id).where(
                Event.aggregate_id == c.id, Event.type.in_(_AFTER_ANSWER), Event.hlc > answer.hlc).limit(1)):
            raise InvariantError(MSG_MOVE_NOT_ANSWERED)
        if target is None:
            raise NotFound(MSG_MOVE_TARGET, "to_code")
        if target.id == c.id:
            raise ValidationError(MSG_MOVE_SAME, "to_code")
        other = _load(s, target.id)
        if other.status != "forwarded":
            raise ValidationError(MSG_MOVE_TARGET_STATE, "to_code")
        if not why:
            raise ValidationError(MSG_MOVE_REASON, "reason")
        scans = list(s.scalars(select(Attachment).where(Attachment.case_id == c.id, Attachment.kind == "response")))
        store.record(s, actor, "case.answer_moved", c.id, {
            "answer_id": answer.id, "to_case_id": other.id, "to_code": _subject(other), "reason": why[:500],
            "attachments": [a.id for a in scans], "at": at}, subject=_subject(c))
        store.record(s, actor, "case.answered", other.id, {
            "text": answer.payload.get("text", ""), "day": answer.payload.get("day"), "at": at,
            "moved_from": c.id, "moved_from_code": _subject(c)}, subject=_subject(other))
        for a in scans:  # the agency's scanned letter goes with its answer
            store.record(s, actor, "case.attachment_removed", c.id, {
                "attachment_id": a.id, "filename": a.filename, "kind": a.kind, "reason": why[:500], "at": at},
                subject=_subject(c))
            _attach(store, s, actor, other.id, StoredFile(a.sha256, a.filename, a.mime, a.size), "response", at,
                    _subject(other))
        return other.id
