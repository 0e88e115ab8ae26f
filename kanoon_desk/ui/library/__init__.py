"""Lending desk screens (circulation, members, catalogue, stock-take, reports)."""

from __future__ import annotations

from ..context import PageSpec, UiContext


def pages(ctx: UiContext) -> list[PageSpec]:
    return []
