"""Offices, users with roles, the holiday table: projections of account events."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import PROJECTION, Base

#: The roles a user can hold; services check them, the UI only hides what a role cannot do.
ROLES: tuple[str, ...] = ("clerk", "expert", "manager", "librarian", "admin")


class Office(Base):
    """An office or cultural centre; `code` is short and appears in every human number it issues."""

    __tablename__ = "offices"
    __table_args__ = {"info": PROJECTION}

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="office")  # office | centre
    province: Mapped[str] = mapped_column(String(100), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    heading: Mapped[str] = mapped_column(String(400), default="")  # printed at the top of letters
    #: a cultural centre closed (`centre.closed`): the day, and the centre its members and copies went to
    closed_on: Mapped[date | None]
    closed_into: Mapped[str | None] = mapped_column(String(16))


class User(Base):
    __tablename__ = "users"
    __table_args__ = {"info": PROJECTION}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(16), index=True)
    #: Unique per desk by the service; two desks set up apart can still meet in sync, so the
    #: fold raises a conflict instead of a constraint failing.
    username: Mapped[str] = mapped_column(String(64), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(200), default="")  # space separated, from ROLES
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(self.roles.split())


class Holiday(Base):
    """An official holiday; the admin edits the table every year (lunar holidays move)."""

    __tablename__ = "holidays"
    __table_args__ = {"info": PROJECTION}

    day: Mapped[date] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
