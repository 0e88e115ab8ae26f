"""Secretariat desk screens (intake, cartable, search and case view, overdue queue, reports)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..context import PageSpec, UiContext
from ..widgets import digits


def cartable_facts(ctx: UiContext) -> list[tuple[str, str]]:
    """The home page's line about my cartable: open items, how many unread."""
    from ...services import secretariat_query as q

    open_items = q.cartable_count(ctx.store, ctx.actor)
    unread = q.cartable_count(ctx.store, ctx.actor, unread_only=True) if open_items else 0
    text = QCoreApplication.translate("SecretariatPages", "{n} مورد باز، {u} مورد خوانده‌نشده").format(
        n=digits(open_items), u=digits(unread))
    return [(QCoreApplication.translate("SecretariatPages", "کارتابل من"), text)]


def cartable_unread(ctx: UiContext) -> int:
    """The side bar's count after «کارتابل»: my unread open items (one count, no join)."""
    from ...services import secretariat_query as q

    return q.cartable_count(ctx.store, ctx.actor, unread_only=True)


def overdue_facts(ctx: UiContext) -> list[tuple[str, str]]:
    """The home page's line about agencies past their deadline."""
    from ...services import secretariat_query as q

    return [(QCoreApplication.translate("SecretariatPages", "پرونده‌های گذشته از مهلت دستگاه"),
             digits(q.overdue_count(ctx.store, ctx.actor)))]


def queue_facts(ctx: UiContext) -> list[tuple[str, str, Callable[[Any], None]]]:
    """The home page's lines about what waits on the office, for the person's roles: to review,
    to register, answered but the applicant not told, rejection notices to send (the search page's
    «کار در انتظار دفتر» lists each in one click)."""
    from ...services import secretariat_query as q
    from .common import queue_text

    names = [n for n, roles in q.QUEUE_ROLES.items() if ctx.actor.has(*roles)]
    if not names:
        return []
    counts = q.queue_counts(ctx.store, ctx.actor, names)
    return [(queue_text(n), digits(counts[n]), _lister(n)) for n in names if counts[n] or n not in q.QUIET_QUEUES]


def _lister(queue: str) -> Callable[[Any], None]:
    """What the home page's line of a queue does on the search page: list that queue."""
    return lambda page: page.show_queue(queue)


def pages(ctx: UiContext) -> list[PageSpec]:
    from .intake import IntakePage
    from .lists import CartablePage, SearchPage
    from .overdue import OverduePage
    from .reports import ReportsPage
    from .screens import secretariat_screenshots

    staff = frozenset({"clerk", "expert", "manager", "admin"})
    return [
        PageSpec("secretariat-intake", QCoreApplication.translate("SecretariatPages", "ثبت درخواست"), "fa6s.file-circle-plus", IntakePage,
                 frozenset({"clerk", "admin"}), extra={"screenshots": secretariat_screenshots}),
        PageSpec("secretariat-cartable", QCoreApplication.translate("SecretariatPages", "کارتابل"), "fa6s.inbox", CartablePage,
                 frozenset({"clerk", "expert", "manager", "admin"}), extra={"home_facts": cartable_facts, "badge": cartable_unread}),
        PageSpec("secretariat-search", QCoreApplication.translate("SecretariatPages", "جستجو و پیگیری"), "fa6s.magnifying-glass",
                 SearchPage, staff, extra={"home_facts": queue_facts}),
        PageSpec("secretariat-overdue", QCoreApplication.translate("SecretariatPages", "دیرکرد دستگاه‌ها"), "fa6s.clock", OverduePage, staff,
                 extra={"home_facts": overdue_facts}),
        PageSpec("secretariat-reports", QCoreApplication.translate("SecretariatPages", "گزارش دبیرخانه"), "fa6s.chart-column", ReportsPage,
                 staff),
    ]
