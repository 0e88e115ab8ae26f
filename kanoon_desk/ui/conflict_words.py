"""The words of the conflict inbox: what happened (an event's title), a fact's fields by their
names on screen, and each value as a person reads it (a Jalali date, a refusal by its name, «—»)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from .. import persian
from ..errors import QT_TRANSLATE_NOOP
from ..services import conflicts
from ..services.secretariat_status import OUTCOME_FA
from .roles import roles_text

__all__ = ["EVENT_TITLES", "FIELD_TITLES", "HIDDEN_FIELDS", "event_title", "field_order", "field_title", "value_text"]


#: Payload fields a person has no use for in a conflict (a password's hash, a bare timestamp, what a
#: desk ending a hold or writing off a copy saw of it, the status a case's step found it in).
HIDDEN_FIELDS = frozenset({"password_hash", "password_was", "full_name_was", "at", "conflict", "was", "seen_received", "knew_withdrawn", "moved",
                           "renewed_from", "from_status", "photo_gone",
                           # (a forward's or follow-up's agency as its letter named it: the agency row names it)
                           "agency_name"})
#: Payload field → its name on screen (translated on show, context "ConflictInbox").
FIELD_TITLES = {
    "username": QT_TRANSLATE_NOOP("ConflictInbox", "نام کاربری"),
    "full_name": QT_TRANSLATE_NOOP("ConflictInbox", "نام و نام خانوادگی"),
    "roles": QT_TRANSLATE_NOOP("ConflictInbox", "نقش‌ها"),
    "roles_taken": QT_TRANSLATE_NOOP("ConflictInbox", "نقش‌های گرفته‌شده"),
    "roles_given": QT_TRANSLATE_NOOP("ConflictInbox", "نقش‌های داده‌شده"),
    "active": QT_TRANSLATE_NOOP("ConflictInbox", "فعال"),
    "office_code": QT_TRANSLATE_NOOP("ConflictInbox", "دفتر"),
    "must_change_password": QT_TRANSLATE_NOOP("ConflictInbox", "تغییر گذرواژه در ورود بعدی"),
    "copy_id": QT_TRANSLATE_NOOP("ConflictInbox", "نسخه"),
    "member_id": QT_TRANSLATE_NOOP("ConflictInbox", "عضو"),
    "title_id": QT_TRANSLATE_NOOP("ConflictInbox", "عنوان"),
    "agency_id": QT_TRANSLATE_NOOP("ConflictInbox", "دستگاه اجرایی"),
    "case_id": QT_TRANSLATE_NOOP("ConflictInbox", "پرونده"),
    "loan_id": QT_TRANSLATE_NOOP("ConflictInbox", "امانت"),
    "barcode": QT_TRANSLATE_NOOP("ConflictInbox", "بارکد"),
    # a barcode, a member or case number, a letter number given again: the one it replaced
    "previous": QT_TRANSLATE_NOOP("ConflictInbox", "مقدار پیشین"),
    "shelf": QT_TRANSLATE_NOOP("ConflictInbox", "قفسه"),
    "centre": QT_TRANSLATE_NOOP("ConflictInbox", "مرکز"),
    "member_no": QT_TRANSLATE_NOOP("ConflictInbox", "شماره عضویت"),
    "out_on": QT_TRANSLATE_NOOP("ConflictInbox", "تاریخ امانت"),
    "due_on": QT_TRANSLATE_NOOP("ConflictInbox", "موعد بازگشت"),
    "returned_on": QT_TRANSLATE_NOOP("ConflictInbox", "تاریخ بازگشت"),
    "registration_no": QT_TRANSLATE_NOOP("ConflictInbox", "شماره ثبت"),
    "letter_no": QT_TRANSLATE_NOOP("ConflictInbox", "شماره نامه"),
    "letter_date": QT_TRANSLATE_NOOP("ConflictInbox", "تاریخ نامه"),
    "deadline": QT_TRANSLATE_NOOP("ConflictInbox", "مهلت"),
    "day": QT_TRANSLATE_NOOP("ConflictInbox", "روز"),
    "removed": QT_TRANSLATE_NOOP("ConflictInbox", "از تعطیلات برداشته شد"),
    "outcome": QT_TRANSLATE_NOOP("ConflictInbox", "نتیجه"),
    "note": QT_TRANSLATE_NOOP("ConflictInbox", "یادداشت"),
    "reason": QT_TRANSLATE_NOOP("ConflictInbox", "دلیل"),
    "instruction": QT_TRANSLATE_NOOP("ConflictInbox", "پاراف"),
    "to_user_id": QT_TRANSLATE_NOOP("ConflictInbox", "گیرنده"),
    "cc": QT_TRANSLATE_NOOP("ConflictInbox", "رونوشت"),
    "from_user_id": QT_TRANSLATE_NOOP("ConflictInbox", "فرستنده"),
    "handed_over_from": QT_TRANSLATE_NOOP("ConflictInbox", "سپرده از کارتابل"),
    "responsible_party": QT_TRANSLATE_NOOP("ConflictInbox", "دستگاه مسئول"),
    "resolution": QT_TRANSLATE_NOOP("ConflictInbox", "تصمیم"),
    "until": QT_TRANSLATE_NOOP("ConflictInbox", "مهلت گرفتن رزرو"),
    "notified": QT_TRANSLATE_NOOP("ConflictInbox", "پیامک به عضو"),
    "from": QT_TRANSLATE_NOOP("ConflictInbox", "از مرکز"),
    "guardian_national_id": QT_TRANSLATE_NOOP("ConflictInbox", "کد ملی ولی"),
    "overridden": QT_TRANSLATE_NOOP("ConflictInbox", "امانت استثنا با وجود"),
    "pickup_centre": QT_TRANSLATE_NOOP("ConflictInbox", "مرکز گرفتن رزرو"),
    "erased_on": QT_TRANSLATE_NOOP("ConflictInbox", "تاریخ حذف مشخصات"),
    # a centre closed (`centre.closed`): where its members and copies went, how many, or its copies withdrawn
    "into": QT_TRANSLATE_NOOP("ConflictInbox", "اعضا و نسخه‌ها به مرکز"),
    "members": QT_TRANSLATE_NOOP("ConflictInbox", "شمار اعضای منتقل‌شده"),
    "copies": QT_TRANSLATE_NOOP("ConflictInbox", "شمار نسخه‌های منتقل‌شده"),
    "withdrawn": QT_TRANSLATE_NOOP("ConflictInbox", "نسخه‌ها از گردش خارج شدند"),
    # a case's intake corrected (`case.corrected`): each field from what to what
    "changes": QT_TRANSLATE_NOOP("ConflictInbox", "اصلاح"),
}
#: Event types of the facts conflicts are made of → what happened (context "ConflictInbox").
EVENT_TITLES = {
    "user.created": QT_TRANSLATE_NOOP("ConflictInbox", "ساخت کاربر"),
    "loan.checked_out": QT_TRANSLATE_NOOP("ConflictInbox", "امانت"),
    "loan.returned": QT_TRANSLATE_NOOP("ConflictInbox", "بازگشت امانت"),
    "loan.renewed": QT_TRANSLATE_NOOP("ConflictInbox", "تمدید امانت"),
    "copy.added": QT_TRANSLATE_NOOP("ConflictInbox", "افزودن نسخه"),
    "member.registered": QT_TRANSLATE_NOOP("ConflictInbox", "ثبت عضو"),
    "conflict.resolved": QT_TRANSLATE_NOOP("ConflictInbox", "حل ناسازگاری"),
    # the rest of what a desk records, for the refused events (a case's steps: `EVENT_FA`)
    "user.updated": QT_TRANSLATE_NOOP("ConflictInbox", "ویرایش کاربر"),
    "user.renamed": QT_TRANSLATE_NOOP("ConflictInbox", "نام کاربری تازه"),
    "office.set": QT_TRANSLATE_NOOP("ConflictInbox", "مشخصات دفتر یا مرکز"),
    "holiday.set": QT_TRANSLATE_NOOP("ConflictInbox", "تعطیل رسمی"),
    "agency.set": QT_TRANSLATE_NOOP("ConflictInbox", "دستگاه اجرایی"),
    "agency.merged": QT_TRANSLATE_NOOP("ConflictInbox", "ادغام دستگاه اجرایی در دستگاه دیگر"),
    "agency.unmerged": QT_TRANSLATE_NOOP("ConflictInbox", "برگرداندن ادغام دستگاه اجرایی"),
    "centre.closed": QT_TRANSLATE_NOOP("ConflictInbox", "بستن مرکز فرهنگی هنری"),
    "applicant.set": QT_TRANSLATE_NOOP("ConflictInbox", "مشخصات متقاضی"),
    "title.added": QT_TRANSLATE_NOOP("ConflictInbox", "افزودن عنوان"),
    "title.field_set": QT_TRANSLATE_NOOP("ConflictInbox", "اصلاح عنوان"),
    "copy.field_set": QT_TRANSLATE_NOOP("ConflictInbox", "اصلاح نسخه"),
    "copy.relabelled": QT_TRANSLATE_NOOP("ConflictInbox", "بارکد تازه نسخه"),
    "copy.withdrawn": QT_TRANSLATE_NOOP("ConflictInbox", "خارج کردن نسخه از گردش"),
    "copy.marked_lost": QT_TRANSLATE_NOOP("ConflictInbox", "گم‌شدن نسخه"),
    "copy.sent": QT_TRANSLATE_NOOP("ConflictInbox", "فرستادن نسخه به مرکز دیگر"),
    "copy.received": QT_TRANSLATE_NOOP("ConflictInbox", "رسیدن نسخه"),
    "member.field_set": QT_TRANSLATE_NOOP("ConflictInbox", "اصلاح مشخصات عضو"),
    "member.merged": QT_TRANSLATE_NOOP("ConflictInbox", "یکی‌شدن دو عضو"),
    "member.renumbered": QT_TRANSLATE_NOOP("ConflictInbox", "شماره عضویت تازه"),
    "member.erased": QT_TRANSLATE_NOOP("ConflictInbox", "پایان عضویت و حذف مشخصات"),
    "loan.voided": QT_TRANSLATE_NOOP("ConflictInbox", "باطل‌شدن امانت"),
    "loan.member_moved": QT_TRANSLATE_NOOP("ConflictInbox", "انتقال امانت به عضو دیگر"),
    "hold.placed": QT_TRANSLATE_NOOP("ConflictInbox", "رزرو"),
    "hold.cancelled": QT_TRANSLATE_NOOP("ConflictInbox", "لغو رزرو"),
    "hold.ready": QT_TRANSLATE_NOOP("ConflictInbox", "آماده‌شدن رزرو"),
    "hold.in_transit": QT_TRANSLATE_NOOP("ConflictInbox", "فرستادن نسخه برای رزرو"),
    "hold.collected": QT_TRANSLATE_NOOP("ConflictInbox", "تحویل رزرو"),
    "hold.expired": QT_TRANSLATE_NOOP("ConflictInbox", "گذشتن مهلت رزرو"),
    "notice.queued": QT_TRANSLATE_NOOP("ConflictInbox", "پیامک به عضو"),
    "notice.sent": QT_TRANSLATE_NOOP("ConflictInbox", "فرستاده‌شدن پیامک"),
    "stocktake.opened": QT_TRANSLATE_NOOP("ConflictInbox", "آغاز انبارگردانی"),
    "stocktake.scanned": QT_TRANSLATE_NOOP("ConflictInbox", "خواندن نسخه در انبارگردانی"),
    "stocktake.closed": QT_TRANSLATE_NOOP("ConflictInbox", "پایان انبارگردانی"),
    "circulation.overridden": QT_TRANSLATE_NOOP("ConflictInbox", "امانت استثنا"),
}


#: A copy packed where it stood, given to another centre for good (`copy.received` with `moved`,
#: `library_common.pack_to_move`): no arrival, though recorded as one.
MOVED_TITLE = QT_TRANSLATE_NOOP("ConflictInbox", "سپردن نسخه به مرکز دیگر (بسته‌بندی در همان مرکز)")


def event_title(event_type: str, payload: dict[str, Any] | None = None) -> str:
    """What happened: a case's step by the name its timeline gives it, others from EVENT_TITLES (a
    copy packed to be given to another centre by what it was, with its `payload`)."""
    from .secretariat.case_timeline import EVENT_FA

    if event_type == "copy.received" and payload is not None and payload.get("moved") is True:
        return QCoreApplication.translate("ConflictInbox", MOVED_TITLE)

    if event_type in EVENT_FA:
        return QCoreApplication.translate("Secretariat", EVENT_FA[event_type])
    title = EVENT_TITLES.get(event_type)
    return QCoreApplication.translate("ConflictInbox", title) if title else event_type


def field_title(key: str) -> str:
    """A payload field's name: a member's fields by the names their history gives them."""
    from .library.history import FIELD_LABELS

    if key in FIELD_LABELS:
        return QCoreApplication.translate("Library", FIELD_LABELS[key])
    title = FIELD_TITLES.get(key)
    return QCoreApplication.translate("ConflictInbox", title) if title else key


def field_order(key: str) -> tuple[int, str]:
    """Known fields first (the member's, then the table's order), then the rest by name."""
    from .library.history import FIELD_LABELS

    order = [*FIELD_LABELS, *FIELD_TITLES]
    return (order.index(key), "") if key in order else (len(order), key)


def value_text(key: str, value: Any) -> str:
    from .library.history import FIELD_LABELS
    from .library.history import value_text as history_value

    if key in FIELD_LABELS:  # a member's, a title's or a copy's field as their history shows it
        return history_value(key, value)
    if value is None or value == "":
        return "—"  # (not «null»)
    if isinstance(value, bool):
        return QCoreApplication.translate("ConflictInbox", "بله") if value else QCoreApplication.translate(
            "ConflictInbox", "خیر")
    if key == "resolution" and isinstance(value, str):
        return QCoreApplication.translate("Errors", conflicts.RESOLUTION_TITLES.get(value, value))
    if key == "changes" and isinstance(value, dict):  # a case's correction: each field, from what to what
        from .secretariat.case_timeline import corrected_text

        return corrected_text({"changes": value})
    if key == "overridden" and isinstance(value, list):  # what a librarian lent past, by its name
        from .library.overrides import refusal_text

        return QCoreApplication.translate("ConflictInbox", "، ").join(refusal_text(str(v)) for v in value)
    if key == "reason" and value == "mistake":  # a checkout voided at the desk as made by mistake
        return QCoreApplication.translate("ConflictInbox", "امانت اشتباه")
    if key == "outcome" and isinstance(value, str) and value in OUTCOME_FA:  # a case's closure, by its name
        return QCoreApplication.translate("Status", OUTCOME_FA[value])
    if key in ("roles", "roles_taken", "roles_given") and isinstance(value, list):
        return roles_text(str(r) for r in value)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return persian.format_jalali_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, list):
        return QCoreApplication.translate("ConflictInbox", "، ").join(str(v) for v in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
