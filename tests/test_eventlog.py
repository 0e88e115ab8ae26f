"""The record path: event + projection + audit in one transaction; re-fold equals the projection."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk.eventlog import ingest, projection_digests, refold_all, verify_audit_chain
from kanoon_desk.models import AuditEntry, Event, User
from kanoon_desk.services import accounts
from kanoon_desk.services.numbers import allocate_number, is_valid_tracking_code, new_tracking_code
from kanoon_desk.store import Store

from .factories import make_desk, make_user


def test_record_appends_event_projection_and_audit_together(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    with store.read() as s:
        n_events = s.scalar(select(func.count()).select_from(Event))
        n_audit_events = s.scalar(select(func.count()).select_from(AuditEntry)
                                  .where(AuditEntry.event_id.is_not(None)))
        assert n_events == n_audit_events == 2  # office.set + user.created
        user = s.scalar(select(User))
        assert user is not None and user.username == "admin"
        seqs = list(s.scalars(select(Event.client_seq).order_by(Event.client_seq)))
        assert seqs == [1, 2]


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    with pytest.raises(RuntimeError), store.transaction() as s:
        store.record(s, admin, "holiday.set", "2025-03-21", {"title": "نوروز"})
        raise RuntimeError("power cut")
    assert accounts.list_holidays(store) == []
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 2


def test_store_syncs_every_commit_demo_builds_without(tmp_path: Path) -> None:
    """A desk commit is on disk before it returns (synchronous=FULL: survives a power cut, not only
    kill -9); a store opened for a demo build trades that for speed (NORMAL, still corruption-safe)."""
    store, _admin = make_desk(tmp_path / "d.sqlite3")
    for engine in (store.engine, store.write_engine):
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    demo = Store(tmp_path / "d.sqlite3", durable=False)
    with demo.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    demo.close()
    store.close()


def test_refold_reproduces_projections(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    clerk = make_user(store, admin, "clerk1", "clerk")
    accounts.update_user(store, admin, clerk.user_id, full_name="زهرا کریمی", roles={"clerk", "expert"})
    from datetime import date

    accounts.set_holiday(store, admin, date(2025, 3, 26), "تعطیلی")
    accounts.set_holiday(store, admin, date(2025, 3, 27), "تعطیلی")
    accounts.remove_holiday(store, admin, date(2025, 3, 27))
    with store.read() as s:
        before = projection_digests(s)
    with store.transaction() as s:
        refold_all(s)
        after = projection_digests(s)
        s.rollback()
    assert before == after


def test_audit_chain_detects_tampering(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    store, admin = make_desk(path)
    make_user(store, admin, "clerk1", "clerk")
    with store.read() as s:
        assert verify_audit_chain(s) == []
    store.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE audit SET username='someone-else' WHERE seq=3")
    con.commit()
    con.close()
    store = Store(path)
    with store.read() as s:
        problems = verify_audit_chain(s)
    assert len(problems) == 1 and "۳" not in problems[0] and "3" in problems[0]


def test_ingest_is_idempotent_and_order_independent(tmp_path: Path) -> None:
    a, admin_a = make_desk(tmp_path / "a.sqlite3", office="13", device_no=1)
    b, _ = make_desk(tmp_path / "b.sqlite3", office="13", device_no=2)
    from datetime import date

    for i in range(5):
        accounts.set_holiday(a, admin_a, date(2025, 4, 5 + i), f"تعطیل {i}")
    accounts.set_holiday(a, admin_a, date(2025, 4, 6), "عوض شد")
    with a.read() as s:
        events = list(s.scalars(select(Event).where(Event.type == "holiday.set").order_by(Event.hlc)))
        for e in events:
            s.expunge(e)

    def clone(e: Event) -> Event:
        return Event(**{c.key: getattr(e, c.key) for c in Event.__table__.columns
                        if c.key != "client_seq"})

    with b.transaction() as s:
        ingest(s, [clone(e) for e in reversed(events)])
    with b.transaction() as s:
        assert ingest(s, [clone(e) for e in events]) == []  # repeated delivery: a no-op
    assert accounts.list_holidays(b) == accounts.list_holidays(a)
    assert dict(accounts.list_holidays(b))[date(2025, 4, 6)] == "عوض شد"


def test_numbers_carry_office_device_year_and_never_repeat(tmp_path: Path) -> None:
    from datetime import date

    a, _ = make_desk(tmp_path / "a.sqlite3", office="13", device_no=1)
    b, _ = make_desk(tmp_path / "b.sqlite3", office="13", device_no=2)
    issued = set()
    for store in (a, b):
        for _ in range(50):
            with store.transaction() as s:
                issued.add(allocate_number(store, s, "case", date(2025, 8, 1)))
    assert len(issued) == 100
    assert "13-D01-1404-000001" in issued and "13-D02-1404-000050" in issued


def test_tracking_codes_have_a_check_digit(tmp_path: Path) -> None:
    a, _ = make_desk(tmp_path / "a.sqlite3")
    codes = {new_tracking_code(a) for _ in range(200)}
    assert len(codes) == 200 and all(is_valid_tracking_code(c) for c in codes)
    code = next(iter(codes))
    typo = code[:-3] + str((int(code[-3]) + 1) % 10) + code[-2:]
    assert not is_valid_tracking_code(typo)


def test_same_username_from_two_desks_becomes_one_conflict(tmp_path: Path) -> None:
    from kanoon_desk.models import Conflict

    a, _ = make_desk(tmp_path / "a.sqlite3", device_no=1)
    b, _ = make_desk(tmp_path / "b.sqlite3", device_no=2)
    with a.read() as s:
        events = list(s.scalars(select(Event).where(Event.type == "user.created")))
        clones = [Event(**{c.key: getattr(e, c.key) for c in Event.__table__.columns
                           if c.key != "client_seq"}) for e in events]
    for _ in range(2):
        with b.transaction() as s:
            ingest(s, [Event(**{c.key: getattr(e, c.key) for c in Event.__table__.columns})
                       for e in clones])
    with b.read() as s:
        conflicts = list(s.scalars(select(Conflict)))
    assert [c.kind for c in conflicts] == ["username.duplicate"]


def test_sqlite_statement_runs_its_core_form_with_literals_and_fails_on_a_missing_parameter(
        tmp_path: Path) -> None:
    from sqlalchemy import bindparam

    from kanoon_desk.eventlog import SqliteStatement

    store, admin = make_desk(tmp_path / "d.sqlite3")
    by_type = SqliteStatement(select(Event.type, Event.client_seq)
                              .where(Event.type == "user.created", Event.office_code == bindparam("office")))
    with store.read() as s:
        assert by_type.rows(s, office=admin.office_code) == [("user.created", 2)]
        assert by_type.first(s, office="nowhere") is None
        with pytest.raises(KeyError):
            by_type.rows(s)


def test_typed_sqlite_statement_reads_values_as_the_orm_does(tmp_path: Path) -> None:
    from sqlalchemy import bindparam

    from kanoon_desk.eventlog import SqliteStatement
    from kanoon_desk.models import Holiday

    store, admin = make_desk(tmp_path / "d.sqlite3")
    accounts.set_holiday(store, admin, __import__("datetime").date(2026, 3, 26), "نوروز")
    events = SqliteStatement(select(Event.id, Event.payload, Event.recorded_at, Event.hlc)
                             .where(Event.type == bindparam("t")), typed=True)
    days = SqliteStatement(select(Holiday.day, Holiday.title), typed=True)
    users = SqliteStatement(select(User.username, User.active), typed=True)
    with store.read() as s:
        orm = s.scalars(select(Event).where(Event.type == "holiday.set")).one()
        row = events.first(s, t="holiday.set")
        assert (row.id, row.payload, row.recorded_at, row.hlc) == (orm.id, orm.payload, orm.recorded_at, orm.hlc)
        assert days.rows(s) == [(__import__("datetime").date(2026, 3, 26), "نوروز")]
        assert users.first(s).active is True
    with pytest.raises(ValueError, match="IN list"):  # expanded per execution: cannot be prebuilt
        SqliteStatement(select(User.id).where(User.username.in_(["a", "b"])))


def test_plain_inserts_write_what_the_orm_writes(tmp_path: Path) -> None:
    """Events and audit rows go in through sqlite_bulk; they must read back like ORM rows."""
    from datetime import UTC, datetime, timedelta, timezone

    from sqlalchemy import text

    from kanoon_desk.models import table_of
    from kanoon_desk.sqlite_bulk import SqliteInsert

    store, _admin = make_desk(tmp_path / "d.sqlite3")
    tehran = timezone(timedelta(hours=3, minutes=30))
    common = dict(type="holiday.set", aggregate_type="holiday", aggregate_id="2026-03-21",
                  payload={"title": "نوروز\u200cها", "n": [1, 2.5, None], "ok": False}, hlc=2**62 + 1,
                  device_id="dev", office_code="13", user_id="u",
                  recorded_at=datetime(2026, 3, 20, 23, 0, 0, 120000, tzinfo=tehran), schema_version=1,
                  client_seq=None, server_seq=7)
    insert = SqliteInsert(table_of(Event))
    with store.transaction() as s:
        s.add(Event(id="by-orm", **common))
        s.flush()
        insert.many(s.connection().connection.dbapi_connection, [dict(common, id="by-bulk")])
    with store.read() as s:
        raw = {r[0]: r[1:] for r in s.execute(text(
            "SELECT id, type, aggregate_id, payload, hlc, recorded_at, server_seq FROM events "
            "WHERE id IN ('by-orm', 'by-bulk')"))}
        orm = {e.id: e for e in s.scalars(select(Event).where(Event.id.in_(["by-orm", "by-bulk"])))}
    assert raw["by-bulk"][4:] == raw["by-orm"][4:]  # the instant's text and the numbers are identical
    assert raw["by-bulk"][4] == "2026-03-20 19:30:00.120000"
    ours, theirs = orm["by-bulk"], orm["by-orm"]
    assert (ours.payload, ours.recorded_at, ours.hlc) == (theirs.payload, theirs.recorded_at, theirs.hlc)
    assert ours.recorded_at == datetime(2026, 3, 20, 19, 30, 0, 120000, tzinfo=UTC)
    with pytest.raises(ValueError, match="naive"):  # the store's rule for instants holds here too
        with store.transaction() as s:
            insert.many(s.connection().connection.dbapi_connection,
                        [dict(common, id="naive", recorded_at=datetime(2026, 1, 1))])
