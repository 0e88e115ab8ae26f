"""The English half of a round's stored line says what the interface's English translation says."""

from __future__ import annotations

import json
from pathlib import Path

from kanoon_desk.sync.report import ENGLISH

ROOT = Path(__file__).resolve().parents[2]


def test_the_round_lines_english_is_the_interfaces_english() -> None:
    errors: dict[str, str] = {}
    for path in sorted((ROOT / "translations" / "en").glob("*.json")):
        errors.update(json.loads(path.read_text(encoding="utf-8")).get("Errors", {}))
    assert ENGLISH and {fa: errors.get(fa) for fa in ENGLISH} == ENGLISH
