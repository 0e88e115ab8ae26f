"""Full-text search words typed without their half-space (ZWNJ), for every FTS5 index (Qt-free).

The indexes hold text as `search_key` gives it: a half-space is a space, so «قصه‌های» is the two
words «قصه» and «های». A Persian reader very often types the word with no half-space at all
(«قصههای»): one word that no indexed word starts with, and the search found nothing. Each query
word is therefore also tried split, where the index itself says the split is a spelling of the
word: into two or three parts that stand side by side in some indexed text («قصه های», «رنگین
کمان ها»), every part but the last a whole indexed word and the last the beginning of one. The
index's own words decide, so no list of suffixes and prefixes can miss a compound
(«رنگین‌کمان», «دانستنی‌هایی», «نمی‌دانم»), and a split nobody wrote is never searched for.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Callable, Iterator

from sqlalchemy.orm import Session

from ..sqlite_statement import _dbapi

#: Whether an FTS5 MATCH expression matches any indexed row.
Probe = Callable[[str], bool]

#: A word is split into at most this many parts («رنگین کمان ها»).
MAX_PARTS = 3
#: Phrases tried for a whole query at most (one per choice of each word's spelling).
MAX_PHRASES = 8
#: Only words of Persian letters (3 or more) are tried split; digits and Latin words never hold a ZWNJ.
_SPLITTABLE = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0629\u06c0\u0623\u0624\u0626]{3,}")


def quoted(word: str) -> str:
    """A word as FTS5 string (user text is never syntax)."""
    return '"' + word.replace('"', "") + '"'


def table_probe(conn: Session | sqlite3.Connection, table: str) -> Probe:
    """A probe of the FTS5 table `table` (a name from the code, never from the user), on the
    connection's own transaction; each expression is asked once."""
    sql = f"SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT 1"
    raw = _dbapi(conn)
    seen: dict[str, bool] = {}

    def probe(expr: str) -> bool:
        if expr not in seen:
            seen[expr] = raw.execute(sql, (expr,)).fetchone() is not None
        return seen[expr]

    return probe


def _splits(word: str, probe: Probe, head: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The ways `word` continues the whole indexed words `head` (side by side in some text) as
    whole words and a last word's beginning."""
    for i in range(2, len(word)):
        part, rest = word[:i], word[i:]
        if not probe(quoted(part)):
            continue
        parts = (*head, part)
        # the rest as the beginning of the next word, or a one-letter «ی» («خانه ی») as a word
        last = quoted(rest) + ("*" if len(rest) > 1 else "")
        if (len(rest) > 1 or rest == "ی") and probe(last) and probe(quoted(" ".join((*parts, rest))) + "*"):
            yield (*parts, rest)
        if len(parts) + 1 < MAX_PARTS and probe(quoted(" ".join(parts))):
            yield from _splits(rest, probe, parts)


def spellings(word: str, probe: Probe) -> list[tuple[str, ...]]:
    """The word as typed, then each way it is found split by a half-space («قصههای» → («قصه»,
    «های»)), as word sequences: the last one a word's beginning, the others whole words."""
    out: list[tuple[str, ...]] = [(word,)]
    if _SPLITTABLE.fullmatch(word):
        for parts in _splits(word, probe, ()):
            if parts not in out:
                out.append(parts)
    return out


def _prefix(parts: tuple[str, ...]) -> str:
    return quoted(" ".join(parts)) + "*"


def words_match(words: list[str], probe: Probe) -> str:
    """FTS5 MATCH text: every word, as a prefix, anywhere; a word also in each of its split
    spellings («قصههای» finds «قصه‌های»), and two words also as one where the index has them so
    («پاسخ‌گویی» finds «پاسخگویی»)."""
    groups = []
    for word in words:
        forms = [_prefix(parts) for parts in spellings(word, probe)]
        groups.append(forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")")
    out: list[str] = []
    i = 0
    while i < len(groups):
        # two words typed apart («پاسخ‌گویی», «پاسخ گویی») that the text has as one («پاسخگویی»)
        joined = "".join(words[i:i + 2])
        if i + 1 < len(words) and _SPLITTABLE.fullmatch(joined) and probe(_prefix((joined,))):
            out.append(f"(({groups[i]} AND {groups[i + 1]}) OR {_prefix((joined,))})")
            i += 2
        else:
            out.append(groups[i])
            i += 1
    return " AND ".join(out)  # (FTS5 takes no implicit AND after a parenthesis)


def phrase_match(words: list[str], probe: Probe) -> str:
    """FTS5 MATCH text: the words as one phrase, the last a prefix, in each spelling of its words
    (at most `MAX_PHRASES`)."""
    choices = itertools.islice(itertools.product(*(spellings(w, probe) for w in words)), MAX_PHRASES)
    return " OR ".join(_prefix(tuple(p for parts in choice for p in parts)) for choice in choices)
