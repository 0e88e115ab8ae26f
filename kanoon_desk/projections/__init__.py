"""Fold steps (projectors) per event type, registered with `kanoon_desk.eventlog` on import."""

from . import accounts, conflicts, library, secretariat  # noqa: F401
