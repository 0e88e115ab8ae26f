"""Drafts of half-typed forms: a case's action left behind for a month is dropped at login; the
intake form's draft (one per user) is never dropped for its age."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QWidget

from kanoon_desk.ui.drafts import STALE_DAYS, FormDraft, draft_key, prune_stale


def _typed(qtbot: Any, settings: QSettings, user: str, form: str, text: str) -> FormDraft:
    holder = QWidget()
    qtbot.addWidget(holder)
    field = QLineEdit(holder)
    draft = FormDraft(settings, draft_key(user, form), {"text": field}, holder)
    field.setText(text)
    draft.write()
    return draft


def test_a_cases_action_left_for_a_month_is_dropped_at_login_and_the_rest_stay(qtbot: Any, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    action = _typed(qtbot, settings, "u1", "case-c1-ثبت پاسخ دستگاه", "پاسخ نیمه‌کاره")
    intake = _typed(qtbot, settings, "u1", "secretariat-intake", "فرم پذیرش")
    others = _typed(qtbot, settings, "u2", "case-c1-ثبت پاسخ دستگاه", "از کاربر دیگر")
    now = datetime.now(UTC)
    assert prune_stale(settings, "u1", now=now + timedelta(days=STALE_DAYS - 1)) == 0
    assert settings.value(action.key) and settings.value(intake.key)
    assert prune_stale(settings, "u1", now=now + timedelta(days=STALE_DAYS + 1)) == 1
    reread = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)  # on disk, not only in memory
    assert reread.value(action.key) is None
    assert reread.value(intake.key) and reread.value(others.key)  # one per user; another user's
    # a draft written before drafts carried their day, or unreadable, counts as old
    settings.setValue(draft_key("u1", "case-c2-یادداشت"), '{"text": "قدیمی"}')
    settings.setValue(draft_key("u1", "case-c3-یادداشت"), "not json")
    assert prune_stale(settings, "u1", now=now) == 2


def test_what_was_typed_just_before_a_log_out_is_offered_back_at_the_next_log_in(
        qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    """Log-out a moment after the last keystroke (Ctrl+Shift+L straight after typing, before the
    draft's pause): the whole text is kept, not the text as it stood a moment before."""
    from kanoon_desk.ui.app import Shell
    from kanoon_desk.ui.main_window import MainWindow
    from kanoon_desk.ui.secretariat.intake import IntakePage
    from tests.factories import make_desk

    store, admin = make_desk(tmp_path / "desk.sqlite3")
    shell = Shell(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), synchronous_tasks=True)
    try:
        shell.open_main(admin)
        main = shell.main_window
        assert isinstance(main, MainWindow)
        page = main.show_page("secretariat-intake")
        assert isinstance(page, IntakePage)
        type_persian(page.subject, "خرابی آسفالت")
        qtbot.waitUntil(lambda: not page.draft.timer.isActive())  # written once the typing rested
        type_persian(page.text, "کوچه ۱۲ از پارسال")  # … and at once:
        main.logout_action.trigger()
        assert shell.main_window is None
        qtbot.addWidget(shell.login_window)
        shell.open_main(admin)
        again = shell.main_window
        assert isinstance(again, MainWindow)
        qtbot.addWidget(again)
        page = again.show_page("secretariat-intake")
        assert isinstance(page, IntakePage)
        assert page.subject.text() == "خرابی آسفالت"
        assert page.text.toPlainText() == "کوچه ۱۲ از پارسال"
    finally:
        store.close()
