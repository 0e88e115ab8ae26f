"""The admin's agency directory page: add with errors at the field, correct, deactivate; the forward
dialog of a fresh desk then offers what the admin added."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.services import secretariat_agencies as ag
from kanoon_desk.ui.admin.agencies import AgenciesPage
from kanoon_desk.ui.main_window import MainWindow
from tests.secretariat_helpers import Desk, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def test_admin_adds_corrects_and_deactivates_an_agency(qtbot: Any, desk: Desk, tmp_path: Path,
                                                       type_persian: Any) -> None:
    window = MainWindow(make_ctx(desk.store, desk.admin, tmp_path))
    qtbot.addWidget(window)
    page = window.show_page("admin-agencies")
    assert isinstance(page, AgenciesPage) and page.model.rowCount() == 1  # the helper's agency
    assert not page.edit_button.isEnabled()

    dialog = page.agency_dialog()
    qtbot.addWidget(dialog)
    type_persian(dialog.name, "شهرداری مرکز استان")  # already in the directory
    qtbot.keyClicks(dialog.phone, "021-33445566")
    dialog.deadline_days.setValue(10)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.form.error_of("name") == "دستگاهی با همین نام در فهرست هست."
    assert dialog.phone.text() == "021-33445566" and dialog.result() != dialog.DialogCode.Accepted
    dialog.name.clear()
    type_persian(dialog.name, "اداره کل آموزش و پرورش")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.model.rowCount() == 2 and page.selected() is not None
    added = page.selected()
    assert added.name == "اداره کل آموزش و پرورش" and added.deadline_days == 10
    assert page.model.display(added, 2) == "۱۰" and "ذخیره شد" in page.message.text()

    edit = page.agency_dialog(added)
    qtbot.addWidget(edit)
    assert edit.name.text() == added.name and edit.deadline_days.value() == 10
    edit.deadline_days.setValue(0)  # back to the office's default
    type_persian(edit.address, "خیابان امام")
    edit.submit()
    got = ag.get_agency(desk.store, added.id)
    assert got.deadline_days is None and got.address == "خیابان امام" and got.phone == "021-33445566"
    assert page.model.display(page.selected(), 2) == "۱۵ (پیش‌فرض)"

    page.select_agency(added.id)
    assert page.active_button.text() == "غیرفعال کردن"
    page.toggle_active()
    assert not ag.get_agency(desk.store, added.id).active
    assert "غیرفعال شد" in page.message.text() and page.active_button.text() == "فعال کردن"
    assert page.model.rowCount() == 2  # still listed, marked
    page.inactive.setChecked(False)
    assert page.model.rowCount() == 1
    page.grab().save(str(tmp_path / "agencies.png"))


def test_a_fresh_desk_says_the_directory_is_empty(qtbot: Any, tmp_path: Path) -> None:
    from tests.factories import make_desk

    store, admin = make_desk(tmp_path / "fresh.sqlite3")
    page = AgenciesPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and "هنوز دستگاهی" in page.message.text()
    dialog = page.agency_dialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("اداره کل بهزیستی")
    dialog.submit()
    assert page.model.rowCount() == 1 and "هنوز دستگاهی" not in page.message.text()
    store.close()


def test_an_agency_list_is_previewed_and_added_only_when_no_row_is_wrong(qtbot: Any, desk: Desk,
                                                                         tmp_path: Path) -> None:
    page = AgenciesPage(make_ctx(desk.store, desk.admin, tmp_path))
    qtbot.addWidget(page)
    bad = tmp_path / "list.csv"
    bad.write_text("نام,مهلت (روز کاری),تلفن\nاداره کل بهزیستی,10,021-111\nشهرداری مرکز استان,,\n", encoding="utf-8")
    dialog = page.import_file(bad)
    assert dialog is not None and dialog.table.rowCount() == 2 and not dialog.ok.isEnabled()
    assert dialog.table.item(1, 1).text() == "«نام»: دستگاهی با همین نام در فهرست هست."  # the column to fix
    assert dialog.table.item(0, 1).text() == ""
    assert dialog.table.item(0, 3).text() == "۱۰" and "۱ ردیف نادرست" in dialog.summary.text()
    dialog.reject()
    good = tmp_path / "good.csv"
    good.write_text("نام,مهلت (روز کاری)\nاداره کل بهزیستی,10\nاداره کل راه و شهرسازی,\n", encoding="utf-8")
    dialog = page.import_file(good)
    assert dialog is not None and dialog.ok.isEnabled() and dialog.ok.text() == "افزودن ۲ دستگاه"
    dialog.ok.click()
    assert dialog.added == 2 and page.message.text() == "۲ دستگاه به فهرست افزوده شد."
    assert page.model.total == 3
    assert {a.name: a.deadline_days for a in ag.list_agencies(desk.store)}["اداره کل بهزیستی"] == 10
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert page.import_file(tmp_path / "notes.txt") is None  # not a sheet: said below the list
    assert page.message.text() == "فقط پرونده CSV یا XLSX را می‌توان درون‌ریزی کرد."



def test_an_agency_lists_unknown_columns_are_said_in_the_preview(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from tests.ui.shell_support import visible

    page = AgenciesPage(make_ctx(desk.store, desk.admin, tmp_path))
    qtbot.addWidget(page)
    path = tmp_path / "list.csv"
    path.write_text("نام,رئیس,تلفن\nاداره کل بهزیستی,آقای الف,021-111\n", encoding="utf-8")
    assert ag.preview_agencies(desk.store, desk.admin, path).unknown_columns == ["رئیس"]
    dialog = page.import_file(path)
    assert dialog is not None and dialog.ok.isEnabled()
    assert visible(dialog.summary.text()).endswith("ستون «رئیس» شناخته نشد و نادیده گرفته می‌شود.")


def test_a_provinces_agency_list_as_it_comes_a_title_above_utf16_and_each_error_names_its_column(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The province's list saved as Excel's «Unicode text» (UTF-16, tabs), its title and a blank row
    above the headings: read, rows numbered as the sheet numbers them, and each wrong row says
    which column to fix, as the file names it."""
    page = AgenciesPage(make_ctx(desk.store, desk.admin, tmp_path))
    qtbot.addWidget(page)
    path = tmp_path / "list.txt.csv"
    path.write_text("فهرست دستگاه‌های اجرایی استان\n\nنام دستگاه\tمهلت پاسخ\tتلفن\n"
                    "اداره کل راه و شهرسازی\t10\t\nشهرداری مرکز استان\t\t\nاداره کل ورزش\t200\t\n", encoding="utf-16")
    dialog = page.import_file(path)
    assert dialog is not None and dialog.table.rowCount() == 3
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["۴", "۵", "۶"]
    assert dialog.table.item(0, 1).text() == ""
    assert dialog.table.item(1, 1).text() == "«نام دستگاه»: دستگاهی با همین نام در فهرست هست."
    assert dialog.table.item(2, 1).text().startswith("«مهلت پاسخ»: ")
    assert dialog.table.item(2, 3).foreground().color().name() == "#b00020"  # the wrong cell itself
    dialog.reject()


def test_a_new_agency_half_typed_and_closed_by_esc_comes_back_and_cancel_drops_it(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: Any) -> None:
    """Esc (or the window's close button) on a new agency keeps what was typed: the next «new
    agency» is filled again and says so; «انصراف» drops it, a save too; a correction is never kept."""
    window = MainWindow(make_ctx(desk.store, desk.admin, tmp_path))
    qtbot.addWidget(window)
    page = window.show_page("admin-agencies")
    assert isinstance(page, AgenciesPage)
    dialog = page.agency_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_persian(dialog.name, "اداره کل راه و شهرسازی")
    qtbot.keyClicks(dialog.phone, "021-88776655")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # at once, a slip
    assert not dialog.isVisible()
    again = page.agency_dialog()
    qtbot.addWidget(again)
    assert again.name.text() == "اداره کل راه و شهرسازی" and again.phone.text() == "021-88776655"
    assert not again.draft_note.isHidden()
    again.buttons.button(again.buttons.StandardButton.Cancel).click()  # «انصراف»: dropped
    third = page.agency_dialog()
    qtbot.addWidget(third)
    assert third.name.text() == "" and third.draft_note.isHidden()
    # a correction is the agency's own values, never a draft, and leaves the new one's alone
    third.show()
    type_persian(third.name, "اداره کل بهزیستی")
    third.reject()
    fix = page.agency_dialog(ag.list_agencies(desk.store)[0])
    qtbot.addWidget(fix)
    fix.show()
    type_persian(fix.address, "میدان آزادی")
    fix.reject()
    fourth = page.agency_dialog()
    qtbot.addWidget(fourth)
    assert fourth.name.text() == "اداره کل بهزیستی" and fourth.address.text() == ""
    fourth.submit()  # saved: no draft
    assert fourth.result() == fourth.DialogCode.Accepted
    fifth = page.agency_dialog()
    qtbot.addWidget(fifth)
    assert fifth.name.text() == "" and fifth.draft_note.isHidden()


def _gated(monkeypatch: pytest.MonkeyPatch, name: str) -> threading.Event:
    """`ag.<name>` waits (on whichever thread calls it) until the returned event is set (10 s at most)."""
    gate, real = threading.Event(), getattr(ag, name)

    def waits(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(ag, name, waits)
    return gate


def test_an_agency_list_is_read_and_added_off_the_gui_thread_and_a_stop_adds_none(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The agency list was read, checked and added on the GUI thread (the window frozen for a long
    list); it is done on a pool thread: the window answers meanwhile (a timer fires), the preview
    arrives, and its «توقف» while the rows are added adds none of them."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    from kanoon_desk.services.sheets import ImportCancelled
    from kanoon_desk.ui.tasks import Progressing, TaskRunner

    ctx = make_ctx(desk.store, desk.admin, tmp_path)
    ctx.tasks = TaskRunner()
    page = AgenciesPage(ctx)
    qtbot.addWidget(page)
    path = tmp_path / "list.csv"
    path.write_text("نام,مهلت (روز کاری)\n" + "".join(f"اداره شماره {i},10\n" for i in range(40)), encoding="utf-8")
    gate = _gated(monkeypatch, "preview_agencies")
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: (fired.append(page.import_task is not None), gate.set()))
    with qtbot.waitSignal(page.import_ready, timeout=20_000) as ready:
        assert page.import_file(path) is None  # not ready yet: it runs
    assert fired == [True]
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 40 and dialog.ok.isEnabled()
    before = {a.name for a in ag.list_agencies(desk.store)}
    monkeypatch.setattr(Progressing, "EVERY_S", 0.0)
    pressed = threading.Event()
    dialog.ok.click()
    assert dialog.writing is not None and dialog.bar.isVisible() and not dialog.ok.isEnabled()

    def press_stop(done: int, total: int) -> None:  # the GUI thread, once 10 agencies were added
        if done == 10:
            dialog.cancel.click()
            pressed.set()

    def hold(done: int, total: int) -> None:  # the job's thread waits for the press
        if done == 10:
            pressed.wait(10)

    dialog.writing.progress.connect(press_stop)
    dialog.writing.progress.connect(hold, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(dialog.finished_writing, timeout=20_000) as finished:
        pass
    assert isinstance(finished.args[0], ImportCancelled)
    assert {a.name for a in ag.list_agencies(desk.store)} == before  # none added
    assert dialog.isVisible() and dialog.ok.isEnabled() and dialog.added == 0
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "ask_stop", lambda: asked.append(True) or False)
    with qtbot.waitSignal(dialog.finished_writing, timeout=20_000) as finished:
        dialog.ok.click()
        dialog.close()  # while it adds: asked, «no», it goes on
    assert asked == [True] and finished.args[0] == 40 and dialog.result() == QDialog.DialogCode.Accepted
    assert page.message.text() == "۴۰ دستگاه به فهرست افزوده شد."
    assert len({a.name for a in ag.list_agencies(desk.store)} - before) == 40
    ctx.tasks.wait()


def test_admin_merges_an_agency_after_the_dialog_says_what_will_move(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from datetime import timedelta

    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.services.secretariat_common import today
    from tests.secretariat_helpers import case_input

    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    water = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب شهری")
    late_day = today() - timedelta(days=40)
    for n, on in ((1, late_day), (2, today())):
        r = sec.intake(desk.store, desk.clerk, case_input(n), on=on)
        sec.review(desk.store, desk.expert, r.case_id, accept=True, on=on)
        sec.register(desk.store, desk.clerk, r.case_id, on=on)
        sec.forward(desk.store, desk.manager, r.case_id, rural.id, on=on)
    page = AgenciesPage(make_ctx(desk.store, desk.admin, tmp_path))
    qtbot.addWidget(page)
    page.resize(1000, 420)
    page.select_agency(rural.id)
    assert page.merge_button.isEnabled()
    dialog = page.merge_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()  # nothing chosen yet
    names = [dialog.into.itemText(i) for i in range(dialog.into.count())]
    assert rural.name not in names and water.name in names
    dialog.into.setCurrentIndex(names.index(water.name))
    said = dialog.summary.text()
    assert "۲، که ۱ از آن‌ها از مهلت گذشته است" in said and "به «شرکت آب و فاضلاب شهری» می‌رود" in said
    assert "نامه‌هایی که به «شرکت آب و فاضلاب روستایی» فرستاده شده: ۲" in said
    dialog.grab().save(str(tmp_path / "merge-dialog.png"))
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "ادغام شد" in page.message.text() and page.selected() is not None and page.selected().id == water.id
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).id == rural.id)
    assert page.model.display(page.model.row_at(row), 1) == "ادغام‌شده در «شرکت آب و فاضلاب شهری»"
    page.select_agency(rural.id)
    assert not page.active_button.isEnabled() and page.merge_button.text() == "برگرداندن ادغام…"
    assert page.merge_dialog() is None
    page.grab().save(str(tmp_path / "agencies-merged.png"))
    # the merged one is not offered again as a survivor, and a merge into it is refused at the field
    page.select_agency(desk.agency.id)
    other = page.merge_dialog()
    assert other is not None
    qtbot.addWidget(other)
    assert rural.name not in [other.into.itemText(i) for i in range(other.into.count())]


def test_admin_undoes_a_mistaken_merge_after_the_dialog_says_what_comes_back(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """A merge made by mistake could not be undone («ادغام برگشت ندارد»): the merged agency's button
    reads «برگرداندن ادغام…», its dialog says what comes back, and the agency is its own again;
    its history lists the merge and its undoing."""
    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.services.secretariat_common import today
    from tests.secretariat_helpers import case_input

    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    water = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب شهری")
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=today())
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=today())
    sec.register(desk.store, desk.clerk, r.case_id, on=today())
    sec.forward(desk.store, desk.manager, r.case_id, rural.id, on=today())
    ag.merge_agency(desk.store, desk.admin, rural.id, water.id)
    page = AgenciesPage(make_ctx(desk.store, desk.admin, tmp_path))
    qtbot.addWidget(page)
    page.resize(1000, 420)
    page.select_agency(rural.id)
    assert page.merge_button.isEnabled() and page.merge_button.text() == "برگرداندن ادغام…"
    assert page.merge_dialog() is None
    dialog = page.unmerge_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    said = dialog.summary.text()
    assert "نامه‌ای به «شرکت آب و فاضلاب روستایی» است: ۱، که ۰ از آن‌ها از مهلت گذشته است" in said
    assert "از «شرکت آب و فاضلاب شهری» به «شرکت آب و فاضلاب روستایی» برمی‌گردد" in said
    dialog.grab().save(str(tmp_path / "unmerge-dialog.png"))
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "برگردانده شد" in page.message.text()
    assert ag.get_agency(desk.store, rural.id).merged_into is None
    page.select_agency(rural.id)
    assert page.merge_button.text() == "ادغام…" and page.active_button.isEnabled()
    history = page.show_history()
    assert history is not None
    qtbot.addWidget(history)
    rows = [history.model.display(history.model.row_at(i), 1) for i in range(history.model.rowCount())]
    assert rows[:2] == ["ادغام در «شرکت آب و فاضلاب شهری» برگردانده شد", "در «شرکت آب و فاضلاب شهری» ادغام شد"]
    history.grab().save(str(tmp_path / "agency-history.png"))
    page.grab().save(str(tmp_path / "agencies-unmerged.png"))
    # (an undoing is refused with why when there is none to undo: the button merges instead)
    page.select_agency(water.id)
    assert page.unmerge_dialog() is None
