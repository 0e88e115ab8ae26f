"""Desk-side sync with the central server (protocol models shared with `kanoon_desk.server`)."""

from __future__ import annotations

from ..models import sync as _sync_models  # noqa: F401 - registers sync_log/sync_rejections on Base.metadata
from .client import SyncClient, sync_once
from .enrolment import enroll
from .report import SyncReport
from .state import pending_count

__all__ = ["SyncClient", "SyncReport", "enroll", "pending_count", "sync_once"]
