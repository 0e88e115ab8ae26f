"""Secretariat desk screens (intake, review, cartable, forwarding, follow-up, search, reports)."""

from __future__ import annotations

from ..context import PageSpec, UiContext


def pages(ctx: UiContext) -> list[PageSpec]:
    return []
