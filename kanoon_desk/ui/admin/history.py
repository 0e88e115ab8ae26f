"""The history of the admin's reference records (an agency, a cultural centre, the office's details):
every value each field was given, by whom, at which desk and when, and which one is in force.

Two desks correcting the same field while apart: after the sync the change with the newer stamp
(HLC) is in force on every desk, and the other value is not lost — it is listed here as replaced.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...errors import QT_TRANSLATE_NOOP
from ...services import history
from ..context import UiContext
from ..library.history import FieldHistoryDialog

#: The fields of an agency and of an office or centre, as the admin's pages name them (the
#: dialog translates them in the "Library" context, as its own).
LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Library", "نام"),
    "deadline_days": QT_TRANSLATE_NOOP("Library", "مهلت پاسخ (روز کاری)"),
    "address": QT_TRANSLATE_NOOP("Library", "نشانی"),
    "phone": QT_TRANSLATE_NOOP("Library", "تلفن"),
    "active": QT_TRANSLATE_NOOP("Library", "در فهرست ارسال"),
    "merged_into": QT_TRANSLATE_NOOP("Library", "ادغام"),
    "province": QT_TRANSLATE_NOOP("Library", "استان"),
    "city": QT_TRANSLATE_NOOP("Library", "شهر"),
    "heading": QT_TRANSLATE_NOOP("Library", "سربرگ نامه‌ها"),
    "kind": QT_TRANSLATE_NOOP("Library", "گونه"),
}


def open_history(ctx: UiContext, aggregate_type: str, aggregate_id: str, title: str,
                 parent: QWidget | None) -> FieldHistoryDialog:
    """The history of one agency ("agency") or office or centre ("office", by its code), opened."""
    note = QCoreApplication.translate(
        "AdminHistory", "وقتی دو میز یک خانه را بی‌اتصال تغییر دهند، پس از همگام‌سازی تغییر تازه‌تر در همه میزها "
                        "می‌ماند و مقدار دیگر این‌جا «جایگزین شد» دیده می‌شود.")
    dialog = FieldHistoryDialog(history.field_history(ctx.store, ctx.actor, aggregate_type, aggregate_id), title, parent,
                                labels=LABELS, note=note)
    dialog.open()
    return dialog
