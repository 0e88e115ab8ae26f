"""A file written whole or not at all: what a person saves (an export, a PDF, a picture) is
written under a temporary name beside it and takes its name only when it is complete.

Written in place, a program stopped mid-way (a power cut, the laptop's lid, the task manager)
left a cut-off .xlsx or .pdf under the name the person chose, where it read as the export made,
and an older good file of that name was already gone."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def part_of(path: Path) -> Path:
    """The temporary name `path` is written under: `<name>.part` beside it (a stopped write's
    part is replaced by the next one to the same name, so they do not pile up)."""
    return path.with_name(path.name + ".part")


@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """The path to write to instead of `path`; when the block ends without an error the file is
    flushed to the disk and put in `path`'s place in one step, else it is removed. An `OSError`
    (a folder that cannot be written, a file open in another program) comes out as one."""
    path = Path(path)
    tmp = part_of(path)
    tmp.unlink(missing_ok=True)
    try:
        with tmp.open("wb"):  # here, an OSError: not a file silently unwritten
            pass
        yield tmp
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())  # the content on the disk before the name points at it
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
