"""Secretariat desk screens (intake, cartable, search and case view, overdue queue, reports)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..context import PageSpec, UiContext


def pages(ctx: UiContext) -> list[PageSpec]:
    from .intake import IntakePage
    from .lists import CartablePage, OverduePage, SearchPage
    from .reports import ReportsPage
    from .screens import secretariat_screenshots

    staff = frozenset({"clerk", "expert", "manager", "admin"})
    return [
        PageSpec("secretariat-intake", QCoreApplication.translate("SecretariatPages", "ثبت درخواست"), "fa6s.file-circle-plus", IntakePage,
                 frozenset({"clerk", "admin"}), extra={"screenshots": secretariat_screenshots}),
        PageSpec("secretariat-cartable", QCoreApplication.translate("SecretariatPages", "کارتابل"), "fa6s.inbox", CartablePage,
                 frozenset({"expert", "manager", "admin"})),
        PageSpec("secretariat-search", QCoreApplication.translate("SecretariatPages", "جستجو و پیگیری"), "fa6s.magnifying-glass",
                 SearchPage, staff),
        PageSpec("secretariat-overdue", QCoreApplication.translate("SecretariatPages", "دیرکرد دستگاه‌ها"), "fa6s.clock", OverduePage, staff),
        PageSpec("secretariat-reports", QCoreApplication.translate("SecretariatPages", "گزارش دبیرخانه"), "fa6s.chart-column", ReportsPage,
                 staff),
    ]
