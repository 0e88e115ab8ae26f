"""The intake form between two requests: a save running in the background is not started again by
a second Enter, and «فرم تازه» or a save leaves the form as a new walk-in finds it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kanoon_desk.models.secretariat import CATEGORIES, Case
from kanoon_desk.ui.secretariat.intake import IntakePage
from kanoon_desk.ui.tasks import TaskRunner
from tests.secretariat_helpers import Desk, make_secretariat_desk, national_id
from tests.ui.shell_support import HeldRunner, language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _intake(qtbot: Any, desk: Desk, tmp_path: Path, tasks: TaskRunner | None = None) -> IntakePage:
    ctx = make_ctx(desk.store, desk.clerk, tmp_path)
    if tasks is not None:
        ctx.tasks = tasks
    page = IntakePage(ctx)
    page.today.pin(DAY)
    page.received.set_value(DAY)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _cases(desk: Desk) -> int:
    with desk.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


def test_enter_again_while_the_save_runs_saves_the_request_once(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                type_persian: Any) -> None:
    runner = HeldRunner()
    page = _intake(qtbot, desk, tmp_path, runner)
    qtbot.keyClicks(page.national_id, national_id(4242))
    type_persian(page.first_name, "زهرا")
    type_persian(page.last_name, "کریمی")
    type_persian(page.subject, "قطعی مکرر برق")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert len(runner.held) == 1 and not page.save_button.isEnabled()  # saving in the background
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)  # Enter again, impatient: nothing more
    qtbot.keyClick(page.last_name, Qt.Key.Key_Return)
    runner.release()
    assert page.receipt is not None and _cases(desk) == 1
    assert page.save_button.isEnabled() and page.first_name.text() == ""
    # the next request is saved as usual; a failed save lets Enter try again too
    qtbot.keyClicks(page.national_id, national_id(4243))
    type_persian(page.first_name, "رضا")
    type_persian(page.subject, "خرابی آسفالت")  # no last name: the service refuses it
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert len(runner.held) == 1
    runner.release()
    assert page.form.error_of("last_name") != "" and page.save_button.isEnabled()
    type_persian(page.last_name, "مرادی")
    qtbot.keyClick(page.last_name, Qt.Key.Key_Return)
    assert len(runner.held) == 1
    runner.release()
    assert _cases(desk) == 2 and page.receipt.applicant_name == "رضا مرادی"


def test_enter_twice_with_the_real_thread_pool_saves_once(qtbot: Any, desk: Desk, tmp_path: Path,
                                                          type_persian: Any) -> None:
    runner = TaskRunner()
    page = _intake(qtbot, desk, tmp_path, runner)
    qtbot.keyClicks(page.national_id, national_id(4244))
    type_persian(page.first_name, "مینا")
    type_persian(page.last_name, "صالحی")
    type_persian(page.subject, "قطعی آب")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        qtbot.keyClick(page.subject, Qt.Key.Key_Return)
        qtbot.keyClick(page.subject, Qt.Key.Key_Return)  # before the first save reported back
    assert runner.wait()
    qtbot.wait(50)  # (a second save's report would arrive here)
    assert _cases(desk) == 1


def _posted_letter(page: IntakePage, qtbot: Any, type_persian: Any, n: int) -> None:
    """A letter that came by post 20 days ago, filed under another category."""
    qtbot.keyClicks(page.national_id, national_id(n))
    type_persian(page.first_name, "زهرا")
    type_persian(page.last_name, "کریمی")
    type_persian(page.subject, f"نامه پستی {n}")
    page.received.set_value(DAY - timedelta(days=20))
    page.channel.setCurrentIndex(page.channel.findData("post"))
    page.category.setCurrentIndex(2)


def _as_new(page: IntakePage) -> bool:
    return (page.received.value(), page.channel.currentData(), page.category.currentText()) == (
        DAY, "in_person", CATEGORIES[0])


def test_a_save_and_a_new_form_put_date_channel_and_category_back(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                  type_persian: Any) -> None:
    page = _intake(qtbot, desk, tmp_path)
    assert _as_new(page)
    _posted_letter(page, qtbot, type_persian, 51)
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None and page.receipt.received_date == DAY - timedelta(days=20)
    assert page.receipt.channel == "post"
    assert _as_new(page)  # the next walk-in is received today, in person
    qtbot.keyClicks(page.national_id, national_id(52))
    type_persian(page.first_name, "رضا")
    type_persian(page.last_name, "مرادی")
    type_persian(page.subject, "خرابی آسفالت")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert (page.receipt.received_date, page.receipt.channel) == (DAY, "in_person")
    _posted_letter(page, qtbot, type_persian, 53)
    page.category.setEditText("پسماند")  # a category of the clerk's own, typed in
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.subject.text() == "" and _as_new(page)
    page.grab().save(str(tmp_path / "intake-new-form.png"))


def test_the_english_intake_offers_categories_in_english_and_records_the_offices_word(
        qapp: Any, qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """In English the category list read «خدمات شهری», «آموزش»…; it says "Urban services",
    "Education"… and a case filed under "Education" is recorded «آموزش», as a Persian desk files
    it (reports group by the word); a category typed by hand is kept as typed."""
    from tests.ui.shell_support import compile_english

    with language(qapp, "en", compile_english(tmp_path)):
        page = _intake(qtbot, desk, tmp_path)
        shown = [page.category.itemText(i) for i in range(page.category.count())]
        assert shown[0] == "Urban services" and "Education" in shown
        assert not any("\u0600" <= ch <= "\u06ff" for text in shown for ch in text), shown
        qtbot.keyClicks(page.national_id, national_id(4250))
        qtbot.keyClicks(page.first_name, "Zahra")
        qtbot.keyClicks(page.last_name, "Karimi")
        qtbot.keyClicks(page.subject, "Power cuts")
        page.category.setCurrentIndex(page.category.findText("Education"))
        qtbot.keyClick(page.subject, Qt.Key.Key_Return)
        assert page.receipt is not None
        page.category.setEditText("Taxes")
        assert page.category_value() == "Taxes"
    with desk.store.read() as s:
        assert s.scalars(select(Case.category)).one() == "آموزش"


def test_a_category_typed_by_hand_comes_back_with_the_draft(qtbot: Any, desk: Desk, tmp_path: Path,
                                                           type_persian: Any) -> None:
    """The category list takes a category the list lacks; the draft kept only which listed one was
    chosen, so after a crash the request came back filed under «خدمات شهری» and the word typed
    was gone. It comes back as typed (and a listed one chosen, as chosen)."""
    page = _intake(qtbot, desk, tmp_path)
    type_persian(page.subject, "مالیات بر خانه")
    page.category.setFocus()
    page.category.lineEdit().selectAll()
    type_persian(page.category.lineEdit(), "مالیات")
    page.draft.flush()
    again = _intake(qtbot, desk, tmp_path)  # the next start, the same settings
    assert again.subject.text() == "مالیات بر خانه"
    assert again.category.currentText() == "مالیات" and again.category_value() == "مالیات"
    again.category.setCurrentIndex(4)
    again.draft.flush()
    third = _intake(qtbot, desk, tmp_path)
    assert third.category.currentIndex() == 4 and third.category_value() == CATEGORIES[4]
