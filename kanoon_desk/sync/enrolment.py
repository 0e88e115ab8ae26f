"""Enrolment: a desk joins its office's server with a one-time code (new, joining, or a replaced device)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import httpx
from sqlalchemy import bindparam, delete, func, select, update

from .. import eventlog
from ..errors import ValidationError as FieldError
from ..ids import new_id
from ..models import DeskState, Event
from ..persian import to_ascii_digits
from ..services.accounts import require
from ..state_keys import K_ACKED, K_SECRET, K_SERVER, K_STORE, K_STORE_NEXT
from ..store import Store, StoreError, known_revisions, sidecars
from . import errors as e
from . import protocol as p
from .client import sync_once
from .push import EVENTS
from .report import SyncReport
from .transport import _reason, is_kanoon_error, tls_context


def enroll(db_path: Path | str, server_url: str, code: str, *, transport: httpx.BaseTransport | None = None,
           label: str = "", first_sync: bool = True,
           on_store: Callable[[Store], None] | None = None) -> tuple[Store, SyncReport | None]:
    """Enrol the desk at `db_path` from a one-time code, and run its first sync.

    On a path with no store yet it creates the desk, and the first sync brings the office's data
    down as a snapshot. On an existing desk's store (one that worked on its own) it joins that
    desk (`enroll_store`): its whole history goes up, the office's comes down."""
    path = Path(db_path)
    if path.is_file() and path.stat().st_size > 0 and _never_set_up(path):
        # A store begun for a new desk and never set up: an enrolment (or the app's first run)
        # cut off while it made the store (a power cut). Made again from nothing: before, such a
        # file was refused as «a store exists here» by this command and by `sync` as «not set
        # up», and the desk could not be enrolled at all until someone deleted it by hand.
        for side in sidecars(path):
            side.unlink(missing_ok=True)
        path.write_bytes(b"")
    if path.exists() and path.stat().st_size > 0:
        try:
            existing = Store(path, migrate=False)
            initialised = existing.is_initialised
            existing.close()
        except Exception as exc:  # not a desk's store: leave the file alone
            raise e.SyncError(e.MSG_STORE_EXISTS, f"{path} is not a Kanoon Desk store ({exc})") from exc
        if not initialised:
            raise e.SyncError(e.MSG_STORE_EXISTS, f"{path} exists and holds no desk")
        store = Store(path)
        try:
            return store, enroll_store(store, server_url, code, transport=transport, label=label)
        except BaseException:
            store.close()
            raise
    existed = path.exists()  # (an empty file)
    store = _new_store(path, existed)  # before the code is spent: a path where no store can be made spends nothing
    try:
        answer = _enrol_request(server_url, code, label, transport)
    except BaseException:  # the code was not taken: leave the path as it was, to enrol again
        store.close()
        _undo_new_store(path, existed)
        raise
    _take_identity(store, server_url, answer)
    if on_store is not None:
        on_store(store)
    report = sync_once(store, transport=transport) if first_sync else None
    return store, report


def _never_set_up(path: Path) -> bool:
    """Whether the database at `path` is a desk store this program began to make and never set
    up: its tables none, or made by this version's migrations (maybe not all of them), and it
    holds no desk identity and no event. Anything else (another program's database, a desk, a
    file that is not a database) is not one."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return True
            if "alembic_version" not in tables:
                return False
            revisions = {str(r[0]) for r in conn.execute("SELECT version_num FROM alembic_version")}
            if not revisions <= known_revisions():
                return False
            if "events" in tables and conn.execute("SELECT 1 FROM events LIMIT 1").fetchone():
                return False
            return not ("desk_state" in tables and conn.execute(
                "SELECT 1 FROM desk_state WHERE key IN ('device_id', 'office_code') LIMIT 1").fetchone())
    except sqlite3.DatabaseError:
        return False


def _new_store(path: Path, existed: bool) -> Store:
    """A new store at `path` (absent, or an empty file when `existed`), or `StoreError` saying why
    none can be made there (no such folder, a file where the folder should be, no right to write...)."""
    if not path.parent.is_dir():
        what = "is not a folder" if path.parent.exists() else "does not exist"
        raise StoreError(f"the folder {path.parent} {what}")
    if existed and not path.is_file():
        raise StoreError(f"{path} is not a file")
    try:
        return Store(path)
    except Exception as exc:
        _undo_new_store(path, existed)
        raise StoreError(f"no store can be made at {path}: {exc}") from exc


def _undo_new_store(path: Path, existed: bool) -> None:
    """Take away the store `_new_store` made, the enrolment not having gone on: the path is as it
    was (absent, or the empty file that was there)."""
    for side in sidecars(path):
        side.unlink(missing_ok=True)
    if not path.is_file():
        return
    if existed:
        path.write_bytes(b"")
    else:
        path.unlink()


def enroll_store(store: Store, server_url: str, code: str, *, transport: httpx.BaseTransport | None = None,
                 label: str = "", actor: eventlog.Actor | None = None) -> SyncReport:
    """Enrol an open store with the office's server, then run its first sync.

    - A store never set up (the app's first-run dialog) becomes a new device of the code's office.
    - A desk that worked on its own joins (an admin's act: `actor`, when given, must be one). It
      keeps its device id and, if free in the office, its device number (else the server gives
      the next one, and its numbers from now on carry that). Its whole history goes up; the
      office's other desks' comes down in the snapshot, which re-folds the desk; what the two
      histories disagree on (a user name made on both sides, a number seen twice) is raised as
      conflicts, never overwritten.

    The report says whether the first sync finished; if it did not, the desk is enrolled all the
    same and the next round carries on from where it stopped."""
    joining = store.is_initialised
    if joining:
        if actor is not None:
            require(actor, "admin")
        if store.get_state(K_SECRET):
            raise e.SyncError(e.MSG_ALREADY_ENROLLED, "this desk is enrolled already")
        ident = store.identity
        desk: tuple[str, str, int] | None = (ident.device_id, ident.office_code, ident.device_no)
    else:
        with store.read() as s:
            if s.scalar(select(func.count()).select_from(Event)):
                raise e.SyncError(e.MSG_STORE_EXISTS, "this desk holds events but has no identity")
        desk = None
    answer = _enrol_request(server_url, code, label, transport, desk)
    if desk is not None and (answer.device_id, answer.office_code) != desk[:2]:
        raise e.SyncError(e.MSG_BAD_ANSWER, f"the server enrolled {answer.device_id} of {answer.office_code}")
    _take_identity(store, server_url, answer)
    return sync_once(store, transport=transport)


def replace_device(store: Store, server_url: str, code: str, *, transport: httpx.BaseTransport | None = None,
                   label: str = "", actor: eventlog.Actor | None = None) -> SyncReport:
    """Move an enrolled desk to a new device identity with a one-time code, then sync.

    For a desk whose device was revoked, whose credential was lost, or whose store the server
    follows on another computer (`e.StoreCopied`): the server gives a new device id and number in
    the code's office (the desk's own), and numbers the new device's events past the desk's
    acknowledged position. The desk keeps its whole history and its place in the office's events;
    its events not yet sent go under the new device (they never reached the server, so no other
    desk holds them as the old one's). The credential, the identity and the events move in one
    local transaction. Human numbers issued from now on carry the new device number."""
    if not store.is_initialised:
        raise e.SyncError(e.MSG_NOT_ENROLLED, "no desk identity to replace")
    if actor is not None:
        require(actor, "admin")
    old = store.identity
    acked = int(store.get_state(K_ACKED) or 0)
    answer = _enrol_request(server_url, code, label, transport, replaces=(old.device_id, acked))
    if answer.office_code != old.office_code or answer.device_id == old.device_id:
        raise e.SyncError(e.MSG_BAD_ANSWER, f"the server enrolled {answer.device_id} of {answer.office_code}")
    with store.read() as s:
        unacked = list(s.scalars(select(EVENTS.c.id).where(EVENTS.c.client_seq > acked,
                                                           EVENTS.c.device_id == old.device_id)))
    # those a device sent already (a backup's events the old PC sent after the backup) keep it
    held = _held(server_url, answer, unacked, transport)
    with store.transaction() as s:
        moved = getattr(s.execute(update(EVENTS).where(EVENTS.c.client_seq > acked,
                                                       EVENTS.c.device_id == old.device_id)
                                  .values(device_id=answer.device_id)), "rowcount", 0)
        if held:
            s.execute(update(EVENTS).where(EVENTS.c.id == bindparam("event_id")).values(device_id=bindparam("device")),
                      [{"event_id": event_id, "device": device} for event_id, device in held.items()])
            moved -= len(held)
        store.set_state(s, K_SERVER, server_url.rstrip("/"))
        store.set_state(s, K_SECRET, answer.secret)
        store.set_state(s, K_STORE, new_id())
        s.execute(delete(DeskState).where(DeskState.key == K_STORE_NEXT))
        store.set_state(s, "device_id", answer.device_id)
        store.set_state(s, "device_no", str(answer.device_no))
        store.set_state(s, "office_code", answer.office_code)
        eventlog.audit(s, user_id=actor.user_id if actor else eventlog.SYSTEM_USER_ID,
                       username=actor.username if actor else "sync", action="sync.device_replaced",
                       subject=answer.device_id,
                       detail=f"device {old.device_id} ({old.device_no}) replaced by {answer.device_id} "
                              f"({answer.device_no}) of office {answer.office_code}; {moved} events not yet sent moved")
    store.set_identity(answer.office_code, answer.device_no, answer.device_id)  # (the same values: the cache)
    store.clock.merge(answer.server_hlc, answer.server_time_ms)
    return sync_once(store, transport=transport)


def _held(server_url: str, answer: p.EnrollResponse, event_ids: list[str],
          transport: httpx.BaseTransport | None) -> dict[str, str]:
    """Which of `event_ids` the server holds, under which device (`POST /v1/held`, asked with the
    new device's credential): {} when it cannot say (a server without the endpoint, the link
    gone): then the round's pull gives such events back their device."""
    held: dict[str, str] = {}
    if not event_ids:
        return held
    headers = {"Authorization": f"Bearer {answer.device_id}:{answer.secret}",
               p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: str(p.SCHEMA_VERSION)}
    with httpx.Client(base_url=server_url.rstrip("/"), transport=transport, timeout=30, verify=tls_context(),
                      headers=headers) as http:
        for at in range(0, len(event_ids), p.MAX_HELD_ASK):
            ask = p.HeldRequest(event_ids=event_ids[at:at + p.MAX_HELD_ASK])
            try:
                r = http.post("/v1/held", content=ask.model_dump_json(), headers={"Content-Type": "application/json"})
                if r.status_code != 200:
                    return held
                held.update(p.HeldResponse.model_validate_json(r.content).held)
            except (httpx.HTTPError, ValueError):
                return held
    return held


def check_enrolment(server_url: str, code: str) -> tuple[str, str]:
    """The server's address and the enrolment code as a person typed them, checked and cleaned
    (Persian digits folded, spaces trimmed); a `kanoon_desk.errors.ValidationError` names the field
    at fault."""
    url = to_ascii_digits(server_url or "").strip().rstrip("/")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        parsed = None
    if (parsed is None or parsed.scheme not in ("http", "https") or not parsed.host
            or any(c.isspace() for c in url)):
        raise FieldError(e.MSG_SERVER_URL, "server_url")
    code = to_ascii_digits(code or "").strip()
    if not code:
        raise FieldError(e.MSG_CODE_MISSING, "code")
    return url, code


def _enrol_request(server_url: str, code: str, label: str, transport: httpx.BaseTransport | None,
                   desk: tuple[str, str, int] | None = None,
                   replaces: tuple[str, int] | None = None) -> p.EnrollResponse:
    request = p.EnrollRequest(code=code, label=label)
    if desk is not None:  # only then: a server from before joining refuses the fields (422)
        request = p.EnrollRequest(code=code, label=label, device_id=desk[0], office_code=desk[1], device_no=desk[2])
    if replaces is not None:
        request = p.EnrollRequest(code=code, label=label, replaces=replaces[0], client_seq_from=replaces[1])
    http = httpx.Client(base_url=server_url.rstrip("/"), transport=transport, timeout=30, verify=tls_context())
    try:
        try:
            r = http.post("/v1/enroll", json=request.model_dump(mode="json", exclude_none=True),
                          headers={p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: str(p.SCHEMA_VERSION)})
        except httpx.TransportError as exc:
            raise e.Offline(e.MSG_NO_SERVER, str(exc)) from exc
    finally:
        http.close()
    if r.status_code == 426:
        raise e.UpgradeRequired(e.MSG_UPGRADE, _reason(r))
    if r.status_code >= 400:
        # only a Kanoon server's refusal of the code or the device (its error body: 401/403, or
        # an enrolment refusal it names, such as a code of another office, 409) is a refused
        # credential; another web server's error page is not one
        if not is_kanoon_error(r):
            raise e.NotKanoonServer(e.MSG_NOT_KANOON, f"HTTP {r.status_code}: {_reason(r)}")
        refusal = str(r.json().get("error", ""))
        if r.status_code not in (401, 403) and refusal not in e.CODE_MESSAGES:
            raise e.Refused(e.MSG_REFUSED, f"HTTP {r.status_code}: {_reason(r)}")
        raise e.AuthRefused(e.CODE_MESSAGES.get(refusal, e.MSG_AUTH), f"HTTP {r.status_code}: {_reason(r)}")
    try:
        return p.EnrollResponse.model_validate_json(r.content)
    except ValueError as exc:
        raise e.SyncError(e.MSG_BAD_ANSWER, str(exc)) from exc


def _take_identity(store: Store, server_url: str, answer: p.EnrollResponse) -> None:
    """The credential first, the identity last: a desk stopped in between is still "not set up"
    and can be enrolled again, never set up with an identity the server has no secret for."""
    with store.transaction() as s:
        store.set_state(s, K_SERVER, server_url.rstrip("/"))
        store.set_state(s, K_SECRET, answer.secret)
        eventlog.audit(s, user_id=eventlog.SYSTEM_USER_ID, username="sync", action="sync.enrolled",
                       subject=answer.device_id, detail=f"office {answer.office_code} device {answer.device_no}")
    store.set_identity(answer.office_code, answer.device_no, answer.device_id)  # a joining desk: maybe renumbered
    store.clock.merge(answer.server_hlc)
