"""Structured logs: one JSON object per line, so operators can grep and ship them."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

log = logging.getLogger("kanoon.server")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        body: dict[str, Any] = {"ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                                "level": record.levelname.lower(), "logger": record.name}
        fields = getattr(record, "fields", None)
        body["msg"] = record.getMessage()
        if isinstance(fields, dict):
            body.update(fields)
        if record.exc_info:
            body["exc"] = self.formatException(record.exc_info)
        return json.dumps(body, ensure_ascii=False, default=str)


def setup_json_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("kanoon")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def event(msg: str, level: int = logging.INFO, *, exc_info: BaseException | None = None, **fields: Any) -> None:
    """Log `msg` with structured `fields` (rendered as JSON keys by `JsonFormatter`); with
    `exc_info`, its traceback goes in the same line's `exc` key."""
    log.log(level, msg, extra={"fields": fields}, exc_info=exc_info)
