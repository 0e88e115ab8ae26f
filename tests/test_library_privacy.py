"""A member's personal data: the record a guardian can be given, and a membership ended with the
child's details removed (`member.erased`)."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.errors import InvariantError, PermissionDenied
from kanoon_desk.eventlog import Actor
from kanoon_desk.models import AuditEntry
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import history, ops
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_reports as reports
from kanoon_desk.services.secretariat_files import attachment_path
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _librarian(admin: Actor) -> Actor:
    return Actor("u-librarian", "librarian1", "کتابدار", admin.office_code, frozenset({"librarian"}))


def test_erasing_a_member_removes_the_details_and_keeps_the_loans_counted(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    (tmp_path / "face.png").write_bytes(PNG)
    sha = lib.put_member_photo(L.store, tmp_path / "face.png")
    lib.update_member(L.store, L.admin, L.child.id, lib.MemberInput(
        first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0], birth_date=date(2016, 3, 1),
        guardian_name="علی محمدی", guardian_phone="09121234567", phone="09127654321", photo=sha), today=TODAY)
    loan = circ.checkout(L.store, L.admin, L.child.member_no, L.copies[0].barcode, today=TODAY)
    circ.checkin(L.store, L.admin, L.copies[0].barcode, today=TODAY + timedelta(days=3))
    period = (TODAY.replace(day=1), TODAY.replace(day=28))
    readers_before = [(r.key, r.count, r.detail) for r in reports.active_readers(L.store, L.admin, *period)]

    gone = lib.erase_member(L.store, L.admin, L.child.id, today=TODAY + timedelta(days=10))

    assert (gone.first_name, gone.last_name, gone.national_id, gone.birth_date, gone.phone, gone.guardian_name,
            gone.guardian_phone, gone.guardian_national_id, gone.photo) == ("عضو حذف‌شده", "", "", None, "", "", "",
                                                                          "", "")
    assert gone.member_no == L.child.member_no and gone.erased_on == TODAY + timedelta(days=10)
    assert gone.expires_on < TODAY + timedelta(days=10)  # the membership ended
    assert not attachment_path(L.store, sha).exists()  # the photo's file too
    # found by its number only: not by name, national ID, nor among the «عضو» of every erased record
    assert lib.search_members(L.store, L.admin, "زهرا محمدی") == []
    assert lib.search_members(L.store, L.admin, NATIONAL_IDS[0]) == []
    assert lib.search_members(L.store, L.admin, "عضو حذف") == []
    assert lib.lookup_member(L.store, L.admin, NATIONAL_IDS[0]) is None
    assert lib.lookup_member(L.store, L.admin, L.child.member_no) == gone
    # the loan stays, counted in the reports as before, under the record's number
    readers = reports.active_readers(L.store, L.admin, *period)
    assert [(r.key, r.count, r.detail) for r in readers] == readers_before
    assert [r.label for r in readers] == ["عضو حذف‌شده"]
    assert [x.id for x in circ.member_desk(L.store, L.admin, L.child.member_no, today=TODAY).history] == [loan.id]
    # the history says which fields were given values, by whom and when, never the values
    changes = history.field_history(L.store, L.admin, "member", L.child.id)
    personal = [c for c in changes if c.field in ("national_id", "first_name", "phone", "guardian_phone", "photo")]
    assert personal and all(c.removed and c.value is None for c in personal)
    assert not any("محمدی" in str(c.value) or NATIONAL_IDS[0] == c.value for c in changes)
    # the re-fold of every event gives the same rows, and the audit trail names the number only
    assert ops.check(L.store.path) == []
    with L.store.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "member.erased"))
    assert entry is not None and entry.subject == L.child.member_no


def test_an_erased_members_card_lends_nothing_even_by_override(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.erase_member(L.store, L.admin, L.adult.id, today=TODAY)
    with pytest.raises(circ.CirculationRefused) as refused:
        circ.checkout(L.store, L.admin, L.adult.member_no, L.copies[0].barcode, today=TODAY, override=True,
                      note="به درخواست مدیر")
    assert refused.value.codes == ["erased"] and not refused.value.overridable
    # the desk's red line says why, and only that (not «renew the membership»: it cannot be)
    assert circ.member_desk(L.store, L.admin, L.adult.member_no, today=TODAY).blocks == ["erased"]
    for attempt in (lambda: lib.renew_membership(L.store, L.admin, L.adult.id, TODAY + timedelta(days=365)),
                    lambda: lib.update_member(L.store, L.admin, L.adult.id, lib.MemberInput(
                        first_name="حسین", last_name="احمدی", national_id=NATIONAL_IDS[1], category="adult"),
                        today=TODAY)):
        with pytest.raises(InvariantError):
            attempt()
    with pytest.raises(InvariantError) as again:
        lib.erase_member(L.store, L.admin, L.adult.id, today=TODAY)
    assert again.value.message == "مشخصات این عضو پیش‌تر حذف شده است."
    # the national ID is free again: the child may come back as a new member
    back = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="حسین", last_name="احمدی", national_id=NATIONAL_IDS[1], category="adult", phone="09351234567"),
        today=TODAY)
    assert back.member_no != L.adult.member_no


def test_a_book_out_or_a_hold_open_blocks_the_erasure_with_its_reason(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, L.copies[0].barcode, today=TODAY)
    with pytest.raises(InvariantError) as out:
        lib.erase_member(L.store, L.admin, L.child.id, today=TODAY)
    assert str(out.value) == ("این عضو ۱ کتاب امانت‌گرفته دارد («ماهی سیاه کوچولو»)؛ نخست کتاب‌ها بازگردانده یا "
                              "گم‌شده ثبت شوند، سپس مشخصاتش حذف شود.")
    assert lib.get_member(L.store, L.admin, L.child.id).national_id == NATIONAL_IDS[0]  # nothing removed
    circ.checkin(L.store, L.admin, L.copies[0].barcode, today=TODAY)
    for c in L.copies[1:]:  # every copy out, so the adult's hold waits
        circ.checkout(L.store, L.admin, L.child.member_no, c.barcode, today=TODAY)
    circ.checkout(L.store, L.admin, L.child.member_no, L.copies[0].barcode, today=TODAY)
    circ.place_hold(L.store, L.admin, L.adult.member_no, L.title.id, today=TODAY)
    with pytest.raises(InvariantError) as held:
        lib.erase_member(L.store, L.admin, L.adult.id, today=TODAY)
    assert "رزرو باز" in str(held.value) and "«ماهی سیاه کوچولو»" in str(held.value)
    assert lib.get_member(L.store, L.admin, L.adult.id).erased_on is None


def test_only_the_admin_erases_and_a_librarian_prints_the_record(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    librarian = _librarian(L.admin)
    with pytest.raises(PermissionDenied):
        lib.erase_member(L.store, librarian, L.child.id, today=TODAY)
    clerk = Actor("u-clerk", "clerk1", "کارمند", L.admin.office_code, frozenset({"clerk"}))
    with pytest.raises(PermissionDenied):
        lib.member_record(L.store, clerk, L.child.id, today=TODAY)
    circ.checkout(L.store, L.admin, L.child.member_no, L.copies[0].barcode, today=TODAY)
    record = lib.member_record(L.store, librarian, L.child.id, today=TODAY)
    assert record.member.national_id == NATIONAL_IDS[0] and record.member.guardian_phone == "09121234567"
    assert [(x.title, x.barcode, x.state) for x in record.loans] == [("ماهی سیاه کوچولو", "B0001", "open")]
    lost = circ.checkout(L.store, L.admin, L.child.member_no, L.copies[1].barcode, today=TODAY)
    circ.mark_loan_lost(L.store, L.admin, lost.id, note="گم شد", today=TODAY)
    assert [x.state for x in lib.member_record(L.store, librarian, L.child.id, today=TODAY).loans] == ["lost", "open"]
    assert record.centre == "مرکز فرهنگی هنری شماره 1"  # (stored with Latin digits; shown Persian)


def test_the_log_names_the_membership_number_not_the_child(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    L = make_library(tmp_path)
    with caplog.at_level(logging.INFO, logger="kanoon_desk"):
        lib.erase_member(L.store, L.admin, L.child.id, today=TODAY)
    text = caplog.text
    assert L.child.member_no in text
    assert not any(v in text for v in ("زهرا", "محمدی", NATIONAL_IDS[0], "09121234567"))
