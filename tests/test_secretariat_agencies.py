"""The agency directory through its services: add, correct field by field, deactivate, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.errors import NotFound, PermissionDenied, ValidationError
from kanoon_desk.models import Event
from kanoon_desk.services import secretariat_agencies as ag

from .factories import write_xlsx
from .secretariat_helpers import Desk, make_secretariat_desk


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _events(desk: Desk, agency_id: str) -> list[dict[str, object]]:
    with desk.store.read() as s:
        return [e.payload for e in s.scalars(select(Event).where(Event.aggregate_id == agency_id)
                                               .order_by(Event.hlc, Event.id))]


def test_a_correction_records_only_what_changed_and_nothing_when_nothing_changed(desk: Desk) -> None:
    a = ag.save_agency(desk.store, desk.admin, name="اداره كل راه و شهرسازی", deadline_days=None,
                       phone="۰۲۱-۸۸۷۷۶۶۵۵")
    assert a.name == "اداره کل راه و شهرسازی" and a.phone == "021-88776655"  # normalised
    b = ag.save_agency(desk.store, desk.admin, agency_id=a.id, name=a.name, deadline_days=10,
                       phone=a.phone, address="بلوار کشاورز")
    assert (b.deadline_days, b.address, b.phone) == (10, "بلوار کشاورز", "021-88776655")
    ag.save_agency(desk.store, desk.admin, agency_id=a.id, name=b.name, deadline_days=10, phone=b.phone,
                   address=b.address)
    events = _events(desk, a.id)
    assert len(events) == 2 and events[1] == {"deadline_days": 10, "address": "بلوار کشاورز"}


def test_deactivated_agencies_leave_the_forward_list_but_are_kept(desk: Desk) -> None:
    a = ag.save_agency(desk.store, desk.admin, name="اداره کل بهزیستی")
    off = ag.set_agency_active(desk.store, desk.admin, a.id, False)
    assert not off.active
    assert a.id not in {x.id for x in ag.list_agencies(desk.store)}
    assert a.id in {x.id for x in ag.list_agencies(desk.store, include_inactive=True)}
    assert ag.get_agency(desk.store, a.id).name == "اداره کل بهزیستی"
    assert ag.set_agency_active(desk.store, desk.admin, a.id, True).active
    with pytest.raises(PermissionDenied):
        ag.set_agency_active(desk.store, desk.manager, a.id, False)
    with pytest.raises(NotFound):
        ag.set_agency_active(desk.store, desk.admin, "no-such-agency", False)


@pytest.mark.parametrize(("fields", "field"), [
    ({"name": "  "}, "name"),
    ({"name": "ا" * 201}, "name"),
    ({"name": "شهرداری  مرکز استان"}, "name"),  # the helper's agency, spaced differently
    ({"name": "اداره تازه", "deadline_days": 0}, "deadline_days"),
    ({"name": "اداره تازه", "deadline_days": 91}, "deadline_days"),
    ({"name": "اداره تازه", "phone": "1" * 41}, "phone"),
])
def test_refusals_name_their_field(desk: Desk, fields: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        ag.save_agency(desk.store, desk.admin, **fields)  # type: ignore[arg-type]
    assert err.value.field == field


def test_renaming_onto_another_agency_is_refused_but_keeping_its_own_name_is_not(desk: Desk) -> None:
    a = ag.save_agency(desk.store, desk.admin, name="اداره کل ورزش و جوانان")
    with pytest.raises(ValidationError) as err:
        ag.save_agency(desk.store, desk.admin, agency_id=a.id, name=desk.agency.name)
    assert err.value.field == "name"
    assert ag.save_agency(desk.store, desk.admin, agency_id=a.id, name=a.name, deadline_days=20).deadline_days == 20


def test_an_agency_list_from_a_sheet_is_checked_row_by_row_and_added_all_or_none(desk: Desk, tmp_path: Path) -> None:
    bad = write_xlsx(tmp_path / "a.xlsx", [
        ["نام دستگاه", "مهلت (روز کاری)", "تلفن", "نشانی"],
        ["اداره کل بهزیستی", 10, "۰۲۱-۱۱۱", "خیابان آزادی"],
        ["شهرداری مرکز استان", None, "", ""],  # in the directory already
        ["اداره کل راه و شهرسازی", "۲۰", "", ""],  # Persian digits are a number of days
        ["اداره کل بهزيستي", 5, "", ""],  # the first row again (Arabic ye)
        ["سازمان جهاد کشاورزی", "دو هفته", "", ""],
        [None, None, None, None],  # blank: skipped
        ["", 7, "", ""],
    ])
    rows = ag.preview_agencies(desk.store, desk.admin, bad)
    assert [(r.line, r.error, r.field) for r in rows] == [
        (2, "", ""), (3, ag.MSG_NAME_TAKEN, "name"), (4, "", ""), (5, ag.MSG_DUP_NAME_IN_FILE, "name"),
        (6, ag.MSG_DAYS, "deadline_days"), (8, ag.MSG_NAME, "name")]
    assert (rows[0].deadline_days, rows[0].phone, rows[2].deadline_days) == (10, "021-111", 20)
    with pytest.raises(ValidationError):
        ag.import_agencies(desk.store, desk.admin, rows)
    assert [a.name for a in ag.list_agencies(desk.store)] == ["شهرداری مرکز استان"]  # nothing added
    good = [r for r in rows if not r.error]
    assert ag.import_agencies(desk.store, desk.admin, good) == 2
    assert sorted(a.name for a in ag.list_agencies(desk.store)) == sorted(
        ["شهرداری مرکز استان", "اداره کل بهزیستی", "اداره کل راه و شهرسازی"])
    with pytest.raises(ValidationError):  # the same list again: its names are taken now
        ag.import_agencies(desk.store, desk.admin, good)
    csv = tmp_path / "b.csv"
    csv.write_text("تلفن,نشانی\n021,x\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        ag.preview_agencies(desk.store, desk.admin, csv)
    assert err.value.message == ag.MSG_NO_NAME_COLUMN
    with pytest.raises(PermissionDenied):
        ag.preview_agencies(desk.store, desk.clerk, bad)


def test_the_agencies_are_listed_in_the_persian_alphabets_order(desk: Desk) -> None:
    """The forwarding list by the code points of their letters put «اداره ...» then «مخابرات» before
    «پست» and «گاز» (پ, چ, ژ, ک, گ and ی come after م in Unicode); a clerk looks for them as a
    dictionary orders them."""
    before = {a.name for a in ag.list_agencies(desk.store)}
    for name in ("شرکت گاز استان", "مخابرات منطقه", "اداره پست", "شرکت آب و فاضلاب", "پلیس راهور", "چاپخانه دولتی"):
        ag.save_agency(desk.store, desk.admin, name=name)
    names = [a.name for a in ag.list_agencies(desk.store) if a.name not in before]
    assert names == ["اداره پست", "پلیس راهور", "چاپخانه دولتی", "شرکت آب و فاضلاب", "شرکت گاز استان",
                     "مخابرات منطقه"]


def test_an_agency_lists_formula_saved_without_its_value_is_said_at_its_row(desk: Desk, tmp_path: Path) -> None:
    """A deadline computed by a formula the file keeps no value for read as no deadline (the
    default, silently); it is said at its row and column, and nothing is added."""
    from kanoon_desk.services.sheets import MSG_FORMULA_UNCOMPUTED

    path = write_xlsx(tmp_path / "a.xlsx", [
        ["نام دستگاه", "مهلت (روز کاری)", "تلفن", "نشانی"],
        ["اداره کل بهزیستی", "=5*2", "", ""],
        ["اداره کل راه و شهرسازی", 20, "", ""],
    ])
    rows = ag.preview_agencies(desk.store, desk.admin, path)
    assert [(r.line, r.error, r.field) for r in rows] == [(2, MSG_FORMULA_UNCOMPUTED, "deadline_days"), (3, "", "")]
    with pytest.raises(ValidationError):
        ag.import_agencies(desk.store, desk.admin, rows)
