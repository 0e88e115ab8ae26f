"""The secretariat of one office on two clerks' desks, driven through the real pages: what each
desk shows once a sync brought the other's work."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from kanoon_desk import persian
from kanoon_desk.eventlog import Actor
from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services.secretariat_agencies import AgencyView, save_agency
from kanoon_desk.store import Store
from kanoon_desk.sync import client
from kanoon_desk.ui.secretariat.case_view import CaseView
from kanoon_desk.ui.secretariat.lists import CartablePage, SearchPage
from tests.secretariat_helpers import PDF_BYTES, case_input
from tests.ui.shell_support import label_plain, make_ctx, visible

from . import desk_pages
from .helpers import PASSWORD, LiveServer, bootstrap_admin, enrol

# the server on SQLite and the Persian UI (fixtures)
server, persian_app = desk_pages.server, desk_pages.persian_app

pytestmark = pytest.mark.gui


@dataclass
class Office:
    d1: Store
    d2: Store
    admin: Actor
    clerk: Actor
    expert: Actor
    manager: Actor
    agency: AgencyView
    case_id: str


def _user(store: Store, admin: Actor, name: str, role: str) -> Actor:
    accounts.create_user(store, admin, username=name, full_name=f"کاربر {name}", password=PASSWORD,
                         roles={role}, must_change_password=False)
    return accounts.login(store, name, PASSWORD)


def sync(*stores: Store) -> None:
    for store in stores:
        report = client.sync_once(store)
        assert report.ok, report.summary_line()


@pytest.fixture
def office(server: LiveServer, tmp_path: Path) -> Office:
    """Desk 1: the clerk registers a complaint with its scan; desk 2 is enrolled and has it."""
    for d in ("d1", "d2"):
        (tmp_path / d).mkdir()
    d1 = enrol(server, tmp_path / "d1" / "desk.sqlite3", "13")
    admin = bootstrap_admin(d1)
    clerk, expert, manager = (_user(d1, admin, n, r) for n, r in
                              (("clerk1", "clerk"), ("expert1", "expert"), ("manager1", "manager")))
    agency = save_agency(d1, admin, name="شهرداری مرکز استان", deadline_days=None)
    receipt = sec.intake(d1, clerk, case_input(1))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF_BYTES)
    sec.add_attachment(d1, clerk, receipt.case_id, scan)
    sync(d1)
    d2 = enrol(server, tmp_path / "d2" / "desk.sqlite3", "13")
    return Office(d1, d2, admin, clerk, expert, manager, agency, receipt.case_id)


def test_the_managers_open_cartable_shows_a_referral_that_a_sync_brought(office: Office, tmp_path: Path,
                                                                          qtbot: Any) -> None:
    """The manager has the cartable open on desk 1; the expert on desk 2 accepts, registers and
    refers the complaint to them. After the sync the item is in the list (it stayed «۰ مورد" until
    the manager changed a filter), and the case shown below reads as it is now."""
    page = CartablePage(make_ctx(office.d1, office.manager, tmp_path / "d1"))
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0
    expert2 = accounts.login(office.d2, "expert1", PASSWORD)
    sec.review(office.d2, expert2, office.case_id, accept=True)
    sec.register(office.d2, expert2, office.case_id)
    sec.refer(office.d2, expert2, office.case_id, office.manager.user_id)
    sync(office.d2, office.d1)
    page.ctx.bus.changed.emit("sync")  # as the sync page says after each round
    assert page.model.rowCount() == 1
    assert visible(page.count.text()) == "۱ مورد"
    page.open_row(0)
    assert visible(page.view.labels["status"].text()) == "در کارتابل مدیر"
    # desk 2 (offline) closes it meanwhile; the case open under the cartable follows the sync
    sec.close(office.d2, accounts.login(office.d2, "admin", PASSWORD), office.case_id, outcome="unresolved")
    sync(office.d2, office.d1)
    page.ctx.bus.changed.emit("sync")
    assert visible(page.view.labels["status"].text()).startswith("مختومه")
    assert "forward" not in page.view.buttons
    assert page.model.rowCount() == 0


def test_the_case_under_the_search_list_is_read_again_after_a_sync(office: Office, tmp_path: Path,
                                                                    qtbot: Any) -> None:
    """Desk 2's clerk has the complaint open under the search list; desk 1's expert accepts it.
    After the sync the case below says «accepted» and offers registration, not «accept» again (a
    click on which was refused as already reviewed)."""
    clerk2 = accounts.login(office.d2, "clerk1", PASSWORD)
    page = SearchPage(make_ctx(office.d2, clerk2, tmp_path / "d2"))
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)
    page._show_case(0)
    assert page.view.case_id == office.case_id
    assert "register" not in page.view.buttons
    sec.review(office.d1, office.expert, office.case_id, accept=True)
    sync(office.d1, office.d2)
    page.ctx.bus.changed.emit("sync")
    assert "register" in page.view.buttons


def test_a_case_in_conflict_says_so_on_both_desks_until_a_manager_decides(office: Office, tmp_path: Path,
                                                                         qtbot: Any) -> None:
    """Desk 2, offline, closes the complaint while the manager on desk 1 forwards it. After the
    sync both desks' case view says «مختومه» — and now also, in red, that the case is in conflict and
    that a manager decides in «ناسازگاری‌ها» (it said nothing: the forward just looked lost). Once the
    manager reopens it on desk 1, desk 2's view drops the line after the next sync."""
    from kanoon_desk.services import conflicts

    sec.review(office.d1, office.expert, office.case_id, accept=True)
    sec.register(office.d1, office.clerk, office.case_id)
    sync(office.d1, office.d2)
    sec.close(office.d2, accounts.login(office.d2, "admin", PASSWORD), office.case_id, outcome="unresolved")
    sec.forward(office.d1, office.admin, office.case_id, office.agency.id, letter_no="۱۲۳")
    pages = [SearchPage(make_ctx(store, office.admin, tmp_path / d)) for store, d in
             ((office.d1, "d1"), (office.d2, "d2"))]
    for page in pages:
        qtbot.addWidget(page)
        page.show()
        page.view.load(office.case_id)
        assert page.view.conflict_message.isHidden()
    sync(office.d2, office.d1, office.d2)
    for page in pages:
        page.ctx.bus.changed.emit("sync")
        said = visible(page.view.conflict_message.text())
        assert page.view.conflict_message.isVisibleTo(page.view), said
        assert "«کار روی پرونده‌ای که در میز دیگری بسته شده است»" in said and "«ناسازگاری‌ها»" in said, said
    [c] = conflicts.list_conflicts(office.d1, office.admin)
    conflicts.resolve(office.d1, office.admin, c.id, "reopen", "دستگاه پیگیری می‌کند")
    pages[0].ctx.bus.changed.emit("sync")  # as the conflict inbox says after a decision
    assert pages[0].view.conflict_message.isHidden()
    sync(office.d1, office.d2)
    pages[1].ctx.bus.changed.emit("sync")
    assert pages[1].view.conflict_message.isHidden()
    steps = [[visible(str(p.view.timeline.model().index(r, 2).data()))
              for r in range(p.view.timeline.model().rowCount())] for p in pages]
    assert steps[0] == steps[1]



def test_a_case_in_conflict_is_marked_in_the_search_list(office: Office, tmp_path: Path, qtbot: Any) -> None:
    """Desk 2, offline, closes the complaint while the manager on desk 1 forwards it. After the
    sync the search list read «مختومه، هنوز به متقاضی اعلام نشده», with nothing of the conflict the
    case view shows in red. The row now ends «— ناسازگاری همگام‌سازی», in the alert colour, its
    tooltip saying what the conflict is and where it is decided; once a manager decides, it goes."""
    from PySide6.QtCore import Qt

    from kanoon_desk.services import conflicts

    sec.review(office.d1, office.expert, office.case_id, accept=True)
    sec.register(office.d1, office.clerk, office.case_id)
    sync(office.d1, office.d2)
    sec.close(office.d2, accounts.login(office.d2, "admin", PASSWORD), office.case_id, outcome="unresolved")
    sec.forward(office.d1, office.admin, office.case_id, office.agency.id, letter_no="۱۲۳")
    sync(office.d2, office.d1, office.d2)
    search = SearchPage(make_ctx(office.d1, office.admin, tmp_path / "d1"))
    qtbot.addWidget(search)
    search.show()

    def row() -> int:
        [found] = [r for r in range(search.model.rowCount()) if search.model.row_at(r).id == office.case_id]
        return found

    status = search.model.index(row(), search.model.STATUS_COLUMN)
    said = visible(str(status.data()))
    assert said.startswith("مختومه") and said.endswith("— ناسازگاری همگام‌سازی"), said
    assert status.data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    tip = visible(str(search.model.index(row(), 0).data(Qt.ItemDataRole.ToolTipRole)))
    assert "«کار روی پرونده‌ای که در میز دیگری بسته شده است»" in tip and "«ناسازگاری‌ها»" in tip, tip
    [c] = conflicts.list_conflicts(office.d1, office.admin)
    conflicts.resolve(office.d1, office.admin, c.id, "keep_closed", "")
    search.ctx.bus.changed.emit("sync")
    assert "ناسازگاری" not in visible(str(search.model.index(row(), search.model.STATUS_COLUMN).data()))
    assert search.model.index(row(), 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_case_in_conflict_is_marked_in_the_cartable(office: Office, tmp_path: Path, qtbot: Any) -> None:
    """The complaint is forwarded on both desks at once (a conflict a manager must decide); desk 1
    records the agency's answer and refers it to the manager. The item in the manager's cartable
    looked like any other; its subject now ends «(ناسازگاری همگام‌سازی)», in the alert colour,
    with the conflict in its tooltip."""
    from PySide6.QtCore import Qt

    sec.review(office.d1, office.expert, office.case_id, accept=True)
    sec.register(office.d1, office.clerk, office.case_id)
    sync(office.d1, office.d2)
    sec.forward(office.d2, accounts.login(office.d2, "admin", PASSWORD), office.case_id, office.agency.id,
                letter_no="۱۲۴")
    sec.forward(office.d1, office.admin, office.case_id, office.agency.id, letter_no="۱۲۳")
    sync(office.d2, office.d1, office.d2)
    sec.record_response(office.d1, office.admin, office.case_id, text="پاسخ دستگاه")
    sec.refer(office.d1, office.admin, office.case_id, office.manager.user_id)
    cartable = CartablePage(make_ctx(office.d1, office.manager, tmp_path / "d1"))
    qtbot.addWidget(cartable)
    cartable.show()
    assert cartable.model.rowCount() == 1
    subject = cartable.model.index(0, 2)
    assert visible(str(subject.data())).endswith("(ناسازگاری همگام‌سازی)"), visible(str(subject.data()))
    assert subject.data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    tip = visible(str(cartable.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)))
    assert "«یک پرونده دو بار ارسال شده است»" in tip and "«ناسازگاری‌ها»" in tip, tip


def test_one_paper_taken_at_two_desks_while_apart_is_shown_to_the_expert_as_a_twin(
        office: Office, tmp_path: Path, qtbot: Any) -> None:
    """The applicant hands the same complaint to desk 2 while it is offline (desk 1 has it): two
    cases, two printed codes. After the sync the expert reviewing either is told of the other (its
    code opens it), so only one goes to an agency. Once one is rejected as «تکراری» (its notice
    naming the other's code) the other goes on alone: nothing more is said of it."""
    from kanoon_desk.services import secretariat_query as q
    from kanoon_desk.services.numbers import format_tracking_code

    clerk2 = accounts.login(office.d2, "clerk1", PASSWORD)
    twin = sec.intake(office.d2, clerk2, case_input(1, subject="قطعی مکرر برق در محله ما"))  # (the same paper)
    sec.intake(office.d2, clerk2, case_input(2))  # another applicant, the same subject: not a twin
    sync(office.d2, office.d1)
    first_code = q.get_case(office.d1, office.expert, office.case_id).case["tracking_code"]
    page = SearchPage(make_ctx(office.d1, office.expert, tmp_path / "d1"))
    qtbot.addWidget(page)
    page.show()
    for case_id, other_id, other_code in ((office.case_id, twin.case_id, twin.tracking_code),
                                          (twin.case_id, office.case_id, first_code)):
        page.view.load(case_id)
        said = visible(label_plain(page.view.twin_message))
        assert page.view.twin_message.isVisible() and said.startswith("همین متقاضی درخواستی با موضوع بسیار مشابه")
        assert persian.to_persian_digits(format_tracking_code(other_code)) in said
        assert f'href="{other_id}"' in page.view.twin_message.text()
    page.view.twin_message.linkActivated.emit(office.case_id)  # the other's code clicked
    window = page.view.findChild(QDialog, "case-window")
    assert window is not None and window.findChild(CaseView).case_id == office.case_id
    window.close()
    note = f"پیگیری با کد رهگیری {first_code}"
    sec.review(office.d1, office.expert, twin.case_id, accept=False, reason="تکراری", note=note)
    page.view.load(office.case_id)
    assert not page.view.twin_message.isVisible()  # decided: the one left goes on alone
    told = q.case_status_by_tracking_code(office.d1, twin.tracking_code)
    assert told is not None and told.status == "rejected"
    kept = q.case_status_by_tracking_code(office.d1, first_code)
    assert kept is not None and kept.status == "received"
