"""The check many tests end with: a full re-fold of the store's events leaves every projection
table as the folds one by one left it (what `check` and a sync's re-fold rely on)."""

from __future__ import annotations

from kanoon_desk.eventlog import projection_digests, refold_all
from kanoon_desk.store import Store


def assert_refolds_alike(store: Store) -> None:
    """A full re-fold (which holds loans back in its row buffer) leaves the tables as they are."""
    with store.read() as s:
        before = projection_digests(s)
    with store.transaction() as s:
        refold_all(s)
    with store.read() as s:
        assert projection_digests(s) == before
