"""The conflict inbox keeps the conflict being read and the note being typed for it: a change
elsewhere (a sync round, a loan) does not move it to another conflict, and each note stays with
its own conflict, across a log-out too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kanoon_desk.eventlog import system_actor
from kanoon_desk.ids import new_id
from kanoon_desk.services import conflicts
from kanoon_desk.store import Store
from kanoon_desk.ui.conflict_inbox import ConflictInbox
from kanoon_desk.ui.drafts import draft_key, prune_stale
from tests.factories import make_desk

from .shell_support import make_ctx


def _twin_users(store: Store, *names: str) -> None:
    """Each name made twice (as two desks would, offline): one conflict per name."""
    for name in names:
        for _ in range(2):
            with store.transaction() as s:
                store.record(s, system_actor("13"), "user.created", new_id(), {
                    "office_code": "13", "username": name, "full_name": name, "password_hash": "h",
                    "roles": ["clerk"]})


def test_the_conflict_read_and_its_note_stay_through_other_work_and_a_log_out(
        qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    store, admin = make_desk(tmp_path / "desk.sqlite3")
    _twin_users(store, "ali", "reza")
    ctx = make_ctx(store, admin, tmp_path)
    inbox = ConflictInbox(ctx)
    qtbot.addWidget(inbox)
    assert inbox.list.count() == 2
    inbox.list.setCurrentRow(1)
    second = inbox.items[1].id
    type_persian(inbox.note, "حساب دوم نام تازه بگیرد")
    # work elsewhere (a loan, a sync round) reloads the inbox: the same conflict, the same note
    ctx.bus.changed.emit("library")
    assert inbox.items[inbox.list.currentRow()].id == second
    assert inbox.note.text() == "حساب دوم نام تازه بگیرد"
    # another conflict: its own (empty) note, not this one's; back again: this one's
    inbox.list.setCurrentRow(0)
    assert inbox.note.text() == ""
    type_persian(inbox.note, "یادداشت نخست")
    inbox.list.setCurrentRow(1)
    assert inbox.note.text() == "حساب دوم نام تازه بگیرد"
    # logged out (the inbox goes), then in again: the note is offered back
    type_persian(inbox.note, "؛ با تلفن")
    qtbot.waitUntil(lambda: not inbox.draft.timer.isActive())
    again = ConflictInbox(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(again)
    again.list.setCurrentRow(1)
    assert again.note.text() == "حساب دوم نام تازه بگیرد؛ با تلفن"
    again.list.setCurrentRow(0)
    assert again.note.text() == "یادداشت نخست"
    # the note goes with the decision, and its draft with it
    again.ask_resolve = lambda _choice, _explained: True  # type: ignore[method-assign]
    first = again.items[0].id
    again.resolve(first, again.items[0].resolutions[0])
    done = [c for c in conflicts.list_conflicts(store, admin, status=None) if c.id == first]
    assert done and done[0].status != "open"
    assert again.ctx.settings.value(draft_key(admin.user_id, f"conflict-{first}")) is None
    assert again.note.text() == "حساب دوم نام تازه بگیرد؛ با تلفن"  # (the conflict left: the other one)


def test_a_note_for_a_conflict_left_for_a_month_is_dropped_at_login(qtbot: Any, tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    store, admin = make_desk(tmp_path / "desk.sqlite3")
    ctx = make_ctx(store, admin, tmp_path)
    key = draft_key(admin.user_id, "conflict-c1")
    ctx.settings.setValue(key, '{"note": "x", "_saved": "2020-01-01T00:00:00+00:00"}')
    assert prune_stale(ctx.settings, admin.user_id, now=datetime.now(UTC) + timedelta(days=1)) == 1
    assert ctx.settings.value(key) is None


def test_two_conflicts_of_one_kind_are_told_apart_in_the_list(qtbot: Any, tmp_path: Path) -> None:
    """Each line read only the kind's title and the time: «ali» and «reza» each made twice read
    alike. Each line names what it is about (the user name, a copy's barcode, a case's code)."""
    store, admin = make_desk(tmp_path / "desk.sqlite3")
    _twin_users(store, "ali", "reza")
    assert sorted(c.subject for c in conflicts.list_conflicts(store, admin)) == ["ali", "reza"]
    inbox = ConflictInbox(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(inbox)
    lines = [inbox.list.item(i).text() for i in range(inbox.list.count())]
    assert len(lines) == 2 and any("ali" in x for x in lines) and any("reza" in x for x in lines)
