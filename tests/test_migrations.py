"""Migrations: an empty file and a file at the previous revision both reach heads; models match."""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.schema import CreateIndex

import kanoon_desk.models
from kanoon_desk.models import Base
from kanoon_desk.services import ops
from kanoon_desk.store import MIGRATIONS, Store, alembic_config, make_engine

#: Stores made by released versions (SQLite files, vacuumed, gzip): what those versions wrote.
FIXTURES = Path(__file__).parent / "fixtures"


def _heads() -> set[str]:
    return set(ScriptDirectory(str(MIGRATIONS)).get_heads())


def _current(path: Path) -> set[str]:
    with closing(sqlite3.connect(str(path))) as conn:
        return {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}


def test_an_empty_file_reaches_heads(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    Store(path).close()
    assert _current(path) == _heads()


def test_a_file_at_revision_0001_reaches_heads(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    assert _current(path) == {"0001"}
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("INSERT INTO desk_state (key, value) VALUES ('device_id', 'kept')")
        conn.commit()
    store = Store(path)
    try:
        assert store.get_state("device_id") == "kept"  # data written at 0001 survives
    finally:
        store.close()
    assert _current(path) == _heads()


def _virtual_tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(str(path))) as conn:
        return {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")}


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    Store(path).close()
    _assert_models_match(path)


def _assert_models_match(path: Path) -> None:
    """The store's tables, columns and indexes are the models' (FTS5 tables aside)."""
    for module in pkgutil.iter_modules(kanoon_desk.models.__path__):  # every area's tables
        importlib.import_module(f"kanoon_desk.models.{module.name}")
    virtual = _virtual_tables(path)

    def include_name(name: str | None, type_: str, _parents: Any) -> bool:
        # FTS5 indexes and their shadow tables are made by hand in migrations, not models
        # an index on expressions (not reflected) is compared below by its SQL
        return not (type_ == "table" and name is not None
                    and any(name == v or name.startswith(v + "_") for v in virtual)) \
            and not (type_ == "index" and name in expression_indexes)

    expression_indexes = {ix.name: str(CreateIndex(ix).compile(dialect=sqlite_dialect()))
                          for table in Base.metadata.tables.values() for ix in table.indexes
                          if any(not isinstance(e, Column) for e in ix.expressions)}

    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
            diffs = compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()
    assert diffs == []
    with closing(sqlite3.connect(str(path))) as conn:
        made = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())
    assert expression_indexes
    for name, sql in expression_indexes.items():
        assert " ".join(made[name].replace("(", " (").split()) == " ".join(sql.replace("(", " (").split()), name


#: Each desk migration and the one it follows, as shipped. A shipped store records only the
#: revision it reached, so moving a migration after another (a merge of two branches) leaves the
#: stores made before the move without the other's changes: 0003m was moved after 0003h once,
#: and those stores did not open (0003r repairs them). A new migration goes after the heads;
#: one shipped is never moved.
SHIPPED_PARENTS: dict[str, str | None] = {
    "0001": None, "0002": "0001", "0002p": "0002", "0002c": "0002p", "0002d": "0002c", "0002n": "0002d",
    "0002s": "0002n", "0002u": "0002s", "0002v": "0002u", "0002x": "0002v", "0002y": "0002x",
    "0002zd": "0002y", "0002ze": "0002zd", "0002zsk": "0002ze",
    "0003": "0001", "0003n": "0003", "0003c": "0003n", "0003p": "0003c", "0003h": "0003p", "0003m": "0003h",
    "0003r": "0003m", "0003t": "0003r", "0003v": "0003t", "0003w": "0003v", "0003y": "0003w", "0003z": "0003y",
    "0003zv": "0003z", "0003ze": "0003zv", "0003zf": "0003ze", "0003zr": "0003zf",
    "0004": "0001", "0004r": "0004", "0004s": "0004r", "0004t": "0004s",
}


def test_no_shipped_migration_is_moved() -> None:
    parents = {r.revision: r.down_revision for r in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
    moved = {rev: (was, parents.get(rev)) for rev, was in SHIPPED_PARENTS.items() if parents.get(rev, "gone") != was}
    assert moved == {}, "a shipped migration was moved or removed (its stores would miss a step): " + repr(moved)
    for rev in set(parents) - set(SHIPPED_PARENTS):  # new ones follow a head of the shipped chains
        assert parents[rev] in parents, rev


def _released_store(name: str, path: Path) -> Path:
    path.write_bytes(gzip.decompress((FIXTURES / name).read_bytes()))
    return path


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_a_store_whose_0003m_came_before_0003h_existed_opens_whole(tmp_path: Path) -> None:
    """Releases of 6 Dec 2026 (22894e4 to before 5949f5b, e.g. cb3c270) put 0003m straight on
    0003p: 0003h (a hold's `sent_at`, `sent_from`) was on another branch, and the merge moved 0003m
    after it. A store they made is «at 0003m» without 0003h's columns, so alembic never added them
    and 0003w's UPDATE failed: the office's store did not open at all after the update («پایگاه
    داده باز نشد … no such column: sent_at»). The store here is such a release's small demo."""
    path = _released_store("desk_0003m_cb3c270.sqlite3.gz", tmp_path / "cb3c270.sqlite3")
    assert _current(path) == {"0002p", "0003m", "0004"}
    before = ops.stats(path)
    Store(path).close()
    assert _current(path) == _heads()
    _assert_models_match(path)
    assert ops.check(path) == []
    after = ops.stats(path)
    assert (after["events"], after["digest"]) == (before["events"], before["digest"])
    assert after["tables"]["lib_loans"] == before["tables"]["lib_loans"] > 0


def test_search_indexes_gain_prefix_indexes_and_keep_their_rows(tmp_path: Path) -> None:
    """0002p/0003p rebuild both FTS5 tables with 2- to 6-letter prefix indexes, rows kept."""
    path = tmp_path / "before.sqlite3"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0002")
    command.upgrade(alembic_config(engine), "0003c")
    engine.dispose()
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("INSERT INTO case_fts(rowid, body) VALUES (7, 'قطعی برق محله')")
        conn.execute("INSERT INTO lib_titles_fts(title_id, body) VALUES ('t1', 'ماهی سیاه کوچولو')")
        conn.commit()
    Store(path).close()
    assert _current(path) == _heads()
    with closing(sqlite3.connect(str(path))) as conn:
        for table in ("case_fts", "lib_titles_fts"):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            assert "prefix='2 3 4 5 6'" in sql
        assert conn.execute("SELECT rowid FROM case_fts WHERE case_fts MATCH '\"برق\"*'").fetchall() == [(7,)]
        assert conn.execute("SELECT title_id FROM lib_titles_fts WHERE lib_titles_fts MATCH '\"سیا\"*'"
                            ).fetchall() == [("t1",)]


def test_0002d_fills_the_forwards_original_deadline_as_a_refold_does(tmp_path: Path) -> None:
    """A store folded before forwards kept their letter's deadline: the migration fills it from the
    forward's own event, so the rows equal a re-fold's (`check` finds nothing) and a follow-up's
    new deadline is not taken for the letter's."""
    from datetime import date

    from kanoon_desk.services import ops
    from kanoon_desk.services import secretariat as sec

    from .secretariat_helpers import case_input, make_secretariat_desk

    d = make_secretariat_desk(tmp_path)
    r = sec.intake(d.store, d.clerk, case_input(1), on=date(2025, 5, 4))
    sec.review(d.store, d.expert, r.case_id, accept=True, on=date(2025, 5, 4))
    sec.register(d.store, d.clerk, r.case_id, on=date(2025, 5, 4))
    sec.forward(d.store, d.admin, r.case_id, d.agency.id, deadline=date(2025, 5, 20), on=date(2025, 5, 4))
    sec.follow_up(d.store, d.expert, r.case_id, method="phone", new_deadline=date(2025, 6, 10),
                  on=date(2025, 5, 25))
    path = d.store.path
    d.store.close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0002c")
    engine.dispose()
    with closing(sqlite3.connect(str(path))) as conn:
        assert "original_deadline" not in {r[1] for r in conn.execute("PRAGMA table_info(forwards)")}
    Store(path).close()
    with closing(sqlite3.connect(str(path))) as conn:
        assert conn.execute("SELECT deadline, original_deadline FROM forwards").fetchall() == [
            ("2025-06-10", "2025-05-20")]
    assert ops.check(path) == []


def test_0003v_gives_the_notices_queued_before_their_loan_as_a_refold_does(tmp_path: Path) -> None:
    """Notices queued before 0003v named one loan each: the migration lists that loan in
    lib_notice_loans, so the overdue list still shows its reminder and `check` finds nothing."""
    from datetime import timedelta

    from kanoon_desk.services import circulation as circ
    from kanoon_desk.services import library_reports as rep
    from kanoon_desk.services import ops

    from .library_helpers import TODAY, make_library

    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY - timedelta(days=40))
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY - timedelta(days=40))
    assert rep.queue_overdue_notices(L.store, L.admin, today=TODAY) == 2
    path = L.store.path
    L.store.close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0003t")
    engine.dispose()
    with closing(sqlite3.connect(str(path))) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'lib_notice_loans'").fetchall() == []
    store = Store(path)
    try:
        assert {(r.barcode, r.notice_on) for r in rep.overdue_page(store, L.admin, today=TODAY)} == {
            ("B0001", TODAY), ("B0002", TODAY)}
    finally:
        store.close()
    assert ops.check(path) == []


def test_0003w_puts_a_copy_whose_hold_was_cancelled_on_its_way_back_on_its_way_as_a_refold_does(
        tmp_path: Path) -> None:
    """A store folded before 0003w showed a copy sent for a hold, the hold cancelled on its way, on
    its home shelf: the migration stamps the holds' sending and sets the copy on its way, so the
    rows equal a re-fold's (`check` finds nothing)."""
    from kanoon_desk.services import circulation as circ
    from kanoon_desk.services import library as lib
    from kanoon_desk.services import ops

    from .library_helpers import TODAY, actor_at, make_library

    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    hold = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # sent to 14 for the hold
    circ.cancel_hold(L.store, L.admin, hold.id)
    circ.checkin(L.store, L.admin, "B0002", today=TODAY)  # back home, on its shelf
    path = L.store.path
    L.store.close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0003v")
    engine.dispose()
    with closing(sqlite3.connect(str(path))) as conn:
        assert "sent_hlc" not in {r[1] for r in conn.execute("PRAGMA table_info(lib_holds)")}
        assert dict(conn.execute("SELECT barcode, status FROM lib_copies WHERE barcode IN ('B0001', 'B0002')")) == {
            "B0001": "on_shelf", "B0002": "on_shelf"}  # as the older fold had it
    store = Store(path)
    try:
        assert lib.get_copy(store, "B0001").status == "in_transit"
        assert lib.get_copy(store, "B0002").status == "on_shelf"
    finally:
        store.close()
    assert ops.check(path) == []


def test_the_revisions_read_from_the_migration_files_are_alembics() -> None:
    """`store.schema_revisions` reads the migrations' `revision` / `down_revision` lines without
    alembic: every revision and the heads are the ones alembic finds."""
    from kanoon_desk.store import known_revisions, schema_revisions

    scripts = ScriptDirectory(str(MIGRATIONS))
    known, heads = schema_revisions()
    assert known == {rev.revision for rev in scripts.walk_revisions()} == known_revisions()
    assert heads == _heads() and len(heads) >= 2  # (one per desk: the lines' merge points too)


def test_opening_a_store_at_heads_imports_no_alembic_and_an_older_one_is_migrated(tmp_path: Path) -> None:
    """The app's start opened its store through alembic's `upgrade` every time (importing alembic
    and reading every migration script, about a quarter of a second) only to find nothing to do;
    a store at heads opens without it, and one at an older revision is migrated as before."""
    import subprocess
    import sys

    path = tmp_path / "d.sqlite3"
    Store(path).close()
    opened = subprocess.run([sys.executable, "-c", (
        "import sys; from kanoon_desk.store import Store; Store(sys.argv[1]).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"), str(path)],
        check=True, capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert opened.stdout.strip() == "[]"
    older = tmp_path / "older.sqlite3"
    command.upgrade(alembic_config(make_engine(older)), "0001")
    assert _current(older) == {"0001"}
    Store(older).close()
    assert _current(older) == _heads()
