"""The keys under which sync keeps its progress and a desk's enrolment in `desk_state`.

Here, below `sync/`, so that what must name them without running a sync (a restore keeping the
desk's enrolment, `check`, `backup`) does not load the sync package and its HTTP client."""

from __future__ import annotations

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
