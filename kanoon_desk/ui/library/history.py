"""A dialog listing every value a record's fields were given (who, where, when), in force or replaced."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ... import persian
from ...errors import QT_TRANSLATE_NOOP
from ...services.history import FieldChange
from ..accessible import NamedDialog
from ..widgets import digits, text_digits
from .common import ListModel, category_text, status_text, table_view, tr_dynamic

#: Field names as a librarian reads them (translated on show).
FIELD_LABELS = {
    "national_id": QT_TRANSLATE_NOOP("Library", "کد ملی"),
    "first_name": QT_TRANSLATE_NOOP("Library", "نام"),
    "last_name": QT_TRANSLATE_NOOP("Library", "نام خانوادگی"),
    "category": QT_TRANSLATE_NOOP("Library", "گروه عضویت"),
    "birth_date": QT_TRANSLATE_NOOP("Library", "تاریخ تولد"),
    "phone": QT_TRANSLATE_NOOP("Library", "شماره همراه"),
    "guardian_name": QT_TRANSLATE_NOOP("Library", "نام ولی"),
    "guardian_phone": QT_TRANSLATE_NOOP("Library", "تلفن ولی"),
    "guardian_national_id": QT_TRANSLATE_NOOP("Library", "کد ملی ولی"),
    "home_centre": QT_TRANSLATE_NOOP("Library", "مرکز"),
    "expires_on": QT_TRANSLATE_NOOP("Library", "اعتبار تا"),
    "photo": QT_TRANSLATE_NOOP("Library", "عکس"),
    # a title's and a copy's
    "title": QT_TRANSLATE_NOOP("Library", "عنوان"),
    "author": QT_TRANSLATE_NOOP("Library", "نویسنده"),
    "publisher": QT_TRANSLATE_NOOP("Library", "ناشر"),
    "isbn": QT_TRANSLATE_NOOP("Library", "شابک"),
    "age_group": QT_TRANSLATE_NOOP("Library", "گروه سنی"),
    "subject": QT_TRANSLATE_NOOP("Library", "موضوع"),
    "shelf": QT_TRANSLATE_NOOP("Library", "قفسه"),
    "title_id": QT_TRANSLATE_NOOP("Library", "عنوان"),
    "loanable": QT_TRANSLATE_NOOP("Library", "امانت‌دادنی"),
    "barcode": QT_TRANSLATE_NOOP("Library", "بارکد"),
    "status": QT_TRANSLATE_NOOP("Library", "وضعیت نسخه"),
}


def value_text(field: str, value: object) -> str:
    """A stored value as it reads on screen: Jalali dates, Persian digits, category names."""
    if value in (None, ""):
        return "—"
    if field in ("birth_date", "expires_on") and isinstance(value, str):
        return persian.format_jalali_date(date.fromisoformat(value))
    if field == "category":
        return category_text(str(value))
    if field == "status" and isinstance(value, dict):  # withdrawn or lost (and why), or back in circulation
        state = str(value.get("state", ""))
        said = (QCoreApplication.translate("Library", "به گردش برگشت") if state == "reinstated"
                else status_text(state))
        return " — ".join(filter(None, [said, text_digits(str(value.get("note") or ""))]))
    if field == "merged_into" and isinstance(value, dict):  # an agency merged into another, or that undone
        into = text_digits(str(value.get("into_name") or ""))
        return (QCoreApplication.translate("Library", "ادغام در «{name}» برگردانده شد") if value.get("undone")
                else QCoreApplication.translate("Library", "در «{name}» ادغام شد")).format(name=into)
    if field == "loanable":
        return QCoreApplication.translate("Library", "بله") if value else QCoreApplication.translate("Library", "خیر")
    if field == "active":  # an agency's: in the forward dialog's list, or taken out of it
        return QCoreApplication.translate("Library", "فعال") if value else QCoreApplication.translate("Library", "غیرفعال")
    if field == "kind":  # an office's: an office, or a cultural centre
        return QCoreApplication.translate("Library", "مرکز فرهنگی هنری") if value == "centre" \
            else QCoreApplication.translate("Library", "دفتر")
    if field == "deadline_days":
        return digits(str(value))
    if field in ("name", "address", "heading", "province", "city"):  # an agency's, an office's: kept with Latin digits
        return text_digits(str(value))
    if field == "photo":  # a stored file's SHA-256: its first characters tell one photo from another
        return QCoreApplication.translate("Library", "عکس ({id})").format(id=str(value)[:8])
    if field in ("national_id", "phone", "guardian_phone", "home_centre", "guardian_national_id"):
        return digits(str(value))
    return str(value)


def user_text(change: FieldChange) -> str:
    """Who gave a value: their name, or — a user of another office, whose account is not on this
    desk — «کاربر دفتر …» with that office's name (where this desk has it) and code, never an id."""
    if change.user:
        return change.user
    code = digits(change.office_code)
    office = f"{change.office_name} ({code})" if change.office_name else code
    return QCoreApplication.translate("Library", "کاربر دفتر {office}").replace("{office}", office)


class FieldHistoryDialog(NamedDialog):
    """Newest first; a replaced value (a later stamp won, here or at another centre) says so."""

    def __init__(self, changes: Sequence[FieldChange], title: str, parent: QWidget | None = None, *,
                 labels: Mapping[str, str] | None = None, note: str | None = None) -> None:
        """`labels`: the fields' names for this kind of record where they differ from a member's or
        a title's (an agency's «تلفن» is no «شماره همراه»), untranslated; `note`: the line above the
        list, translated, in place of the one that speaks of centres."""
        super().__init__(parent)
        self.setObjectName("field-history")
        self.setWindowTitle(QCoreApplication.translate("Library", "تاریخچه تغییرات {name}").format(name=title))
        self.resize(860, 420)
        in_force = QCoreApplication.translate("Library", "در اجرا")
        replaced = QCoreApplication.translate("Library", "جایگزین شد")
        removed = QCoreApplication.translate("Library", "(حذف شد)")  # a member's details removed at the guardian's request
        self.table = table_view("field-history-table")
        self.model = ListModel(
            [QCoreApplication.translate("Library", "فیلد"), QCoreApplication.translate("Library", "مقدار"),
             QCoreApplication.translate("Library", "وضعیت"), QCoreApplication.translate("Library", "کاربر"),
             QCoreApplication.translate("Library", "مرکز یا دفتر"), QCoreApplication.translate("Library", "زمان")],
            lambda: list(changes),
            lambda c: [tr_dynamic({**FIELD_LABELS, **(labels or {})}.get(c.field, c.field)),
                       removed if c.removed else value_text(c.field, c.value), in_force if c.in_force else replaced,
                       user_text(c),
                       digits(c.office_code), persian.format_jalali_datetime(c.recorded_at)])
        self.table.setModel(self.model)
        note_label = QLabel(QCoreApplication.translate(
            "Library", "وقتی دو مرکز یک فیلد را بی‌اتصال تغییر دهند، تغییر تازه‌تر همه‌جا می‌ماند و "
                       "مقدار دیگر این‌جا «جایگزین شد» دیده می‌شود."))
        if note is not None:
            note_label.setText(note)
        if any(c.removed for c in changes):  # a member erased at the guardian's request
            note_label.setText(QCoreApplication.translate(
                "Library", "مشخصات شخصی این عضو به درخواست ولی حذف شده است؛ مقدارهای پیشین آن‌ها این‌جا "
                           "نشان داده نمی‌شود، تنها این‌که کی، کجا و به دست چه کسی داده شده بودند."))
        note_label.setObjectName("field-history-note")
        note_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(note_label)
        box.addWidget(self.table)
        box.addWidget(buttons)
