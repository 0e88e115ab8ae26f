"""The central server: FastAPI app, its own database (SQLite or PostgreSQL), enrolment and scope."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
