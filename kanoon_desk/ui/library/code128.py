"""Code 128 (set B) encoding: text to bar/space widths, no Qt — the card and labels draw the result."""

from __future__ import annotations

#: Widths (bar, space, bar, space, bar, space) of symbol values 0..105 (the standard table).
PATTERNS: tuple[str, ...] = tuple("""
212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132
122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212
322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311
112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321
331121 312113 312311 332111 314111 221411 431111 111224 111422 121124 121421 141122 141221 112214
112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 111242 121142 121241 114212
124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 114311 411113
411311 113141 114131 311141 411131 211412 211214 211232""".split())
START_B = 104
STOP = "2331112"


def values_b(text: str) -> list[int]:
    """Symbol values of `text` in set B (ASCII 32..126), with the start code and the check symbol."""
    if not text or any(not 32 <= ord(c) <= 126 for c in text):
        raise ValueError("Code 128 set B takes printable ASCII only")
    data = [ord(c) - 32 for c in text]
    check = (START_B + sum(i * v for i, v in enumerate(data, start=1))) % 103
    return [START_B, *data, check]


def widths_b(text: str) -> list[int]:
    """Module widths, alternating bar and space (starting with a bar), of `text` with stop code."""
    pattern = "".join(PATTERNS[v] for v in values_b(text)) + STOP
    return [int(c) for c in pattern]


def modules(text: str) -> str:
    """The symbol as a string of 1 (bar) and 0 (space) modules, without the quiet zones."""
    out = []
    for i, w in enumerate(widths_b(text)):
        out.append(("1" if i % 2 == 0 else "0") * w)
    return "".join(out)
