"""What a sync server's start does with its attachments folder on a big server: the photos of
members whose details were removed (`app.forget_erased_files`: the erasures read, each photo's file
looked for, `AttachmentStore.holds`) and the uploads cut off (`app.sweep_parts`: the folder listed
for `*.part`), both run as the server starts, before it answers (the sweep again every hour).

The server is built here, apart from the demo store: `small` is a province's registry of 100,000
members (one event each naming its photo), 2,000 of them erased, and 20,000 files in the folder;
`large` ten times as many of each. The erased members' files are already gone (what every start
after the first finds). Floors, measured in the same run: the erasures' photos read bare in SQLite
(`json_extract`, no file looked for) and the folder listed bare (`os.listdir`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from bench.runner import BenchContext, Benchmark
from kanoon_desk.server import app as server_app
from kanoon_desk.server.attachments import AttachmentStore
from kanoon_desk.server.db import ServerDb

SIZES = {"small": (100_000, 2_000, 20_000), "large": (1_000_000, 20_000, 200_000)}


def _sha(i: int) -> str:
    return hashlib.sha256(str(i).encode()).hexdigest()


def _build(root: Path, members: int, erased: int, files: int) -> Path:
    path = root / "server.sqlite3"
    ServerDb(str(path)).close()  # (made and migrated)
    rows = []
    for seq in range(1, members + erased + 1):
        i = seq - 1 if seq <= members else seq - members - 1
        kind, payload = (("member.registered", {"name": "عضو", "photo": _sha(i)}) if seq <= members
                         else ("member.erased", {"photo_gone": _sha(i)}))
        rows.append((f"e{seq:035d}", seq, kind, "member", f"m{i:035d}", json.dumps(payload), seq << 16, "d", "13",
                     "u", "2026-01-01 00:00:00", 1, seq, "*", None, "2026-01-01 00:00:00"))
    with closing(sqlite3.connect(str(path))) as conn:
        conn.executemany(
            "INSERT INTO events (id, server_seq, type, aggregate_type, aggregate_id, payload, hlc, device_id, "
            "office_code, user_id, recorded_at, schema_version, client_seq, scope, tracking_code, received_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.commit()
    folder = root / "attachments"
    folder.mkdir()
    for i in range(erased, erased + files):  # (the erased members' files: gone already)
        (folder / _sha(i)).write_bytes(b"\xff\xd8")
    return path


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    root = ctx.scratch_dir / "server-start"
    root.mkdir()
    path = _build(root, *SIZES[ctx.size])
    db, files = ServerDb(str(path)), AttachmentStore(root / "attachments")

    def erasures_bare() -> None:
        with closing(sqlite3.connect(str(path))) as conn:
            conn.execute("SELECT json_extract(payload, '$.photo_gone') FROM events "
                         "WHERE type = 'member.erased'").fetchall()

    return [
        Benchmark("server_start.erased_photos", "ms", lambda: server_app.forget_erased_files(db, files),
                  erasures_bare, repeat=9),
        Benchmark("server_start.sweep_parts", "ms", lambda: server_app.sweep_parts(files),
                  lambda: os.listdir(files.root), repeat=9),
    ]
