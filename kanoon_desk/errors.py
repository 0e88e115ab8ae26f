"""Errors a service raises for a person to read: a Persian message, and the field it belongs to."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for the translation files without importing Qt; the UI translates it on show."""
    return text


#: Where a message's count goes: Qt's plural placeholder, so the translation picks its form by
#: the count ("1 book" / "2 books"). The count is the message's `n` value (`count_of`).
COUNT = "%Ln"


def count_of(message: str, params: Mapping[str, object]) -> int:
    """The count a message says (its `n`) when it has a count placeholder; -1 (Qt's "no count") otherwise."""
    n = params.get("n") if COUNT in message else None
    return n if isinstance(n, int) else -1


def with_count(text: str, params: Mapping[str, object], shown: Callable[[object], str] = str) -> str:
    """`text` with its count placeholder replaced by the count (`shown` as the caller writes numbers), for the
    command line and logs; the interface has Qt put it in with the plural form."""
    return text.replace(COUNT, shown(params["n"])) if COUNT in text and "n" in params else text


def _filled(message: str, params: Mapping[str, object]) -> str:
    """The Persian sentence with its values in (numbers in Persian digits), for logs and the CLI."""
    from .persian_script import to_persian_digits  # the text module imports nothing of ours

    if not params:
        return message
    persian = {k: to_persian_digits(str(v)) for k, v in params.items()}
    return with_count(message.format(**persian), persian)


class Problem(str):
    """A finding of an operator task (a health check, a refused backup or restore), for a person to
    read: the Persian sentence filled in, as the command line prints it, that also keeps its
    template `message` (marked with QT_TRANSLATE_NOOP("Errors", …)) and the values it names
    (`params`), so the interface shows it in its own language (`ui.errors.problem_text`)."""

    message: str
    params: dict[str, object]

    def __new__(cls, message: str, *, english: str = "", **params: object) -> Problem:
        # (values as they are: a path or a table name keeps its Latin digits on the command line;
        # `english`, the sentence in English the command line's one line adds after « — »)
        text = with_count(message.format(**params), params) if params else message
        english = with_count(english.format(**params), params) if english else ""
        problem = super().__new__(cls, f"{text} — {english}" if english else text)
        problem.message = message
        problem.params = params
        return problem


class InputError(ValueError):
    """A typed value `persian` or `jalali` cannot read (a national ID, a date). `message` is the
    Persian sentence marked for translation and `params` the values it names ({year}); `str()`
    is the sentence filled in, so a caller that only prints it needs nothing more."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(_filled(message, params))
        self.message = message
        self.params = params


class ServiceError(Exception):
    """A refusal a person can act on. `message` is Persian (the source language of our strings).

    `field` names the input the message belongs to, so a form can show it at that field;
    `params` the values the message names ({year}), filled in after it is translated.
    """

    def __init__(self, message: str, field: str | None = None, params: Mapping[str, object] | None = None) -> None:
        super().__init__(_filled(message, params or {}))
        self.message = message
        self.field = field
        self.params: dict[str, object] = dict(params or {})


class ValidationError(ServiceError):
    """The input is wrong; nothing was written."""


class FieldErrors(ValidationError):
    """Several fields of one form refused at once (an empty form: every required field), so the
    person sees them all, not one after another. `errors` are in the form's order; the first is
    this error's own message and field, so whatever reads one error (the CLI, a test, a form that
    shows one) reads the first, as before."""

    def __init__(self, errors: Sequence[ServiceError]) -> None:
        first = errors[0]
        super().__init__(first.message, first.field, first.params)
        self.errors: tuple[ServiceError, ...] = tuple(errors)


class FieldChecks:
    """Runs a form's checks one field after another and keeps every refusal, instead of stopping
    at the first: `value(check, default)` is the checked value, or `default` when it was refused;
    `raise_any()` then raises the refusal (one), or a `FieldErrors` (several)."""

    def __init__(self) -> None:
        self.errors: list[ServiceError] = []

    def value(self, check: Callable[[], T], default: T) -> T:
        try:
            return check()
        except ValidationError as err:
            self.errors.extend(err.errors if isinstance(err, FieldErrors) else [err])
            return default

    def refuse(self, err: ValidationError) -> None:
        """A refusal found without a check function (two values that disagree)."""
        self.errors.append(err)

    def raise_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise FieldErrors(self.errors)


class PermissionDenied(ServiceError):
    """The user's roles do not allow this action; nothing was written."""


class NotFound(ServiceError):
    """The thing asked for does not exist in this store."""


class InvariantError(ServiceError):
    """The action would break a rule of the domain (a copy already on loan, a closed case...)."""


def invalid(exc: ValueError, field: str) -> ValidationError:
    """The refusal for a value `persian` or `jalali` could not read, at `field`, its sentence still
    translatable (`InputError`'s template and values, not the Persian text filled in)."""
    if isinstance(exc, InputError):
        return ValidationError(exc.message, field, exc.params)
    return ValidationError(str(exc), field)


def storage_trouble(exc: BaseException) -> str | None:
    """What went wrong with a file the program writes when `exc` (or an error inside it: SQLAlchemy's
    `orig`, a cause) says so: "full" (the disk: SQLite's «database or disk is full», or the system's
    «No space left on device» or quota), "read-only" (the file or folder stopped being writable),
    "locked" (another program held the file past the wait) or "io" (the disk failed to read or
    write); None for any other error. SQLite rolled the transaction back in each case."""
    import errno
    import sqlite3

    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        err = stack.pop()
        if err is None or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, sqlite3.Error):
            code = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
            kind = {sqlite3.SQLITE_FULL: "full", sqlite3.SQLITE_READONLY: "read-only",
                    sqlite3.SQLITE_BUSY: "locked", sqlite3.SQLITE_LOCKED: "locked",
                    sqlite3.SQLITE_IOERR: "io"}.get(code)
            if kind is not None:
                return kind
        if isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT):
            return "full"
        orig = getattr(err, "orig", None)
        stack += [orig if isinstance(orig, BaseException) else None, err.__cause__, err.__context__]
    return None
