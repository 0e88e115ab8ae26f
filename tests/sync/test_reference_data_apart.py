"""The admin's reference records — the office's details, an agency, a cultural centre — corrected at
two desks of one office while they were apart: what stands after the sync, and where the value a
newer change replaced is seen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kanoon_desk.services import accounts, history
from kanoon_desk.services import library_rules as rules
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_agencies as agencies
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui.admin.agencies import AgenciesPage
from kanoon_desk.ui.admin.centres import CentresPage
from kanoon_desk.ui.admin.office import OfficePage
from kanoon_desk.ui.library.history import FieldHistoryDialog
from kanoon_desk.ui.secretariat import papers
from kanoon_desk.ui.secretariat.case_timeline import TimelineModel
from kanoon_desk.ui.widgets import select_row
from tests.secretariat_helpers import case_input
from tests.ui.shell_support import make_ctx

from . import desk_pages
from .helpers import PASSWORD, LiveServer
from .test_staff_across_desks import office_of_two_desks, synced

# the server on SQLite and the Persian UI (fixtures)
server, persian_app = desk_pages.server, desk_pages.persian_app

pytestmark = pytest.mark.gui


def office_named(server: LiveServer, tmp_path: Path) -> tuple[Any, Any, Any, Any]:
    """Office 13's two desks in step, the office's details entered: (desk 1, its admin, desk 2, its admin)."""
    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1, at_2 = accounts.login(d1, "admin", PASSWORD), accounts.login(d2, "admin2", PASSWORD)
    accounts.update_office(d1, at_1, name="دفتر مدیریت عملکرد استانداری", province="تهران", city="تهران",
                           address="تهران، خیابان انقلاب", phone="021-11112222", heading="استانداری تهران")
    synced(d1, d2)
    return d1, at_1, d2, at_2


def rows_of(dialog: FieldHistoryDialog) -> list[list[str]]:
    m = dialog.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_the_office_details_corrected_at_both_desks_apart_each_keep_the_field_they_changed(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    d1, at_1, d2, at_2 = office_named(server, tmp_path)
    page_1 = OfficePage(make_ctx(d1, at_1, tmp_path / "1"))
    page_2 = OfficePage(make_ctx(d2, at_2, tmp_path / "2"))
    for page in (page_1, page_2):
        qtbot.addWidget(page)
    # desk 1 corrects the phone, desk 2 (apart, later) the address: each on its page, as admins do
    page_1.phone.setText("021-88776655")
    page_1.save()
    page_2.address.setText("تهران، خیابان آزادی، پلاک ۱۲")
    page_2.save()
    synced(d1, d2)
    for store in (d1, d2):
        office = accounts.get_office(store)
        assert office is not None
        assert (office.phone, office.address) == ("021-88776655", "تهران، خیابان آزادی، پلاک 12")
    # a save records only what was changed: the history lists one value of each, none replaced
    shown = page_2.show_history()
    qtbot.addWidget(shown)
    assert sorted((row[0], row[1], row[2]) for row in rows_of(shown) if row[0] in ("نام", "تلفن", "نشانی")) == [
        ("تلفن", "۰۲۱-۱۱۱۱۲۲۲۲", "جایگزین شد"), ("تلفن", "۰۲۱-۸۸۷۷۶۶۵۵", "در اجرا"),
        ("نام", "دفتر مدیریت عملکرد استانداری", "در اجرا"),
        ("نشانی", "تهران، خیابان آزادی، پلاک ۱۲", "در اجرا"), ("نشانی", "تهران، خیابان انقلاب", "جایگزین شد")]
    shown.resize(900, 380)


def test_the_office_page_open_through_a_sync_saves_only_what_was_typed_on_it(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    d1, at_1, d2, at_2 = office_named(server, tmp_path)
    ctx_2 = make_ctx(d2, at_2, tmp_path / "2")
    page_2 = OfficePage(ctx_2)
    qtbot.addWidget(page_2)
    # desk 1 renames the office; desk 2's admin has the page open, and is typing a new phone
    accounts.update_office(d1, at_1, name="دفتر مدیریت عملکرد و بازرسی استانداری")
    page_2.phone.setText("021-66554433")
    synced(d1, d2)
    ctx_2.bus.changed.emit("sync")
    assert page_2.phone.text() == "021-66554433"  # what they typed stays
    page_2.save()
    synced(d1, d2)
    for store in (d1, d2):
        office = accounts.get_office(store)
        assert office is not None
        assert (office.name, office.phone) == ("دفتر مدیریت عملکرد و بازرسی استانداری", "021-66554433")
    # nothing typed on it, a page open through a sync shows what the sync brought
    accounts.update_office(d1, at_1, city="کرج")
    synced(d1, d2)
    ctx_2.bus.changed.emit("sync")
    assert page_2.city.text() == "کرج" and page_2.name.text() == "دفتر مدیریت عملکرد و بازرسی استانداری"


def test_an_agency_renamed_at_both_desks_apart_keeps_the_newer_name_and_the_other_is_in_its_history(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1, at_2 = accounts.login(d1, "admin", PASSWORD), accounts.login(d2, "admin2", PASSWORD)
    agency = agencies.save_agency(d1, at_1, name="سازمان آب منطقه‌ای", deadline_days=10)
    synced(d1, d2)
    agencies.save_agency(d1, at_1, name="شرکت آب منطقه‌ای", deadline_days=10, agency_id=agency.id)
    agencies.save_agency(d2, at_2, name="شرکت آب منطقه‌ای استان", deadline_days=10, agency_id=agency.id)  # later
    synced(d1, d2)
    for store, actor in ((d1, at_1), (d2, at_2)):
        assert agencies.get_agency(store, agency.id).name == "شرکت آب منطقه‌ای استان"
        page = AgenciesPage(make_ctx(store, actor, tmp_path / store.path.stem))
        qtbot.addWidget(page)
        assert not page.history_button.isEnabled()  # (no agency chosen yet)
        page.select_agency(agency.id)
        dialog = page.show_history()
        assert dialog is not None
        qtbot.addWidget(dialog)
        names = [(row[1], row[2]) for row in rows_of(dialog) if row[0] == "نام"]
        assert names == [("شرکت آب منطقه‌ای استان", "در اجرا"), ("شرکت آب منطقه‌ای", "جایگزین شد"),
                         ("سازمان آب منطقه‌ای", "جایگزین شد")]
        assert "شرکت آب منطقه‌ای استان" in dialog.windowTitle()
    dialog.resize(900, 360)
    dialog.grab().save(str(tmp_path / "agency-history.png"))


def test_a_centre_corrected_at_both_desks_apart_shows_the_replaced_phone_in_its_history(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1, at_2 = accounts.login(d1, "admin", PASSWORD), accounts.login(d2, "admin2", PASSWORD)
    rules.add_centre(d1, at_1, "1301", "مرکز شماره ۱", phone="021-11111111")
    synced(d1, d2)
    rules.update_centre(d1, at_1, "1301", name="مرکز شماره ۱", phone="021-22222222")
    rules.update_centre(d2, at_2, "1301", name="مرکز شماره ۱", phone="021-33333333")  # later
    synced(d1, d2)
    phones = [(c.value, c.in_force) for c in history.field_history(d1, at_1, "office", "1301") if c.field == "phone"]
    assert phones == [("021-33333333", True), ("021-22222222", False), ("021-11111111", False)]
    page = CentresPage(make_ctx(d1, at_1, tmp_path / "1"))
    qtbot.addWidget(page)
    select_row(page.table, next(i for i in range(page.model.rowCount()) if page.model.row_at(i).code == "1301"))
    dialog = page.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    shown = [(row[0], row[2]) for row in rows_of(dialog) if row[0] == "تلفن"]
    assert shown == [("تلفن", "در اجرا"), ("تلفن", "جایگزین شد"), ("تلفن", "جایگزین شد")]


def registered(store: Any, actor: Any, n: int) -> str:
    """A case taken in, accepted and registered: ready to be forwarded by a manager."""
    case_id = sec.intake(store, actor, case_input(n)).case_id
    sec.review(store, actor, case_id, accept=True)
    sec.register(store, actor, case_id)
    return case_id


def test_letters_sent_before_their_agency_was_renamed_print_again_with_the_name_they_were_sent_to(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1, at_2 = accounts.login(d1, "admin", PASSWORD), accounts.login(d2, "admin", PASSWORD)
    old, new = "سازمان آب منطقه‌ای", "شرکت آب منطقه‌ای"
    agency = agencies.save_agency(d1, at_1, name=old, deadline_days=10)
    cases = [registered(d1, at_1, n) for n in (1, 2, 3)]
    synced(d1, d2)
    sec.forward(d1, at_1, cases[0], agency.id)  # sent, then the agency is renamed
    agencies.save_agency(d1, at_1, name=new, deadline_days=10, agency_id=agency.id)
    sec.forward(d2, at_2, cases[1], agency.id)  # desk 2, apart, did not know: its letter read the old name
    sec.follow_up(d1, at_1, cases[0], method="letter", note="پاسخ نرسیده است")  # after the rename
    synced(d1, d2)
    sec.forward(d2, at_2, cases[2], agency.id)  # after the sync: the new name
    synced(d1, d2)
    for store in (d1, d2):
        shown = {}
        for case_id in cases:
            d = q.get_case(store, at_1, case_id)
            assert d.agency_name == new  # who holds it now, by its name now
            letter = papers.forwarding_letter(store, d)
            shown[case_id] = old if old in letter else new if new in letter else None
            steps = TimelineModel(d.timeline, {}, {agency.id: new})
            steps.reload()
            forwarded = next(i for i, t in enumerate(d.timeline) if t.type == "case.forwarded")
            described = steps.data(steps.index(forwarded, 4))
            if shown[case_id] == old:  # the step names both: as sent, and as it is called now
                assert old in described and "اکنون" in described and new in described, described
            else:
                assert new in described and "اکنون" not in described, described
        assert shown == {cases[0]: old, cases[1]: old, cases[2]: new}
        # the follow-up letter written after the rename is addressed to the new name
        d = q.get_case(store, at_1, cases[0])
        assert new in papers.follow_up_letter(store, at_1, d)


def test_a_case_forwarded_at_both_desks_is_shown_in_the_inbox_without_the_letters_agency_name_as_a_raw_field(
        qtbot: Any, server: LiveServer, tmp_path: Path) -> None:
    from kanoon_desk.ui.conflict_inbox import ConflictInbox

    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1, at_2 = accounts.login(d1, "admin", PASSWORD), accounts.login(d2, "admin", PASSWORD)
    water = agencies.save_agency(d1, at_1, name="سازمان آب منطقه‌ای", deadline_days=10)
    roads = agencies.save_agency(d1, at_1, name="اداره کل راه و شهرسازی", deadline_days=10)
    case_id = registered(d1, at_1, 1)
    synced(d1, d2)
    sec.forward(d1, at_1, case_id, water.id)
    sec.forward(d2, at_2, case_id, roads.id)
    synced(d1, d2)
    inbox = ConflictInbox(make_ctx(d1, at_1, tmp_path / "inbox"))
    qtbot.addWidget(inbox)
    [row] = [i for i, c in enumerate(inbox.items) if c.kind == "case.forwarded_twice"]
    inbox.list.setCurrentRow(row)
    shown = [b.toPlainText() for b in inbox.fact_boxes]
    assert any("سازمان آب منطقه‌ای" in text for text in shown) and any("اداره کل راه" in text for text in shown)
    assert not any("agency_name" in text for text in shown), shown
