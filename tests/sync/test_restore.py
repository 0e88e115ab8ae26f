"""A desk restored from an old backup takes its own events back from the server and numbers its new
ones past them, by itself (also when `kill -9` stops it midway); a store copied to a second
computer is refused with what to do (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk import state_keys
from kanoon_desk.eventlog import system_actor
from kanoon_desk.models import Event, User
from kanoon_desk.models.sync import SyncRejection
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.services import ops
from kanoon_desk.store import Store
from kanoon_desk.sync import client, enrolment, state
from kanoon_desk.sync import errors as e
from kanoon_desk.sync.cli import EXIT_COPIED
from kanoon_desk.sync.report import RECOVERED
from kanoon_desk.sync.status import sync_status

from .helpers import LiveServer, add_user, bootstrap_admin, enrol
from .test_kill import ROOT, finish, kill_when, server_events, start_sync
from .test_sync_basic import assert_matches_server, assert_server_seqs


def holidays(store: Store, start: int, n: int) -> None:
    actor = system_actor(store.identity.office_code)
    with store.transaction() as s:
        for i in range(start, start + n):
            day = date(2020, 1, 1) + timedelta(days=i)
            store.record(s, actor, "holiday.set", day.isoformat(), {"title": f"روز {i}"})


def event_ids(store: Store) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(Event.id)))


def usernames(store: Store) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(User.username)))


def restored(store: Store, backup: Path) -> Store:
    """The app closed, `kanoon-desk restore` run from the backup, the app opened again."""
    path = store.path
    store.close()
    ops.restore(path, backup)
    return Store(path)


def backed_up_then_worked(server: LiveServer, tmp_path: Path, before: int, after: int) -> Store:
    """A synced desk with `before` holidays, its daily backup, then `after` more, pushed too."""
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    holidays(a, 0, before)
    assert client.sync_once(a).ok
    a.backup_to(tmp_path / "daily.sqlite3")
    holidays(a, 100, after)
    assert client.sync_once(a).ok
    return a


def test_a_desk_restored_from_an_old_backup_recovers_by_itself(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    holidays(a, 0, 5)
    assert client.sync_once(a).ok
    a.backup_to(tmp_path / "daily.sqlite3")  # the daily backup
    add_user(a, admin, "lost")  # the rest of the day: pushed, then the disk fails
    holidays(a, 100, 5)
    assert client.sync_once(a).ok
    before = event_ids(a)
    a = restored(a, tmp_path / "daily.sqlite3")
    assert ops.restored_unsynced(a) and sync_status(a).restored_at is not None  # the app says so
    add_user(a, admin, "after")  # work goes on at once, numbered from the backup's numbers
    holidays(a, 200, 3)
    new = event_ids(a) - before
    report = client.sync_once(a)
    assert report.ok and not report.mismatches, report.summary_line()
    assert not ops.restored_unsynced(a) and sync_status(a).restored_at is None  # caught up
    assert (report.recovered, report.renumbered, report.pushed, report.rejected) == (6, 4, 4, 0)
    assert any(w.template == RECOVERED for w in report.warnings)
    assert event_ids(a) == before | new and {"lost", "after"} <= usernames(a)  # nothing lost
    with server.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ServerEvent)) == len(before | new)  # nothing twice
    assert state.pending_count(a) == 0 and ops.check(a.path) == []
    assert_server_seqs(server, a)
    assert_matches_server(server, a)
    b = enrol(server, tmp_path / "b.sqlite3", "13")  # another desk of the office sees the same
    assert ops.stats(a.path)["aggregates"] == ops.stats(b.path)["aggregates"]
    holidays(a, 300, 2)  # and the restored desk goes on as before
    again = client.sync_once(a)
    assert again.ok and again.pushed == 2 and again.recovered == 0, again.summary_line()


def test_events_refused_as_numbered_twice_before_the_fix_are_sent_again(server: LiveServer, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk that pushed after a restore with an older program had its new events refused ("client
    sequence number … was already used"): its next round takes back its lost events and sends
    those again under new numbers."""
    a = restored(backed_up_then_worked(server, tmp_path, 3, 4), tmp_path / "daily.sqlite3")
    holidays(a, 200, 6)
    with monkeypatch.context() as mp:  # the older program: no first word, straight to the push
        mp.setattr(client.SyncClient, "hello", lambda self, report: None)
        old = client.sync_once(a)
    assert old.rejected == 4 and not old.ok  # 4 numbers taken, 2 stored past them; the check fails
    report = client.sync_once(a)
    assert report.ok and (report.recovered, report.renumbered, report.pushed) == (4, 4, 4), report.summary_line()
    with a.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncRejection)) == 0
    assert_matches_server(server, a)
    assert state.pending_count(a) == 0 and ops.check(a.path) == []


@pytest.mark.slow
def test_kill_9_while_a_restored_desk_sends_its_renumbered_events(server: LiveServer, tmp_path: Path) -> None:
    a = restored(backed_up_then_worked(server, tmp_path, 10, 50), tmp_path / "daily.sqlite3")
    holidays(a, 2000, 1200)
    a.close()
    proc = start_sync(a.path, "--batch", "5")
    kill_when(proc, lambda: 60 < server_events(server) < 1200)
    finish(a.path)
    assert server_events(server) == 10 + 50 + 1200
    a = Store(a.path)
    try:
        with a.read() as s:
            assert s.scalar(select(func.count()).select_from(Event)) == 1260
        assert state.pending_count(a) == 0 and ops.check(a.path) == []
        assert_matches_server(server, a)
    finally:
        a.close()


def test_a_store_copied_to_a_second_computer_is_refused_with_what_to_do(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    holidays(a, 0, 3)
    assert client.sync_once(a).ok
    a.backup_to(tmp_path / "copy.sqlite3")  # the store copied to another computer, both at work
    c = Store(tmp_path / "copy.sqlite3")
    holidays(a, 100, 2)
    holidays(c, 200, 2)
    assert client.sync_once(a).ok
    first = client.sync_once(c)  # the copy meets the other's events: it takes them as its own
    assert first.ok and first.recovered == 2, first.summary_line()
    refused = client.sync_once(a)  # and from then on the server follows the copy, not this one
    assert not refused.ok and refused.failure == "StoreCopied" and refused.error == e.MSG_STORE_COPIED
    assert "--replace-device" in refused.error
    holidays(a, 300, 1)
    assert not client.sync_once(a).ok  # nothing of it is taken any more
    a.close()
    out = subprocess.run([sys.executable, "-m", "kanoon_desk.sync.cli", "sync", "--db", str(a.path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == EXIT_COPIED and "--replace-device" in out.stderr, out.stderr
    with server.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ServerEvent)) == 3 + 2 + 2
    assert client.sync_once(c).ok
    # as the message says: with a new code it becomes a device of its own, its pending work sent
    a = Store(a.path)
    moved = enrolment.replace_device(a, server.url, server.code("13"))
    assert moved.ok and moved.pushed == 1 and a.identity.device_id != c.identity.device_id, moved.summary_line()
    assert client.sync_once(c).ok and ops.stats(a.path)["aggregates"] == ops.stats(c.path)["aggregates"]


def test_a_restored_desk_does_not_issue_its_numbers_again(server: LiveServer, tmp_path: Path) -> None:
    """The numbers it issued after the backup (registration and letter numbers, membership numbers,
    copies' barcodes) come back with its events: the next ones follow them, and no number is
    issued twice (each would have been a conflict at every other desk)."""
    from kanoon_desk.models import Conflict
    from kanoon_desk.services import library as lib
    from kanoon_desk.services import secretariat as sec
    from tests.library_helpers import NATIONAL_IDS
    from tests.secretariat_helpers import case_input, make_secretariat_desk

    d = make_secretariat_desk(tmp_path)
    a = d.store
    assert enrolment.enroll_store(a, server.url, server.code(a.identity.office_code)).ok

    def registered(n: int) -> str:
        r = sec.intake(a, d.clerk, case_input(n))
        sec.review(a, d.expert, r.case_id, accept=True)
        return sec.register(a, d.clerk, r.case_id)

    def member(n: int) -> str:
        return lib.register_member(a, d.admin, lib.MemberInput(
            first_name="آزمون", last_name=f"شماره {n}", national_id=NATIONAL_IDS[n], category="adult")).member_no

    first, first_member = registered(1), member(0)
    assert client.sync_once(a).ok
    a.backup_to(tmp_path / "daily.sqlite3")
    after_backup = [registered(2), registered(3)]
    member_after = member(1)
    assert client.sync_once(a).ok
    a = d.store = restored(a, tmp_path / "daily.sqlite3")
    assert client.sync_once(a).recovered > 0
    again, member_again = registered(4), member(2)
    assert again not in [first, *after_backup] and int(again.rsplit("-", 1)[1]) == 4
    assert member_again not in (first_member, member_after)
    assert int(member_again[4:10]) == int(member_after[4:10]) + 1
    report = client.sync_once(a)
    assert report.ok and report.rejected == 0, report.summary_line()
    other = enrol(server, tmp_path / "b.sqlite3", a.identity.office_code)  # what every other desk sees
    for store in (a, other):
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(Conflict)) == 0
    other.close()


def test_restore_with_sync_takes_back_at_once_what_the_server_holds(server: LiveServer, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """`kanoon-desk restore --sync` runs the round right after: the desk has its events and numbers
    back before anyone works on it. Without `--sync` it says to sync first."""
    from kanoon_desk.__main__ import main

    a = backed_up_then_worked(server, tmp_path, 2, 3)
    held = event_ids(a)
    path = a.path
    a.close()
    assert main(["restore", "--db", str(path), "--from", str(tmp_path / "daily.sqlite3")]) == 0
    assert "kanoon-desk sync" in capsys.readouterr().out  # enrolled: sync before new numbers
    b = Store(path)
    assert ops.restored_unsynced(b) and event_ids(b) != held
    b.close()
    assert main(["restore", "--db", str(path), "--from", str(tmp_path / "daily.sqlite3"), "--sync"]) == 0
    c = Store(path)
    assert event_ids(c) == held and not ops.restored_unsynced(c)  # its lost events back, at once
    c.close()


def test_a_desk_restored_on_a_new_computer_fetches_its_scans_back(server: LiveServer, tmp_path: Path) -> None:
    """The PC died; its last backup (the store file: the attachments folder beside it is gone) is
    restored on a new computer. The round fetches every file its events name from the server: its
    own scans sent before the backup and after it, and the other desk's it had pulled."""
    import hashlib

    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.services.secretariat_files import attachment_path
    from tests.secretariat_helpers import case_input

    def scanned(store: Store, n: int) -> str:
        admin = bootstrap_admin(store, f"admin{n}")
        body = b"%PDF-1.4 scan " + bytes([n]) * 2000
        scan = tmp_path / f"scan{n}.pdf"
        scan.write_bytes(body)
        sec.add_attachment(store, admin, sec.intake(store, admin, case_input(n)).case_id, scan)
        return hashlib.sha256(body).hexdigest()

    for folder in ("old-pc", "other", "new-pc"):
        (tmp_path / folder).mkdir()
    a = enrol(server, tmp_path / "old-pc" / "desk.sqlite3", "13")
    b = enrol(server, tmp_path / "other" / "desk.sqlite3", "13")
    own_before = scanned(a, 1)
    theirs = scanned(b, 2)
    assert client.sync_once(b).uploaded == 1 and client.sync_once(a).downloaded == 1
    a.backup_to(tmp_path / "weekly.sqlite3")
    own_after = scanned(a, 3)
    assert client.sync_once(a).uploaded == 1
    a.close()
    new = tmp_path / "new-pc" / "desk.sqlite3"
    ops.restore(new, tmp_path / "weekly.sqlite3")
    c = Store(new)
    report = client.sync_once(c)
    assert report.ok and report.downloaded == 3, report.summary_line()
    assert [w.template for w in report.warnings] == [RECOVERED]  # (its events sent after the backup)
    for sha in (own_before, theirs, own_after):
        assert hashlib.sha256(attachment_path(c, sha).read_bytes()).hexdigest() == sha
    again = client.sync_once(c)
    assert again.ok and again.downloaded == again.uploaded == 0 and not again.warnings, again.summary_line()
    c.close()


def test_a_backup_from_before_the_desk_joined_keeps_its_enrolment(server: LiveServer, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A desk that worked on its own joined the server on Monday (renumbered: the office's device 1
    was taken); on Wednesday its newest backup from before Monday is restored over it. The restored
    desk stays the server's device: it syncs, takes back what it sent since, and its numbers carry
    the device number the server gave it, not the office's other desk's."""
    from kanoon_desk.__main__ import main
    from kanoon_desk.models import Conflict
    from kanoon_desk.services import secretariat as sec
    from tests.secretariat_helpers import case_input, make_secretariat_desk

    d = make_secretariat_desk(tmp_path)
    a = d.store
    office = a.identity.office_code
    (tmp_path / "b").mkdir()
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", office)  # the office's device 1

    def registered(store: Store, n: int) -> str:
        r = sec.intake(store, d.clerk, case_input(n))
        sec.review(store, d.expert, r.case_id, accept=True)
        return sec.register(store, d.clerk, r.case_id)

    given = [registered(a, 1)]
    a.backup_to(tmp_path / "before-joining.sqlite3")
    assert enrolment.enroll_store(a, server.url, server.code(office)).ok
    device_no = a.identity.device_no
    assert device_no == 2
    given.append(registered(a, 2))
    assert client.sync_once(a).ok
    held, path = event_ids(a), a.path
    a.close()
    assert main(["restore", "--db", str(path), "--from", str(tmp_path / "before-joining.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "enrolment" in out and "kanoon-desk sync" in out, out
    c = d.store = Store(path)
    assert c.identity.device_no == device_no and c.get_state(state_keys.K_SERVER) == server.url
    report = client.sync_once(c)
    assert report.ok and report.recovered > 0, report.summary_line()
    assert event_ids(c) == held and not ops.restored_unsynced(c)
    again = registered(c, 3)
    assert again not in given and f"-D{device_no:02d}-" in again and again.endswith("000003"), again
    assert client.sync_once(c).ok and client.sync_once(b).ok
    with b.read() as s:
        assert s.scalar(select(func.count()).select_from(Conflict)) == 0
    assert_matches_server(server, c)
    assert ops.stats(c.path)["aggregates"] == ops.stats(b.path)["aggregates"]
    b.close()


def test_a_backup_from_before_joining_restored_on_a_new_computer_says_what_to_do(
        server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With no store of the desk to take its enrolment from (a new computer), `enroll` is refused
    because the server knows the device: it says to make it a new device with the same code, and
    that code, not spent, does it; the desk then holds everything the server has."""
    from kanoon_desk.sync import cli
    from tests.secretariat_helpers import make_secretariat_desk

    d = make_secretariat_desk(tmp_path)
    a = d.store
    office = a.identity.office_code
    a.backup_to(tmp_path / "before-joining.sqlite3")
    assert enrolment.enroll_store(a, server.url, server.code(office)).ok
    holidays(a, 0, 3)
    assert client.sync_once(a).ok
    held = event_ids(a)
    a.close()
    (tmp_path / "new-pc").mkdir()
    new = tmp_path / "new-pc" / "desk.sqlite3"
    ops.restore(new, tmp_path / "before-joining.sqlite3")
    code = server.code(office)
    assert cli.main(["enroll", "--db", str(new), "--server", server.url, "--code", code]) == cli.EXIT_AUTH
    err = capsys.readouterr().err
    assert "--replace-device" in err and "این کد به کار نرفت" in err, err
    assert cli.main(["enroll", "--db", str(new), "--server", server.url, "--code", code, "--replace-device"]) == 0
    c = Store(new)
    assert held <= event_ids(c) and state.pending_count(c) == 0 and ops.check(c.path) == []
    assert_matches_server(server, c)
    c.close()


def test_an_old_backup_restored_twice_on_the_desk_syncs_as_the_same_device(server: LiveServer, tmp_path: Path) -> None:
    """Monday's backup restored, synced (the desk takes its events back under a new store name),
    worked on; then restored again (or Tuesday's, taken before that first restore): the desk is
    not a copy of itself on another computer. It goes on as the same device, nothing lost."""
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    device = a.identity.device_id
    holidays(a, 0, 3)
    assert client.sync_once(a).ok
    a.backup_to(tmp_path / "monday.sqlite3")
    holidays(a, 100, 2)
    assert client.sync_once(a).ok
    a = restored(a, tmp_path / "monday.sqlite3")
    first = client.sync_once(a)
    assert first.ok and first.recovered == 2, first.summary_line()
    holidays(a, 200, 2)
    assert client.sync_once(a).ok
    held = event_ids(a)
    a = restored(a, tmp_path / "monday.sqlite3")
    holidays(a, 300, 1)  # and worked on before the round
    again = client.sync_once(a)
    assert again.ok and (again.recovered, again.renumbered, again.pushed) == (4, 1, 1), again.summary_line()
    assert a.identity.device_id == device and held < event_ids(a)
    assert_matches_server(server, a)
    assert state.pending_count(a) == 0 and ops.check(a.path) == []
    a.close()


def test_a_letter_number_both_copies_of_a_desk_gave_reaches_the_inbox_and_its_fix_syncs(
        server: LiveServer, tmp_path: Path) -> None:
    """A store copied to a second computer, both at work: each forwarded a case with the desk's
    next letter number, so two letters went out as one number. Registration numbers given twice
    were a conflict; letter numbers were not caught at all. Now the inbox of both desks holds one
    «یک شماره نامه صادره به دو نامه داده شده است», and the letter renumbered on one reaches the
    other with its next round."""
    from kanoon_desk.models.secretariat import Forward
    from kanoon_desk.services import conflicts
    from kanoon_desk.services import secretariat as sec
    from tests.secretariat_helpers import case_input, make_secretariat_desk

    d = make_secretariat_desk(tmp_path)
    a = d.store
    assert enrolment.enroll_store(a, server.url, server.code(a.identity.office_code)).ok
    cases = []
    for n in (1, 2):
        r = sec.intake(a, d.clerk, case_input(n))
        sec.review(a, d.expert, r.case_id, accept=True)
        sec.register(a, d.clerk, r.case_id)
        cases.append(r.case_id)
    assert client.sync_once(a).ok
    a.backup_to(tmp_path / "copy.sqlite3")
    c = Store(tmp_path / "copy.sqlite3")
    on_a = sec.forward(a, d.manager, cases[0], d.agency.id)
    on_c = sec.forward(c, d.manager, cases[1], d.agency.id)
    assert on_a.letter_no == on_c.letter_no
    assert client.sync_once(a).ok
    assert client.sync_once(c).ok  # the copy takes the other's events as its own, and sends its forward
    assert not client.sync_once(a).ok  # refused: a copy
    moved = enrolment.replace_device(a, server.url, server.code("13"))
    assert moved.ok, moved.summary_line()

    def inbox(store: Store, status: str | None = "open") -> list[conflicts.ConflictView]:
        return [x for x in conflicts.list_conflicts(store, d.admin, status=status) if x.kind == "case.letter_twice"]

    assert [x.id for x in inbox(a)] == [x.id for x in inbox(c)] and len(inbox(a)) == 1
    twice = inbox(c)[0]
    assert {f.event_id for f in twice.facts} == {on_a.id, on_c.id} and twice.summary["letter_no"] == on_a.letter_no
    conflicts.resolve(c, d.admin, twice.id, "keep_first" if twice.facts[0].event_id == on_a.id else "keep_second")
    assert client.sync_once(c).ok and client.sync_once(a).ok
    for store in (a, c):
        with store.read() as s:
            letters = {f.id: f.letter_no for f in s.scalars(select(Forward))}
        assert letters[on_a.id] == on_a.letter_no and letters[on_c.id] not in (on_a.letter_no, "")
        assert inbox(store) == [] and [x.status for x in inbox(store, None)] == ["resolved"]
    assert ops.stats(a.path)["aggregates"] == ops.stats(c.path)["aggregates"]
    assert ops.check(a.path) == [] and ops.check(c.path) == []
