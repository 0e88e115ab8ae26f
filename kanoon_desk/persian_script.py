"""Persian script (Qt-free): text normalisation for storage and search, and digit conversion.

The base of `kanoon_desk.persian` and `kanoon_desk.jalali`: it imports neither. Everything here is
re-exported by `kanoon_desk.persian`, so `persian.normalize` and friends keep working.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata

__all__ = [
    "ZWNJ",
    "format_number",
    "normalize",
    "normalize_text",
    "COLLATION",
    "persian_collate",
    "sort_key",
    "script_digits",
    "SEARCH_FOLDS",
    "SEARCH_KEY_SQL",
    "search_key",
    "to_ascii_digits",
    "to_persian_digits",
]

# --------------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------------

ZWNJ = "\u200c"  # zero-width non-joiner (نیم‌فاصله): part of Persian spelling, always kept

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_ASCII_DIGITS = "0123456789"

_TO_ASCII_DIGITS = str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS, _ASCII_DIGITS * 2)
_TO_PERSIAN_DIGITS = str.maketrans(_ASCII_DIGITS, _PERSIAN_DIGITS)

_INVISIBLE = (
    "\u200b\u200d\ufeff\u2060\u00ad"  # zero-width space / joiner, BOM, word joiner, soft hyphen
    "\u200e\u200f\u061c"  # LRM, RLM, Arabic letter mark
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
)
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_TATWEEL = "\u0640"

_NORMALIZE_TABLE: dict[int, int | str | None] = {
    **_TO_ASCII_DIGITS,
    ord("\u064a"): "\u06cc",  # ي Arabic yeh -> ی
    ord("\u0649"): "\u06cc",  # ى alef maksura -> ی
    ord("\u0643"): "\u06a9",  # ك Arabic kaf -> ک
    **{ord(c): None for c in _INVISIBLE + _DIACRITICS + _TATWEEL},
}

#: `normalize` but Arabic diacritics kept (tanvin, shadda, …: «لطفاً», «محمّد» as typed)
_TEXT_TABLE: dict[int, int | str | None] = {k: v for k, v in _NORMALIZE_TABLE.items()
                                            if chr(k) not in _DIACRITICS}

# Arabic presentation forms (text copied out of PDFs) fold to the ordinary letters.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]+")
_SPACE_OR_ZWNJ_RUN = re.compile(r"[\s\u200c]+")


def _fold_presentation(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def _collapse_run(match: re.Match[str]) -> str:
    run = match.group()
    return ZWNJ if run.strip(ZWNJ) == "" else " "


def normalize(text: str) -> str:
    """Canonical form for storage and search.

    Arabic ي/ى and ك become Persian ی and ک; Persian and Arabic-Indic digits become ASCII; tatweel,
    Arabic diacritics (U+064B–U+065F, U+0670), zero-width characters other than ZWNJ and bidi
    control marks are removed; ة and ۀ are kept. Runs of whitespace become one space. A ZWNJ is kept
    between letters, but a run of ZWNJs becomes one and a ZWNJ touching a space or either end of the
    text is dropped (it has no effect there). Text is NFC-composed and Arabic presentation forms are
    folded to the plain letters. The result is idempotent: normalize(normalize(s)) == normalize(s).
    """
    return _normalized(text, _NORMALIZE_TABLE)


def _normalized(text: str, table: dict[int, int | str | None]) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _PRESENTATION_FORMS.sub(_fold_presentation, text)
    text = text.translate(table)
    text = unicodedata.normalize("NFC", text)  # removing marks can unblock a composition
    text = _SPACE_OR_ZWNJ_RUN.sub(_collapse_run, text)
    return text.strip(" " + ZWNJ)


#: The separators a letter number is typed with, in the forms keyboards and pastes give them:
#: the slash, the division, fraction and full-width slashes, and the dashes and minus signs.
_LETTER_SLASHES = "/\u2215\u2044\uff0f"
_LETTER_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
_LETTER_SEPARATOR = re.compile(r"\s*([" + re.escape(_LETTER_SLASHES + _LETTER_DASHES) + r"])\s*")


def _letter_separator(match: re.Match[str]) -> str:
    return "/" if match.group(1) in _LETTER_SLASHES else "-"


def letter_number(text: str) -> str:
    """A letter number as stored and looked for: `normalize` (ASCII digits, Persian letters, one
    space), then each slash or dash as «/» or «-» with no space around it. «۱۲۳ / ۴۵», «١٢٣/٤٥» and
    «123/45» are one number; «۱۲۳۴ / ص / ۱۴۰۴» is «1234/ص/1404». Idempotent."""
    return _LETTER_SEPARATOR.sub(_letter_separator, normalize(text or ""))


def normalize_text(text: str) -> str:
    """A person's words as stored (a note, a subject, a letter's text): `normalize` — Persian ی/ک,
    ASCII digits, invisible marks and extra spaces gone — but the Arabic diacritics they typed are
    kept: «لطفاً» stays «لطفاً» on the notice printed from it. Search drops them (`search_key`), so
    «لطفا» still finds it. Idempotent, like `normalize`; `normalize(normalize_text(s)) ==
    normalize(s)`."""
    return _normalized(text, _TEXT_TABLE)


#: Letters a clerk may or may not type for one another, folded in the search key only (stored text
#: keeps them as written: «رؤیا», «مسأله», «خانۀ» print as typed). The Arabic keyboard's hamza seats
#: and teh marbuta, the heh with hamza (ۀ; «هٔ» typed as ه and its mark is ه already), the
#: madda left off («ازاده» for «آزاده»), and the heh and kaf of other keyboards (ھ, ە, ڪ).
SEARCH_FOLDS: dict[str, str] = {
    "\u0629": "\u0647",  # ة -> ه   «فاطمة», «مدرسة»
    "\u06c0": "\u0647",  # ۀ -> ه   «خانۀ ما» as «خانهٔ ما», «خانه ما»
    "\u06be": "\u0647",  # ھ -> ه   (heh doachashmee)
    "\u06d5": "\u0647",  # ە -> ه   (ae)
    "\u0623": "\u0627",  # أ -> ا   «مسأله», «أحمد»
    "\u0625": "\u0627",  # إ -> ا   «إسلام»
    "\u0671": "\u0627",  # ٱ -> ا   (alef wasla)
    "\u0622": "\u0627",  # آ -> ا   «ازاده» finds «آزاده»
    "\u0624": "\u0648",  # ؤ -> و   «رؤیا» / «رویا»
    "\u0626": "\u06cc",  # ئ -> ی   «پائیز» / «پاییز»
    "\u06aa": "\u06a9",  # ڪ -> ک   (swash kaf)
}
_SEARCH_FOLD_TABLE = str.maketrans(SEARCH_FOLDS)


def search_key(text: str) -> str:
    """normalize(), case-folded, with ZWNJ as a space: "می‌روم" and "می روم" give the same key; the
    letters of `SEARCH_FOLDS` as the one each stands for: «رؤیا» and «رویا», «مسأله» and «مساله»,
    «آزاده» and «ازاده» give the same key. The key of a key is itself (`search_key(search_key(s))
    == search_key(s)`), so a stored key of an earlier release is brought up to date from itself."""
    return normalize(text.casefold()).replace(ZWNJ, " ").translate(_SEARCH_FOLD_TABLE)


def to_persian_digits(text: str | int) -> str:
    """ASCII digits to Persian digits (۰–۹); every other character is left as it is."""
    return str(text).translate(_TO_PERSIAN_DIGITS)


#: A letter of the Arabic script (Persian letters included), not a digit or a punctuation mark.
_ARABIC_SCRIPT_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff]")


def script_digits(text: str) -> str:
    """Stored text for display: digits take the script of the text they stand in.

    Text is stored with ASCII digits (`normalize`), so a title "راز ماه (جلد 3)" is shown
    "راز ماه (جلد ۳)". Text with no Persian letter — a barcode, an ISBN, a Latin title — is left
    as it is: "978-964-123" and "Harry Potter 2" keep their digits. So does a word with a Latin
    letter in Persian text — an email address, a web address, a code: «ایمیل ali75@example.com»
    and «نشانی https://x.ir/?id=12» keep theirs, as they are typed back (not «ali۷۵@example.com»)."""
    if _ARABIC_SCRIPT_LETTER.search(text) is None:
        return text
    return _WORD.sub(_word_digits, text)


_WORD = re.compile(r"\S+")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _word_digits(match: re.Match[str]) -> str:
    word = match.group()
    return word if _LATIN_LETTER.search(word) else word.translate(_TO_PERSIAN_DIGITS)


def to_ascii_digits(text: str) -> str:
    """Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; every other character is left as it is."""
    return text.translate(_TO_ASCII_DIGITS)


def format_number(n: int) -> str:
    """An integer in Persian digits with the Persian thousands separator: 1234567 -> "۱٬۲۳۴٬۵۶۷"."""
    return to_persian_digits(f"{operator.index(n):,}").replace(",", "\u066c")


# --------------------------------------------------------------------------------------------------
# Alphabetical order
# --------------------------------------------------------------------------------------------------

#: The Persian alphabet in its dictionary order (آ before ا; hamza's seats with their letters).
_ALPHABET = "آاءبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_SORT_TABLE: dict[int, int | str | None] = {
    **{ord(c): chr(0xE000 + i) for i, c in enumerate(_ALPHABET)},  # after Latin letters and digits
    ord("أ"): chr(0xE000 + _ALPHABET.index("ا")), ord("إ"): chr(0xE000 + _ALPHABET.index("ا")),
    ord("ؤ"): chr(0xE000 + _ALPHABET.index("و")), ord("ئ"): chr(0xE000 + _ALPHABET.index("ی")),
    ord("ة"): chr(0xE000 + _ALPHABET.index("ه")), ord(ZWNJ): " ",
    # heh and kaf as other keyboards write them: with ه and ک, not after every Persian letter
    ord("ۀ"): chr(0xE000 + _ALPHABET.index("ه")), ord("ھ"): chr(0xE000 + _ALPHABET.index("ه")),
    ord("ە"): chr(0xE000 + _ALPHABET.index("ه")), ord("ڪ"): chr(0xE000 + _ALPHABET.index("ک")),
}


@functools.lru_cache(maxsize=8192)
def sort_key(text: str) -> str:
    """The key that orders Persian text as a dictionary does: «پریا» before «ژاله» before «مریم»
    (by code point پ, ژ, چ, گ, ک and ی all came after م), Arabic ي/ك as ی/ک, marks and half-spaces
    not counted; Latin letters (case folded) and digits before Persian letters."""
    return normalize(text).casefold().translate(_SORT_TABLE)


#: The SQL function `store` registers `search_key` under: `func.fa_search_key(Case.subject)`.
SEARCH_KEY_SQL = "fa_search_key"

#: The name `store` registers `persian_collate` under: `order_by(collate(Agency.name, COLLATION))`.
COLLATION = "fa"


def persian_collate(a: str | None, b: str | None) -> int:
    """SQLite's collation «fa» (`store` registers it on each connection): `sort_key` order."""
    ka, kb = sort_key(a or ""), sort_key(b or "")
    return (ka > kb) - (ka < kb)
