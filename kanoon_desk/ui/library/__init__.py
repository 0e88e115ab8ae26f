"""Lending desk screens (circulation, members, catalogue, stock-take, overdue, reports)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..context import PageSpec, UiContext


def pages(ctx: UiContext) -> list[PageSpec]:
    from .catalogue import CataloguePage
    from .circulation import CirculationPage
    from .members import MembersPage
    from .overdue import OverduePage
    from .reports import ReportsPage
    from .screens import library_screenshots
    from .stocktake import StocktakePage

    staff = frozenset({"librarian", "admin"})
    t = QCoreApplication.translate
    return [
        PageSpec("library-circulation", t("LibraryPages", "میز امانت"), "fa6s.barcode", CirculationPage, staff,
                 extra={"screenshots": library_screenshots}),
        PageSpec("library-members", t("LibraryPages", "اعضای کتابخانه"), "fa6s.id-card", MembersPage, staff),
        PageSpec("library-catalogue", t("LibraryPages", "فهرست کتاب‌ها"), "fa6s.book", CataloguePage, staff),
        PageSpec("library-overdue", t("LibraryPages", "دیرکردها"), "fa6s.clock", OverduePage, staff),
        PageSpec("library-stocktake", t("LibraryPages", "انبارگردانی"), "fa6s.boxes-stacked", StocktakePage, staff),
        PageSpec("library-reports", t("LibraryPages", "گزارش‌های کتابخانه"), "fa6s.chart-column", ReportsPage,
                 frozenset({"librarian", "admin", "manager"})),
    ]
