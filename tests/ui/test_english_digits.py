"""The English interface writes dates, counts and codes in Latin digits on every page: a date
formatted for Persian and shown as it is («۱۴۰۵/۰۹/۱۵ ۱۴:۵۴ — open») is caught here, page by page
and in the states a person brings the pages to (a member at the desk, a case open, a stock-take
under way, each action's dialog of a case)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kanoon_desk.demo import library as library_demo
from kanoon_desk.demo import secretariat as secretariat_demo
from kanoon_desk.models.library import Copy, Loan, Member
from kanoon_desk.models.secretariat import Case
from kanoon_desk.services import accounts
from kanoon_desk.services import library as lib
from kanoon_desk.services.secretariat_agencies import list_agencies
from kanoon_desk.ui.main_window import MainWindow, visible_pages
from kanoon_desk.ui.secretariat.dialogs import ActionDialog
from kanoon_desk.ui.widgets import select_row, today
from tests.secretariat_helpers import make_secretariat_desk
from tests.ui.shell_support import (
    compile_english,
    label_plain,
    language,
    make_ctx,
    persian_digits_out_of_place,
    shown_texts,
)


def test_the_rule_tells_a_persian_name_from_a_date_shown_in_persian() -> None:
    assert not persian_digits_out_of_place("مرکز فرهنگی هنری شماره ۱ (1301)")
    assert not persian_digits_out_of_place("1405/09/15 — open")
    assert persian_digits_out_of_place("۱۴۰۵/۰۹/۱۵ ۱۴:۵۴ — open")
    assert persian_digits_out_of_place("The lunar holidays of ۱۴۰۵ have not been entered yet")
    assert persian_digits_out_of_place("۳")
    # a count after a Persian subject is the English sentence's, by the nearer letter
    assert persian_digits_out_of_place("قطعی گاز در فصل سرما (۴۹ days late)")
    assert not persian_digits_out_of_place("مرکز شماره ۲ (49 days late)")


def test_no_page_shows_persian_digits_outside_persian_words_in_english(qapp: QApplication, qtbot: Any,
                                                                        tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    d = make_secretariat_desk(tmp_path)
    for code, name in (("1301", "مرکز فرهنگی هنری شماره ۱"), ("1302", "مرکز فرهنگی هنری شماره ۲")):
        lib.add_centre(d.store, d.admin, code, name)
    secretariat_demo.generate(d.store, random.Random(5), cases=60, today=today())
    library_demo.generate(d.store, random.Random(5), centres=["1301", "1302"], members=40, copies=120, loans=300,
                          today=today())
    with d.store.read() as s:
        member_no, centre = s.execute(select(Member.member_no, Member.home_centre).where(
            Member.id.in_(select(Loan.member_id).where(Loan.returned_at.is_(None)))).limit(1)).one()
        shelf_copy = s.scalar(select(Copy.barcode).where(Copy.status == "on_shelf", Copy.home_centre == centre))
    leaks: list[str] = []

    def look(state: str, page: Any) -> None:
        qapp.processEvents()
        leaks.extend(f"{state}: {where}: {text[:90]!r}" for where, text in shown_texts(page)
                     if persian_digits_out_of_place(text))

    with language(qapp, "en", compile_english(tmp_path)):
        window = MainWindow(make_ctx(d.store, d.admin, tmp_path), visible_pages(make_ctx(d.store, d.admin, tmp_path)))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        for spec in window.pages:
            look(spec.key, window.show_page(spec.key))
        desk = window.show_page("library-circulation")
        desk.centre_picker.setCurrentIndex(desk.centre_picker.findData(centre))
        for code in (member_no, shelf_copy):  # a member with books out, then a loan
            desk.scan.setText(code)
            desk.on_scan()
        look("circulation, a member and a loan", desk)
        for dialog in (desk.hold_dialog(), desk.hold_shelf(), desk.pull_list()):
            assert dialog is not None
            qtbot.addWidget(dialog)
            look(f"dialog {dialog.windowTitle()}", dialog)
        desk.mode_return.setChecked(True)
        desk.scan.setText(shelf_copy)
        desk.on_scan()
        look("circulation, a return", desk)
        search = window.show_page("secretariat-search")
        search.date_from.set_value(None)
        search.run()
        search.view.load(search.model.row_at(0).id)
        look("search, a case open", search)
        take = window.show_page("library-stocktake")
        take.centre.setCurrentIndex(take.centre.findData(centre))
        take.open_take()
        take.scan.setText(shelf_copy)
        take.on_scan()
        look("stock-take under way", take)
        transit = take.transit_dialog()
        qtbot.addWidget(transit)
        look("dialog on the way here", transit)
        catalogue = window.show_page("library-catalogue")
        catalogue.select(next(r for r, t in enumerate(catalogue.titles) if lib.copies_of_title(d.store, t.id)))
        select_row(catalogue.copy_table, 0)
        for dialog in (catalogue.labels_dialog(), catalogue.copy_dialog()):
            assert dialog is not None
            qtbot.addWidget(dialog)
            look(f"dialog {dialog.windowTitle()}", dialog)

        def opened(dialog: ActionDialog) -> int:  # each action's dialog, read and closed unanswered
            look(f"dialog {dialog.windowTitle()}", dialog)
            return 0

        users = window.show_page("admin-users")
        agencies = window.show_page("admin-agencies")
        some_user = accounts.list_users(d.store, d.admin)[0]
        some_agency = list_agencies(d.store)[0]
        for dialog in (users.user_dialog(), users.user_dialog(some_user), agencies.agency_dialog(),
                       agencies.agency_dialog(some_agency)):
            qtbot.addWidget(dialog)
            look(f"dialog {dialog.windowTitle()}", dialog)

        monkeypatch.setattr(ActionDialog, "exec", opened)
        with d.store.read() as s:
            cases = [s.scalar(select(Case.id).where(Case.status == status)) for status in
                     ("received", "referred", "forwarded", "answered", "closed")]
        for case_id in filter(None, cases):
            search.view.load(case_id)
            for key, button in search.view.buttons.items():
                if key not in ("attach", "papers", "register", "visit", "recall"):  # no dialog, or a file's
                    button.click()
        overdue = window.show_page("secretariat-overdue")  # an agency's late cases, followed up together
        late = next(i for i in range(1, overdue.agency.count())
                    if (overdue.agency.setCurrentIndex(i), overdue.model.total)[1])
        assert late and overdue.batch_button.isEnabled()
        batch = overdue.batch_dialog()
        qtbot.addWidget(batch)
        look(f"dialog {batch.windowTitle()}", batch)
        search = window.show_page("secretariat-search")  # a notice queue's applicants, told together
        for queue in ("untold", "notices"):
            search.show_queue(queue)
            if search.model.total:
                told = search.queue_notices.dialog()
                qtbot.addWidget(told)
                look(f"dialog {told.windowTitle()} ({queue})", told)
    assert not leaks, "\n".join(leaks)


def test_the_intake_page_in_english_writes_codes_dates_and_lists_the_english_way(
        qapp: QApplication, qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    """A known applicant's mobile filled in, the note of what was filled, the similar requests and
    the tracking code of the request saved: Latin digits, fields listed with ", " (they showed
    «۰۹۱۲۱۲۳۴۵۶۷», «First name، Mobile» and «Tracking code: ۰۰۱۳ ۰۱…»)."""
    from PySide6.QtCore import Qt

    from kanoon_desk.persian import format_jalali_date, to_ascii_digits
    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.services.numbers import format_tracking_code
    from kanoon_desk.ui.secretariat.intake import IntakePage
    from tests.secretariat_helpers import case_input
    from tests.ui.shell_support import label_plain, visible

    d = make_secretariat_desk(tmp_path)
    day = today()
    earlier = sec.intake(d.store, d.clerk, case_input(5, subject="قطعی آب", address="کوچه 12، پلاک 3"), on=day)
    leaks: list[str] = []
    shots: list[str] = []

    def look(state: str, page: IntakePage) -> None:
        qtbot.wait(20)  # (the layout settles: the receipt box grows to its two lines)
        page.grab().save(str(tmp_path / f"intake-en-{len(shots)}.png"))  # (look at them: each state)
        shots.append(state)
        leaks.extend(f"{state}: {where}: {text[:90]!r}" for where, text in shown_texts(page)
                     if persian_digits_out_of_place(text))

    with language(qapp, "en", compile_english(tmp_path)):
        page = IntakePage(make_ctx(d.store, d.clerk, tmp_path))
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        qtbot.keyClicks(page.national_id, case_input(5).national_id)
        qtbot.keyClick(page.national_id, Qt.Key.Key_Return)  # known: the form filled, similar cases shown
        assert page.mobile.text() == "09121234567" and page.address.text() == "کوچه 12، پلاک 3"
        assert "First name, Last name, Mobile, Address filled in" in page.known.text()
        hint = visible(label_plain(page.duplicates))
        assert f"• {format_tracking_code(earlier.tracking_code)} — " in hint
        assert f"({to_ascii_digits(format_jalali_date(day))}, " in hint  # (its date, then its status)
        look("a known applicant", page)
        type_persian(page.subject, "قطعی آب")
        qtbot.keyClick(page.subject, Qt.Key.Key_Return)  # the similar request is pointed at first
        assert page.receipt is None and page.confirm.isVisible()
        look("a similar request pointed at", page)
        qtbot.keyClick(page.subject, Qt.Key.Key_Return)  # seen: Enter again saves
        assert page.receipt is not None
        assert visible(page.result.text()).endswith(f"Tracking code: {format_tracking_code(page.receipt.tracking_code)}")
        look("saved", page)
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_similar_request_reads_in_the_interfaces_direction(qapp: QApplication, qtbot: Any, tmp_path: Path,
                                                             lang: str) -> None:
    """The similar-requests hint names a Persian applicant and subject inside a line of the
    interface's language: in English the line starts on the left (its Persian name made the whole
    line right to left, the status's brackets printed backwards), in Persian on the right."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextLayout, QTextOption

    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.ui.secretariat.intake import IntakePage
    from tests.secretariat_helpers import case_input

    d = make_secretariat_desk(tmp_path)
    sec.intake(d.store, d.clerk, case_input(5, subject="قطعی آب"), on=today())
    with language(qapp, lang, compile_english(tmp_path)):
        page = IntakePage(make_ctx(d.store, d.clerk, tmp_path))
        qtbot.addWidget(page)
        qtbot.keyClicks(page.national_id, case_input(5).national_id)
        qtbot.keyClick(page.national_id, Qt.Key.Key_Return)
        line = label_plain(page.duplicates).splitlines()[0]
        layout = QTextLayout(line, page.duplicates.font())  # as a label lays it out: direction by its text
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        layout.setTextOption(option)
        layout.beginLayout()
        laid = layout.createLine()
        laid.setLineWidth(100_000)
        layout.endLayout()
        bullet_on_the_left = laid.cursorToX(0)[0] < laid.naturalTextWidth() / 2
        assert bullet_on_the_left == (lang == "en"), line
