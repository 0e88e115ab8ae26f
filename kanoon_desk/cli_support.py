"""What the operator command lines share: argument types that refuse a wrong value with a clear
message (a usage error, exit 2), and the catch-all that turns an error a person can act on (a file
that cannot be read or written, a database that is not there or not a store, a refused value,
Ctrl-C) into one line and an exit code instead of a traceback.

Imports nothing heavy: the command lines start without the desk's or the server's modules.
"""

from __future__ import annotations

import argparse
import math
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import TypeVar

from .errors import ServiceError, storage_trouble
from .persian import to_ascii_digits

#: Exit codes the catch-all adds to each command line's own (0 done, 1 failed, 2 usage, ...).
EXIT_FAILED = 1
#: Ctrl-C (128 + SIGINT, as a shell reports a command it interrupted).
EXIT_INTERRUPTED = 130
#: "fa — en" (`kanoon-desk check`, `backup`, ...) or "fa | en" (`sync`, `enroll`, `server ...`).
DASH, BAR = " — ", " | "


# --- argument types ----------------------------------------------------------------------------

N = TypeVar("N", int, float)


def _ascii(text: str) -> str:
    return to_ascii_digits(text or "").strip()


def office_code(text: str) -> str:
    """An office code as typed: Persian digits folded, trimmed, upper case; 1–8 Latin letters or digits."""
    code = _ascii(text).upper()
    if not (1 <= len(code) <= 8 and code.isascii() and code.isalnum()):
        raise argparse.ArgumentTypeError(f"کد دفتر ۱ تا ۸ رقم یا حرف لاتین باشد | an office code is 1-8 Latin "
                                         f"letters or digits, not {text!r}")
    return code


def device_id(text: str) -> str:
    """A device id as typed (Persian digits folded, trimmed)."""
    value = _ascii(text)
    if not value:
        raise argparse.ArgumentTypeError("شناسه دستگاه خالی است | the device id is empty")
    return value


def _number(text: str, parse: Callable[[str], N], ok: Callable[[N], bool], says: str) -> N:
    """`text` read by `parse` (Persian digits folded) when `ok` holds of it; else a usage error
    saying `says` and what was typed."""
    try:
        value = parse(_ascii(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{says}, not {text!r}") from None
    if not ok(value):
        raise argparse.ArgumentTypeError(f"{says}, not {text!r}")
    return value


def positive_int(text: str) -> int:
    """A whole number of 1 or more."""
    return _number(text, int, lambda n: n >= 1,
                   "یک عدد درست بزرگ‌تر از صفر بنویسید | must be a whole number of 1 or more")


def positive_hours(text: str) -> float:
    """A finite number of hours greater than zero."""
    return _number(text, float, lambda h: math.isfinite(h) and h > 0,
                   "شمار ساعت‌ها باید عددی بزرگ‌تر از صفر باشد | must be a number of hours greater than 0")


def seconds(text: str) -> float:
    """A finite number of seconds, 0 or more."""
    return _number(text, float, lambda t: math.isfinite(t) and t >= 0,
                   "شمار ثانیه‌ها باید عدد صفر یا بیشتر باشد | must be a number of seconds, 0 or more")


def port(text: str) -> int:
    """A TCP port, 1–65535."""
    return _number(text, int, lambda n: 1 <= n <= 65535,
                   "درگاه باید عددی از ۱ تا ۶۵۵۳۵ باشد | a port is a number from 1 to 65535")


# --- the catch-all -----------------------------------------------------------------------------


def one_line(text: object, limit: int = 300) -> str:
    """`text` on one line (runs of white space, newlines included, become one space), cut at `limit`."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def _database_error(exc: BaseException) -> str | None:
    """The first line of a database error's own message (SQLAlchemy's, without its SQL and its
    link), None when `exc` is not one."""
    if isinstance(exc, sqlite3.Error):
        return one_line(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.SQLAlchemyError):
        orig = getattr(exc, "orig", None)
        text = str(orig if orig is not None else exc).strip()
        return one_line(text.splitlines()[0] if text else type(exc).__name__)
    return None


def _is_store_error(exc: BaseException) -> bool:
    store = sys.modules.get("kanoon_desk.store")
    return store is not None and isinstance(exc, store.StoreError)


def describe(exc: BaseException) -> tuple[str, str] | None:
    """(Persian, English) for an error the catch-all answers; None for any other (a bug: left to
    its traceback)."""
    if storage_trouble(exc) == "full":  # not "the database is not there": the disk has no room left
        where = f": {exc.filename}" if isinstance(exc, OSError) and exc.filename else ""
        return (f"دیسک پر است{where}؛ کار نیمه‌تمام ثبت نشد و آنچه پیش‌تر ثبت شده بود محفوظ است. روی دیسک جا باز "
                "کنید و دوباره اجرا کنید",
                f"disk full{where}: the unfinished work was not recorded, what was recorded before is safe; "
                "make room on the disk and run it again")
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        reason = exc.strerror or one_line(exc) or type(exc).__name__
        return f"پرونده یا پوشه خوانده یا نوشته نشد{where}", f"file error: {one_line(reason)}{where}"
    database = _database_error(exc)
    if database is not None:
        return "پایگاه داده در دسترس نیست یا خوانده نشد", f"database error: {database}"
    store = sys.modules.get("kanoon_desk.store")
    if store is not None and isinstance(exc, store.NewerStoreError):
        return ("این پرونده را نسخه تازه‌تری از کانون دسک نوشته است و این نسخه آن را باز نمی‌کند؛ نسخه تازه را "
                "نصب کنید (چیزی در پرونده تغییر نکرد)", one_line(exc))
    if _is_store_error(exc):
        return "این پرونده پایگاه داده کانون دسک نیست", f"not a usable Kanoon Desk store: {one_line(exc)}"
    if isinstance(exc, ServiceError):
        field = f" ({exc.field})" if exc.field else ""
        return one_line(exc), f"refused{field}"
    return None


def quiet_stdout() -> None:
    """After a closed output pipe (`… | head`): stdout goes to the null device, so the flush at
    exit does not raise again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def guarded(body: Callable[[], int], sep: str) -> int:
    """Run a command line's body; an error `describe` knows is one line on stderr ("fa{sep}en")
    and exit 1, Ctrl-C is exit 130, a closed output pipe ends the command quietly (exit 1)."""
    try:
        return body()
    except KeyboardInterrupt:
        _say(f"کار قطع شد{sep}interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        quiet_stdout()
        return EXIT_FAILED
    except Exception as exc:
        said = describe(exc)
        if said is None:
            raise
        _say(f"{said[0]}{sep}{said[1]}")
        return EXIT_FAILED


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except OSError:
        pass
