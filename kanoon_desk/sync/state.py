"""Where sync keeps its progress in `desk_state`: the keys, and the reads the app makes of them."""

from __future__ import annotations

from sqlalchemy import func, select

from ..models import Event
from ..state_keys import K_ACKED, K_CURSOR
from ..store import Store


def first_sync_done(store: Store) -> bool:
    """Whether an enrolled desk has its office's data (its snapshot finished at least once)."""
    return store.get_state(K_CURSOR) is not None


def pending_count(store: Store) -> int:
    """Events recorded here and not yet acknowledged by the server (for the status bar)."""
    acked = int(store.get_state(K_ACKED) or 0)
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Event).where(Event.client_seq > acked)) or 0)
