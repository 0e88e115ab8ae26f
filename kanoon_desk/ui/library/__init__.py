"""Lending desk screens (circulation, members, catalogue, stock-take, overdue, reports)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..context import PageSpec, UiContext
from ..widgets import digits


def overdue_facts(ctx: UiContext) -> list[tuple[str, str]]:
    """The home page's line about overdue loans (every centre, as the overdue page opens)."""
    from ...services import library_reports as rep
    from ..widgets import today

    return [(QCoreApplication.translate("LibraryPages", "امانت‌های دیرکرد"),
             digits(rep.overdue_count(ctx.store, today=today())))]


def pages(ctx: UiContext) -> list[PageSpec]:
    from .catalogue import CataloguePage
    from .circulation import CirculationPage
    from .members import MembersPage
    from .overdue import OverduePage
    from .overrides import OverridesPage
    from .reports import ReportsPage
    from .rules import RulesPage
    from .screens import library_screenshots
    from .stocktake import StocktakePage

    staff = frozenset({"librarian", "admin"})
    return [
        PageSpec("library-circulation", QCoreApplication.translate("LibraryPages", "میز امانت"), "fa6s.barcode", CirculationPage, staff,
                 extra={"screenshots": library_screenshots}),
        PageSpec("library-members", QCoreApplication.translate("LibraryPages", "اعضای کتابخانه"), "fa6s.id-card", MembersPage, staff),
        PageSpec("library-catalogue", QCoreApplication.translate("LibraryPages", "فهرست کتاب‌ها"), "fa6s.book", CataloguePage, staff),
        PageSpec("library-overdue", QCoreApplication.translate("LibraryPages", "دیرکردها"), "fa6s.clock", OverduePage, staff,
                 extra={"home_facts": overdue_facts}),
        PageSpec("library-stocktake", QCoreApplication.translate("LibraryPages", "انبارگردانی"), "fa6s.boxes-stacked", StocktakePage, staff),
        PageSpec("library-reports", QCoreApplication.translate("LibraryPages", "گزارش‌های کتابخانه"), "fa6s.chart-column", ReportsPage,
                 frozenset({"librarian", "admin", "manager"})),
        PageSpec("library-rules", QCoreApplication.translate("LibraryPages", "قاعده‌های امانت"), "fa6s.sliders",
                 RulesPage, frozenset({"admin"})),
        PageSpec("library-overrides", QCoreApplication.translate("LibraryPages", "امانت‌های استثنا"),
                 "fa6s.triangle-exclamation", OverridesPage, frozenset({"admin"})),
    ]
