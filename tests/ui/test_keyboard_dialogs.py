"""The app's dialogs for a screen reader and a keyboard: every list, field, choice and icon-only
button named as it is shown, a choice read by its label, the cursor where the work starts."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from kanoon_desk.services import secretariat as sec
from tests.library_helpers import TODAY, Lib
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Iterator[None]:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = make_secretariat_desk(tmp_path)
    yield d
    d.store.close()


def said(widget: QWidget, what: QAccessible.Text = QAccessible.Text.Name) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(what)


def unread(root: QWidget) -> list[str]:
    """The visible lists, fields and icon-only buttons in `root` a screen reader has no name for,
    and the choice boxes it reads by their choice alone (no label in their description)."""
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisible() or isinstance(w, QHeaderView) or w.objectName().startswith("qt_") \
                or isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox, QAbstractItemView)):
            continue
        if isinstance(w, QComboBox) and not w.isEditable():
            if not said(w, QAccessible.Text.Description).strip():
                found.append(f"choice {w.objectName()} read as «{said(w)}»")
        elif isinstance(w, (QAbstractItemView, QLineEdit, QAbstractSpinBox)) \
                or (isinstance(w, QAbstractButton) and not w.text().strip()):
            if not said(w).strip():
                found.append(f"{type(w).__name__}#{w.objectName()} in {type(w.parentWidget()).__name__}")
    return found


def _library_dialogs(L: Lib, ctx: Any, tmp_path: Path) -> dict[str, Callable[[], QDialog]]:
    from kanoon_desk.services import library_import as imp
    from kanoon_desk.ui.library.catalogue_import import ImportDialog
    from kanoon_desk.ui.library.catalogue_labels import LabelsDialog
    from kanoon_desk.ui.library.copies import CopyDialog
    from kanoon_desk.ui.library.history import FieldHistoryDialog
    from kanoon_desk.ui.library.holds import HoldDialog, HoldShelfDialog
    from kanoon_desk.ui.library.printouts import SlipDialog
    from kanoon_desk.ui.library.transit import PullListDialog, TransitDialog

    def import_preview() -> QDialog:
        path = tmp_path / "t.csv"
        with path.open("w", newline="", encoding="utf-8-sig") as f:
            csv.writer(f).writerows([["عنوان", "شابک", "بارکد"], ["ماهی سیاه", "9643913007", "N9"]])
        return ImportDialog(ctx, imp.preview_import(L.store, L.admin, "titles", path))

    return {
        "copy": lambda: CopyDialog(ctx, L.copies[0]),
        "hold": lambda: HoldDialog(ctx, L.child, day=TODAY),
        "hold-shelf": lambda: HoldShelfDialog(ctx, L.admin.office_code),
        "pull-list": lambda: PullListDialog(ctx),
        "transit": lambda: TransitDialog(ctx),
        "labels": lambda: LabelsDialog(ctx, L.copies[:1], L.copies),
        "slip": lambda: SlipDialog("<p>رسید</p>"),
        "history": lambda: FieldHistoryDialog([], L.title.title),
        "import-preview": import_preview,
    }


def _admin_dialogs(L: Lib, ctx: Any) -> dict[str, Callable[[], QDialog]]:
    from kanoon_desk.services import accounts
    from kanoon_desk.ui.admin.agencies import AgencyDialog
    from kanoon_desk.ui.admin.users import PasswordDialog, UserDialog
    from kanoon_desk.ui.password import ChangePasswordDialog
    from kanoon_desk.ui.setup import SetupDialog

    return {
        "user": lambda: UserDialog(ctx),
        "user-password": lambda: PasswordDialog(ctx, accounts.list_users(L.store, L.admin)[0]),
        "agency": lambda: AgencyDialog(ctx),
        "change-password": lambda: ChangePasswordDialog(ctx),
        "setup": lambda: SetupDialog(L.store),
    }


DIALOGS = ["copy", "hold", "hold-shelf", "pull-list", "transit", "labels", "slip", "history", "import-preview",
           "user", "user-password", "agency", "change-password", "setup"]


def test_every_dialog_class_of_the_app_names_itself_as_it_is_shown() -> None:
    """Dialogs were named by an application-wide event filter, which made every event of the app
    pass through a Python call (2× the cost of dispatching it). Each dialog now names itself as it
    is shown (`NamedDialog`): one made on a bare QDialog would be read as bare "table" and "edit"."""
    import importlib
    import pkgutil

    import kanoon_desk.ui
    from kanoon_desk.ui.accessible import NamedDialog

    for module in pkgutil.walk_packages(kanoon_desk.ui.__path__, "kanoon_desk.ui."):
        importlib.import_module(module.name)

    def every(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *every(sub))]

    ours = [c for c in every(QDialog) if c.__module__.startswith("kanoon_desk.")]
    assert len(ours) >= 17
    assert [c.__qualname__ for c in ours if not issubclass(c, NamedDialog)] == []


@pytest.mark.parametrize("which", DIALOGS)
def test_every_dialog_names_its_lists_fields_and_choices_as_it_is_shown(
        qtbot: Any, app_as_run: Any, library: Lib, tmp_path: Path, which: str) -> None:
    """The naming of the main window's pages stopped at its dialogs: the hold shelf, the pull list
    and the transit list were a bare "table", the pull list's scan box and the hold dialog's search
    a bare "edit", and every choice (the hold's pick-up centre, a copy's centre) was read as the
    centre chosen, with no word of what it was. As the app runs (`ensure_app`), each dialog is
    named as it is shown."""
    ctx = make_ctx(library.store, library.admin, tmp_path)
    dialogs = {**_library_dialogs(library, ctx, tmp_path), **_admin_dialogs(library, ctx)}
    dialog = dialogs[which]()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert unread(dialog) == []


def test_the_hold_dialog_s_lists_and_choice_say_what_they_are(
        qtbot: Any, app_as_run: Any, library: Lib, tmp_path: Path) -> None:
    """Named by the words a sighted person reads: the search box by what it asks, the pick-up centre
    by its label (after the centre chosen), the matches as the books found."""
    from kanoon_desk.ui.library.holds import HoldDialog

    dialog = HoldDialog(make_ctx(library.store, library.admin, tmp_path), library.child, day=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert said(dialog.query) == dialog.query.placeholderText()
    assert said(dialog.pickup, QAccessible.Text.Description) == "مرکز تحویل"
    assert said(dialog.matches) == "کتاب‌های پیدا شده"


def test_a_case_action_dialog_leaves_nothing_unread(
        qtbot: Any, app_as_run: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """«رد» (a reason to choose, a note) and «ارجاع» (a receiver to choose, an instruction): the
    reason and the receiver were read as the choice alone."""
    from kanoon_desk.ui.secretariat.case_view import CaseView
    from kanoon_desk.ui.secretariat.dialogs import ActionDialog

    seen: dict[str, list[str]] = {}

    def look(dlg: ActionDialog) -> int:
        dlg.show()
        QApplication.processEvents()
        seen[dlg.windowTitle()] = unread(dlg)
        dlg.reject()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ActionDialog, "exec", look)
    fresh = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY).case_id
    referred = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY).case_id
    sec.review(desk.store, desk.expert, referred, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, referred, on=DAY)
    for actor, case_id, action in ((desk.expert, fresh, "reject"), (desk.expert, referred, "refer")):
        view = CaseView(make_ctx(desk.store, actor, tmp_path))
        view.today.pin(DAY)
        view.load(case_id)
        qtbot.addWidget(view)
        view.show()
        view.buttons[action].click()
    assert len(seen) == 2 and all(found == [] for found in seen.values()), seen


def test_a_choice_box_is_announced_by_its_label(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """Qt reads a choice box by its choice (on Linux whatever name it is given): the intake's
    «شیوه دریافت» was read as «حضوری» alone. Its label is now the one the reader is pointed to
    ("labelled by"), and its description, read after the choice, says it, also after the form
    is emptied for the next walk-in and while an error stands under it."""
    from kanoon_desk.ui.secretariat.intake import IntakePage

    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert said(page.channel, QAccessible.Text.Description) == "شیوه دریافت"
    face = QAccessible.queryAccessibleInterface(page.channel)
    assert face is not None
    labels = [other.text(QAccessible.Text.Name) for other, _ in face.relations(QAccessible.RelationFlag.Label)]
    assert [text.rstrip(":") for text in labels] == ["شیوه دریافت"]
    page.form.set_error("channel", "شیوه دریافت را برگزینید.")
    assert said(page.channel, QAccessible.Text.Description) == "شیوه دریافت\nشیوه دریافت را برگزینید."
    page.new_form()
    assert said(page.channel, QAccessible.Text.Description) == "شیوه دریافت"


def test_tab_leaves_the_office_s_letter_heading(qtbot: Any, library: Lib, tmp_path: Path) -> None:
    """The office page's «سربرگ نامه‌ها» typed a tab character at Tab: a keyboard user in it could
    never reach «ذخیره», and the heading printed on every letter got a stray tab.
    Tab goes on to the next field (Enter still starts a new line of the heading)."""
    from PySide6.QtCore import Qt

    from kanoon_desk.ui.admin.office import OfficePage

    page = OfficePage(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.heading.setFocus()
    before = page.heading.toPlainText()
    qtbot.keyClick(page.heading, Qt.Key.Key_Tab)
    on = page.is_centre if page.is_centre.isEnabled() else page.save_button  # (fixed once it is a centre)
    assert QApplication.focusWidget() is on
    assert page.heading.toPlainText() == before


@pytest.mark.parametrize("role", ["admin", "librarian"])
def test_every_page_s_choices_are_announced_by_a_label(qtbot: Any, desk: Desk, tmp_path: Path, role: str) -> None:
    """The pages' filter choices stand with no label beside them: the cartable's «رسیده به من» and
    its order, the search's «همه وضعیت‌ها» and «همه دستگاه‌ها», the report's «پاییز», the catalogue's
    «عنوان‌ها» were read as that choice alone. Each says what it chooses."""
    from kanoon_desk.ui.main_window import MainWindow

    main = MainWindow(make_ctx(desk.store, getattr(desk, role), tmp_path))
    qtbot.addWidget(main)
    main.show()
    unlabelled: dict[str, list[str]] = {}
    for key in main.page_keys():
        main.show_page(key)
        QApplication.processEvents()
        if found := unread(main):
            unlabelled[key] = found
    assert unlabelled == {}
