"""Files a stopped restore or download left beside a desk's store, found and taken away.

`restore` copies the backup to `<store>.restore-tmp` (as big as the store, citizens' data in it)
and a document or a scan fetched from the server is written to `<sha>.<pid>.part` in the
attachments folder before it takes its name. A restore or a round killed mid-way (a power cut,
the task manager, the laptop's lid) left them for good: the next restore removed its own, but a
desk that was never restored again kept the copy, and a part's name holds the pid of a program
that is gone, so no later write replaced it. `kanoon-desk check` and the app's start take them
away and say what they took."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..store import in_use, sidecars
from .secretariat_files import attachments_dir_beside

#: The suffix of the copy a restore checks before it takes the store's place (`ops._restore`).
RESTORE_TMP = ".restore-tmp"


@dataclass(frozen=True)
class Leftover:
    path: Path
    size: int


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # (another user's, or a system that cannot tell: left alone)
    return True


def _part_in_use(part: Path) -> bool:
    """A document's part (`<sha>.<pid>.part`) whose program still runs is being written."""
    pid = part.name[:-len(".part")].rsplit(".", 1)[-1]
    return pid.isdigit() and _alive(int(pid))


def leftovers(store_path: Path) -> list[Leftover]:
    """The leftovers beside the store at `store_path` that nothing is writing now: a restore's
    copy (and its SQLite sidecars) not open in any program, and the parts of documents whose
    program has ended."""
    store_path = Path(store_path)
    found: list[Path] = []
    tmp = store_path.with_name(store_path.name + RESTORE_TMP)
    if not in_use(tmp):  # (a restore running now has it open)
        found += [p for p in (tmp, *sidecars(tmp)) if p.is_file()]
    folder = attachments_dir_beside(store_path)
    if folder.is_dir():
        found += sorted(p for p in folder.glob("*/*.part") if p.is_file() and not _part_in_use(p))
    out = []
    for p in found:
        try:
            out.append(Leftover(p, p.stat().st_size))
        except OSError:
            continue
    return out


def remove_leftovers(store_path: Path) -> list[Leftover]:
    """`leftovers` removed; those it removed (one that could not be removed is not among them)."""
    removed = []
    for left in leftovers(store_path):
        try:
            left.path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            continue
        removed.append(left)
    return removed
