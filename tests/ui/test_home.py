"""The home page reads the work waiting again each time it is shown: a referral made meanwhile (on
another page, or pulled from another desk) shows in the manager's cartable count."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kanoon_desk.services import secretariat as sec
from kanoon_desk.ui.home import HomePage
from tests.secretariat_helpers import case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


def _fact(page: HomePage, title: str) -> str:
    labels = [w.text() for w in page.findChildren(QLabel) if not w.isHidden() or w.text()]
    at = labels.index(title)
    return labels[at + 1]


def test_the_home_page_reads_the_cartable_again_when_shown(qtbot: Any, tmp_path: Path) -> None:
    desk = make_secretariat_desk(tmp_path)
    page = HomePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert _fact(page, "کارتابل من").startswith("۰ مورد باز")
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction="بررسی شود", on=DAY)
    page.hide()  # the manager was on another page meanwhile
    page.show()
    qtbot.waitUntil(lambda: _fact(page, "کارتابل من").startswith("۱ مورد باز"))


def test_the_home_page_shows_the_desks_centre_holds_to_hand_over_and_send_and_copies_coming(
        qtbot: Any, tmp_path: Path) -> None:
    """A librarian's day starts from the home page too: holds on this centre's shelf to hand over,
    copies on its shelf that a hold elsewhere waits for, copies on their way here; «نمایش» opens
    the list."""
    from PySide6.QtWidgets import QDialog

    from kanoon_desk.services import circulation as circ
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.main_window import MainWindow
    from tests.library_helpers import TODAY, actor_at, make_library

    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    circ.checkin(L.store, at_b, "B0001", today=TODAY)  # returned at 14: on its way home, here
    circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)  # picked up at 14: send one
    other = lib.add_title(L.store, L.admin, lib.TitleInput(title="کلاغ‌ها"))
    lib.add_copy(L.store, L.admin, other.id, barcode="C0001")
    circ.checkout(L.store, L.admin, L.child.member_no, "C0001", today=TODAY)
    circ.place_hold(L.store, L.admin, L.adult.member_no, other.id, today=TODAY)
    circ.checkin(L.store, L.admin, "C0001", today=TODAY)  # set aside here for the adult
    ctx = make_ctx(L.store, L.admin, tmp_path)
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert _fact(page, "رزروهای آماده تحویل") == "۱"
    assert _fact(page, "نسخه‌هایی که باید برای رزرو فرستاده شوند") == "۱"
    assert _fact(page, "نسخه‌های در راه این مرکز") == "۱"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    home = window.show_page("home")
    target = next(t for title, _v, t in home._desk_facts() if title == "رزروهای آماده تحویل")
    home.go(target)
    assert window.current_key() == "library-circulation"
    [shelf] = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert shelf.windowTitle() == window.page_widget("library-circulation").hold_shelf().windowTitle()


def test_the_home_page_reads_its_facts_once_as_it_first_shows(qtbot: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Each read counts the office's queues (seconds on a busy province's store): built and then
    shown, the page read everything twice before the window appeared. Once now; again when it is
    shown again."""
    from kanoon_desk.services import accounts

    desk = make_secretariat_desk(tmp_path)
    reads: list[int] = []
    real = accounts.working_calendar
    monkeypatch.setattr(accounts, "working_calendar", lambda *a, **k: reads.append(1) or real(*a, **k))
    page = HomePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.wait(10)
    assert len(reads) == 1
    assert _fact(page, "کارتابل من").startswith("۰ مورد باز")
    page.hide()
    page.show()
    assert len(reads) == 2


def test_the_home_page_left_open_past_midnight_shows_the_new_day(qtbot: Any, tmp_path: Path) -> None:
    """The home page on screen overnight said yesterday was «امروز» (and counted the work to it)
    until another page was opened; it reads its facts again when the day turns in Tehran."""
    from datetime import UTC, datetime

    from kanoon_desk.models import acting_at

    desk = make_secretariat_desk(tmp_path)
    with acting_at(datetime(2026, 3, 20, 15, 0, tzinfo=UTC)):  # 18:30 on 29 Esfand 1404 in Tehran
        page = HomePage(make_ctx(desk.store, desk.manager, tmp_path))
        qtbot.addWidget(page)
        page.show()
        assert _fact(page, "امروز") == "جمعه ۲۹ اسفند ۱۴۰۴"
    with acting_at(datetime(2026, 3, 20, 21, 0, tzinfo=UTC)):  # 00:30 on Nowruz 1405
        page.today.check()  # what its minute timer does
        qtbot.waitUntil(lambda: _fact(page, "امروز") == "شنبه ۱ فروردین ۱۴۰۵")


def test_the_home_page_in_esfand_lists_nowruz_among_the_coming_holidays_and_warns_the_admin(
        qtbot: Any, tmp_path: Path) -> None:
    """The coming holidays came from the holiday table alone: the fixed official ones, off by rule
    and in no table (29 Esfand, Nowruz), were left out, and with no lunar holiday entered the page
    said «no day in the table» ten days before Nowruz. The admin is also told, on the home page,
    that the coming year's lunar holidays are not entered (deadlines given now reach into it)."""
    from datetime import UTC, datetime

    from kanoon_desk.models import acting_at
    from kanoon_desk.persian import parse_jalali_date
    from kanoon_desk.services import accounts

    desk = make_secretariat_desk(tmp_path)
    accounts.set_holiday(desk.store, desk.admin, parse_jalali_date("1404/04/15"), "عاشورا")  # 1404's lunar ones
    with acting_at(datetime(2026, 3, 11, 8, 0, tzinfo=UTC)):  # 1404/12/20
        page = HomePage(make_ctx(desk.store, desk.admin, tmp_path))
        qtbot.addWidget(page)
        page.resize(900, 600)
        page.show()
        assert _fact(page, "تعطیلی‌های پیش رو").split("\n") == [
            "جمعه ۲۹ اسفند ۱۴۰۴ — روز ملی شدن صنعت نفت", "شنبه ۱ فروردین ۱۴۰۵ — عید نوروز",
            "یکشنبه ۲ فروردین ۱۴۰۵ — عید نوروز"]
        assert _fact(page, "تعطیلات قمری") == "سال ۱۴۰۵ هنوز وارد نشده است"
        page.grab().save(str(tmp_path / "home-esfand.png"))
        accounts.set_holiday(desk.store, desk.admin, parse_jalali_date("1405/01/11"), "عید فطر")
        page.refresh()
        assert "تعطیلات قمری" not in [w.text() for w in page.findChildren(QLabel) if not w.isHidden()]
    # a clerk is not the one to enter them: no such line
    with acting_at(datetime(2026, 3, 11, 8, 0, tzinfo=UTC)):
        clerk = HomePage(make_ctx(desk.store, desk.clerk, tmp_path))
        qtbot.addWidget(clerk)
        assert "تعطیلات قمری" not in [w.text() for w in clerk.findChildren(QLabel)]
