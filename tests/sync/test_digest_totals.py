"""The server's running digest totals: moved by pushes, filled by the migration, read by a round."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert, select

from kanoon_desk import state_keys
from kanoon_desk.ids import new_id
from kanoon_desk.server.db import SEQ_COUNTER, ServerDb, alembic_config, make_engine
from kanoon_desk.server.exchange import office_summary, office_summary_from_events
from kanoon_desk.server.server_models import DigestTotal, ServerBase, ServerCounter, ServerEvent, utcnow
from kanoon_desk.sync import client

from .helpers import LiveServer, add_user, assert_running_digests, bootstrap_admin, enrol


def _event(seq: int, scope: str, aggregate_type: str, office: str) -> dict[str, object]:
    return {"id": new_id(), "server_seq": seq, "type": f"{aggregate_type}.set", "aggregate_type": aggregate_type,
            "aggregate_id": new_id(), "payload": {"n": seq, "عنوان": "آزمون"}, "hlc": 1000 + seq,
            "device_id": "d", "office_code": office, "user_id": "u", "recorded_at": utcnow(),
            "schema_version": 1, "client_seq": seq, "scope": scope, "tracking_code": None, "received_at": utcnow()}


def test_the_migration_adds_up_the_events_already_held(server_db_url: str) -> None:
    """A server upgraded with events in it starts with totals equal to those events."""
    engine = make_engine(server_db_url)
    command.upgrade(alembic_config(engine), "s0001")
    rows = ([_event(i, "13", "user", "13") for i in range(1, 6)] + [_event(i, "*", "title", "21") for i in range(6, 9)]
            + [_event(9, "21", "case", "21")])
    with engine.begin() as conn:
        conn.execute(insert(ServerEvent), rows)
        conn.execute(insert(ServerCounter), {"name": SEQ_COUNTER, "value": 9})
    engine.dispose()
    db = ServerDb(server_db_url)  # upgrades to the head
    try:
        with db.read() as s:
            kept = {(t.scope, t.aggregate_type): t.events for t in s.scalars(select(DigestTotal))}
            assert kept == {("13", "user"): 5, ("*", "title"): 3, ("21", "case"): 1}
            for office in ("13", "21", "99"):
                assert office_summary(db, s, office) == office_summary_from_events(db, s, office)
            seen = office_summary(db, s, "13")
            assert seen is not None and {t: v.events for t, v in seen.items()} == {"user": 5, "title": 3}
            # a summary asked for up to another point than the one the totals are of is not given
            assert office_summary(db, s, "13", upto=8) is None
            assert office_summary(db, s, "13", upto=9) == seen
    finally:
        db.close()


def test_a_quiet_round_reads_only_what_moved(server: LiveServer, tmp_path: Path) -> None:
    """After the first round the desk's check counts from its running totals, which stay equal to
    the totals counted again from every event, through pushes, pulls and a moved-back outbox."""
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    b = enrol(server, tmp_path / "b.sqlite3", "13")
    admin = bootstrap_admin(a)
    add_user(a, admin, "u1")
    assert client.sync_once(a).ok and client.sync_once(b).ok
    kept = b.get_state(state_keys.K_DIGESTS)
    assert kept  # counted once
    again = client.sync_once(b)
    assert again.ok and not again.mismatches and b.get_state(state_keys.K_DIGESTS) == kept  # nothing moved
    add_user(a, admin, "u2")
    add_user(b, bootstrap_admin(b, "admin-b"), "u3")
    for store in (a, b, a, b):
        report = client.sync_once(store)
        assert report.ok and not report.mismatches, report.summary_line()
        assert_running_digests(store)
    assert b.get_state(state_keys.K_DIGESTS) != kept
    # the outbox position moved back (as a "resend from" answer does): the totals stay right
    with b.transaction() as s:
        b.set_state(s, state_keys.K_ACKED, "0")
    report = client.sync_once(b)
    assert report.ok and not report.mismatches, report.summary_line()
    assert_running_digests(b)


def test_server_models_match_the_migrated_schema(server_db_url: str) -> None:
    ServerDb(server_db_url).close()
    engine = make_engine(server_db_url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(ctx, ServerBase.metadata)
    finally:
        engine.dispose()
    assert diffs == []
