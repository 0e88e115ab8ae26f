"""Revoked devices kept beside the attachments folder, so a database restored from a backup does
not let them in again.

The database goes back to the day of its backup in every respect: a device revoked since then (a
stolen laptop) was allowed again until the operator remembered to revoke it once more. The list
is a file beside the attachments folder (`<folder>.revoked-devices`, one JSON line a device),
outside both the database and the attachments' own backup: `server revoke` writes to it before
it revokes in the database, and the server, as it starts, revokes again every device of the list
the database allows and logs it loudly (`server.revocations_restored`), then writes into the list
every device the database holds revoked (one revoked by a `server revoke` not told the folder).

A `server revoke` not told the server's folder (it writes beside the default folder) while the
server runs, then the database restored before the server restarted, let the device in again: the
running server writes the database's revoked devices into its list every `MIRROR_EVERY` seconds
and as it stops (`mirror`), and a restore needs the server stopped. A revocation made while the
server was stopped, beside the default folder, is read at its next start too (`keep`'s `also`)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select, update

from .db import ServerDb
from .server_models import Device, utcnow

SUFFIX = ".revoked-devices"
#: Seconds between two copies of the database's revoked devices into the running server's list.
MIRROR_EVERY = 30.0


def list_path(attachments_dir: Path) -> Path:
    """Where the list is: beside the attachments folder, not in it (a folder put back from its
    own backup would take the list back too)."""
    folder = Path(attachments_dir)
    return folder.with_name(folder.name + SUFFIX)


def read(path: Path) -> set[str]:
    """The device ids on the list (a line cut by a crash is skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return set()
    found = set()
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("device"), str):
            found.add(entry["device"])
    return found


def add(path: Path, device_ids: list[str]) -> None:
    """The devices appended to the list, on the disk before this returns."""
    if not device_ids:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    at = utcnow().isoformat(timespec="seconds")
    text = "".join(json.dumps({"device": d, "revoked_at": at}) + "\n" for d in device_ids)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def keep(db: ServerDb, path: Path, also: Sequence[Path] = ()) -> list[str]:
    """At start-up: every device on the list (and on the lists `also`: where `server revoke`
    writes when not told the folder) revoked in the database again (those it allowed: a database
    restored from before their revocation), returned; then the database's revoked devices not on
    the list added to it."""
    own = read(path)
    listed = own.union(*(read(other) for other in also if other != path))
    with db.transaction() as s:
        allowed = sorted(s.scalars(select(Device.id).where(Device.id.in_(listed), Device.revoked.is_(False)))) \
            if listed else []
        if allowed:
            s.execute(update(Device).where(Device.id.in_(allowed)).values(revoked=True))
        revoked = set(s.scalars(select(Device.id).where(Device.revoked.is_(True))))
    add(path, sorted(revoked - own))
    return allowed


def mirror(db: ServerDb, path: Path) -> list[str]:
    """While the server runs: the database's revoked devices not on the list added to it (a
    `server revoke` that wrote its own line elsewhere, or none), returned."""
    with db.read() as s:
        revoked = set(s.scalars(select(Device.id).where(Device.revoked.is_(True))))
    missing = sorted(revoked - read(path)) if revoked else []
    add(path, missing)
    return missing
