"""Our Code 128 (set B) encoder draws the same modules as the python-barcode package."""

from __future__ import annotations

import pytest

from kanoon_desk.ui.library import code128


@pytest.mark.parametrize("text", ["Kanoon", "PJJ123C", "AbC-x", "B0A1"])
def test_same_modules_as_python_barcode_in_set_b(text: str) -> None:
    from barcode.codex import Code128

    assert code128.modules(text) == Code128(text, writer=None).build()[0]


@pytest.mark.parametrize("text", ["13010000012", "0"])
def test_digits_stay_in_set_b(text: str) -> None:
    ours = code128.modules(text)
    assert ours.startswith("11010010000")  # start B
    assert ours.endswith("1100011101011")  # stop
    assert len(ours) == 11 * (len(text) + 2) + 13
    assert sum(code128.widths_b(text)) == len(ours)


def test_rejects_non_ascii() -> None:
    with pytest.raises(ValueError):
        code128.values_b("کتاب")
