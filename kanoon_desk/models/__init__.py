"""SQLAlchemy models of the desk store, re-exported by area."""

from . import library, secretariat  # noqa: F401 - complete Base.metadata
from .accounts import ROLES, Holiday, Office, User
from .base import PROJECTION, Base, acting_at, office_today, projection_tables, table_of, utcnow
from .events import AuditEntry, Conflict, Counter, DeskState, Event

__all__ = [
    "table_of",
    "PROJECTION",
    "ROLES",
    "AuditEntry",
    "Base",
    "Conflict",
    "Counter",
    "DeskState",
    "Event",
    "Holiday",
    "Office",
    "User",
    "projection_tables",
    "office_today",
    "utcnow",
    "acting_at",
]
