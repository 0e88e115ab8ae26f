"""Lending desk screens (circulation, members, catalogue, stock-take, overdue, reports)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..context import PageSpec, UiContext
from ..widgets import digits


def overdue_facts(ctx: UiContext) -> list[tuple[str, str]]:
    """The home page's line about overdue loans (every centre, as the overdue page opens)."""
    from ...services import library_reports as rep
    from ..widgets import today

    return [(QCoreApplication.translate("LibraryPages", "امانت‌های دیرکرد"),
             digits(rep.overdue_count(ctx.store, today=today())))]


def desk_facts(ctx: UiContext) -> list[tuple[str, str, Callable[[Any], None]]]:
    """The home page's lines of the centre this desk lends at: holds on its shelf waiting to be
    collected (the hold shelf opens), and copies on its shelf that holds elsewhere wait for (the
    pull list opens). None on a desk of no centre."""
    from ...services import circulation as circ
    from ...services.library_rules import list_centres
    from ...services.library_transit import pull_list
    from .common import desk_centre

    if not list_centres(ctx.store):
        return []
    centre = desk_centre(ctx)
    return [
        (QCoreApplication.translate("LibraryPages", "رزروهای آماده تحویل"), digits(len(circ.ready_holds(ctx.store, centre))),
         lambda page: page.hold_shelf().open()),
        (QCoreApplication.translate("LibraryPages", "نسخه‌هایی که باید برای رزرو فرستاده شوند"),
         digits(len(pull_list(ctx.store, ctx.actor, centre))), lambda page: page.pull_list().open()),
    ]


def transit_facts(ctx: UiContext) -> list[tuple[str, str, Callable[[Any], None]]]:
    """The home page's line of the copies on their way to this desk's centre (to receive by a
    scan); the list opens on the stock-take page."""
    from ...services.library_rules import list_centres
    from ...services.library_transit import in_transit_to
    from .common import desk_centre

    if not list_centres(ctx.store):
        return []
    return [(QCoreApplication.translate("LibraryPages", "نسخه‌های در راه این مرکز"),
             digits(len(in_transit_to(ctx.store, desk_centre(ctx)))), lambda page: page.transit_dialog().open())]


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
                 extra={"screenshots": library_screenshots, "home_facts": desk_facts}),
        PageSpec("library-members", QCoreApplication.translate("LibraryPages", "اعضای کتابخانه"), "fa6s.id-card", MembersPage, staff),
        PageSpec("library-catalogue", QCoreApplication.translate("LibraryPages", "فهرست کتاب‌ها"), "fa6s.book", CataloguePage, staff),
        PageSpec("library-overdue", QCoreApplication.translate("LibraryPages", "دیرکردها"), "fa6s.clock", OverduePage, staff,
                 extra={"home_facts": overdue_facts}),
        PageSpec("library-stocktake", QCoreApplication.translate("LibraryPages", "انبارگردانی"), "fa6s.boxes-stacked", StocktakePage, staff,
                 extra={"home_facts": transit_facts}),
        PageSpec("library-reports", QCoreApplication.translate("LibraryPages", "گزارش‌های کتابخانه"), "fa6s.chart-column", ReportsPage,
                 frozenset({"librarian", "admin", "manager"})),
        PageSpec("library-rules", QCoreApplication.translate("LibraryPages", "قاعده‌های امانت"), "fa6s.sliders",
                 RulesPage, frozenset({"admin"})),
        PageSpec("library-overrides", QCoreApplication.translate("LibraryPages", "امانت‌های استثنا"),
                 "fa6s.triangle-exclamation", OverridesPage, frozenset({"admin"})),
    ]
