"""The conflict inbox after a week offline: 200 copies lent at two centres.

``conflicts.inbox_read`` — what the inbox page reads when it opens and again after each decision
(`ui/conflict_inbox.ConflictInbox.reload` and the conflict shown): the list's lines of every open
conflict (`list_conflicts(detail=False)`) and the facts of the one shown (`conflict`). Floor: the
same list read as before, every conflict with its facts, their users, offices and references
(`list_conflicts()`), in the same run. The demo store with its conflicts part run again for 200
copies (`demo/conflicts.generate(lent_twice=200)`: a second desk's morning folded in as a pull
folds it), on a copy of its own.
"""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from datetime import date

from bench.runner import BenchContext, Benchmark


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    from kanoon_desk.demo import ADMIN_PASSWORD, ADMIN_USERNAME, centre_codes
    from kanoon_desk.demo import conflicts as demo_conflicts
    from kanoon_desk.services import accounts, conflicts
    from kanoon_desk.store import Store

    path = ctx.scratch_dir / "conflicts.sqlite3"
    with closing(sqlite3.connect(str(ctx.store_path))) as src, closing(sqlite3.connect(str(path))) as dst:
        src.backup(dst)
    store = Store(path, durable=False)
    centres = centre_codes(store.identity.office_code, 3)
    opened = demo_conflicts.generate(store, random.Random(3), centres=centres, today=date.today(), lent_twice=200)
    print(f"bench: the conflict inbox with {opened} open conflicts", flush=True)
    admin = accounts.login(store, ADMIN_USERNAME, ADMIN_PASSWORD)

    def now() -> None:
        lines = conflicts.list_conflicts(store, admin, detail=False)
        conflicts.conflict(store, admin, lines[len(lines) // 2].id)

    def before() -> None:
        conflicts.list_conflicts(store, admin)

    return [Benchmark("conflicts.inbox_read", "ms", now, before, repeat=9)]
