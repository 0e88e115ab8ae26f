"""Lending desks of two centres, offline: one copy lent at both becomes one conflict everywhere."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk.models import Conflict
from kanoon_desk.services import circulation, conflicts, ops
from kanoon_desk.services import library as lib
from kanoon_desk.sync import client
from tests.library_helpers import NATIONAL_IDS, TODAY

from .helpers import LiveServer, bootstrap_admin, enrol


def test_one_copy_lent_at_two_centres_is_one_conflict_on_every_desk(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin_a = bootstrap_admin(a)
    lib.add_centre(a, admin_a, "13", "مرکز فرهنگی هنری شماره ۱")
    lib.add_centre(a, admin_a, "14", "مرکز فرهنگی هنری شماره ۲")
    child = lib.register_member(a, admin_a, lib.MemberInput(
        first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0], guardian_name="علی محمدی",
        guardian_phone="09121234567", birth_date=TODAY.replace(year=2016)), today=TODAY)
    adult = lib.register_member(a, admin_a, lib.MemberInput(
        first_name="حسین", last_name="احمدی", national_id=NATIONAL_IDS[1], category="adult",
        phone="09351234567"), today=TODAY)
    title = lib.add_title(a, admin_a, lib.TitleInput(title="ماهی سیاه کوچولو", author="صمد بهرنگی",
                                                      isbn="978-964-391-300-7", age_group="ب"))
    lib.add_copy(a, admin_a, title.id, barcode="B0001", shelf="A1")
    assert client.sync_once(a).ok
    b = enrol(server, tmp_path / "b.sqlite3", "14")  # the catalogue and members come down by snapshot
    admin_b = bootstrap_admin(b)
    # both centres, offline, lend the same copy
    circulation.checkout(a, admin_a, child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, adult.member_no, "B0001", today=TODAY)
    for store in (a, b, a):
        report = client.sync_once(store)
        assert report.ok, report.summary_line()
    inbox_a = conflicts.list_conflicts(a, admin_a)
    inbox_b = conflicts.list_conflicts(b, admin_b)
    assert [c.kind for c in inbox_a] == ["copy.double_loan"]
    assert [c.id for c in inbox_a] == [c.id for c in inbox_b]
    assert len(inbox_a[0].facts) == 2
    assert {f.office_code for f in inbox_a[0].facts} == {"13", "14"}
    for store in (a, b):
        assert ops.check(store.path) == []
    shared = {t for t in ops.stats(a.path)["aggregates"] if t in ("copy", "loan", "member", "title", "conflict")}
    assert {t: ops.stats(a.path)["aggregates"][t] for t in shared} == {
        t: ops.stats(b.path)["aggregates"][t] for t in shared}
    conflicts.resolve(b, admin_b, inbox_b[0].id, "keep_first", "نسخه نزد مرکز ۱ است")
    for store in (b, a):
        assert client.sync_once(store).ok
    assert conflicts.open_count(a) == 0
    with a.read() as s1, b.read() as s2:
        assert s1.get(Conflict, inbox_a[0].id).status == s2.get(Conflict, inbox_a[0].id).status == "resolved"
