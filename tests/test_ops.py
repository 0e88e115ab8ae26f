"""Operator tasks: check, stats digests, backup and the restore that refuses bad files."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanoon_desk import eventlog
from kanoon_desk.digest import EventDigest, event_digest
from kanoon_desk.models import Event
from kanoon_desk.services import accounts, ops
from kanoon_desk.store import Store
from tests.factories import make_desk, make_user


def _sql(path: Path, statement: str) -> None:
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute(statement)
        conn.commit()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    store, admin = make_desk(path)
    make_user(store, admin, "clerk1", "clerk")
    accounts.set_holiday(store, admin, date(2026, 3, 26), "نوروز")
    store.close()
    return path


def test_check_passes_on_a_fresh_store(desk: Path) -> None:
    assert ops.check(desk) == []


def test_check_names_the_projection_table_altered_with_raw_sql(desk: Path) -> None:
    _sql(desk, "UPDATE users SET full_name = 'دست‌کاری' WHERE username = 'clerk1'")
    problems = ops.check(desk)
    assert len(problems) == 1
    assert "users" in problems[0]
    # the check ran in a rolled-back transaction: the altered row is still there
    with closing(sqlite3.connect(str(desk))) as conn:
        assert conn.execute("SELECT full_name FROM users WHERE username='clerk1'").fetchone()[0] == "دست‌کاری"


def test_check_notices_a_deleted_projection_row(desk: Path) -> None:
    _sql(desk, "DELETE FROM holidays")
    assert any("holidays" in p for p in ops.check(desk))


def test_check_fails_on_a_broken_audit_chain(desk: Path) -> None:
    _sql(desk, "UPDATE audit SET username = 'someone-else' WHERE seq = 2")
    problems = ops.check(desk)
    assert problems
    assert any("ممیزی" in p for p in problems)


def test_check_refuses_files_that_are_not_stores(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    assert ops.check(garbage)
    assert ops.check(tmp_path / "missing.sqlite3")
    plain = tmp_path / "plain.sqlite3"
    _sql(plain, "CREATE TABLE t (x)")
    assert "کانون دسک" in ops.check(plain)[0]
    with closing(sqlite3.connect(str(plain))) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["t"]


def _copy_events(src: Path, dest: Path) -> None:
    a = Store(src)
    with a.read() as s:
        events = [Event(id=e.id, type=e.type, aggregate_type=e.aggregate_type, aggregate_id=e.aggregate_id,
                        payload=e.payload, hlc=e.hlc, device_id=e.device_id, office_code=e.office_code,
                        user_id=e.user_id, recorded_at=e.recorded_at)
                  for e in s.query(Event).all()]
    a.close()
    b = Store(dest)
    b.set_identity("13", 2)
    with b.transaction() as s:
        eventlog.ingest(s, list(reversed(events)))
    b.close()


def test_stats_digests_equal_for_two_stores_holding_the_same_events(desk: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    _copy_events(desk, other)
    a, b = ops.stats(desk), ops.stats(other)
    assert a["device_id"] != b["device_id"]
    assert a["aggregates"] == b["aggregates"]
    assert a["digest"] == b["digest"]
    assert a["aggregates"]["user"]["events"] == 2
    assert a["aggregates"]["user"]["aggregates"] == 2
    assert a["tables"]["users"] == 2
    assert ops.check(other) == []

    store = Store(other)
    admin = accounts.login(store, "admin", "secret-pass-1")
    accounts.set_holiday(store, admin, date(2026, 4, 4), "تعطیلی")
    store.close()
    c = ops.stats(other)
    assert c["aggregates"]["holiday"]["digest"] != a["aggregates"]["holiday"]["digest"]
    assert c["aggregates"]["user"] == a["aggregates"]["user"]


def test_event_digest_ignores_order_and_payload_key_order() -> None:
    rows = [("b", "t.x", {"k": 1, "a": "ی"}, 7), ("a", "t.y", '{"z": 2}', 5)]
    same = [("a", "t.y", {"z": 2}, 5), ("b", "t.x", '{"a":"ی","k":1}', 7)]
    assert event_digest(rows) == event_digest(same)
    assert event_digest(rows) != event_digest([("a", "t.y", {"z": 3}, 5), rows[0]])
    assert EventDigest().hexdigest() == "0" * 64


_EVENTS = st.lists(st.tuples(st.uuids().map(str), st.sampled_from(["loan.out", "holiday.set"]),
                             st.dictionaries(st.sampled_from(["a", "k", "عنوان"]), st.integers() | st.text(max_size=5)),
                             st.integers(min_value=0, max_value=2**62)),
                   unique_by=lambda e: e[0], max_size=30)


@given(_EVENTS, st.randoms())
def test_a_digest_is_the_same_in_any_order_and_adds_up(events: list[Any], rnd: Any) -> None:
    """What the running totals rely on: the digest of old events merged with the digest of the
    new ones is the digest of all of them, whatever the order and the split."""
    whole = event_digest(events)
    shuffled = list(events)
    rnd.shuffle(shuffled)
    cut = rnd.randint(0, len(events))
    old, new = EventDigest(), EventDigest()
    for e in shuffled[:cut]:
        old.add(*e)
    for e in shuffled[cut:]:
        new.add(*e)
    old.merge(EventDigest.from_hex(new.count, new.hexdigest()))
    assert (old.count, old.hexdigest()) == (len(events), whole)
    if events:  # one event dropped, or one altered, changes the digest
        assert event_digest(events[1:]) != whole
        eid, etype, payload, hlc = events[0]
        assert event_digest([(eid, etype, payload, hlc + 1), *events[1:]]) != whole


def _holidays(path: Path) -> list[str]:
    with closing(sqlite3.connect(str(path))) as conn:
        return [r[0] for r in conn.execute("SELECT day FROM holidays ORDER BY day")]


def test_backup_and_restore_round_trip(desk: Path, tmp_path: Path) -> None:
    backup_file = tmp_path / "backups" / "b1.sqlite3"
    ops.backup(desk, backup_file)
    assert ops.check(backup_file) == []
    store = Store(desk)
    admin = accounts.login(store, "admin", "secret-pass-1")
    accounts.set_holiday(store, admin, date(2026, 4, 4), "تعطیلی")
    store.close()
    assert len(_holidays(desk)) == 2

    previous = ops.restore(desk, backup_file).previous
    assert previous == desk.with_name("desk.sqlite3.before-restore")
    assert len(_holidays(desk)) == 1
    assert len(_holidays(previous)) == 2
    assert ops.events_not_restored(previous, desk) == 1  # the holiday set after the backup
    assert ops.events_not_restored(backup_file, desk) == 0
    assert ops.events_not_restored(tmp_path / "none.sqlite3", desk) is None
    assert ops.check(desk) == []
    restored = Store(desk)
    assert accounts.login(restored, "clerk1", "secret-pass-1").username == "clerk1"
    restored.close()



def test_an_app_started_while_a_restore_copies_the_store_aside_keeps_its_work(
        desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`restore` asked whether the store was open, then copied it aside (`.before-restore`: as long
    as the store is big) and replaced it. The clerk who opened the app meanwhile worked on the file
    about to be replaced; its write-ahead log was deleted under it, and the holiday recorded there
    was gone without a word. The store is now asked about last, just before it is replaced: the
    restore is refused, and the app's work and the store stay."""
    import subprocess
    import sys

    backup_file = tmp_path / "b1.sqlite3"
    ops.backup(desk, backup_file)
    app: list[subprocess.Popen[str]] = []
    copied_aside = ops._checkpoint

    def app_opened_meanwhile(path: Path) -> None:  # (the restore checkpoints the store once it is copied aside)
        copied_aside(path)
        if Path(path) == desk and not app:
            proc = subprocess.Popen([sys.executable, "-c", (
                "import sys; from datetime import date; from kanoon_desk.services import accounts; "
                "from kanoon_desk.store import Store; s = Store(sys.argv[1]); "
                "a = accounts.login(s, 'admin', 'secret-pass-1'); "
                "accounts.set_holiday(s, a, date(2026, 4, 4), 'تعطیلی'); print('saved', flush=True); sys.stdin.read()"),
                str(desk)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                cwd=Path(__file__).resolve().parents[1])
            app.append(proc)
            assert proc.stdout is not None and proc.stdout.readline().strip() == "saved"

    monkeypatch.setattr(ops, "_checkpoint", app_opened_meanwhile)
    try:
        with pytest.raises(ops.RestoreRefused) as refused:
            ops.restore(desk, backup_file)
        assert refused.value.problems[0].message == ops.MSG_STORE_OPEN  # type: ignore[attr-defined]
    finally:
        for proc in app:
            proc.communicate("", timeout=30)
    assert app and len(_holidays(desk)) == 2  # the app's holiday is in the store
    assert not desk.with_name("desk.sqlite3.before-restore").exists()
    assert not desk.with_name("desk.sqlite3.restore-tmp").exists()
    assert ops.check(desk) == []


def test_a_restore_leaves_nothing_beside_the_backup_it_read(desk: Path, tmp_path: Path) -> None:
    """Reading the backup (read only, in its write-ahead-log mode) left a `-shm` and an empty
    `-wal` next to it on the USB stick it came from."""
    from kanoon_desk.store import sidecars

    stick = tmp_path / "usb"
    backup_file = stick / "b1.sqlite3"
    ops.backup(desk, backup_file)
    assert sorted(p.name for p in stick.iterdir()) == ["b1.sqlite3"]
    ops.restore(desk, backup_file)
    assert sorted(p.name for p in stick.iterdir()) == ["b1.sqlite3"], [p.name for p in sidecars(backup_file)]


def test_a_desk_with_no_server_restored_does_not_issue_its_numbers_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A desk that works alone, restored from its morning backup: the registration and letter
    numbers, the membership number and the barcode it gave after the backup are on paper already
    (a receipt, a letter, a card, a label). The restored desk's next ones follow them — read from
    the replaced store it kept — and are not issued a second time."""
    from kanoon_desk.services import library as lib
    from kanoon_desk.services import secretariat as sec
    from tests.library_helpers import NATIONAL_IDS
    from tests.secretariat_helpers import case_input, make_secretariat_desk

    d = make_secretariat_desk(tmp_path)

    def registered(n: int) -> str:
        r = sec.intake(d.store, d.clerk, case_input(n))
        sec.review(d.store, d.expert, r.case_id, accept=True)
        return sec.register(d.store, d.clerk, r.case_id)

    def member(n: int) -> str:
        return lib.register_member(d.store, d.admin, lib.MemberInput(
            first_name="آزمون", last_name=f"شماره {n}", national_id=NATIONAL_IDS[n], category="adult")).member_no

    first, first_member = registered(1), member(0)
    d.store.backup_to(tmp_path / "morning.sqlite3")
    after_backup, member_after = [registered(2), registered(3)], member(1)
    path = d.store.path
    d.store.close()
    from kanoon_desk.__main__ import main

    assert main(["restore", "--db", str(path), "--from", str(tmp_path / "morning.sqlite3")]) == 0
    year = first.split("-")[2]
    assert f"not given again: registration numbers of {year} after 3, membership numbers after" in capsys.readouterr().out
    previous = path.with_name(path.name + ".before-restore")
    assert ops.events_not_restored(previous, path)
    d.store = Store(path)
    assert ops.numbers_past_backup(previous, path, d.store.identity.office_code, d.store.identity.device_no) == {
        ("case", int(first.split("-")[2])): 3, ("member_no", 0): int(member_after[4:10])}
    again, member_again = registered(4), member(2)
    assert again not in (first, *after_backup) and int(again.rsplit("-", 1)[1]) == 4
    assert member_again not in (first_member, member_after)
    assert int(member_again[4:10]) == int(member_after[4:10]) + 1
    assert ops.check(path) == []


def test_a_restore_over_a_broken_store_keeps_the_backups_counters(tmp_path: Path) -> None:
    """When the replaced store cannot be read (the reason to restore), the backup's counters stay
    as they are and the restore goes through."""
    from tests.secretariat_helpers import make_secretariat_desk

    d = make_secretariat_desk(tmp_path)
    path = d.store.path
    d.store.backup_to(tmp_path / "morning.sqlite3")
    d.store.close()
    for side in path.parent.glob(path.name + "-*"):
        side.unlink()
    path.write_bytes(b"not a database" * 100)
    restored = ops.restore(path, tmp_path / "morning.sqlite3")
    assert restored.previous is not None and restored.numbers_kept == {}
    assert ops.check(path) == []


def test_restore_refuses_garbage_and_leaves_the_target_untouched(desk: Path, tmp_path: Path) -> None:
    before = _file_hash(desk)
    garbage = tmp_path / "garbage.bak"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(ops.RestoreRefused):
        ops.restore(desk, garbage)
    text = tmp_path / "notes.txt"
    text.write_text("یادداشت", encoding="utf-8")
    with pytest.raises(ops.RestoreRefused):
        ops.restore(desk, text)
    assert _file_hash(desk) == before
    assert not desk.with_name("desk.sqlite3.before-restore").exists()
    assert not desk.with_name("desk.sqlite3.restore-tmp").exists()
    assert ops.check(desk) == []


def test_restore_refuses_a_backup_that_fails_check(desk: Path, tmp_path: Path) -> None:
    backup_file = tmp_path / "b.sqlite3"
    ops.backup(desk, backup_file)
    _sql(backup_file, "UPDATE offices SET name = 'جعلی'")
    before = _file_hash(desk)
    with pytest.raises(ops.RestoreRefused) as refused:
        ops.restore(desk, backup_file)
    assert any("offices" in p for p in refused.value.problems)
    assert _file_hash(desk) == before
    assert ops.check(desk) == []


def test_backup_refuses_a_non_store(tmp_path: Path) -> None:
    with pytest.raises(ops.OpsError):
        ops.backup(tmp_path / "nothing.sqlite3", tmp_path / "b.sqlite3")


def test_check_names_a_full_text_index_that_drifted(desk: Path) -> None:
    with closing(sqlite3.connect(str(desk))) as conn:
        fts = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
    if not fts:
        pytest.skip("no full-text index in the schema yet")
    with closing(sqlite3.connect(str(desk))) as conn:
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{fts[0]}")')]
        conn.execute(f'INSERT INTO "{fts[0]}" ({cols[-1]}) VALUES (?)', ("متن جاافتاده",))
        conn.commit()
    assert any(fts[0] in p for p in ops.check(desk))


def test_check_only_reads_the_store_so_a_working_desk_is_not_locked_out(desk: Path) -> None:
    before = _file_hash(desk)
    writer = sqlite3.connect(str(desk), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # the desk is in the middle of a write
        assert ops.check(desk) == []
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert _file_hash(desk) == before
