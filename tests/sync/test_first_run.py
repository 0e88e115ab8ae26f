"""A desk that joins its office's server on first run: enrol an open, empty store; the first admin
of an office new on the server; the refusals a person can meet (bad address, bad or spent code)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk import persian, state_keys
from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.eventlog import Actor
from kanoon_desk.services import accounts, conflicts, ops
from kanoon_desk.store import Store
from kanoon_desk.sync import client, enrolment, state
from kanoon_desk.sync import errors as e

from .helpers import PASSWORD, LiveServer, bootstrap_admin, enrol


def test_an_empty_store_enrols_and_its_office_new_on_the_server_gets_a_first_admin(
        server: LiveServer, tmp_path: Path) -> None:
    store = Store(tmp_path / "first.sqlite3")  # opened by the app before anything was set up
    try:
        assert not store.is_initialised and not accounts.needs_first_admin(store)
        report = enrolment.enroll_store(store, server.url + "/", server.code("21"), label="میز ۱")
        assert report.ok, report.summary_line()
        assert store.identity.office_code == "21" and state.first_sync_done(store)
        assert store.get_state(state_keys.K_SERVER) == server.url  # kept without the trailing slash
        # nobody of office 21 exists anywhere yet: the desk asks for its first admin
        assert accounts.needs_first_admin(store) and accounts.get_office(store) is None
        with pytest.raises(ValidationError) as no_name:
            accounts.create_first_admin(store, admin_username="boss", admin_full_name="مریم رضایی",
                                        admin_password=PASSWORD)
        assert no_name.value.field == "office_name"
        made = accounts.create_first_admin(store, office_name="مرکز ۲۱", admin_username="boss",
                                           admin_full_name="مریم رضایی", admin_password=PASSWORD)
        assert made.roles >= {"admin"} and not accounts.needs_first_admin(store)
        with pytest.raises(PermissionDenied):  # only while the office has nobody
            accounts.create_first_admin(store, office_name="x", admin_username="other", admin_full_name="x",
                                        admin_password=PASSWORD)
        assert client.sync_once(store).ok
        # the office's next desk brings the admin down and can log in at once
        second = Store(tmp_path / "second.sqlite3")
        try:
            assert enrolment.enroll_store(second, server.url, server.code("21")).ok
            assert not accounts.needs_first_admin(second)
            assert accounts.login(second, "boss", PASSWORD).full_name == "مریم رضایی"
            office = accounts.get_office(second)
            assert office is not None and office.name == persian.normalize("مرکز ۲۱")
        finally:
            second.close()
    finally:
        store.close()


def _standalone(path: Path, office: str = "13") -> tuple[Store, Actor]:
    """A desk set up on its own (no server), with its own admin and some work done."""
    store = Store(path)
    accounts.setup_desk(store, office_code=office, office_name="دفتر مدیریت عملکرد", admin_username="admin",
                        admin_full_name="مدیر میز تنها", admin_password=PASSWORD)
    actor = accounts.login(store, "admin", PASSWORD)
    accounts.set_holiday(store, actor, date(2026, 3, 26), "نوروز")
    accounts.create_user(store, actor, username="clerk7", full_name="کارمند هفتم", password=PASSWORD,
                         roles={"clerk"}, must_change_password=False)
    return store, actor


def test_a_desk_that_worked_alone_joins_its_office_and_nothing_is_lost_or_overwritten(
        server: LiveServer, tmp_path: Path) -> None:
    office = enrol(server, tmp_path / "office.sqlite3", "13")  # the office's desk on the server: device 1
    alone, actor = _standalone(tmp_path / "alone.sqlite3")
    try:
        bootstrap_admin(office)  # "admin" on the server's side too: a user name made on both sides
        accounts.set_holiday(office, accounts.login(office, "admin", PASSWORD), date(2026, 4, 4), "تعطیلی")
        assert client.sync_once(office).ok
        before = alone.identity
        waiting = state.pending_count(alone)
        assert waiting >= 4  # office, admin, holiday, clerk: the whole history waits to go up
        report = enrolment.enroll_store(alone, server.url, server.code("13"), actor=actor)
        assert report.ok, report.summary_line()
        assert report.pushed == waiting and state.pending_count(alone) == 0
        # same device id (its events carry it); number 1 was taken on the server, so it is now 2
        assert alone.identity.device_id == before.device_id and alone.identity.device_no == 2
        assert client.sync_once(office).ok
        for desk in (office, alone):
            assert {d for d, _ in accounts.list_holidays(desk)} == {date(2026, 3, 26), date(2026, 4, 4)}
            assert conflicts.open_count(desk) == 1  # the two "admin" accounts, raised, not merged
        assert accounts.login(office, "clerk7", PASSWORD).office_code == "13"  # the desk's user reached the office
        assert client.sync_once(alone).ok and client.sync_once(office).ok  # quiet: both agree with the server
    finally:
        alone.close()
        office.close()


def test_joining_is_refused_where_it_would_be_wrong(server: LiveServer, tmp_path: Path) -> None:
    alone, actor = _standalone(tmp_path / "alone.sqlite3", office="14")
    try:
        code = server.code("13")
        with pytest.raises(e.AuthRefused) as other:  # a code of another office
            enrolment.enroll_store(alone, server.url, code)
        assert other.value.message == e.MSG_CODE_OTHER_OFFICE and alone.get_state(state_keys.K_SECRET) is None
        with pytest.raises(PermissionDenied):  # an admin's act
            clerk = accounts.create_user(alone, actor, username="c1", full_name="کارمند", password=PASSWORD,
                                         roles={"clerk"}, must_change_password=False)
            enrolment.enroll_store(alone, server.url, server.code("14"),
                                   actor=accounts.login(alone, clerk.username, PASSWORD))
        fresh = Store(tmp_path / "fresh.sqlite3")  # the refused code was not spent
        try:
            assert enrolment.enroll_store(fresh, server.url, code).ok
        finally:
            fresh.close()
        backup = tmp_path / "before-joining.sqlite3"
        alone.backup_to(backup)
        assert enrolment.enroll_store(alone, server.url, server.code("14"), actor=actor).ok
        with pytest.raises(e.SyncError) as twice:
            enrolment.enroll_store(alone, server.url, server.code("14"), actor=actor)
        assert twice.value.message == e.MSG_ALREADY_ENROLLED
        restored = Store(backup)  # a copy from before it joined, trying to join again
        try:
            with pytest.raises(e.AuthRefused) as known:
                enrolment.enroll_store(restored, server.url, server.code("14"))
            assert known.value.message == e.MSG_DEVICE_KNOWN
        finally:
            restored.close()
    finally:
        alone.close()


def test_the_command_line_joins_an_existing_desk(server: LiveServer, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from kanoon_desk.sync.cli import main

    alone, _ = _standalone(tmp_path / "alone.sqlite3")
    alone.close()
    assert main(["enroll", "--db", str(tmp_path / "alone.sqlite3"), "--server", server.url,
                 "--code", server.code("13")]) == 0
    out = capsys.readouterr().out
    assert "enrolled: office 13, device 1" in out and "first administrator" not in out
    not_a_store = tmp_path / "notes.sqlite3"
    not_a_store.write_bytes(b"not a database at all")
    assert main(["enroll", "--db", str(not_a_store), "--server", server.url, "--code", server.code("13")]) != 0
    assert not_a_store.read_bytes() == b"not a database at all"  # left alone


def test_refused_enrolments_say_what_to_do(server: LiveServer, tmp_path: Path) -> None:
    store = Store(tmp_path / "d.sqlite3")
    try:
        with pytest.raises(e.AuthRefused) as unknown:
            enrolment.enroll_store(store, server.url, "NOPE-NOPE-NOPE-NOPE")
        assert unknown.value.message == e.MSG_CODE_UNKNOWN
        code = server.code("13")
        other = enrol(server, tmp_path / "other.sqlite3", "13")
        other.close()
        assert enrolment.enroll_store(store, server.url, code).ok
        again = Store(tmp_path / "again.sqlite3")
        try:
            with pytest.raises(e.AuthRefused) as used:
                enrolment.enroll_store(again, server.url, code)
            assert used.value.message == e.MSG_CODE_USED
            assert not again.is_initialised  # nothing half-made
            with pytest.raises(e.Offline) as down:
                enrolment.enroll_store(again, "http://127.0.0.1:9", server.code("13"))
            assert down.value.message == e.MSG_NO_SERVER
        finally:
            again.close()
    finally:
        store.close()


def test_a_desk_joining_an_office_with_users_needs_no_first_admin(server: LiveServer, tmp_path: Path) -> None:
    first = enrol(server, tmp_path / "a.sqlite3", "13")
    try:
        bootstrap_admin(first)
        assert client.sync_once(first).ok
        joined = Store(tmp_path / "b.sqlite3")
        try:
            assert enrolment.enroll_store(joined, server.url, server.code("13")).ok
            assert not accounts.needs_first_admin(joined)
            assert accounts.login(joined, "admin", PASSWORD).has("admin")
        finally:
            joined.close()
    finally:
        first.close()


@pytest.mark.parametrize(("url", "code", "field"), [
    ("", "X", "server_url"), ("kanoon.example.ir", "X", "server_url"), ("ftp://host", "X", "server_url"),
    ("http://a b", "X", "server_url"), ("http://host:8750", "  ", "code"),
])
def test_the_address_and_code_are_checked_before_anything_is_sent(url: str, code: str, field: str) -> None:
    with pytest.raises(ValidationError) as bad:
        enrolment.check_enrolment(url, code)
    assert bad.value.field == field


def test_persian_digits_and_spaces_in_the_address_are_folded() -> None:
    assert enrolment.check_enrolment(" http://۱۹۲.۱۶۸.۱.۱۰:۸۷۵۰/ ", " ABCD-۲۳ ") == ("http://192.168.1.10:8750", "ABCD-23")


def _registered_case(store: Store, actor: Actor, n: int) -> tuple[str, str]:
    from kanoon_desk.services import secretariat as sec
    from tests.secretariat_helpers import case_input

    receipt = sec.intake(store, actor, case_input(n))
    sec.review(store, actor, receipt.case_id, accept=True)
    return receipt.tracking_code, sec.register(store, actor, receipt.case_id)


def test_a_registration_number_given_on_both_sides_is_one_conflict_on_every_desk(
        server: LiveServer, tmp_path: Path) -> None:
    office = enrol(server, tmp_path / "office.sqlite3", "13")  # device 1 of office 13 on the server
    alone, actor = _standalone(tmp_path / "alone.sqlite3")  # also device 1 of office 13, on its own
    try:
        office_admin = bootstrap_admin(office, "boss")
        code_a, number_a = _registered_case(office, office_admin, 1)
        code_b, number_b = _registered_case(alone, actor, 2)
        assert number_a == number_b  # the same device number gives the same numbers
        assert client.sync_once(office).ok
        assert enrolment.enroll_store(alone, server.url, server.code("13"), actor=actor).ok
        assert client.sync_once(office).ok
        for desk, admin in ((office, office_admin), (alone, actor)):
            twice = [c for c in conflicts.list_conflicts(desk, admin) if c.kind == "case.number_twice"]
            assert len(twice) == 1, [c.kind for c in conflicts.list_conflicts(desk, admin)]
            assert twice[0].summary == {"registration_no": number_a, "tracking_codes": sorted([code_a, code_b])}
            assert len(twice[0].facts) == 2 and {f.type for f in twice[0].facts} == {"case.registered"}
        def seen(desk: Store, admin: Actor) -> set[tuple[object, ...]]:
            return {(c.id, c.aggregate_id, c.office_code, c.raised_at)
                    for c in conflicts.list_conflicts(desk, admin) if c.kind == "case.number_twice"}

        assert seen(office, office_admin) == seen(alone, actor)  # it reads the same on both desks
        assert ops.check(office.path) == [] and ops.check(alone.path) == []  # and a re-fold agrees
        # from now on the joined desk numbers as device 2: no new clash
        _, later = _registered_case(alone, actor, 3)
        assert "-D02-" in later and "-D01-" in number_b
    finally:
        alone.close()
        office.close()


def test_member_numbers_given_on_both_sides_are_one_conflict(server: LiveServer, tmp_path: Path) -> None:
    from kanoon_desk.services import library as lib
    from tests.factories import make_office_a_centre
    from tests.library_helpers import NATIONAL_IDS, TODAY

    office = enrol(server, tmp_path / "office.sqlite3", "13")
    alone, actor = _standalone(tmp_path / "alone.sqlite3")
    try:
        office_admin = bootstrap_admin(office, "boss")
        make_office_a_centre(office, office_admin, "مرکز فرهنگی هنری شماره ۱")
        made = []
        for desk, admin, n in ((office, office_admin, 0), (alone, actor, 1)):
            made.append(lib.register_member(desk, admin, lib.MemberInput(
                first_name="عضو", last_name=f"شماره {n}", national_id=NATIONAL_IDS[n], category="adult",
                phone="09351234567"), today=TODAY))
        assert made[0].member_no == made[1].member_no  # device 1 on both sides: the same number
        assert client.sync_once(office).ok
        assert enrolment.enroll_store(alone, server.url, server.code("13"), actor=actor).ok
        assert client.sync_once(office).ok
        for desk, admin in ((office, office_admin), (alone, actor)):
            twice = [c for c in conflicts.list_conflicts(desk, admin) if c.kind == "member.number_twice"]
            assert [c.summary for c in twice] == [{"member_no": made[0].member_no}]
            assert {f.aggregate_id for f in twice[0].facts} == {m.id for m in made}
    finally:
        alone.close()
        office.close()
