"""Service errors as a person reads them: the Persian source message, translated on show."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale

from ..errors import InputError, Problem, ServiceError, count_of, storage_trouble
from ..persian import to_persian_digits

log = logging.getLogger(__name__)


def error_text(err: BaseException) -> str:
    """The message to show for `err` in the current language.

    A `ServiceError` carries a Persian message marked with QT_TRANSLATE_NOOP("Errors", ...), so the
    English .qm has it under the "Errors" context. A `ValueError` from `kanoon_desk.persian`
    (national IDs) or `kanoon_desk.jalali` (dates) carries a ready Persian sentence too. Anything
    else is a bug: it is logged and the person gets a general sentence instead of a Python message.
    """
    if isinstance(err, ServiceError | InputError):
        params = getattr(err, "params", None)  # values the message names ({name}): filled in after translation
        # codes the message names (a barcode): as on their label, Latin digits, kept whole (FSI … PDI)
        codes = getattr(err, "codes", None)
        codes = codes if isinstance(codes, dict) else {}
        if (not isinstance(params, dict) or not params) and not codes:
            return QCoreApplication.translate("Errors", err.message)
        # (a count, %Ln, goes in here: the translation's plural form is the count's, «۳ کتاب», "1 book")
        text = QCoreApplication.translate("Errors", err.message, None,
                                          count_of(err.message, params if isinstance(params, dict) else {}))
        persian_ui = QLocale().language() == QLocale.Language.Persian
        values = {k: to_persian_digits(str(v)) if persian_ui else str(v) for k, v in (params or {}).items()}
        values.update({k: f"\u2068{v}\u2069" for k, v in codes.items()})
        return text.format(**values)
    if isinstance(err, ValueError) and err.args and isinstance(err.args[0], str):
        return QCoreApplication.translate("Errors", err.args[0])
    trouble = storage_trouble(err)
    if trouble is not None:  # the store's file, not the program: "try again" fails the same way until it is seen to
        log.error("the store's file refused a write (%s)", trouble, exc_info=err)
        return storage_text(trouble)
    log.error("unexpected error shown to the user", exc_info=err)
    return QCoreApplication.translate("Errors", "کار انجام نشد؛ خطای پیش‌بینی‌نشده‌ای رخ داد. گزارش آن در پرونده رخدادها ثبت شد.")


def storage_text(trouble: str) -> str:
    """One line for a save the store's file refused (`errors.storage_trouble`): that nothing was
    recorded, why, and what to do before trying again; what is on screen stays as it was."""
    if trouble == "full":
        return QCoreApplication.translate(
            "Errors", "ثبت نشد: دیسکی که پرونده داده این میز روی آن است پر شده است. آنچه پیش‌تر ثبت شده بود محفوظ است؛ "
                      "روی همان دیسک جا باز کنید (پرونده‌های بزرگ یا کهنه را پاک یا جابه‌جا کنید) و دوباره ثبت کنید.")
    if trouble == "read-only":
        return QCoreApplication.translate(
            "Errors", "ثبت نشد: پرونده داده این میز یا پوشه آن دیگر نوشتنی نیست. آنچه پیش‌تر ثبت شده بود محفوظ است؛ "
                      "از مسئول فنی دفتر بخواهید اجازه نوشتن را برگرداند و دوباره ثبت کنید.")
    if trouble == "locked":
        return QCoreApplication.translate(
            "Errors", "ثبت نشد: برنامه دیگری پرونده داده این میز را در دست داشت. چند لحظه بعد دوباره ثبت کنید.")
    return QCoreApplication.translate(
        "Errors", "ثبت نشد: دیسک در نوشتن پرونده داده این میز خطا داد. آنچه پیش‌تر ثبت شده بود محفوظ است؛ با مسئول "
                  "فنی دفتر دیسک را بررسی کنید و پیش از ادامه کار پشتیبان بگیرید.")


def error_field(err: BaseException) -> str | None:
    """The input field the error belongs to, if the service named one."""
    return err.field if isinstance(err, ServiceError) else None


def unknown_columns_text(headings: list[str]) -> str:
    """One sentence for each column of an imported file whose heading names no field: it is not read
    (`sheets.MSG_UNKNOWN_COLUMN`), the heading kept whole inside the sentence."""
    from ..services.sheets import MSG_UNKNOWN_COLUMN
    from .widgets import isolated, text_digits

    return " ".join(QCoreApplication.translate("Errors", MSG_UNKNOWN_COLUMN).format(c=isolated(text_digits(h)))
                    for h in headings)


def problem_text(problem: str) -> str:
    """A finding of a health check, or why a backup or a restore was refused (`errors.Problem`), in
    the interface's language: its sentence translated from the "Errors" context, a count in the
    interface's digits, and a path, a table's name or SQLite's own words kept whole, left to right."""
    if not isinstance(problem, Problem):
        return QCoreApplication.translate("Errors", problem)
    persian_ui = QLocale().language() == QLocale.Language.Persian
    values = {k: (to_persian_digits(str(v)) if persian_ui else str(v)) if isinstance(v, int) else f"\u2066{v}\u2069"
              for k, v in problem.params.items()}
    count = count_of(problem.message, problem.params)
    return QCoreApplication.translate("Errors", problem.message, None, count).format(**values)


def problems_text(problems: list[str], separator: str = "\n") -> str:
    """Several findings (`problem_text`), one after the other."""
    return separator.join(problem_text(p) for p in problems)
