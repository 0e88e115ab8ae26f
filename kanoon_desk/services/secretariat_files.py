"""Scanned documents of a case: allowed types by magic bytes, size limit, content-addressed storage."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from ..store import Store

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

MSG_TYPE = QT_TRANSLATE_NOOP("Errors", "فقط پرونده‌های PDF، JPEG، PNG و TIFF پذیرفته می‌شود.")
MSG_SIZE = QT_TRANSLATE_NOOP("Errors", "اندازه هر پیوست حداکثر ۲۰ مگابایت است.")
MSG_EMPTY = QT_TRANSLATE_NOOP("Errors", "پرونده پیوست خالی است.")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "پرونده پیوست خوانده نشد.")
MSG_MISSING = QT_TRANSLATE_NOOP("Errors", "پرونده این پیوست در پوشه پیوست‌ها نیست.")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    filename: str
    mime: str
    size: int


def sniff_mime(head: bytes) -> str | None:
    """The MIME type told by the first bytes, or None when it is not an allowed type."""
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    return None


def attachments_dir(store: Store) -> Path:
    return attachments_dir_beside(store.path)


def attachments_dir_beside(store_path: Path) -> Path:
    """The attachments folder of the store at `store_path` (for what runs before it is opened)."""
    return Path(store_path).parent / "attachments"


def attachment_path(store: Store, sha256: str) -> Path:
    return attachments_dir(store) / sha256[:2] / sha256


def put_bytes(store: Store, data: bytes, filename: str, field: str = "attachments") -> StoredFile:
    """Check and keep one document; the same bytes are kept once whatever their name."""
    if not data:
        raise ValidationError(MSG_EMPTY, field)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(MSG_SIZE, field)
    mime = sniff_mime(data[:16])
    if mime is None:
        raise ValidationError(MSG_TYPE, field)
    sha = hashlib.sha256(data).hexdigest()
    dest = attachment_path(store, sha)
    if not _kept_whole(dest, len(data)):
        keep_bytes(dest, data)
    return StoredFile(sha, Path(filename).name[:260], mime, len(data))


def keep_bytes(dest: Path, data: bytes) -> None:
    """A document's bytes put at `dest` whole: written beside it, on the disk, then named. The
    event that names the document commits next (durably): a power cut must not leave it naming an
    empty or cut-off file, which the next adding or sync would take as the document kept."""
    _private_folders(dest.parent)
    tmp = dest.with_name(dest.name + f".{os.getpid()}.part")
    # the desk user's alone (0600), as the store is: a child's photo, a citizen's complaint
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, dest)  # atomic: a reader never sees half a file


def _private_folders(folder: Path) -> None:
    """The attachments folder and its two-letter folder, made (or, made by an earlier version with
    the umask's modes, closed) for the desk user alone (POSIX 0700: no one else lists or opens the
    files in them). Elsewhere, only made."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "posix":
        return
    for each in (folder, folder.parent):
        try:
            mode = os.stat(each).st_mode & 0o7777
            if mode & 0o077:
                os.chmod(each, mode & ~0o077)
        except OSError:  # another user's folder, a file system without modes: left as it is
            pass


def _kept_whole(dest: Path, size: int) -> bool:
    """Whether the document is already kept at `dest`, whole. A file of another size there is
    what a power cut left of a write before `keep_bytes` made it durable: written again now."""
    try:
        return dest.stat().st_size == size
    except OSError:
        return False


def kept_intact(store: Store, sha256: str) -> bool:
    """Whether the document of this digest is on this desk and its bytes are still the ones the
    digest names (not a file a power cut or a damaged disk left cut off)."""
    try:
        return hashlib.sha256(attachment_path(store, sha256).read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def put_file(store: Store, path: Path | str, field: str = "attachments") -> StoredFile:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(MSG_SIZE, field)
        data = path.read_bytes()
    except OSError:
        raise ValidationError(MSG_UNREADABLE, field) from None
    return put_bytes(store, data, path.name, field)


def check_file(path: Path | str, field: str = "attachments") -> None:
    """Whether a scan chosen from disk will be taken, from its size and first bytes (not the whole
    file): the refusal `put_file` would give, so a form can name the file before it saves."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        raise ValidationError(MSG_UNREADABLE, field) from None
    if size == 0:
        raise ValidationError(MSG_EMPTY, field)
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(MSG_SIZE, field)
    if sniff_mime(head) is None:
        raise ValidationError(MSG_TYPE, field)


def read_attachment(store: Store, sha256: str) -> bytes:
    path = attachment_path(store, sha256)
    if not path.exists():
        raise NotFound(MSG_MISSING)
    return path.read_bytes()
