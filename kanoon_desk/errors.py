"""Errors a service raises for a person to read: a Persian message, and the field it belongs to."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for the translation files without importing Qt; the UI translates it on show."""
    return text


class ServiceError(Exception):
    """A refusal a person can act on. `message` is Persian (the source language of our strings).

    `field` names the input the message belongs to, so a form can show it at that field.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(ServiceError):
    """The input is wrong; nothing was written."""


class PermissionDenied(ServiceError):
    """The user's roles do not allow this action; nothing was written."""


class NotFound(ServiceError):
    """The thing asked for does not exist in this store."""


class InvariantError(ServiceError):
    """The action would break a rule of the domain (a copy already on loan, a closed case...)."""
