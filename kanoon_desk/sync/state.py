"""Where sync keeps its progress in `desk_state`: the keys, and the reads the app makes of them."""

from __future__ import annotations

from sqlalchemy import func, select

from ..models import Event
from ..store import Store

K_SERVER, K_SECRET = "sync.server_url", "sync.secret"
K_ACKED, K_CURSOR = "sync.acked_seq", "sync.cursor"
K_SNAP_UPTO, K_SNAP_CURSOR = "sync.snapshot_upto", "sync.snapshot_cursor"
K_LAST_OK, K_LAST_TRY, K_SKEW = "sync.last_ok_at", "sync.last_attempt_at", "sync.skew_ms"
#: How the last round ended, kept for the status bar across a restart: why it stopped (the
#: `errors.SyncError` subclass's name, "" when it finished) and its Persian message (a template).
K_LAST_FAILURE, K_LAST_ERROR = "sync.last_failure", "sync.last_error"
#: The name of this store (`p.HelloRequest`), and its next name while a recovery is under way.
K_STORE, K_STORE_NEXT = "sync.store_id", "sync.store_next"
#: The running digests of what the server should hold, with the event row and outbox position
#: they were counted up to (see `SyncClient.local_summary`).
K_DIGESTS = "sync.digests"


def first_sync_done(store: Store) -> bool:
    """Whether an enrolled desk has its office's data (its snapshot finished at least once)."""
    return store.get_state(K_CURSOR) is not None


def pending_count(store: Store) -> int:
    """Events recorded here and not yet acknowledged by the server (for the status bar)."""
    acked = int(store.get_state(K_ACKED) or 0)
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Event).where(Event.client_seq > acked)) or 0)
