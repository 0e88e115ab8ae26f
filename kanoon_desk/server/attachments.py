"""Content-addressed attachments on the server: resumable upload by chunks, verified by SHA-256."""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..sync.protocol import MAX_ATTACHMENT_BYTES, AttachmentStatus

SHA_RE = re.compile(r"^[0-9a-f]{64}$")
RANGE_RE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
#: A `<sha>.part` nobody appended to for this long is an upload its desk gave up (a desk killed
#: mid-upload, a file taken off the case before its next round): removed by `sweep_parts`. A desk
#: that comes back later still loses nothing: the server says it holds 0 bytes and the file goes
#: up again from its start. A week: a centre closed for a holiday resumes where it stopped.
STALE_PART_SECONDS = 7 * 24 * 3600


class AttachmentError(Exception):
    def __init__(self, status: int, code: str, reason: str, reason_fa: str, received: int = 0) -> None:
        super().__init__(reason)
        self.status, self.code, self.reason, self.reason_fa, self.received = status, code, reason, reason_fa, received


class AttachmentStore:
    """Files named by their SHA-256 under `root`; a partial upload is `<sha>.part`."""

    def __init__(self, root: Path, max_bytes: int = MAX_ATTACHMENT_BYTES) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        #: the names of the uploads in progress (their bodies read or written now): never swept
        self._uploading: Counter[str] = Counter()
        self._uploading_lock = threading.Lock()  # (held for a moment: taken on the event loop's thread)

    def holds(self, sha: str) -> bool:
        """Whether the whole file of `sha` is here (`path` is not None), by one bare `stat`: the
        server's start asks it of every erased member's photo (thousands on a big server)."""
        return SHA_RE.match(sha) is not None and os.path.exists(os.path.join(self.root, sha))

    def _paths(self, sha: str) -> tuple[Path, Path]:
        if not SHA_RE.match(sha):
            raise AttachmentError(400, "bad_sha", "the name must be a lowercase SHA-256 hex digest",
                                  "نام پیوست باید چکیده SHA-256 باشد.")
        return self.root / sha, self.root / f"{sha}.part"

    @contextmanager
    def uploading(self, sha: str) -> Iterator[None]:
        """While an upload's request is read and written: its `.part` is left by `sweep_parts`."""
        with self._uploading_lock:
            self._uploading[sha] += 1
        try:
            yield
        finally:
            with self._uploading_lock:
                self._uploading[sha] -= 1
                if self._uploading[sha] <= 0:
                    del self._uploading[sha]

    def sweep_parts(self, older_than: float = STALE_PART_SECONDS, now: float | None = None) -> list[tuple[str, int]]:
        """The half-finished uploads nobody wrote to for `older_than` seconds removed; returned as
        (file name, bytes). An upload in progress (`uploading`) and a younger `.part` (a desk cut
        off that resumes at its next round) are kept; so is any file not named `<sha>.part`."""
        if not self.root.is_dir():
            return []
        limit = (time.time() if now is None else now) - older_than
        removed: list[tuple[str, int]] = []
        with self._lock:  # (no chunk is appended meanwhile: `put` writes under the same lock)
            for part in sorted(self.root.glob("*.part")):
                sha = part.name.removesuffix(".part")
                with self._uploading_lock:
                    busy = sha in self._uploading
                if busy or not SHA_RE.match(sha):
                    continue
                try:
                    st = part.stat()
                    if st.st_mtime > limit or not part.is_file():
                        continue
                    part.unlink()
                except FileNotFoundError:
                    continue
                removed.append((part.name, st.st_size))
        return removed

    def status(self, sha: str) -> AttachmentStatus:
        final, part = self._paths(sha)
        if final.exists():
            size = final.stat().st_size
            return AttachmentStatus(sha256=sha, received=size, complete=True, size=size)
        return AttachmentStatus(sha256=sha, received=part.stat().st_size if part.exists() else 0, complete=False)

    def path(self, sha: str) -> Path | None:
        final, _ = self._paths(sha)
        return final if final.exists() else None

    def put(self, sha: str, data: bytes, content_range: str | None) -> AttachmentStatus:
        """Append a chunk at its offset; the last chunk is verified against the name."""
        final, part = self._paths(sha)
        if content_range:
            m = RANGE_RE.match(content_range.strip())
            if not m:
                raise AttachmentError(400, "bad_range", "Content-Range must be 'bytes start-end/total'",
                                      "بازه بارگذاری نادرست است.")
            start, end, total = (int(g) for g in m.groups())
            if end - start + 1 != len(data) or end >= total:
                raise AttachmentError(400, "bad_range", "Content-Range does not match the body",
                                      "بازه بارگذاری با داده نمی‌خواند.")
        else:
            start, total = 0, len(data)
        if total > self.max_bytes:
            raise AttachmentError(413, "too_large", f"attachments are limited to {self.max_bytes} bytes",
                                  "پیوست از اندازه مجاز بزرگ‌تر است.")
        with self._lock:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)  # (children's photos, complaints' scans)
            if final.exists():
                return self.status(sha)
            have = part.stat().st_size if part.exists() else 0
            if start != have:
                raise AttachmentError(409, "wrong_offset", f"resume from byte {have}",
                                      "بارگذاری باید از جای دیگری ادامه یابد.", received=have)
            with os.fdopen(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as fh:
                fh.write(data)
            have += len(data)
            if have < total:
                return AttachmentStatus(sha256=sha, received=have, complete=False)
            h = hashlib.sha256()
            with part.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
            if h.hexdigest() != sha:
                part.unlink()
                raise AttachmentError(422, "sha_mismatch", "content does not match its SHA-256 name",
                                      "محتوای پیوست با چکیده‌اش نمی‌خواند؛ دوباره بفرستید.")
            part.replace(final)
            return self.status(sha)
