"""Kanoon Desk: a Persian right-to-left back-office desk with an offline-first event store."""

__version__ = "0.1.0"
