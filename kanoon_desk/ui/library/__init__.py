"""Lending desk screens (circulation, members, catalogue, stock-take, overdue, reports)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..context import PageSpec, UiContext


def pages(ctx: UiContext) -> list[PageSpec]:
    from .circulation import CirculationPage
    from .screens import library_screenshots

    staff = frozenset({"librarian", "admin"})
    t = QCoreApplication.translate
    return [
        PageSpec("library-circulation", t("LibraryPages", "میز امانت"), "fa6s.barcode", CirculationPage, staff,
                 extra={"screenshots": library_screenshots}),
    ]
