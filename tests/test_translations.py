"""The English translation (translations/kanoon_desk_en.ts) is complete, in step with the sources, and
keeps every placeholder of the Persian source text.

When one of these fails: run `make lupdate`, translate what
`.venv/bin/python tools/fill_ts.py translations/kanoon_desk_en.ts --skeleton` prints (into a JSON file
under translations/en/, filled with tools/fill_ts.py), then `make translations`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "translations" / "kanoon_desk_en.ts"
SOURCES = ROOT / "kanoon_desk"

#: Qt's %1..%9, %n and %Ln, and str.format's {name} / {0} / {}.
PLACEHOLDER = re.compile(r"%[1-9]|%L?n|\{[^{}]*\}")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <message>) of every message of `ts`, in file order."""
    root = ET.parse(ts).getroot()
    return [(context.findtext("name") or "", message.findtext("source") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def translated_texts(message: ET.Element) -> list[str]:
    """The translation's text, or for a numerus message the text of each plural form."""
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def listing(pairs: list[tuple[str, str]] | set[tuple[str, str]]) -> str:
    return "\n".join(f"  [{context}] {source!r}" for context, source in sorted(pairs))


def lupdate_executable() -> Path | None:
    name = "pyside6-lupdate.exe" if sys.platform == "win32" else "pyside6-lupdate"
    exe = Path(sys.executable).parent / name
    return exe if exe.is_file() else None


def test_the_ts_file_has_messages() -> None:
    assert len(messages(TS)) > 100, f"{TS} looks empty or truncated"


def test_every_message_is_translated() -> None:
    failures: list[str] = []
    for context, source, message in messages(TS):
        translation = message.find("translation")
        texts = translated_texts(message)
        if translation is None:
            failures.append(f"  [{context}] {source!r}: no <translation>")
        elif translation.get("type") == "unfinished":
            failures.append(f"  [{context}] {source!r}: type=\"unfinished\"")
        elif not texts or not all(text.strip() for text in texts):
            failures.append(f"  [{context}] {source!r}: empty translation")
    assert not failures, (f"{len(failures)} message(s) of {TS.name} are not translated:\n"
                          + "\n".join(failures))


def test_ts_is_in_step_with_the_sources(tmp_path: Path) -> None:
    exe = lupdate_executable()
    if exe is None:
        pytest.skip(f"pyside6-lupdate is not installed next to {sys.executable}")
    fresh = tmp_path / TS.name
    shutil.copyfile(TS, fresh)
    files = sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))
    assert files, f"no Python sources under {SOURCES}"
    result = subprocess.run(
        [str(exe), *files, "-source-language", "fa_IR", "-target-language", "en", "-no-obsolete",
         "-ts", str(fresh)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"pyside6-lupdate failed:\n{result.stdout}\n{result.stderr}"

    committed = {(context, source) for context, source, _m in messages(TS)}
    extracted = {(context, source) for context, source, _m in messages(fresh)}
    new = extracted - committed
    gone = committed - extracted
    problems = []
    if new:
        problems.append(f"strings in the sources but not in {TS.name} (run `make lupdate` and translate them):\n"
                        + listing(new))
    if gone:
        problems.append(f"strings in {TS.name} no longer in the sources (run `make lupdate`):\n" + listing(gone))
    assert not problems, "\n".join(problems)


def test_translations_keep_the_placeholders() -> None:
    failures: list[str] = []
    for context, source, message in messages(TS):
        wanted = Counter(PLACEHOLDER.findall(source))
        for text in translated_texts(message):
            if not text:
                continue  # reported by test_every_message_is_translated
            got = Counter(PLACEHOLDER.findall(text))
            if got != wanted:
                failures.append(f"  [{context}] {source!r} -> {text!r}: source has {sorted(wanted.elements())}, "
                                f"translation has {sorted(got.elements())}")
    assert not failures, f"{len(failures)} translation(s) lose or add placeholders:\n" + "\n".join(failures)


@pytest.mark.parametrize(("source", "text", "same"), [
    ("سلام، %1", "Hello, %1", True),
    ("%1 از %2", "%2 of %1", True),
    ("{n} ردیف", "Rows: {n}", True),
    ("{n} ردیف", "Rows: {count}", False),
    ("%1 و %1", "%1", False),
    ("%n نسخه", "copies", False),
    ("%Ln نسخه", "%Ln copies", True),
    ("%Ln نسخه", "%n copies", False),
])
def test_placeholder_pattern(source: str, text: str, same: bool) -> None:
    assert (Counter(PLACEHOLDER.findall(source)) == Counter(PLACEHOLDER.findall(text))) is same


def test_every_sentence_a_service_raises_is_in_the_translation_file() -> None:
    """A module-level MSG_* sentence below ui/ is what a ServiceError or a ValueError carries, and the
    UI translates it from the "Errors" context: one not marked with QT_TRANSLATE_NOOP never reaches
    the .ts, and the English interface shows it in Persian (as the national ID's and the dates' did)."""
    import importlib
    import pkgutil

    import kanoon_desk

    have = {(context, source) for context, source, _ in messages(TS)}
    missing = []
    for info in pkgutil.walk_packages(kanoon_desk.__path__, "kanoon_desk."):
        if info.name.startswith("kanoon_desk.ui") or info.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(info.name)).items():
            if (name.startswith("MSG_") and isinstance(value, str) and re.search("[\u0600-\u06ff]", value)
                    and ("Errors", value) not in have):
                missing.append((info.name, name))
    assert not missing, missing


#: a count in a source: `%Ln` (Qt writes the number in the interface's digits, grouped)
COUNT_SOURCE = re.compile(r'"([^"\n]*%Ln[^"\n]*)"')


def test_every_count_has_an_english_singular_and_plural() -> None:
    """A sentence with a count (`translate(context, "… %Ln …", None, n)`) is a numerus message with
    two English forms ("1 event", "2 events"). pyside6-lupdate misses such a call whose count is
    not a plain name (`st.pending`, `len(rows)`): its sentence would stay Persian in English."""
    in_sources = {m.group(1) for path in SOURCES.rglob("*.py")
                  for m in COUNT_SOURCE.finditer(path.read_text(encoding="utf-8"))}
    numerus = {source: translated_texts(message) for _c, source, message in messages(TS)
               if message.get("numerus") == "yes"}
    assert in_sources, "no %Ln in the sources (the pattern is broken)"
    # (a sentence written over two lines is found by its first part)
    missing = sorted(s for s in in_sources if not any(source.startswith(s) for source in numerus))
    assert not missing, "counted sentences not in the .ts as plural messages:\n" + "\n".join(missing)
    one_form = sorted(s for s, forms in numerus.items() if len(forms) != 2 or forms[0] == forms[1])
    assert not one_form, "plural messages without a distinct singular and plural:\n" + "\n".join(one_form)
