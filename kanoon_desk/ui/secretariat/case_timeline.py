"""The case view's timeline: each step of a case as a row (when it happened, when it was entered,
what, by whom) and the words that describe it (to whom it was referred, the letter, the notice and
what became of an SMS...). `EVENT_FA` names the steps, for the conflict inbox too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from ... import persian
from ...errors import QT_TRANSLATE_NOOP
from ...services import secretariat_query as q
from ...services import sms_outcomes
from ...services.numbers import unbroken
from ..widgets import LazyTableModel, isolated, list_fetcher, text_digits
from .common import ltr, outcome_text

__all__ = ["ATTACHMENT_KIND_FA", "EVENT_FA", "TimelineModel", "attachment_kind"]

EVENT_FA = {  # noqa: E501

    "case.received": QT_TRANSLATE_NOOP("Secretariat", "دریافت درخواست"),
    "case.reviewed": QT_TRANSLATE_NOOP("Secretariat", "بررسی اولیه کارشناس"),
    "case.registered": QT_TRANSLATE_NOOP("Secretariat", "ثبت در دبیرخانه"),
    "case.referred": QT_TRANSLATE_NOOP("Secretariat", "ارجاع"),
    "case.referral_recalled": QT_TRANSLATE_NOOP("Secretariat", "پس‌گرفتن ارجاع"),
    "case.referral_read": QT_TRANSLATE_NOOP("Secretariat", "دیده شد"),
    "case.forwarded": QT_TRANSLATE_NOOP("Secretariat", "ارسال به دستگاه اجرایی"),
    "case.followed_up": QT_TRANSLATE_NOOP("Secretariat", "پیگیری"),
    "case.answered": QT_TRANSLATE_NOOP("Secretariat", "دریافت پاسخ"),
    "case.notified": QT_TRANSLATE_NOOP("Secretariat", "اعلام به متقاضی"),
    "case.closed": QT_TRANSLATE_NOOP("Secretariat", "مختومه"),
    "case.reopened": QT_TRANSLATE_NOOP("Secretariat", "بازگشایی"),
    "case.visited": QT_TRANSLATE_NOOP("Secretariat", "مراجعه حضوری"),
    "case.attached": QT_TRANSLATE_NOOP("Secretariat", "پیوست"),
    "case.attachment_removed": QT_TRANSLATE_NOOP("Secretariat", "برداشتن پیوست"),
    "case.forward_withdrawn": QT_TRANSLATE_NOOP("Secretariat", "پس‌گرفتن ارسال"),
    "case.renumbered": QT_TRANSLATE_NOOP("Secretariat", "شماره ثبت تازه (حل ناسازگاری)"),
    "case.letter_renumbered": QT_TRANSLATE_NOOP("Secretariat", "شماره نامه تازه (حل ناسازگاری)"),
    # not the case's own steps: the agency holding it was merged into another, or that undone
    "agency.merged": QT_TRANSLATE_NOOP("Secretariat", "ادغام دستگاه اجرایی"),
    "agency.unmerged": QT_TRANSLATE_NOOP("Secretariat", "برگرداندن ادغام دستگاه"),
    "case.corrected": QT_TRANSLATE_NOOP("Secretariat", "اصلاح درخواست"),
    "case.visit_removed": QT_TRANSLATE_NOOP("Secretariat", "حذف مراجعه نادرست"),
    "case.review_undone": QT_TRANSLATE_NOOP("Secretariat", "لغو پذیرش، بازگشت به صف بررسی"),
    "case.applicant_changed": QT_TRANSLATE_NOOP("Secretariat", "تغییر متقاضی"),
    "case.answer_moved": QT_TRANSLATE_NOOP("Secretariat", "جابه‌جایی پاسخ به پرونده درست"),
}

#: the fields a correction (`case.corrected`) names, in the form's order
CORRECTED_FIELD_FA = {
    "subject": QT_TRANSLATE_NOOP("Secretariat", "موضوع"),
    "text": QT_TRANSLATE_NOOP("Secretariat", "شرح"),
    "category": QT_TRANSLATE_NOOP("Secretariat", "دسته"),
    "channel": QT_TRANSLATE_NOOP("Secretariat", "شیوه دریافت"),
    "received_date": QT_TRANSLATE_NOOP("Secretariat", "تاریخ دریافت"),
}
_CHANNEL_FA = {"in_person": QT_TRANSLATE_NOOP("Secretariat", "حضوری"),
               "post": QT_TRANSLATE_NOOP("Secretariat", "پستی"),
               "phone": QT_TRANSLATE_NOOP("Secretariat", "تلفنی")}


def _corrected_value(name: str, value: object) -> str:
    """A corrected field's value as the case view shows it: a day in Jalali, a channel in words,
    a category in the interface's words, an empty one as «—»."""
    text = str(value or "")
    if not text:
        return "—"
    if name == "received_date":
        return persian.format_jalali_date(date.fromisoformat(text))
    if name == "channel":
        return QCoreApplication.translate("Secretariat", _CHANNEL_FA.get(text, text))
    if name == "category":
        return isolated(QCoreApplication.translate("Categories", text))
    return isolated(text if len(text) <= 80 else text[:79] + "…")


def corrected_text(p: dict[str, Any]) -> str:
    """«موضوع: «…» ← «…»؛ …» — each field corrected, from what to what, then why."""
    changes: dict[str, dict[str, Any]] = p.get("changes") or {}
    parts = [QCoreApplication.translate("Secretariat", "{field}: {old} ← {new}").format(
        field=QCoreApplication.translate("Secretariat", CORRECTED_FIELD_FA.get(k, k)),
        old=_corrected_value(k, v.get("from")), new=_corrected_value(k, v.get("to")))
        for k, v in sorted(changes.items(), key=lambda kv: list(CORRECTED_FIELD_FA).index(kv[0])
                           if kv[0] in CORRECTED_FIELD_FA else 99)]
    return QCoreApplication.translate("Secretariat", "؛ ").join(parts) + _quoted(p.get("reason"))

#: what a scan is, as it was attached: with the request at intake, the agency's answer, or what the
#: clerk chose in «افزودن پیوست» («گونه»)
ATTACHMENT_KIND_FA = {
    "intake": QT_TRANSLATE_NOOP("Secretariat", "همراه درخواست"),
    "response": QT_TRANSLATE_NOOP("Secretariat", "پاسخ دستگاه"),
    "applicant": QT_TRANSLATE_NOOP("Secretariat", "مدرک متقاضی"),
    "letter": QT_TRANSLATE_NOOP("Secretariat", "نامه"),
    "other": QT_TRANSLATE_NOOP("Secretariat", "دیگر"),
}


def attachment_kind(kind: object) -> str:
    """A scan's kind in the interface's language ("" for one this desk does not know)."""
    source = ATTACHMENT_KIND_FA.get(str(kind or ""))
    return QCoreApplication.translate("Secretariat", source) if source else ""


def _sms_text(entry: q.TimelineEntry, mobile: str) -> str:
    """A notice by SMS and what the server last said of it (after a sync round)."""
    o = entry.sms
    if o is not None and o.status == "sent":
        return QCoreApplication.translate("Secretariat", "پیامک به {mobile}، فرستاده شد {at}").format(
            mobile=mobile, at=persian.format_jalali_datetime(o.sent_at) if o.sent_at else "")
    if o is not None and o.status == "failed":
        # (why, in Persian: the gateway's own words stay in the server's log)
        return QCoreApplication.translate("Secretariat", "پیامک به {mobile} نرسید ({error})؛ از راه دیگری اعلام کنید").format(
            mobile=mobile, error=QCoreApplication.translate("Secretariat", sms_outcomes.failure_reason(o.last_error)))
    return QCoreApplication.translate("Secretariat", "پیامک به {mobile}، در صف ارسال سرور").format(mobile=mobile)


def _quoted(note: object) -> str:
    """A note written with a step, after its words: « — «…»», or nothing. A tracking code written
    in it (the case a duplicate was rejected for) is kept left to right: its groups, typed with
    spaces after Persian words, were drawn last group first («۹۳۳۸ ۰۷۰۸ ۰۱۴۳ ۰۰۱۳»)."""
    if not note:
        return ""
    text = str(note)
    for start, end in reversed(q.code_spans(text)):
        text = text[:start] + ltr(text[start:end]) + text[end:]
    return f" — «{isolated(text)}»"


def _agency_text(p: dict[str, Any], agencies: dict[str, str]) -> str:
    """The agency a forward was sent to, by the name its letter wrote; renamed since, its name now
    follows, so the step and the case's agency read as one."""
    now = agencies.get(p.get("agency_id", ""), "")
    sent = str(p.get("agency_name") or now)
    if now and sent != now:
        return isolated(sent) + QCoreApplication.translate("Secretariat", " (اکنون «{name}»)").format(name=isolated(now))
    return isolated(sent)


def _describe(entry: q.TimelineEntry, names: dict[str, str], agencies: dict[str, str]) -> str:
    p = entry.payload
    t = entry.type
    if t == "case.reviewed":
        if p.get("decision") == "accept":
            return QCoreApplication.translate("Secretariat", "پذیرفته شد")
        # the expert's note with the reason: the applicant was told it, the office's file keeps it
        return QCoreApplication.translate("Secretariat", "رد شد: ") + isolated(str(p.get("reason", ""))) + _quoted(p.get("note"))
    if t == "case.registered":
        return ltr(unbroken(persian.to_persian_digits(str(p.get("registration_no", "")))))
    if t == "case.referred":
        handed = (QCoreApplication.translate("Secretariat", " — سپرده از کارتابل {name}").format(
            name=isolated(names.get(p["handed_over_from"], "?"))) if p.get("handed_over_from") else "")
        return QCoreApplication.translate("Secretariat", "به ") + isolated(names.get(p.get("to_user_id", ""), "?")) + handed + (
            f" — «{isolated(p['instruction'])}»" if p.get("instruction") else "")
    if t == "case.forwarded":
        letter = QCoreApplication.translate("Secretariat", " — نامه {no} مورخ {day}").format(
            no=ltr(unbroken(persian.to_persian_digits(persian.letter_number(str(p.get("letter_no", "")))))),
            day=persian.format_jalali_date(date.fromisoformat(p.get("letter_date") or p["day"])))
        return (_agency_text(p, agencies) + letter + QCoreApplication.translate("Secretariat", " — مهلت ")
                + persian.format_jalali_date(date.fromisoformat(p["deadline"]))
                + (f" — «{isolated(p['instruction'])}»" if p.get("instruction") else ""))
    if t == "case.followed_up":
        extra = (QCoreApplication.translate("Secretariat", " — مهلت تازه ") + persian.format_jalali_date(date.fromisoformat(p["new_deadline"]))
                 if p.get("new_deadline") else "")
        return (QCoreApplication.translate("Secretariat", "تلفنی") if p.get("method") == "phone" else QCoreApplication.translate("Secretariat", "کتبی")) + extra + " " + isolated(str(p.get("note", "")))
    if t in ("case.answered",):
        moved = (QCoreApplication.translate("Secretariat", " — جابه‌جاشده از پرونده {code}").format(
            code=ltr(unbroken(persian.to_persian_digits(str(p["moved_from_code"]))))) if p.get("moved_from_code")
            else "")
        return isolated(str(p.get("text", ""))) + moved
    if t == "case.answer_moved":  # where the answer went, and why
        return QCoreApplication.translate("Secretariat", "پاسخ به پرونده {code} رفت").format(
            code=ltr(unbroken(persian.to_persian_digits(str(p.get("to_code", "")))))) + _quoted(p.get("reason"))
    if t == "case.notified":
        said = f" — «{isolated(p['text'])}»" if p.get("text") else ""
        if p.get("method") == "sms":
            return _sms_text(entry, ltr(unbroken(persian.to_persian_digits(str(p.get("mobile", "")))))) + said
        return {"phone": QCoreApplication.translate("Secretariat", "تلفنی"), "letter": QCoreApplication.translate("Secretariat", "نامه"),
                "in_person": QCoreApplication.translate("Secretariat", "حضوری")}.get(p.get("method", ""), "") + said
    if t == "case.closed":
        party = p.get("responsible_party")
        reason = f": {isolated(p['reason'])}" if p.get("reason") else ""  # (a manager's rejection)
        return outcome_text(p.get("outcome")) + (f" ({isolated(party)})" if party else "") + reason + _quoted(p.get("note"))
    if t == "case.attached":  # which scan, and what it is (the agency's answer among fifteen)
        kind = attachment_kind(p.get("kind"))
        return isolated(str(p.get("filename", ""))) + (f" — {kind}" if kind else "")
    if t == "case.attachment_removed":  # which scan and why (who and when: the row's own columns)
        return isolated(str(p.get("filename", ""))) + _quoted(p.get("reason"))
    if t == "case.reopened":
        return isolated(str(p.get("reason", "")))
    if t == "agency.merged":  # why the case's agency reads another name from here on
        return QCoreApplication.translate("Secretariat", "«{name}» در «{into}» ادغام شد؛ پرونده با «{into}» است").format(
            name=isolated(str(p.get("name", ""))), into=isolated(str(p.get("into_name", ""))))
    if t == "agency.unmerged":
        return QCoreApplication.translate(
            "Secretariat", "ادغام در «{into}» برگردانده شد؛ پرونده دوباره با «{name}» است").format(
            name=isolated(str(p.get("name", ""))), into=isolated(str(p.get("into_name", ""))))
    if t == "case.forward_withdrawn":  # which letter, to whom, and why (a conflict's decision: why not)
        letter = (QCoreApplication.translate("Secretariat", "نامه {no}").format(
            no=ltr(unbroken(persian.to_persian_digits(persian.letter_number(str(p["letter_no"])))))) if p.get("letter_no") else "")
        to = _agency_text(p, agencies) if p.get("agency_id") else ""
        head = " — ".join(x for x in (letter, to) if x)
        if not p.get("back_to"):
            head = " — ".join(x for x in (head, QCoreApplication.translate("Secretariat", "حل ناسازگاری")) if x)
        return head + _quoted(p.get("reason"))
    if t == "case.applicant_changed":  # from whom to whom (name and national ID), and why
        def who(x: dict[str, Any]) -> str:
            return QCoreApplication.translate("Secretariat", "{name} ({nid})").format(
                name=isolated(str(x.get("applicant_name", ""))),
                nid=ltr(persian.to_persian_digits(str(x.get("national_id", "")))))
        return QCoreApplication.translate("Secretariat", "از {old} به {new}").format(
            old=who(p.get("from") or {}), new=who(p.get("to") or {})) + _quoted(p.get("reason"))
    if t == "case.review_undone":  # the number it keeps (never issued again), and why
        kept = (QCoreApplication.translate("Secretariat", "شماره ثبت {no} برای همین پرونده می‌ماند").format(
            no=ltr(unbroken(persian.to_persian_digits(str(p["registration_no"]))))) if p.get("registration_no")
            else "")
        return kept + _quoted(p.get("reason"))
    if t == "case.visit_removed":  # which day's visit, and why
        return QCoreApplication.translate("Secretariat", "مراجعه {day}").format(
            day=persian.format_jalali_date(date.fromisoformat(p["visit_day"]))) + _quoted(p.get("reason"))
    if t == "case.corrected":  # each field, what it was and what it is now, and why
        return corrected_text(p)
    if t == "case.letter_renumbered":  # which letter's number, from what to what
        return QCoreApplication.translate("Secretariat", "نامه {previous} اکنون {no}").format(
            previous=ltr(unbroken(persian.to_persian_digits(str(p.get("previous", ""))))),
            no=ltr(unbroken(persian.to_persian_digits(persian.letter_number(str(p.get("letter_no", "")))))))
    return ""


class TimelineModel(LazyTableModel):
    def __init__(self, entries: list[q.TimelineEntry], names: dict[str, str], agencies: dict[str, str]) -> None:
        fetch, count = list_fetcher(lambda: entries)
        super().__init__([QCoreApplication.translate("Secretariat", "تاریخ"),
                          QCoreApplication.translate("Secretariat", "زمان ثبت"),
                          QCoreApplication.translate("Secretariat", "کار"),
                          QCoreApplication.translate("Secretariat", "کاربر"),
                          QCoreApplication.translate("Secretariat", "شرح")], fetch, count)
        self._names, self._agencies = names, agencies

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # a row's words are made once: fitting the columns and then the rows' heights to them asks
        # each cell again and again (the words of a step with a long answer took the most time)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.isValid() \
                and index.row() < self.rowCount():
            return self._cells(self.row_at(index.row()))[index.column()]
        return super().data(index, role)

    def _cells(self, row: q.TimelineEntry) -> Sequence[str]:
        return self.row_cells(row, lambda r: [text_digits(self._cell(r, c)) for c in range(len(self.headers))])

    def display(self, row: q.TimelineEntry, column: int) -> str:
        return self._cells(row)[column]

    def _cell(self, row: q.TimelineEntry, column: int) -> str:
        # "when it happened" (the letter's or the visit's own day, if the step names one) and
        # "when it was entered" (date and time, Tehran): two steps on one day stay told apart
        if column == 0:
            return persian.format_jalali_date(row.day or row.recorded_at)
        if column == 1:
            return persian.format_jalali_datetime(row.recorded_at)
        if column == 2:
            return QCoreApplication.translate("Secretariat", EVENT_FA.get(row.type, row.type))
        if column == 3:
            return text_digits(row.user_name)
        # stored text keeps ASCII digits: in Persian text they read Persian (codes are LTR islands
        # already written in Persian digits; a Latin file name keeps its own)
        return text_digits(_describe(row, self._names, self._agencies))

