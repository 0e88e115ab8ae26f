"""Attachments in a sync round: upload the files local events name, fetch the ones pulled events name.

Files are content-addressed (SHA-256, `services.secretariat_files.attachment_path`); any event whose
payload carries a 64-hex `sha256` names one. Uploads resume from what the server already holds;
the scan positions live in `desk_state`, advanced only once a file is safely across.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx
from sqlalchemy import func, select

from ..models import Event
from ..services.secretariat_files import attachment_path
from . import errors as e
from . import protocol as p

if TYPE_CHECKING:
    from .client import SyncClient, SyncReport

K_UP, K_DOWN = "sync.attachments_up_seq", "sync.attachments_down_seq"
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1024 * 1024
#: Only events whose payload has a `sha256` are read (the desk's store is SQLite): a first sync's
#: scan of every payload, parsed, was several seconds for 200,000 events.
_NAMES_A_FILE = func.json_extract(Event.payload, "$.sha256").is_not(None)


def _named(payload: dict[str, object]) -> str | None:
    sha = payload.get("sha256")
    return sha if isinstance(sha, str) and SHA_RE.match(sha) else None


def _transfer(c: SyncClient, method: str, sha: str, *, content: bytes | None = None,
              headers: dict[str, str] | None = None) -> httpx.Response:
    """One request of a file's transfer, tried again (as `SyncClient.call` does) when the
    connection fails or the server answers 5xx; still failing, the round fails with a reason
    the clerk can read (the events are safe: they went before the files). A refused credential
    or an old program is said as such; other answers are the caller's to read."""
    path = f"/v1/attachments/{sha}"
    last = ""
    for attempt in range(c.retries + 1):
        if attempt:
            time.sleep(c.backoff * attempt)
        try:
            r = c.http.request(method, path, content=content, headers={**c._headers(), **(headers or {})})
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
            continue
        if r.status_code >= 500:
            last = f"HTTP {r.status_code}"
            continue
        if r.status_code == 426:
            raise e.UpgradeRequired(e.MSG_UPGRADE, f"attachment {sha[:12]}: HTTP 426")
        if r.status_code in (401, 403):
            raise e.AuthRefused(e.MSG_AUTH, f"attachment {sha[:12]}: HTTP {r.status_code}")
        return r
    raise e.Offline(e.MSG_ATTACHMENTS_CUT, f"attachment {sha[:12]} ({method}): {last}")


def upload(c: SyncClient, sha: str, data: bytes) -> None:
    status = c.call("GET", f"/v1/attachments/{sha}/status", p.AttachmentStatus)
    offset = status.received
    while not status.complete:
        chunk = data[offset:offset + CHUNK]
        end = offset + len(chunk) - 1
        r = _transfer(c, "PUT", sha, content=chunk,
                      headers={"Content-Range": f"bytes {offset}-{end}/{len(data)}"})
        if r.status_code == 409:  # the server holds a different amount (a reply lost): resume from there
            offset = int(r.json().get("received", 0))
            continue
        if r.status_code >= 400:
            raise e.Refused(e.MSG_REFUSED, f"attachment {sha[:12]}: HTTP {r.status_code}")
        status = p.AttachmentStatus.model_validate_json(r.content)
        offset = status.received


def sync_attachments(c: SyncClient, report: SyncReport) -> None:
    store = c.store
    up_from = int(store.get_state(K_UP) or 0)
    down_from = int(store.get_state(K_DOWN) or 0)
    with store.read() as s:
        mine = s.execute(select(Event.client_seq, Event.payload).where(Event.client_seq > up_from, _NAMES_A_FILE)
                         .order_by(Event.client_seq)).all()
        pulled = (Event.client_seq.is_(None), Event.server_seq > down_from)
        theirs = s.execute(select(Event.server_seq, Event.payload).where(*pulled, _NAMES_A_FILE)
                           .order_by(Event.server_seq)).all()
        last_pulled = s.scalar(select(func.max(Event.server_seq)).where(*pulled))
    acked = int(store.get_state("sync.acked_seq") or 0)

    def mark(key: str, seq: int) -> None:
        with store.transaction() as s:
            store.set_state(s, key, str(seq))

    for seq, payload in mine:
        if seq > acked:
            break  # only files of events the server already holds
        sha = _named(payload)
        path = attachment_path(store, sha) if sha else None
        if sha and path is not None and path.is_file():
            upload(c, sha, path.read_bytes())
            report.uploaded += 1
            mark(K_UP, seq)
    if acked > up_from:  # every event up to `acked` that names a file has been seen to
        mark(K_UP, acked)
    _download(c, report, list(theirs), mark, last_pulled)


def _download(c: SyncClient, report: SyncReport, theirs: list[Any], mark: Callable[[str, int], None],
              last: int | None) -> None:
    """Fetch the files pulled events name, in server order; the scan position goes to `last` (the
    newest pulled event) once every one of them is here."""
    from .client import ATTACHMENT_PENDING, SyncWarning

    store = c.store
    done = None
    for seq, payload in theirs:
        sha = _named(payload)
        if sha and not attachment_path(store, sha).is_file():
            r = _transfer(c, "GET", sha)
            if r.status_code == 404:
                report.warnings.append(SyncWarning(ATTACHMENT_PENDING, (("sha", sha[:12]),)))
                break  # try again next round, from here
            if r.status_code >= 400 or hashlib.sha256(r.content).hexdigest() != sha:
                raise e.Refused(e.MSG_REFUSED, f"attachment {sha[:12]}: HTTP {r.status_code}")
            dest = attachment_path(store, sha)
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(dest.name + ".part")
            tmp.write_bytes(r.content)
            tmp.replace(dest)
            report.downloaded += 1
        done = seq
    else:
        done = last
    if done is not None:
        mark(K_DOWN, done)
