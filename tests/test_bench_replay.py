"""The design-floor benchmarks replay an operation's own SQL: what they replay must be exactly what
the operation writes (else the `*_writes` figures measure something else), and the light read
path (`Store.reading`) must read one snapshot."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bench.replay import CapturingStore, Replay
from kanoon_desk.models import AuditEntry, Event
from kanoon_desk.models.secretariat import Case
from kanoon_desk.services import ops
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q

from .secretariat_helpers import case_input, make_secretariat_desk


def _counts(store: CapturingStore) -> tuple[int, int, int]:
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(Event)) or 0,
                s.scalar(select(func.count()).select_from(Case)) or 0,
                s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_a_captured_intake_writes_nothing_and_its_replay_is_the_intake(tmp_path: Path) -> None:
    desk = make_secretariat_desk(tmp_path)
    desk.store.close()
    store = CapturingStore(desk.store.path)
    codes: list[str] = []
    replay = Replay(store, lambda: codes.append(sec.intake(store, desk.clerk, case_input(7)).tracking_code))
    before = _counts(store)

    replay.prepare()
    assert _counts(store) == before  # the operation's transaction was rolled back
    assert any(sql.startswith("INSERT INTO events") for sql, _params, _many in replay.statements)

    replay.run()
    events, cases, audit = _counts(store)
    assert (events, cases, audit) == (before[0] + 2, before[1] + 1, before[2] + 2)  # applicant + case
    found = q.search(store, desk.clerk, q.SearchQuery(text=codes[0]))
    assert [r.tracking_code for r in found] == codes
    # every projection row the replay wrote is what a re-fold of the events gives, and the audit
    # chain still links: the replay is the intake's own writes, nothing more or less
    store.close()
    assert ops.check(store.path) == []


def test_reading_sees_one_snapshot(tmp_path: Path) -> None:
    desk = make_secretariat_desk(tmp_path)
    store = desk.store
    sec.intake(store, desk.clerk, case_input(1))
    count = "SELECT count(*) FROM cases"
    with store.reading() as conn:
        first = conn.execute(count).fetchone()[0]
        sec.intake(store, desk.clerk, case_input(2))  # committed by another connection meanwhile
        assert conn.execute(count).fetchone()[0] == first
    with store.reading() as conn:
        assert conn.execute(count).fetchone()[0] == first + 1
