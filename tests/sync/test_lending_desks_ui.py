"""The circulation desks of two centres, driven as librarians drive them, around one copy lent at
both while they were apart: what each desk shows once they have synced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.eventlog import Actor
from kanoon_desk.services import circulation, conflicts
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from kanoon_desk.sync import client
from kanoon_desk.ui.library.circulation import CirculationPage
from kanoon_desk.ui.widgets import ERROR_STYLE, text_digits
from tests.library_helpers import NATIONAL_IDS, TODAY
from tests.ui.shell_support import make_ctx, visible

from . import desk_pages
from .helpers import LiveServer
from .test_lending_across_centres import centre_13_with_a_copy, centre_14

# the server on SQLite and the Persian UI (fixtures)
server, persian_app = desk_pages.server, desk_pages.persian_app

pytestmark = pytest.mark.gui


def open_desk(qtbot: Any, store: Store, actor: Actor, tmp_path: Path) -> CirculationPage:
    tmp_path.mkdir(exist_ok=True)
    page = CirculationPage(make_ctx(store, actor, tmp_path))
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    return page


def scan(qtbot: Any, page: CirculationPage, code: str) -> None:
    page.scan.clear()
    qtbot.keyClicks(page.scan, code)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)


def test_a_copy_returned_at_one_centre_while_also_lent_at_another_says_so_at_the_desk(
        server: LiveServer, tmp_path: Path, qtbot: Any) -> None:
    """Centre 13 lent B0001 to the child, centre 14 (offline) to the adult. The adult brings it back
    to 14: the return is recorded, and the librarian is told, in red, that the copy is still lent to
    the child by centre 13 and that a manager decides — not a plain «returned, send it home»."""
    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    circulation.checkout(a, admin_a, child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, adult.member_no, "B0001", today=TODAY)
    for store in (a, b, a):
        assert client.sync_once(store).ok
    page = open_desk(qtbot, b, admin_b, tmp_path / "b")
    page.mode_return.setChecked(True)
    scan(qtbot, page, "B0001")
    said = visible(page.message.text())
    assert said.startswith("بازگشت ثبت شد: «ماهی سیاه کوچولو».")
    assert "هنوز به نام «زهرا محمدی» از «مرکز فرهنگی هنری شماره ۱» امانت ثبت شده است" in said
    assert "«ناسازگاری‌ها»" in said
    assert page.message.styleSheet() == ERROR_STYLE
    row = page.returns_panel.table.model()
    assert "زهرا محمدی" in visible(str(row.index(0, 3).data()))
    assert lib.get_copy(b, "B0001").status == "on_loan"  # the child's loan stays open until decided
    # once centre 13 has that return, the child's return there is an ordinary one
    for store in (b, a):
        assert client.sync_once(store).ok
    a_page = open_desk(qtbot, a, admin_a, tmp_path / "a")
    a_page.mode_return.setChecked(True)
    scan(qtbot, a_page, "B0001")
    assert visible(a_page.message.text()) == "بازگشت ثبت شد: «ماهی سیاه کوچولو». به قفسه برگردانید."


def test_the_member_on_the_desk_is_shown_anew_after_a_sync_brings_a_decision_from_another_desk(
        server: LiveServer, tmp_path: Path, qtbot: Any) -> None:
    """The child stands at centre 13's desk with B0001 on their card. Centre 14 had lent the same
    copy offline; its manager decides the book is with 14's member, which voids the child's loan.
    When that decision arrives by sync, the open desk drops the loan: «Loans: 0 of 3», no row —
    not the loan the child no longer has."""
    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    circulation.checkout(a, admin_a, child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, adult.member_no, "B0001", today=TODAY)
    page = open_desk(qtbot, a, admin_a, tmp_path / "a")
    scan(qtbot, page, child.member_no)
    assert page.loans.model().rowCount() == 1
    for store in (a, b, a):
        assert client.sync_once(store).ok
    conflict = conflicts.list_conflicts(b, admin_b)[0]
    first_is_13 = conflict.facts[0].office_code == "13"
    conflicts.resolve(b, admin_b, conflict.id, "keep_second" if first_is_13 else "keep_first", "نزد عضو مرکز ۲ است")
    for store in (b, a):
        assert client.sync_once(store).ok
    page.ctx.bus.changed.emit("sync")  # as the sync page says after each round
    assert "زهرا محمدی" in visible(page.member_name.text())
    assert page.loans.model().rowCount() == 0
    assert "امانت‌ها: ۰ از ۳" in visible(page.member_info.text())
    assert [visible(str(page.history.model().index(r, 0).data())) for r in range(page.history.model().rowCount())] \
        == ["B0001"]


def test_a_loan_voided_by_a_conflicts_decision_is_not_shown_as_returned_in_the_members_history(
        server: LiveServer, tmp_path: Path, qtbot: Any) -> None:
    """The child's loan of B0001 was voided (the book was with centre 14's member all along): her
    history at the desk says it was voided, not that she brought the book back on the day a manager
    decided."""
    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    circulation.checkout(a, admin_a, child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, adult.member_no, "B0001", today=TODAY)
    lib.add_copy(a, admin_a, lib.get_copy(a, "B0001").title_id, barcode="B0002", shelf="A1")
    circulation.checkout(a, admin_a, child.member_no, "B0002", today=TODAY)
    circulation.checkin(a, admin_a, "B0002", today=TODAY)  # an ordinary return, for comparison
    for store in (a, b, a):
        assert client.sync_once(store).ok
    conflict = conflicts.list_conflicts(a, admin_a)[0]
    first_is_13 = conflict.facts[0].office_code == "13"
    conflicts.resolve(a, admin_a, conflict.id, "keep_second" if first_is_13 else "keep_first", "")
    page = open_desk(qtbot, a, admin_a, tmp_path / "a")
    scan(qtbot, page, child.member_no)
    history = page.history.model()
    rows = {visible(str(history.index(r, 0).data())): visible(str(history.index(r, 3).data()))
            for r in range(history.rowCount())}
    assert rows["B0002"] == "۱۴۰۴/۰۲/۱۵"
    assert rows["B0001"].startswith("باطل شد (ناسازگاری) ۱۴")


def test_the_members_and_catalogue_pages_show_what_another_desk_did_once_synced(
        server: LiveServer, tmp_path: Path, qtbot: Any) -> None:
    """Centre 14's librarian has the members page open on a search for «احمدی» (Hossein's card
    shown) and the catalogue on the titles added last. Centre 13 registers another Ahmadi, corrects
    Hossein's phone, adds a title and lends B0001. After the sync round the open pages show it:
    the new member in the search's list, the card's new phone, the new title, B0001 on loan — not
    the lists as they were when the pages were opened."""
    from kanoon_desk.ui.library.catalogue import CataloguePage
    from kanoon_desk.ui.library.members import MembersPage

    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    ctx = make_ctx(b, admin_b, tmp_path)
    members = MembersPage(ctx)
    catalogue = CataloguePage(ctx)
    for page in (members, catalogue):
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()
    members.query.setText("احمدی")
    members.search()
    assert [m.full_name for m in members.results] == ["حسین احمدی"] and members.current is not None
    assert [t.title for t in catalogue.titles] == ["ماهی سیاه کوچولو"]
    lib.register_member(a, admin_a, lib.MemberInput(
        first_name="مریم", last_name="احمدی", national_id=NATIONAL_IDS[2], category="adult", phone="09127654321"),
        today=TODAY)
    lib.update_member(a, admin_a, adult.id, lib.MemberInput(
        first_name="حسین", last_name="احمدی", national_id=NATIONAL_IDS[1], category="adult", phone="09350000000",
        home_centre="13"), today=TODAY)
    lib.add_title(a, admin_a, lib.TitleInput(title="کلاغ‌ها", author="صمد بهرنگی", age_group="ب"))
    circulation.checkout(a, admin_a, child.member_no, "B0001", today=TODAY)
    for store in (a, b):
        assert client.sync_once(store).ok
    ctx.bus.changed.emit("sync")  # as the sync page says after each round
    assert sorted(m.full_name for m in members.results) == ["حسین احمدی", "مریم احمدی"]
    assert members.current is not None and members.current.phone == "09350000000"
    assert "۲ عضو پیدا شد" in visible(members.list_title.text())
    assert [t.title for t in catalogue.titles] == ["کلاغ‌ها", "ماهی سیاه کوچولو"]
    copies = catalogue.copy_table.model()
    row = [visible(str(copies.index(0, c).data())) for c in range(copies.columnCount())]
    assert row[0] == "B0001" and row[3] == "در امانت"


def test_a_hold_cancelled_while_its_copy_travels_names_the_centres_in_persian_digits(
        server: LiveServer, tmp_path: Path, qtbot: Any) -> None:
    """Hossein reserved, at centre 14, the book whose only copy is at centre 13; 13 sent it. He
    cancels at 14's desk while it travels: the desk says the copy is on its way to «مرکز فرهنگی
    هنری شماره ۲» (it wrote «شماره 2», in Latin digits) and, once scanned, goes home to «… شماره ۱»."""
    from kanoon_desk.services import library_transit as transit

    a, admin_a, _child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    hold = circulation.place_hold(b, admin_b, adult.member_no, lib.get_copy(a, "B0001").title_id, today=TODAY)
    for store in (b, a):
        assert client.sync_once(store).ok
    transit.send_for_hold(a, admin_a, hold.id, "B0001")
    for store in (a, b):
        assert client.sync_once(store).ok
    page = open_desk(qtbot, b, admin_b, tmp_path / "b")
    scan(qtbot, page, adult.member_no)
    [held] = page.open_holds()
    page.cancel_hold(held)
    assert visible(page.message.text()) == (
        "رزرو «ماهی سیاه کوچولو» لغو شد. نسخه‌اش (B0001) در راه مرکز «مرکز فرهنگی هنری شماره ۲» است؛ وقتی رسید، "
        "در حالت بازگشت بخوانیدش: به مرکز خودش «مرکز فرهنگی هنری شماره ۱» بفرستید.")


def test_the_conflict_inbox_names_who_recorded_a_fact_at_another_office(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    from kanoon_desk.ui.conflict_inbox import ConflictInbox

    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    circulation.checkout(a, admin_a, child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, adult.member_no, "B0001", today=TODAY)
    for store in (a, b, a):
        assert client.sync_once(store).ok
    inbox = ConflictInbox(make_ctx(a, admin_a, tmp_path / "ui"))
    qtbot.addWidget(inbox)
    inbox.resize(1100, 600)
    inbox.show()
    assert inbox.list.count() == 1
    texts = [box.toPlainText() for box in inbox.fact_boxes]
    here = next(t for t in texts if "(۱۳)" in t)
    there = next(t for t in texts if "(۱۴)" in t)
    assert "مدیر سامانه" in here  # this office's admin by name
    # 14's admin is not on 13's desk: said as a user of that office, not the end of an id
    assert "کاربر دفتر مرکز فرهنگی هنری شماره ۲ (۱۴)" in there
    assert admin_b.user_id[-12:] not in there and text_digits(admin_b.user_id[-12:]) not in there
    inbox.grab().save("/tmp/fix-E-inbox.png")


def test_the_conflict_inbox_reads_a_withdrawal_met_by_an_arrival_in_persian(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    from kanoon_desk.services import library_transit as tr
    from kanoon_desk.ui.conflict_inbox import ConflictInbox

    a, admin_a, _child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    for store in (b, a):
        assert client.sync_once(store).ok
    title = lib.search_titles(a, "ماهی")[0]
    hold = circulation.place_hold(b, admin_b, adult.member_no, title.id, pickup_centre="14", today=TODAY)
    for store in (b, a):
        assert client.sync_once(store).ok
    tr.send_for_hold(a, admin_a, hold.id, "B0001")
    for store in (a, b):
        assert client.sync_once(store).ok
    lib.withdraw_copy(a, admin_a, "B0001", "فرسوده")
    circulation.checkin(b, admin_b, "B0001", today=TODAY)
    for store in (a, b, a):
        assert client.sync_once(store).ok
    inbox = ConflictInbox(make_ctx(a, admin_a, tmp_path / "ui"))
    qtbot.addWidget(inbox)
    inbox.resize(1100, 640)
    inbox.show()
    withdrawal = next(box.toPlainText() for box in inbox.fact_boxes if "(۱۳)" in box.toPlainText())
    # what was done, and why, in Persian: not the hold shelf's «کنار گذاشتن», not a field's code
    assert "خارج کردن نسخه از گردش" in withdrawal and "دلیل" in withdrawal and "فرسوده" in withdrawal
    assert "reason" not in withdrawal and "کنارگذاشتن" not in withdrawal
    inbox.grab().save("/tmp/fix-E-retired.png")


def test_a_members_history_names_who_changed_it_at_another_office(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    from kanoon_desk.services import history
    from kanoon_desk.ui.library.history import FieldHistoryDialog

    a, admin_a, child, _adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    for store in (a, b):
        assert client.sync_once(store).ok
    # the guardian gives centre 14 a new phone number
    lib.update_member(b, admin_b, child.id, lib.MemberInput(
        first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0], guardian_name="علی محمدی",
        guardian_phone="09129876543", birth_date=child.birth_date), today=TODAY)
    for store in (b, a):
        assert client.sync_once(store).ok
    dialog = FieldHistoryDialog(history.field_history(a, admin_a, "member", child.id), child.full_name)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [[dialog.model.index(r, c).data() for c in range(dialog.model.columnCount())]
            for r in range(dialog.model.rowCount())]
    phones = {row[2]: row for row in rows if row[0] == "تلفن ولی"}  # by «در اجرا» / «جایگزین شد»
    assert phones["جایگزین شد"][3] == "مدیر سامانه"  # 13's admin, by name
    # 14's admin is not on 13's desk: said as a user of that office, never the start of an id
    there = phones["در اجرا"][3]
    assert there == "کاربر دفتر مرکز فرهنگی هنری شماره ۲ (۱۴)"
    assert admin_b.user_id[:8] not in there and text_digits(admin_b.user_id[:8]) not in there
    dialog.grab().save("/tmp/fix-C-history.png")
