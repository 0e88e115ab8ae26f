"""Attachments in a sync round: upload the files local events name, fetch the ones pulled events name.

Files are content-addressed (SHA-256, `services.secretariat_files.attachment_path`); any event whose
payload carries a 64-hex `sha256` names one. Uploads resume from what the server already holds;
the scan positions live in `desk_state`, advanced only once a file is safely across.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from typing import TYPE_CHECKING, Any

import httpx
from sqlalchemy import func, or_, select

from ..models import Event
from ..services.secretariat_files import attachment_path, attachments_dir, keep_bytes, kept_intact
from ..state_keys import K_ACKED
from . import errors as e
from . import protocol as p
from .progress import DOWNLOAD, UPLOAD
from .report import ATTACHMENT_NOT_HERE, ATTACHMENT_PARTIAL, ATTACHMENT_PENDING, SyncReport, SyncWarning

if TYPE_CHECKING:
    from ..store import Store
    from .client import SyncClient

K_UP, K_DOWN = "sync.attachments_up_seq", "sync.attachments_down_seq"
#: Files pulled events name that the server did not have yet, and files this desk's own events
#: name that are not on this computer: JSON lists of SHA-256 names, tried again each round.
K_MISSING, K_UNSENT = "sync.attachments_missing", "sync.attachments_unsent"
_KEYS = {"up": K_UP, "down": K_DOWN, "missing": K_MISSING, "unsent": K_UNSENT}
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
#: An upload's chunks: the first, the smallest and the largest. Each later chunk is sized from how
#: fast the one before went, to take about `CHUNK_SHARE` of the timeout: on a slow link (a rural
#: office's 20 kB/s) a whole 1 MB chunk took 50 s, its answer came after the desk had stopped
#: waiting (30 s), and the scan never got up however often it was tried.
FIRST_CHUNK = 256 * 1024
MIN_CHUNK = 16 * 1024
CHUNK = 1024 * 1024
CHUNK_SHARE = 0.25
#: Only events whose payload has a `sha256` are read (the desk's store is SQLite): a first sync's
#: scan of every payload, parsed, was several seconds for 200,000 events.
_NAMES_A_FILE = func.json_extract(Event.payload, "$.sha256").is_not(None)
#: Left in the attachments folder once every file the store's events name was looked for there
#: (`_look_again`): a folder without it is new to this store (the store restored or copied to
#: another computer, or to another folder, without its attachments).
FOLDER_MARK = ".kanoon-looked"


def _named(payload: dict[str, object]) -> str | None:
    sha = payload.get("sha256")
    return sha if isinstance(sha, str) and SHA_RE.match(sha) else None


def _photos_let_go(store: Store, named: list[Any]) -> set[str]:
    """Of the member photos these payloads name, those no member's record holds any more: a member
    whose details were removed (`member.erased`, its photo's file deleted) or a photo replaced.
    They are not fetched (a photo of an erased child must not come back from the server) nor said
    missing when their file is gone."""
    from ..models.library import Member

    photos = {sha for _seq, payload in named if (sha := _named(payload)) and payload.get("photo") == sha}
    if not photos:
        return set()
    with store.read() as s:
        held = set(s.scalars(select(Member.photo).where(Member.photo.in_(photos))))
    return photos - held


def _transfer(c: SyncClient, method: str, sha: str, *, content: bytes | None = None,
              headers: dict[str, str] | None = None, tries: int | None = None) -> httpx.Response:
    """One request of a file's transfer, tried again (as `SyncClient.call` does) when the
    connection fails or the server answers 5xx; still failing, the round fails with a reason
    the clerk can read (the events are safe: they went before the files). A refused credential
    or an old program is said as such; other answers are the caller's to read."""
    path = f"/v1/attachments/{sha}"
    last = ""
    for attempt in range(tries or c.retries + 1):
        if attempt:
            time.sleep(c.backoff * attempt)
        c.control.checkpoint()  # a clerk's «توقف»: before the request, never half-way
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
        if r.status_code == 409 and r.headers.get("content-type", "").startswith("application/json") \
                and r.json().get("error") == "store_copied":
            raise e.StoreCopied(e.MSG_STORE_COPIED, f"attachment {sha[:12]}: HTTP 409")
        return r
    raise e.Offline(e.MSG_ATTACHMENTS_CUT, f"attachment {sha[:12]} ({method}): {last}")


def upload(c: SyncClient, sha: str, data: bytes, report: SyncReport | None = None, name: str = "") -> None:
    """Send a file from where the server's copy stops, in chunks sized to the link (`FIRST_CHUNK`,
    `CHUNK_SHARE`). A chunk whose answer does not come is sent again smaller, from where the
    server then says it stands; after `c.retries` failures at the smallest size the round stops,
    and `report` says how far the file got (`ATTACHMENT_PARTIAL`): the next round goes on from
    there. Each chunk across is told (`RoundControl.tell`, as `name`, else the file's SHA-256), and
    a clerk's «توقف» stops it between chunks, said likewise."""
    offset, size, failures = 0, FIRST_CHUNK, 0
    name = name or sha[:12]
    try:
        status = c.call("GET", f"/v1/attachments/{sha}/status", p.AttachmentStatus)
        offset = status.received
        while not status.complete:
            c.control.tell(UPLOAD, offset, len(data), name)
            chunk = data[offset:offset + size]
            end = offset + len(chunk) - 1
            started = time.monotonic()
            try:
                r = _transfer(c, "PUT", sha, content=chunk, tries=1,
                              headers={"Content-Range": f"bytes {offset}-{end}/{len(data)}"})
            except e.Offline:
                failures += 1
                if size <= MIN_CHUNK and failures > c.retries:
                    raise
                size = max(MIN_CHUNK, size // 4)
                time.sleep(c.backoff * failures)
                # the server may have taken the chunk although its answer was lost
                status = c.call("GET", f"/v1/attachments/{sha}/status", p.AttachmentStatus)
                offset = status.received
                continue
            if r.status_code == 409:  # the server holds a different amount (a reply lost): resume from there
                offset = int(r.json().get("received", 0))
                continue
            if r.status_code >= 400:
                raise e.Refused(e.MSG_REFUSED, f"attachment {sha[:12]}: HTTP {r.status_code}")
            status = p.AttachmentStatus.model_validate_json(r.content)
            offset, failures = status.received, 0
            speed = len(chunk) / max(time.monotonic() - started, 1e-3)
            size = max(MIN_CHUNK, min(CHUNK, int(speed * c.timeout * CHUNK_SHARE)))
    except (e.Offline, e.Stopped) as exc:
        if report is not None and 0 < offset < len(data):
            report.warnings.append(SyncWarning(ATTACHMENT_PARTIAL, (
                ("sha", sha[:12]), ("size", max(1, round(len(data) / 1_048_576))),
                ("percent", offset * 100 // len(data)))))
        if isinstance(exc, e.Stopped):
            raise
        raise e.Offline(e.MSG_ATTACHMENTS_CUT, exc.detail) from exc
    c.control.tell(UPLOAD, len(data), len(data), name)


def _filename(payload: dict[str, object]) -> str:
    """The name the clerk gave the file (a case's attachment), "" when the event has none."""
    name = payload.get("filename")
    return name.replace("\\", "/").rsplit("/", 1)[-1] if isinstance(name, str) else ""


def _kept(store: Store, key: str) -> set[str]:
    """A set of SHA-256 names kept in desk_state as a JSON list."""
    try:
        got = json.loads(store.get_state(key) or "[]")
    except ValueError:
        return set()
    return {sha for sha in got if isinstance(sha, str) and SHA_RE.match(sha)} if isinstance(got, list) else set()


def _save(store: Store, **values: str | set[str]) -> None:
    """Scan positions and kept sets, in one transaction (a position never moves past a file that
    is not kept track of)."""
    with store.transaction() as s:
        for key, value in values.items():
            store.set_state(s, _KEYS[key], value if isinstance(value, str) else json.dumps(sorted(value)))


def sync_attachments(c: SyncClient, report: SyncReport) -> None:
    """Upload the files this desk's acknowledged events name, then fetch those pulled events name.

    A file of this desk's own event that is not on this computer (the attachments folder was not
    restored with the store) cannot go up: the clerk is told, and it is tried again each round
    (`K_UNSENT`), in case the folder is put back. A file the server does not have yet is skipped,
    not waited for: the later ones are fetched, and it is tried again each round (`K_MISSING`)."""
    store = c.store
    up_from = int(store.get_state(K_UP) or 0)
    down_from = int(store.get_state(K_DOWN) or 0)
    with store.read() as s:
        mine: list[Any] = list(s.execute(select(Event.client_seq, Event.payload)
                                         .where(Event.client_seq > up_from, _NAMES_A_FILE).order_by(Event.client_seq)))
        pulled = (Event.client_seq.is_(None), Event.server_seq > down_from)
        theirs: list[Any] = list(s.execute(select(Event.server_seq, Event.payload).where(*pulled, _NAMES_A_FILE)
                                           .order_by(Event.server_seq)))
        last_pulled = s.scalar(select(func.max(Event.server_seq)).where(*pulled))
        # photos of members erased at other desks: this desk's copy of the file goes too
        gone = {str(sha) for (sha,) in s.execute(select(func.json_extract(Event.payload, "$.photo_gone"))
                                                 .where(*pulled, Event.type == "member.erased"))
                if isinstance(sha, str) and SHA_RE.match(sha)}
    let_go = _photos_let_go(store, mine + theirs)
    if let_go:
        mine = [(seq, payload) for seq, payload in mine
                if _named(payload) not in let_go or kept_intact(store, _named(payload) or "")]
        theirs = [(seq, payload) for seq, payload in theirs if _named(payload) not in let_go]
    acked = int(store.get_state(K_ACKED) or 0)
    unsent = _kept(store, K_UNSENT)
    for before in sorted(unsent):  # own files missing before: here again?
        path = attachment_path(store, before)
        if kept_intact(store, before):  # (whole: one a power cut left cut off is not sent as it)
            data = path.read_bytes()
            upload(c, before, data, report)
            report.uploaded += 1
            report.uploaded_bytes += len(data)
            unsent.discard(before)
            _save(store, unsent=unsent)
    for seq, payload in mine:
        if seq > acked:
            break  # only files of events the server already holds
        sha = _named(payload)
        if sha is None:
            continue
        path = attachment_path(store, sha)
        if kept_intact(store, sha):
            data = path.read_bytes()
            upload(c, sha, data, report, name=_filename(payload))
            report.uploaded += 1
            report.uploaded_bytes += len(data)
            _save(store, up=str(seq))
        else:  # kept track of, and the scan goes on
            unsent.add(sha)
            _save(store, up=str(seq), unsent=unsent)
    if acked > up_from:  # every event up to `acked` that names a file has been seen to
        _save(store, up=str(acked))
    if not (attachments_dir(store) / FOLDER_MARK).is_file():
        # (a desk whose scans start from its first event, a first sync's, sees every file this round)
        _look_again(store, acked, look=bool(up_from or down_from))
    _download(c, report, list(theirs), last_pulled, unsent)
    for sha in sorted(unsent):
        report.warnings.append(SyncWarning(ATTACHMENT_NOT_HERE, (("sha", sha[:12]),)))
    if gone:
        from ..services.library_privacy import forget_photos

        forget_photos(store, gone)


def _look_again(store: Store, acked: int, *, look: bool = True) -> None:
    """Keep to fetch (`K_MISSING`) every file named by an event the server holds (pulled, or this
    desk's own sent ones) that is not in the attachments folder, then mark the folder.

    The scan positions say which files were fetched or sent, not where they are: a store restored
    from its backup on a new computer (or copied there, or to another folder) without its
    attachments folder had none of the files of its events up to those positions, and no round
    fetched them, though the server held them all: the cases' scans and the members' photos were
    gone from that desk for good, without a word. Read once per folder (every event that names a
    file; whether the file is there, not its bytes). Not `look`: the folder is only marked."""
    absent: set[str] = set()
    if look:
        with store.read() as s:
            payloads = s.scalars(select(Event.payload).where(
                _NAMES_A_FILE, or_(Event.client_seq.is_(None), Event.client_seq <= acked)))
            named = [(None, payload) for payload in payloads
                     if (sha := _named(payload)) is not None and not attachment_path(store, sha).is_file()]
        # (not the photo of a member erased since, nor one replaced: it must not come back)
        let_go = _photos_let_go(store, named)
        absent = {sha for _none, payload in named if (sha := _named(payload)) and sha not in let_go}
    if absent:
        _save(store, missing=_kept(store, K_MISSING) | absent)
    folder = attachments_dir(store)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FOLDER_MARK).write_bytes(b"")


def _download(c: SyncClient, report: SyncReport, theirs: list[Any], last: int | None, unsent: set[str]) -> None:
    """Fetch the files pulled events name, in server order. One the server does not have yet
    (404: its desk has not sent it, or lost it) is skipped and kept to try again next round; the
    scan position goes to `last` (the newest pulled event) with the set of those kept. This desk's
    own files that are not on this computer (`unsent`) are asked for too: the server has them
    when they went up before the store came here without its folder (they then leave `unsent`)."""
    store = c.store
    missing = _kept(store, K_MISSING)
    names = {sha: _filename(payload) for _seq, payload in theirs if (sha := _named(payload))}
    # the ones kept first, then in server order
    wanted = list(dict.fromkeys(sorted(missing) + sorted(unsent) + list(names)))
    for i, sha in enumerate(wanted):
        if kept_intact(store, sha):  # (a file a power cut left cut off is fetched again)
            missing.discard(sha)
            continue
        c.control.tell(DOWNLOAD, i, len(wanted), names.get(sha) or sha[:12])
        r = _transfer(c, "GET", sha)
        if r.status_code == 404:
            if sha not in unsent:  # (an own file the server lacks is said as one not here)
                missing.add(sha)
            continue
        if r.status_code >= 400 or hashlib.sha256(r.content).hexdigest() != sha:
            raise e.Refused(e.MSG_REFUSED, f"attachment {sha[:12]}: HTTP {r.status_code}")
        keep_bytes(attachment_path(store, sha), r.content)
        report.downloaded += 1
        report.downloaded_bytes += len(r.content)
        missing.discard(sha)
        if sha in unsent:
            unsent.discard(sha)
            _save(store, unsent=unsent)
    for sha in sorted(missing):
        report.warnings.append(SyncWarning(ATTACHMENT_PENDING, (("sha", sha[:12]),)))
    if last is not None:
        _save(store, down=str(last), missing=missing)
    elif missing != _kept(store, K_MISSING):
        _save(store, missing=missing)
