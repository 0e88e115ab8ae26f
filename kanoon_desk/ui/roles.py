"""Persian names of the roles (the services use the Latin keys of `models.ROLES`)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from ..models import ROLES


def role_title(role: str) -> str:
    titles = {
        "clerk": QCoreApplication.translate("Roles", "کارمند دبیرخانه"),
        "expert": QCoreApplication.translate("Roles", "کارشناس بررسی"),
        "manager": QCoreApplication.translate("Roles", "مدیر"),
        "librarian": QCoreApplication.translate("Roles", "کتابدار"),
        "admin": QCoreApplication.translate("Roles", "مدیر سامانه"),
    }
    return titles.get(role, role)


def roles_text(roles: Iterable[str]) -> str:
    """Role names in the fixed order of ROLES, joined with the Persian comma."""
    chosen = set(roles)
    sep = QCoreApplication.translate("Roles", "، ")
    return sep.join(role_title(r) for r in ROLES if r in chosen)
