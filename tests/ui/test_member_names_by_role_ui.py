"""A manager's lending reports page and conflict inbox: the active readers by membership number
and loan count, in the table and in both exports, and the member conflicts without the child; a
librarian's name them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.ui.conflict_inbox import ConflictInbox
from kanoon_desk.ui.library.reports import ReportsPage
from tests.factories import make_user
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library
from tests.sync.test_conflict_resolutions import exchange, two_centres
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Iterator[None]:
    with language(qapp, "fa"):
        yield


PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _cells(model: Any) -> list[str]:
    return [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]


def _xlsx_text(path: Path) -> str:
    return repr([row for ws in load_workbook(path) for row in ws.iter_rows(values_only=True)])


@pytest.mark.parametrize(("roles", "named"), [(("manager",), False), (("librarian",), True), (("admin",), True)])
def test_the_reports_page_names_the_active_readers_only_for_a_librarian(
        tmp_path: Path, qtbot: Any, roles: tuple[str, ...], named: bool) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    actor = L.admin if roles == ("admin",) else make_user(L.store, L.admin, "someone", *roles)
    page = ReportsPage(make_ctx(L.store, actor, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    page.refresh()
    shown = _cells(page.readers.model())
    exported = page.report_html() + _xlsx_text(page.export_xlsx(tmp_path / "r.xlsx"))
    for text in (repr(shown), exported):
        assert ("محمدی" in text) is named, text[:400]
    number = L.child.member_no.translate(PERSIAN_DIGITS)
    assert shown == (["زهرا محمدی", number, "۱"] if named else [number, "۱"]), shown


def test_the_inbox_shows_a_manager_a_member_conflict_by_membership_numbers(tmp_path: Path, qtbot: Any) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    lib.register_member(a, admin_a, child, today=TODAY)
    lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    for actor, named in ((make_user(a, admin_a, "modir", "manager"), False), (admin_a, True)):
        inbox = ConflictInbox(make_ctx(a, actor, tmp_path))
        qtbot.addWidget(inbox)
        inbox.list.setCurrentRow(0)
        texts = [inbox.list.item(i).text() for i in range(inbox.list.count())]
        texts += [inbox.title.text(), *(box.toPlainText() for box in inbox.fact_boxes)]
        joined = " ".join(texts)
        assert "ثبت عضو" in joined  # the facts are shown
        secrets = ("رضایی", "مریم", NATIONAL_IDS[2], NATIONAL_IDS[2].translate(PERSIAN_DIGITS), "09121112233",
                   "09121112233".translate(PERSIAN_DIGITS))
        if named:
            assert "رضایی" in joined, joined
        else:
            assert not [s for s in secrets if s in joined], joined
        xlsx = tmp_path / f"inbox-{named}.xlsx"
        inbox.export(xlsx)
        assert ("رضایی" in _xlsx_text(xlsx)) is named


@pytest.mark.parametrize(("roles", "decides"), [(("manager",), False), (("librarian",), True), (("admin",), True)])
def test_the_inbox_offers_a_member_conflict_s_buttons_only_to_who_sees_the_child(
        tmp_path: Path, qtbot: Any, roles: tuple[str, ...], decides: bool) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton

    from kanoon_desk.services import conflicts

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    lib.register_member(a, admin_a, child, today=TODAY)
    lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    actor = admin_a if roles == ("admin",) else make_user(a, admin_a, "someone", *roles)
    inbox = ConflictInbox(make_ctx(a, actor, tmp_path))
    qtbot.addWidget(inbox)
    inbox.show()
    inbox.list.setCurrentRow(0)
    buttons = [w for w in inbox.detail.findChildren(QPushButton) if w.objectName().startswith("resolve-")
               and w.objectName() != "resolve-many" and w.isVisible()]
    why = inbox.findChild(QLabel, "conflict-not-yours")
    assert bool(buttons) is decides
    assert (why is not None and why.isVisible()) is not decides
    assert inbox.note.isVisible() is decides
    if not decides:
        assert why is not None and why.text() == conflicts.MSG_MEMBER_RESOLVER
        assert "کتابدار" in why.text()
        inbox.grab().save(str(tmp_path / "inbox-manager.png"))
