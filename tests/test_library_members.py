"""Members: home centre, expiry and an optional photo (kept when other details are corrected)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.errors import ValidationError
from kanoon_desk.models import Event
from kanoon_desk.services import library as lib
from kanoon_desk.services.secretariat_files import attachment_path
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_photo_is_kept_when_other_details_change(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    (tmp_path / "face.png").write_bytes(PNG)
    sha = lib.put_member_photo(L.store, tmp_path / "face.png")
    assert attachment_path(L.store, sha).read_bytes() == PNG
    m = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult", home_centre="14",
        expires_on=date(2026, 6, 1), photo=sha), today=TODAY)
    assert (m.photo, m.home_centre, m.expires_on) == (sha, "14", date(2026, 6, 1))
    assert lib.member_photo(L.store, L.admin, m.photo) == PNG
    fixed = lib.update_member(L.store, L.admin, m.id, lib.MemberInput(
        first_name="مریم", last_name="رضایی‌نیا", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    assert fixed.photo == sha and fixed.last_name == "رضایی‌نیا"  # not wiped by a form that did not touch it
    with L.store.read() as s:
        payloads = [e.payload for e in s.scalars(select(Event).where(Event.aggregate_id == m.id).order_by(Event.hlc))]
    assert payloads[0]["sha256"] == sha  # the file travels with sync
    assert payloads[1] == {"last_name": "رضایی‌نیا"}
    removed = lib.update_member(L.store, L.admin, m.id, lib.MemberInput(
        first_name="مریم", last_name="رضایی‌نیا", national_id=NATIONAL_IDS[2], category="adult", photo=""),
        today=TODAY)
    assert removed.photo == "" and lib.member_photo(L.store, L.admin, removed.photo) is None


def test_only_a_jpeg_or_png_photo(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "big.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * lib.MAX_PHOTO_BYTES)
    for name in ("scan.pdf", "big.jpg", "missing.png"):
        with pytest.raises(ValidationError) as err:
            lib.put_member_photo(L.store, tmp_path / name)
        assert err.value.field == "photo"
    with pytest.raises(ValidationError) as err:
        lib.register_member(L.store, L.admin, lib.MemberInput(first_name="a", last_name="b", category="adult",
                                                              photo="face.png"), today=TODAY)
    assert err.value.field == "photo"


def test_home_centre_and_expiry_corrected(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    moved = lib.update_member(L.store, L.admin, L.adult.id, lib.MemberInput(
        first_name="حسین", last_name="احمدی", national_id=L.adult.national_id, category="adult",
        phone="09351234567", home_centre="14", expires_on=date(2027, 1, 1)), today=TODAY)
    assert (moved.home_centre, moved.expires_on) == ("14", date(2027, 1, 1))
    with pytest.raises(ValidationError) as err:
        lib.update_member(L.store, L.admin, L.adult.id, lib.MemberInput(
            first_name="حسین", last_name="احمدی", category="adult", home_centre="99"), today=TODAY)
    assert err.value.field == "home_centre"


def test_a_member_without_a_national_id_is_a_child_known_by_the_guardians(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with pytest.raises(ValidationError) as adult:
        lib.register_member(L.store, L.admin, lib.MemberInput(first_name="علی", last_name="کریمی", category="adult",
                                                              phone="09121112233"), today=TODAY)
    assert (adult.value.field, adult.value.message) == ("national_id", lib.MSG_NATIONAL_ID_NEEDED)
    child = {"first_name": "نیما", "last_name": "کریمی", "birth_date": date(2019, 1, 1),
             "guardian_name": "رضا کریمی", "guardian_phone": "09120000000"}
    with pytest.raises(ValidationError) as alone:
        lib.register_member(L.store, L.admin, lib.MemberInput(**child), today=TODAY)  # type: ignore[arg-type]
    assert alone.value.field == "national_id"
    with pytest.raises(ValidationError) as wrong:
        lib.register_member(L.store, L.admin, lib.MemberInput(**child, guardian_national_id="1234567890"),  # type: ignore[arg-type]
                            today=TODAY)
    assert wrong.value.field == "guardian_national_id"
    nima = lib.register_member(L.store, L.admin, lib.MemberInput(**child, guardian_national_id=NATIONAL_IDS[3]),  # type: ignore[arg-type]
                               today=TODAY)
    sister = lib.register_member(L.store, L.admin, lib.MemberInput(  # siblings share their guardian's
        **{**child, "first_name": "نازنین"}, guardian_national_id=NATIONAL_IDS[3]), today=TODAY)  # type: ignore[arg-type]
    assert (nima.national_id, nima.guardian_national_id, sister.guardian_national_id) == ("", NATIONAL_IDS[3],
                                                                                          NATIONAL_IDS[3])


def test_a_national_id_taken_names_who_has_it(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with pytest.raises(lib.DuplicateNationalId) as err:
        lib.register_member(L.store, L.admin, lib.MemberInput(
            first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[0], category="adult"), today=TODAY)
    assert err.value.field == "national_id" and err.value.existing.id == L.child.id
    assert err.value.message.format(**err.value.params) == (
        f"این کد ملی پیش‌تر برای زهرا محمدی (شماره عضویت {L.child.member_no}) ثبت شده است.")
    with pytest.raises(lib.DuplicateNationalId):  # a correction too
        lib.update_member(L.store, L.admin, L.adult.id, lib.MemberInput(
            first_name="حسین", last_name="احمدی", national_id=NATIONAL_IDS[0], category="adult"), today=TODAY)


def test_a_child_known_by_the_guardians_national_id_is_not_registered_twice(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    child = {"first_name": "سارا", "last_name": "نیکو", "birth_date": date(2018, 5, 2),
             "guardian_name": "رضا نیکو", "guardian_phone": "09120000000", "guardian_national_id": NATIONAL_IDS[3]}
    sara = lib.register_member(L.store, L.admin, lib.MemberInput(**child), today=TODAY)  # type: ignore[arg-type]
    for again in (child, {**child, "last_name": "نیکو "}, {**child, "birth_date": None}):  # a second click, typed again
        with pytest.raises(lib.DuplicateChild) as err:
            lib.register_member(L.store, L.admin, lib.MemberInput(**again), today=TODAY)  # type: ignore[arg-type]
        assert err.value.field == "guardian_national_id" and err.value.existing.id == sara.id
        assert err.value.message.format(**err.value.params) == (
            f"سارا نیکو با همین نام و کد ملی ولی پیش‌تر عضو شده است (شماره عضویت {sara.member_no}).")
    # a sister, or another child of the same name born on another day, is another member
    lib.register_member(L.store, L.admin, lib.MemberInput(**{**child, "first_name": "سپیده"}), today=TODAY)  # type: ignore[arg-type]
    lib.register_member(L.store, L.admin, lib.MemberInput(**{**child, "birth_date": date(2020, 1, 1)}),  # type: ignore[arg-type]
                        today=TODAY)
    # a child with a national ID of their own is checked by it alone, as before
    lib.register_member(L.store, L.admin, lib.MemberInput(**{**child, "national_id": NATIONAL_IDS[2]}),  # type: ignore[arg-type]
                        today=TODAY)
    assert [m.full_name for m in lib.search_members(L.store, L.admin, "نیکو")] == ["سارا نیکو"] * 3 + ["سپیده نیکو"]


def test_the_category_follows_the_birth_date_as_the_member_grows(tmp_path: Path) -> None:
    from kanoon_desk.services import accounts
    from kanoon_desk.services import circulation as circ

    L = make_library(tmp_path)
    m = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="آرش", last_name="کریمی", national_id=NATIONAL_IDS[2], category="adult",  # the birth date decides
        birth_date=date(2013, 6, 1), guardian_name="رضا کریمی", guardian_phone="09120000000"), today=TODAY)
    assert m.category == "child"  # eleven when registered
    assert circ.member_desk(L.store, L.admin, m.member_no, today=TODAY).member.category == "child"
    child_loan = circ.checkout(L.store, L.admin, m.member_no, "B0001", today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    birthday = date(2025, 6, 2)  # twelve: the teen's rules from now on, without anyone editing the record
    desk = circ.member_desk(L.store, L.admin, m.member_no, today=birthday)
    assert (desk.member.category, desk.rule_max_loans) == ("teen", 4)
    teen_loan = circ.checkout(L.store, L.admin, m.member_no, "B0001", today=birthday)
    calendar = accounts.working_calendar(L.store)
    assert calendar.working_days_between(TODAY, child_loan.due_on) == 10  # the child's period
    assert calendar.working_days_between(birthday, teen_loan.due_on) == 14  # the teen's
    assert lib.get_member(L.store, L.admin, m.id).category == "child"  # the record is not rewritten


@pytest.mark.parametrize(("born", "day", "category"), [
    ((1393, 1, 1), (1410, 12, 29), "teen"),  # born at Nowruz: 17 on the last day of Esfand
    ((1393, 1, 1), (1411, 1, 1), "adult"),  # 18 on their Nowruz (20 March 2032, not 21 March)
    ((1386, 12, 11), (1404, 12, 10), "teen"),  # the day before their 18th birthday (1 March 2026)
    ((1386, 12, 11), (1404, 12, 11), "adult"),
    ((1395, 12, 30), (1407, 12, 29), "child"),  # born on Esfand 30 of a leap year; 1407 has no Esfand 30
    ((1395, 12, 30), (1408, 1, 1), "teen"),  # twelve the day after Esfand 29
    ((1391, 12, 30), (1403, 12, 30), "teen"),  # and on Esfand 30 itself in a leap year
])
def test_a_member_grows_up_on_their_jalali_birthday(tmp_path: Path, born: tuple[int, int, int],
                                                    day: tuple[int, int, int], category: str) -> None:
    import jdatetime

    from kanoon_desk.services import circulation as circ

    birth, on = jdatetime.date(*born).togregorian(), jdatetime.date(*day).togregorian()
    assert lib.category_for(birth, on) == category
    L = make_library(tmp_path)
    m = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="آرش", last_name="کریمی", national_id=NATIONAL_IDS[2], birth_date=birth,
        guardian_name="رضا کریمی", guardian_phone="09120000000", expires_on=date(2040, 1, 1)), today=birth)
    desk = circ.member_desk(L.store, L.admin, m.member_no, today=on)  # the rules the desk lends by that day
    assert desk.member.category == category
