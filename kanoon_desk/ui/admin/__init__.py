"""Admin pages: users and roles, the office's details, its cultural centres, the holiday table, the
agency directory, backups and the store's health (admin role only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..context import PageSpec, UiContext


def pages(ctx: UiContext) -> list[PageSpec]:
    from .agencies import AgenciesPage
    from .backups import BackupsPage
    from .centres import CentresPage
    from .holidays import HolidaysPage
    from .office import OfficePage
    from .users import UsersPage

    admin = frozenset({"admin"})
    return [
        PageSpec("admin-users", QCoreApplication.translate("AdminPages", "کاربران و نقش‌ها"),
                 "fa6s.users-gear", UsersPage, admin),
        PageSpec("admin-office", QCoreApplication.translate("AdminPages", "مشخصات دفتر"),
                 "fa6s.building", OfficePage, admin),
        PageSpec("admin-centres", QCoreApplication.translate("AdminPages", "مراکز فرهنگی هنری"),
                 "fa6s.school", CentresPage, admin),
        PageSpec("admin-holidays", QCoreApplication.translate("AdminPages", "تعطیلات رسمی"),
                 "fa6s.calendar-days", HolidaysPage, admin),
        PageSpec("admin-agencies", QCoreApplication.translate("AdminPages", "دستگاه‌های اجرایی"),
                 "fa6s.landmark", AgenciesPage, admin),
        PageSpec("admin-backups", QCoreApplication.translate("AdminPages", "پشتیبان و سلامت داده‌ها"),
                 "fa6s.shield-halved", BackupsPage, admin),
    ]
