"""The English interface's dialogs and questions: on a desk whose data is all in Latin letters, no
Persian letter and no Persian digit is the program's own (a leak would name itself here)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from kanoon_desk.services import accounts
from kanoon_desk.services import library as lib
from kanoon_desk.services.secretariat_agencies import AGENCY_HEADINGS
from kanoon_desk.store import Store
from kanoon_desk.ui.main_window import MainWindow
from kanoon_desk.ui.widgets import select_row
from tests.factories import PASSWORD, make_office_a_centre, write_xlsx
from tests.library_helpers import NATIONAL_IDS

from .shell_support import compile_english, language, make_ctx

PERSIAN = re.compile("[\u0600-\u06ff]")
#: Persian column headings a file may hold, named in quotes in the English interface too
FILE_HEADINGS = re.compile("«(?:" + "|".join(re.escape(h) for h in AGENCY_HEADINGS) + ")»")


@pytest.fixture
def latin_desk(tmp_path: Path) -> Iterator[tuple[Store, Any, str]]:
    """A desk whose every name, title and note is in Latin letters: Persian on screen is a leak."""
    store = Store(tmp_path / "latin.sqlite3")
    accounts.setup_desk(store, office_code="13", office_name="Governorate office", admin_username="admin",
                        admin_full_name="Sam Admin", admin_password=PASSWORD, device_no=1)
    admin = accounts.login(store, "admin", PASSWORD)
    make_office_a_centre(store, admin, "Centre One")
    accounts.create_user(store, admin, username="clerk1", full_name="Zahra Clerk", password=PASSWORD,
                         roles={"clerk"}, must_change_password=False)
    member = lib.register_member(store, admin, lib.MemberInput(
        first_name="Zahra", last_name="Karimi", national_id=NATIONAL_IDS[0], category="adult",
        phone="09351234567"), today=date(2026, 5, 2))
    title = lib.add_title(store, admin, lib.TitleInput(title="The Little Black Fish", author="Samad Behrangi"))
    for i in (1, 2):
        lib.add_copy(store, admin, title.id, barcode=f"B{i:04d}", shelf="A1")
    yield store, admin, member.member_no
    store.close()


def leaks_of(key: str, root: QWidget) -> list[str]:
    """What the program writes on `root` and its children that has a Persian letter."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        texts = [w.windowTitle()] if w.isWindow() else []
        texts.append(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:
                columns = 1
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
            texts += [str(model.index(r, c).data() or "") for r in range(min(model.rowCount(QModelIndex()), 5))
                      for c in range(columns)]
        found += [f"{key}: {type(w).__name__}#{w.objectName()}: {t!r}" for t in texts
                  if PERSIAN.search(FILE_HEADINGS.sub("", t))]
    return found


def test_no_dialog_or_question_says_anything_in_persian_in_english(
        qapp: QApplication, qtbot: Any, tmp_path: Path, latin_desk: tuple[Store, Any, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The library's and the admin's dialogs (copy, labels, holds, hold shelf, pull list, transit,
    import preview, user, password, agency, batch follow-up), every question a page asks
    (QMessageBox.question) and every small input dialog (lost, withdraw, override, cancel a hold),
    in English, over Latin data: no Persian letter of the program's own."""
    store, admin, member_no = latin_desk
    leaks: list[str] = []

    def question(_parent: Any, title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        leaks.extend(f"question: {t!r}" for t in (title, text) if PERSIAN.search(t))
        return QMessageBox.StandardButton.No

    def get_text(_parent: Any, title: str, label: str, *_a: Any, **_k: Any) -> tuple[str, bool]:
        leaks.extend(f"input: {t!r}" for t in (title, label) if PERSIAN.search(t))
        return "", False

    def get_item(_parent: Any, title: str, label: str, items: list[str], *_a: Any, **_k: Any) -> tuple[str, bool]:
        leaks.extend(f"choice: {t!r}" for t in (title, label, *items) if PERSIAN.search(t))
        return "", False

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))

    def look(key: str, dialog: QWidget | None) -> None:
        assert dialog is not None, key
        qtbot.addWidget(dialog)
        dialog.show()
        leaks.extend(leaks_of(key, dialog))
        dialog.close()

    with language(qapp, "en", compile_english(tmp_path)):
        window = MainWindow(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(window)
        window.show()
        users = accounts.list_users(store, admin)
        clerk = next(u for u in users if u.username == "clerk1")
        page: Any = window.show_page("admin-users")
        look("user (new)", page.user_dialog())
        look("user (edit)", page.user_dialog(clerk))
        from kanoon_desk.ui.admin.users import PasswordDialog

        look("password", PasswordDialog(page.ctx, clerk, page))
        page.ask_deactivate(clerk)
        window.show_page("admin-holidays").ask_replace("1405/01/01", "Old", "New")  # type: ignore[attr-defined]
        window.show_page("admin-office").ask_make_centre()  # type: ignore[attr-defined]
        look("agency", window.show_page("admin-agencies").agency_dialog())  # type: ignore[attr-defined]
        look("batch follow-up", window.show_page("secretariat-overdue").batch_dialog())  # type: ignore[attr-defined]

        page = window.show_page("library-catalogue")
        page.query.setText("Fish")
        page.search()
        select_row(page.title_table, 0)
        select_row(page.copy_table, 0)
        look("copy", page.copy_dialog())
        look("labels", page.labels_dialog())
        page._ask_and_mark("withdraw")
        page._ask_and_mark("lost")
        sheet = write_xlsx(tmp_path / "titles.xlsx", [["title", "author", "barcode"], ["Pinocchio", "Collodi", "C1"]])
        look("import preview", page.preview_import("titles", sheet))

        page = window.show_page("library-circulation")
        page.scan.setText(member_no)
        qtbot.keyClick(page.scan, Qt.Key.Key_Return)
        look("hold", page.hold_dialog())
        leaks.extend(leaks_of("circulation desk, a member scanned", page))
        page.ask_lost_note("The Little Black Fish")
        page.ask_override_reason()
        look("hold shelf", page.hold_shelf())
        from kanoon_desk.ui.library.transit import PullListDialog, TransitDialog

        look("pull list", PullListDialog(page.ctx, page))
        look("transit", TransitDialog(page.ctx, page, centre="13"))
        page = window.show_page("library-stocktake")
        page.ask_reshelve(2)
        page.ask_mark_lost(2)
        look("stock-take transit", page.transit_dialog())
        look("shortcuts", window.shortcuts_dialog())
        look("about", window.about_dialog())
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize("role", ["librarian", "clerk", "expert", "manager", "admin"])
def test_no_page_says_anything_in_persian_in_english_for_any_role(
        qapp: QApplication, qtbot: Any, tmp_path: Path, latin_desk: tuple[Store, Any, str], role: str) -> None:
    """Each role's pages in English over Latin data: labels, tooltips, lists, headings and the first
    rows have no Persian letter or digit (the holidays the desk was set up with are the office's
    data, in Persian: the home page's and the holidays page's)."""
    store, admin, _ = latin_desk
    if role != "admin":
        accounts.create_user(store, admin, username=f"u_{role}", full_name=f"Someone {role}", password=PASSWORD,
                             roles={role}, must_change_password=False)
    actor = accounts.login(store, "admin" if role == "admin" else f"u_{role}", PASSWORD)
    with language(qapp, "en", compile_english(tmp_path)):
        window = MainWindow(make_ctx(store, actor, tmp_path))
        qtbot.addWidget(window)
        window.show()
        leaks = [leak for spec in window.pages for leak in leaks_of(spec.key, window.show_page(spec.key))]
        leaks += leaks_of("window", window)
    holiday_names = {title for _day, title in accounts.list_holidays(store)}
    leaks = [leak for leak in leaks if not any(name in leak for name in holiday_names)]
    assert not leaks, "\n".join(leaks)


def test_the_report_papers_and_sheets_say_nothing_in_persian_in_english(
        qapp: QApplication, qtbot: Any, tmp_path: Path, latin_desk: tuple[Store, Any, str]) -> None:
    """The secretariat's and the library's report (the paper's HTML and the Excel sheet) in English
    over Latin data: no Persian letter or digit, and sheets read left to right."""
    from openpyxl import load_workbook

    store, admin, _ = latin_desk
    leaks: list[str] = []
    with language(qapp, "en", compile_english(tmp_path)):
        window = MainWindow(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(window)
        window.show()
        secretariat: Any = window.show_page("secretariat-reports")
        secretariat.refresh()
        library: Any = window.show_page("library-reports")
        library.refresh()
        papers = {"secretariat paper": secretariat.html(), "library paper": library.report_html()}
        sheets = {"secretariat sheet": secretariat.export_excel(tmp_path / "s.xlsx"),
                  "library sheet": library.export_xlsx(tmp_path / "l.xlsx")}
    leaks += [f"{k}: {m!r}" for k, html in papers.items() for m in re.findall("[^<>]*[\u0600-\u06ff][^<>]*", html)]
    for key, path in sheets.items():
        for ws in load_workbook(path):
            leaks += [f"{key} {ws.title}: right to left"] if ws.sheet_view.rightToLeft else []
            leaks += [f"{key} {ws.title}: {v!r}" for row in ws.iter_rows(values_only=True) for v in row
                      if isinstance(v, str) and PERSIAN.search(v)]
    assert not leaks, "\n".join(leaks)
