"""Members, catalogue, copies and loan rules of the lending desk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.errors import NotFound, PermissionDenied, ValidationError
from kanoon_desk.services import accounts
from kanoon_desk.services import library as lib
from tests.factories import make_desk, make_office_a_centre, make_user
from tests.library_helpers import NATIONAL_IDS, TODAY, actor_at, make_library


def test_member_registered_and_found_by_number_or_national_id(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    assert L.child.category == "child"
    assert L.child.member_no.isdigit() and L.child.member_no.startswith("1301")
    assert lib.lookup_member(L.store, L.admin, L.child.member_no) == L.child
    assert lib.lookup_member(L.store, L.admin, NATIONAL_IDS[0]) == L.child
    # Persian digits from a scanner on a Persian keyboard layout
    from kanoon_desk.persian import to_persian_digits
    assert lib.lookup_member(L.store, L.admin, to_persian_digits(L.adult.member_no)) == L.adult
    assert lib.lookup_member(L.store, L.admin, "999") is None
    assert L.child.expires_on == date(2026, 5, 5)


def test_duplicate_national_id_is_refused(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with pytest.raises(ValidationError) as err:
        lib.register_member(L.store, L.admin, lib.MemberInput(
            first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[0], category="adult"), today=TODAY)
    assert err.value.field == "national_id"


@pytest.mark.parametrize(("changes", "field"), [
    ({"national_id": "1234567890"}, "national_id"),
    ({"first_name": " "}, "first_name"),
    ({"guardian_phone": ""}, "guardian_phone"),
    ({"guardian_phone": "0912"}, "guardian_phone"),
    ({"category": "baby"}, "category"),
    ({"home_centre": "99"}, "home_centre"),
    ({"expires_on": date(2020, 1, 1)}, "expires_on"),
])
def test_member_validation(tmp_path: Path, changes: dict[str, object], field: str) -> None:
    L = make_library(tmp_path)
    base: dict[str, object] = {"first_name": "سارا", "last_name": "کریمی", "national_id": NATIONAL_IDS[2],
                               "birth_date": date(2012, 1, 1), "guardian_name": "ولی",
                               "guardian_phone": "09120000000"}
    base.update(changes)
    with pytest.raises(ValidationError) as err:
        lib.register_member(L.store, L.admin, lib.MemberInput(**base), today=TODAY)  # type: ignore[arg-type]
    assert err.value.field == field
    assert err.value.message  # Persian text for the form


def test_member_update_records_changed_fields_only(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    data = lib.MemberInput(first_name="حسین", last_name="احمدی‌نژاد", national_id=NATIONAL_IDS[1],
                           category="adult", phone="09351234567")
    updated = lib.update_member(L.store, L.admin, L.adult.id, data, today=TODAY)
    assert updated.last_name == "احمدی‌نژاد"
    from sqlalchemy import select

    from kanoon_desk.models import Event
    with L.store.read() as s:
        ev = s.scalars(select(Event).where(Event.type == "member.field_set")).one()
        assert ev.payload == {"last_name": "احمدی‌نژاد"}
    assert [m.id for m in lib.search_members(L.store, L.admin, "حسین احمدی")] == [L.adult.id]


def test_member_search_by_any_word_of_the_name(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    nargess = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="نرگس", last_name="محمدی‌فر", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)

    def found(query: str) -> list[str]:
        return [m.id for m in lib.search_members(L.store, L.admin, query)]

    assert found("احمدی") == [L.adult.id]  # the family name alone
    assert found("احمدي حسين") == [L.adult.id]  # either order, Arabic yeh
    assert found("حسین احم") == [L.adult.id]
    assert found("محمدی") == [L.child.id, nargess.id]  # زهرا محمدی; نرگس محمدی‌فر (the word starts there)
    assert found("نر محم") == [nargess.id]
    assert found("زهرا") == [L.child.id]
    assert found("مدی") == []  # a word's middle is not its start
    assert found("%") == [] and found("_") == []  # LIKE's wildcards match nothing
    assert found(L.child.member_no) == [L.child.id]


def test_clerk_without_librarian_role_cannot_register(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    clerk = make_user(L.store, L.admin, "clerk1", "clerk")
    with pytest.raises(PermissionDenied):
        lib.register_member(L.store, clerk, lib.MemberInput(first_name="a", last_name="b", category="adult"))


def test_title_search_is_normalised_fts(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.add_title(L.store, L.admin, lib.TitleInput(title="قصه‌های مجید", author="هوشنگ مرادی کرمانی"))
    # Arabic yeh/kaf and a half-space typed as a space still find it; prefixes match
    assert [t.title for t in lib.search_titles(L.store, "قصه هاي مج")] == ["قصه‌های مجید"]
    assert [t.id for t in lib.search_titles(L.store, "بهرنگي")] == [L.title.id]
    assert [t.id for t in lib.search_titles(L.store, "9789643913007")] == [L.title.id]
    assert lib.search_titles(L.store, '"') == []
    lib.update_title(L.store, L.admin, L.title.id, lib.TitleInput(title="ماهی سیاه کوچولو", author="ص. بهرنگی"))
    assert lib.search_titles(L.store, "صمد") == []


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": ""}, "title"), ({"isbn": "978-964-391-300-8"}, "isbn"), ({"age_group": "ی"}, "age_group")])
def test_title_validation(tmp_path: Path, changes: dict[str, str], field: str) -> None:
    L = make_library(tmp_path)
    data = {"title": "هایدی", **changes}
    with pytest.raises(ValidationError) as err:
        lib.add_title(L.store, L.admin, lib.TitleInput(**data))
    assert err.value.field == field


def test_copies_barcodes(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    assert [c.status for c in L.copies] == ["on_shelf"] * 3
    generated = lib.add_copy(L.store, L.admin, L.title.id)
    assert generated.barcode.isdigit() and len(generated.barcode) == 2 + 2 + 7 + 1
    with pytest.raises(ValidationError):
        lib.add_copy(L.store, L.admin, L.title.id, barcode="b0001")  # same as B0001 once cleaned
    with pytest.raises(ValidationError):
        lib.add_copy(L.store, L.admin, L.title.id, barcode="کتاب")
    with pytest.raises(NotFound):
        lib.add_copy(L.store, L.admin, "nope", barcode="X1")
    assert lib.get_copy(L.store, "b0002").title == "ماهی سیاه کوچولو"
    assert lib.withdraw_copy(L.store, L.admin, "B0003", "فرسوده").status == "withdrawn"
    assert lib.catalogue_counts(L.store) == {"on_shelf": 3, "withdrawn": 1}


def test_loan_rules_are_admin_edited(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    assert {r.category: r.max_loans for r in lib.list_rules(L.store)} == {"child": 3, "teen": 4, "adult": 5}
    lib.set_rule(L.store, L.admin, "child", period_days=7, max_loans=1, max_renewals=0)
    assert lib.list_rules(L.store)[0] == lib.RuleView("child", 7, 1, 0, 3)
    librarian = make_user(L.store, L.admin, "lib1", "librarian")
    with pytest.raises(PermissionDenied):
        lib.set_rule(L.store, librarian, "child", period_days=7, max_loans=1, max_renewals=0)
    with pytest.raises(ValidationError):
        lib.set_rule(L.store, L.admin, "child", period_days=0, max_loans=1, max_renewals=0)


def test_a_desk_adds_only_its_own_offices_centres(tmp_path: Path) -> None:
    """A centre's code starts with the desk's office code (1301 under 13): another office's record
    is its own desk's to write (the server refuses it too). The office itself becomes a centre in
    its own details, not here."""
    store, admin = make_desk(tmp_path / "d.sqlite3", office="13")
    for code in ("14", "2101", "1", "31"):
        with pytest.raises(ValidationError) as refused:
            lib.add_centre(store, admin, code, "مرکز دیگر")
        assert refused.value.field == "code" and "کد دفتر همین میز" in refused.value.message
    make_office_a_centre(store, admin, "مرکز فرهنگی هنری شماره ۱")
    lib.add_centre(store, admin, "1301", "مرکز فرهنگی هنری شماره ۲")
    assert [code for code, _ in lib.list_centres(store)] == ["13", "1301"]
    centre, centre_admin = make_desk(tmp_path / "c.sqlite3", office="1301")  # a centre's own desk
    make_office_a_centre(centre, centre_admin, "مرکز فرهنگی هنری شماره ۲")
    with pytest.raises(ValidationError):
        lib.add_centre(centre, centre_admin, "13", "دفتر")


def test_the_office_itself_is_not_added_as_a_centre(tmp_path: Path) -> None:
    """«مراکز فرهنگی هنری» given the office's own code refuses it: the office would become a
    centre named as typed, on every letter and every desk. So is any code already an office's."""
    store, admin = make_desk(tmp_path / "d.sqlite3", office="13")
    with pytest.raises(ValidationError) as refused:
        lib.add_centre(store, admin, "۱۳", "خودش")
    assert refused.value.field == "code" and "کد خود این دفتر" in refused.value.message
    assert refused.value.params == {"code": "13", "example": "1301"}
    office = accounts.get_office(store, "13")
    assert office is not None and (office.name, office.kind) == ("دفتر مدیریت عملکرد استانداری", "office")
    assert lib.list_centres(store) == []
    with store.transaction() as s:  # desk 1301, set up as an office, synced here
        store.record(s, actor_at(admin, "1301"), "office.set", "1301",
                     {"name": "دفتر ۱۳۰۱", "kind": "office", "province": ""}, subject="1301")
    with pytest.raises(ValidationError) as taken:
        lib.add_centre(store, admin, "1301", "مرکز")
    assert taken.value.field == "code" and "کد یک دفتر" in taken.value.message
    assert accounts.get_office(store, "1301") == accounts.OfficeView("1301", "دفتر ۱۳۰۱", "office", "", "", "", "", "")
    # the office made a centre in its own details keeps its name; a centre stays one
    office_view = accounts.update_office(store, admin, kind="centre")
    assert (office_view.name, office_view.kind) == ("دفتر مدیریت عملکرد استانداری", "centre")
    assert lib.list_centres(store) == [("13", "دفتر مدیریت عملکرد استانداری")]
    with pytest.raises(ValidationError) as centre:
        lib.add_centre(store, admin, "13", "خودش")
    assert "پیش‌تر ثبت شده" in centre.value.message
    with pytest.raises(ValidationError) as back:
        accounts.update_office(store, admin, kind="office")
    assert back.value.field == "kind"


def test_a_centre_code_is_the_office_code_and_two_digits(tmp_path: Path) -> None:
    """Office 1's centres are 101…199: office 13 (or its centre 1301) is another office's."""
    store, admin = make_desk(tmp_path / "one.sqlite3", office="1")
    for code in ("13", "1301", "1001", "10A"):
        with pytest.raises(ValidationError) as refused:
            lib.add_centre(store, admin, code, "مرکز دیگر")
        assert refused.value.field == "code" and "دو رقم" in refused.value.message
    lib.add_centre(store, admin, "۱۰۱", "مرکز فرهنگی هنری شماره ۱")  # typed in Persian digits
    make_office_a_centre(store, admin, "دفتر")
    assert [code for code, _ in lib.list_centres(store)] == ["1", "101"]
    thirteen, admin_13 = make_desk(tmp_path / "13.sqlite3", office="13")
    for code in ("130", "13001"):
        with pytest.raises(ValidationError):
            lib.add_centre(thirteen, admin_13, code, "مرکز")
    lib.add_centre(thirteen, admin_13, "1303", "مرکز فرهنگی هنری شماره ۳")
