"""A child's details removed at one centre (`member.erased`) are removed at every desk, and stay
removed when a desk that had not heard of it corrects them afterwards."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kanoon_desk.errors import InvariantError
from kanoon_desk.services import history
from kanoon_desk.services import library as lib
from kanoon_desk.services.secretariat_files import attachment_path
from kanoon_desk.sync import client
from tests.library_helpers import NATIONAL_IDS, TODAY

from .helpers import LiveServer, enrol
from .test_lending_across_centres import centre_13_with_a_copy, centre_14, synced

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_an_erasure_travels_and_a_correction_made_apart_does_not_bring_the_details_back(
        server: LiveServer, tmp_path: Path) -> None:
    a, admin_a, child, _adult = centre_13_with_a_copy(server, tmp_path)
    photo = lib.put_member_photo_data(a, PNG, "face.png")
    lib.update_member(a, admin_a, child.id, lib.MemberInput(
        first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0], guardian_name="علی محمدی",
        guardian_phone="09121234567", birth_date=TODAY.replace(year=2016), photo=photo), today=TODAY)
    (tmp_path / "b").mkdir()  # (a desk's files are kept beside its store: each desk its own folder)
    b, admin_b = centre_14(server, tmp_path / "b")
    synced(a, b)
    assert lib.get_member(b, admin_b, child.id).guardian_phone == "09121234567"
    assert lib.member_photo(b, admin_b, photo) == PNG  # the photo came down with the member
    # apart: 14 corrects the guardian's phone (before the erasure), 13 erases at the guardian's
    # request, and 14, not knowing, corrects the phone and the name once more (stamped after it)
    corrected = lib.MemberInput(first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0],
                                guardian_name="علی محمدی", guardian_phone="09120001111",
                                birth_date=TODAY.replace(year=2016))
    lib.update_member(b, admin_b, child.id, corrected, today=TODAY)
    lib.erase_member(a, admin_a, child.id, today=TODAY)
    lib.update_member(b, admin_b, child.id, lib.MemberInput(**{**corrected.__dict__, "guardian_phone": "09122223333",
                                                             "last_name": "محمدی‌نیا"}), today=TODAY)
    lib.renew_membership(b, admin_b, child.id, datetime.date(2027, 1, 1))
    synced(a, b, a)  # (each desk checks whole after its round: the re-fold gives the same rows)
    (tmp_path / "c").mkdir()
    c = enrol(server, tmp_path / "c" / "c.sqlite3", "14")  # a desk set up afterwards, from the server
    for store in (a, b, c):
        m = lib.get_member(store, admin_a, child.id)
        assert (m.full_name, m.national_id, m.guardian_name, m.guardian_phone, m.birth_date) == (
            "عضو حذف‌شده", "", "", "", None), store.path
        assert m.erased_on == TODAY and m.expires_on < TODAY  # not renewed by the renewal made apart
        assert lib.search_members(store, admin_a, "محمدی") == [] and lib.lookup_member(store, admin_a, NATIONAL_IDS[0]) is None
        values = [c.value for c in history.field_history(store, admin_a, "member", child.id) if c.removed]
        assert values and set(values) == {None}
        assert not any(c.value in ("09120001111", "09122223333", "محمدی‌نیا", NATIONAL_IDS[0])
                       for c in history.field_history(store, admin_a, "member", child.id))
        # the photo's file is gone from the desks that had it, and never fetched by the new one
        assert not attachment_path(store, photo).exists(), store.path


def test_a_photo_erased_before_it_went_up_is_not_said_missing(server: LiveServer, tmp_path: Path) -> None:
    """A child registered with a photo and erased before the desk next synced: the photo's file is
    gone on purpose, and the round does not warn, round after round, that it is not on this computer."""
    a, admin_a, child, _adult = centre_13_with_a_copy(server, tmp_path)
    photo = lib.put_member_photo_data(a, PNG, "face.png")
    lib.update_member(a, admin_a, child.id, lib.MemberInput(
        first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0], guardian_name="علی محمدی",
        guardian_phone="09121234567", birth_date=TODAY.replace(year=2016), photo=photo), today=TODAY)
    lib.erase_member(a, admin_a, child.id, today=TODAY)
    for _round in range(2):
        report = client.sync_once(a)
        assert report.ok and report.warnings == [], report.summary_line()


def test_a_child_registered_twice_and_merged_is_erased_whole_and_the_inbox_no_longer_shows_them(
        tmp_path: Path) -> None:
    """One child registered at two centres, the records merged; erasing the one kept erases the
    merged one too, the conflict's facts no longer show the national ID or names, and a desk that
    takes the events in any order (with its own correction made apart) ends the same."""
    from datetime import date

    from kanoon_desk.services import conflicts

    from .test_conflict_resolutions import converges_in_any_order, exchange, only_conflict, two_centres

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    at_a = lib.register_member(a, admin_a, child, today=TODAY)
    at_b = lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "member.registered_twice")
    with pytest.raises(InvariantError) as undecided:  # which record stays is decided first
        lib.erase_member(a, admin_a, at_a.id, today=TODAY)
    assert "ناسازگاری" in str(undecided.value)
    conflicts.resolve(a, admin_a, c.id, "keep_first" if c.facts[0].aggregate_id == at_a.id else "keep_second")
    exchange(a, b)
    lib.update_member(b, admin_b, at_a.id, lib.MemberInput(**{**child.__dict__, "national_id": "",
                                                          "guardian_phone": "09124445566"}),
                      today=TODAY)  # 14, apart, corrects the guardian's phone
    lib.erase_member(a, admin_a, at_a.id, today=TODAY)
    for m in (lib.get_member(a, admin_a, at_a.id), lib.get_member(a, admin_a, at_b.id)):
        assert (m.full_name, m.national_id, m.guardian_phone) == ("عضو حذف‌شده", "", "")
    view = conflicts.conflict(a, admin_a, c.id)
    shown = repr([f.payload for f in view.facts]) + repr([f.refs for f in view.facts]) + repr(view.summary)
    assert not any(v in shown for v in (NATIONAL_IDS[2], "سارا", "رضایی", "09121112233")), shown
    converges_in_any_order(a, b, tmp_path, base=L.store)


def test_a_desk_moved_to_a_new_computer_does_not_fetch_an_erased_childs_photo(
        server: LiveServer, tmp_path: Path) -> None:
    """A desk's store restored on a new computer without its attachments folder fetches back every
    file its events name; the photo of a child erased before is not one of them (the server still
    holds the file), while the photo of a member kept comes back."""
    from kanoon_desk.services import ops
    from kanoon_desk.store import Store

    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    erased = lib.put_member_photo_data(a, PNG, "face.png")
    kept_photo = lib.put_member_photo_data(a, PNG + b"kept", "adult.png")
    for member, photo in ((child, erased), (adult, kept_photo)):
        m = lib.get_member(a, admin_a, member.id)
        lib.update_member(a, admin_a, member.id, lib.MemberInput(
            first_name=m.first_name, last_name=m.last_name, national_id=m.national_id,
            guardian_name="علی محمدی", guardian_phone="09121234567", birth_date=m.birth_date, photo=photo),
            today=TODAY)
    assert client.sync_once(a).ok  # both photos on the server
    lib.erase_member(a, admin_a, child.id, today=TODAY)
    assert client.sync_once(a).ok
    a.backup_to(tmp_path / "daily.sqlite3")
    a.close()
    (tmp_path / "new-pc").mkdir()
    moved = tmp_path / "new-pc" / "desk.sqlite3"
    ops.restore(moved, tmp_path / "daily.sqlite3")
    store = Store(moved)
    report = client.sync_once(store)
    assert report.ok, report.summary_line()
    assert lib.member_photo(store, admin_a, kept_photo) == PNG + b"kept"
    assert not attachment_path(store, erased).exists()
    store.close()


def test_an_erased_child_s_photo_is_not_kept_nor_served_by_the_server(server: LiveServer, tmp_path: Path) -> None:
    """The desks delete an erased child's photo; the server kept its copy and gave it to any desk
    that asked (a member's photo is named by an event every office sees). Now it is gone there too,
    and a desk that had not heard of the erasure and pushes an older correction naming the photo
    does not make it served again."""
    from .helpers import on_server

    a, admin_a, child, _adult = centre_13_with_a_copy(server, tmp_path)
    photo = lib.put_member_photo_data(a, PNG, "face.png")
    details = lib.MemberInput(first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0],
                              guardian_name="علی محمدی", guardian_phone="09121234567",
                              birth_date=TODAY.replace(year=2016), photo=photo)
    lib.update_member(a, admin_a, child.id, details, today=TODAY)
    (tmp_path / "b").mkdir()
    b, admin_b = centre_14(server, tmp_path / "b")
    synced(a, b)
    assert on_server(server, b, photo) == PNG  # (what is at stake)
    # apart: 14 corrects the guardian's phone (its event names the photo), 13 erases
    lib.update_member(b, admin_b, child.id, lib.MemberInput(**{**details.__dict__, "guardian_phone": "09120001111"}),
                      today=TODAY)
    lib.erase_member(a, admin_a, child.id, today=TODAY)
    synced(a)
    assert on_server(server, b, photo) == b"" and on_server(server, a, photo) == b""
    assert not (tmp_path / "attachments" / photo).exists()
    synced(b, a)
    assert on_server(server, b, photo) == b"" and not (tmp_path / "attachments" / photo).exists()


def test_erasing_one_child_keeps_another_members_identical_photo_on_the_server(
        server: LiveServer, tmp_path: Path) -> None:
    """Files are kept by their content: two members given the same picture (the centre's stock
    image, one file chosen twice) share one file on the server. Erasing one of them deleted the
    file and stopped serving it to every desk, the other member's photo with it, and a later
    change to the other member naming it did not bring it back. The other member keeps it."""
    from .helpers import on_server

    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    photo = lib.put_member_photo_data(a, PNG, "face.png")
    child_details = lib.MemberInput(first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0],
                                    guardian_name="علی محمدی", guardian_phone="09121234567",
                                    birth_date=TODAY.replace(year=2016), photo=photo)
    lib.update_member(a, admin_a, child.id, child_details, today=TODAY)
    adult_details = lib.MemberInput(first_name="حسین", last_name="احمدی", national_id=NATIONAL_IDS[1],
                                    category="adult", phone="09351234567", photo=photo)
    lib.update_member(a, admin_a, adult.id, adult_details, today=TODAY)
    (tmp_path / "b").mkdir()
    b, admin_b = centre_14(server, tmp_path / "b")
    synced(a, b)
    lib.erase_member(a, admin_a, child.id, today=TODAY)
    synced(a, b)
    assert on_server(server, b, photo) == PNG  # the adult's photo is still served, and its file kept
    assert (tmp_path / "attachments" / photo).exists()
    assert lib.member_photo(b, admin_b, photo) == PNG and lib.member_photo(a, admin_a, photo) == PNG
    # a later change to the adult, and a desk that joins afterwards, still find the photo
    lib.update_member(b, admin_b, adult.id, lib.MemberInput(**{**adult_details.__dict__, "phone": "09350000000"}),
                      today=TODAY)
    synced(b)
    (tmp_path / "c").mkdir()
    c = enrol(server, tmp_path / "c" / "c.sqlite3", "15")
    synced(c)
    assert on_server(server, c, photo) == PNG
    assert attachment_path(c, photo).read_bytes() == PNG
