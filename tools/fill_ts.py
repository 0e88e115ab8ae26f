"""Fill translations into a Qt .ts file from a JSON mapping {context: {source: translation}}.

Usage:
    python tools/fill_ts.py translations/kanoon_desk_en.ts my_strings.json
    python tools/fill_ts.py translations/kanoon_desk_en.ts --skeleton LoginWindow MainWindow > todo.json

The first form sets each matching message's <translation> text and drops `type="unfinished"`;
sources not found in the .ts are listed on stderr (exit status 1 with --strict). The second
prints the still-unfinished messages of the named contexts (all contexts when none is named)
as a JSON skeleton to fill in. Run `make lupdate` first so the .ts has your strings, and
`make translations` afterwards to build the .qm.

A plural message (`numerus="yes"`, from `tr(text, "", n)` with `%n` in the text) takes a list
of forms, one `<numerusform>` each (English: ["%n copy", "%n copies"]); a single string is used
for every form. Its skeleton entry is a list of empty strings, one per form.

pyside6-lupdate marks a message numerus only when it is read from `self.tr(text, "", n)`: one read
from `QCoreApplication.translate(context, text, None, n)` (as the pages count with `%Ln`) it writes
as a plain message, and folds plural forms already there into one. A list given for a plain
message whose source holds `%n` or `%Ln` makes it numerus again (so `make lupdate` then this tool,
as the translation regeneration runs them, keep the forms); a list for a source without either is refused.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'

#: Plural forms written for a numerus message that has none yet (English: singular, plural).
DEFAULT_PLURAL_FORMS = 2

Translation = str | list[str]


def _messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message))
    return found


def is_numerus(message: ET.Element) -> bool:
    return message.get("numerus") == "yes"


def plural_forms(message: ET.Element) -> list[str]:
    """The texts of a numerus message's `<numerusform>`s (empty list when it has none)."""
    translation = message.find("translation")
    if translation is None:
        return []
    return [form.text or "" for form in translation.findall("numerusform")]


def is_finished(message: ET.Element) -> bool:
    """True when the message has a translation (every plural form of a numerus one) not marked unfinished."""
    translation = message.find("translation")
    if translation is None or translation.get("type") == "unfinished":
        return False
    if is_numerus(message):
        forms = plural_forms(message)
        return bool(forms) and all(forms)
    return bool(translation.text or "")


#: Qt's count placeholders: `%n` (the number as is) and `%Ln` (in the locale's digits, grouped).
COUNT_PLACEHOLDER = re.compile(r"%L?n")


def _set_translation(message: ET.Element, text: Translation, key: tuple[str, str]) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    if not isinstance(text, str) and not is_numerus(message) and COUNT_PLACEHOLDER.search(key[1]):
        message.set("numerus", "yes")  # (read from `translate(…, n)`, which lupdate does not mark)
        translation.text = None
    if is_numerus(message):
        if isinstance(text, str):
            text = [text] * (len(plural_forms(message)) or DEFAULT_PLURAL_FORMS)
        for form in translation.findall("numerusform"):
            translation.remove(form)
        translation.text = None
        for form_text in text:
            ET.SubElement(translation, "numerusform").text = form_text
    else:
        if not isinstance(text, str):
            raise ValueError(f"[{key[0]}] {key[1]}: a list of plural forms for a message that is not numerus")
        translation.text = text
    translation.attrib.pop("type", None)


def fill(ts_path: Path, mapping: dict[str, dict[str, Translation]]) -> tuple[int, list[tuple[str, str]]]:
    """Write the translations into `ts_path`; returns (messages filled, (context, source) not found).

    A value is a string, or for a numerus message a list with one text per plural form.
    """
    tree = ET.parse(ts_path)
    root = tree.getroot()
    wanted = {(ctx, src): text for ctx, entries in mapping.items() for src, text in entries.items()}
    seen: set[tuple[str, str]] = set()
    filled = 0
    for ctx, message in _messages(root):
        key = (ctx, message.findtext("source") or "")
        if key not in wanted:
            continue
        seen.add(key)
        _set_translation(message, wanted[key], key)
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text(HEADER + body + "\n", encoding="utf-8")
    return filled, sorted(set(wanted) - seen)


def skeleton(ts_path: Path, contexts: list[str]) -> dict[str, dict[str, Translation]]:
    """The unfinished messages of `contexts` (all when empty) as {context: {source: ""}}.

    A numerus message's entry is a list of "" (one per plural form) instead of "".
    """
    out: dict[str, dict[str, Translation]] = {}
    for ctx, message in _messages(ET.parse(ts_path).getroot()):
        if contexts and ctx not in contexts:
            continue
        if not is_finished(message):
            blank: Translation = ""
            if is_numerus(message):
                blank = [""] * (len(plural_forms(message)) or DEFAULT_PLURAL_FORMS)
            out.setdefault(ctx, {})[message.findtext("source") or ""] = blank
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", type=Path, help="the .ts file to fill")
    parser.add_argument("mapping", type=Path, nargs="?", help="JSON {context: {source: translation}}")
    parser.add_argument("--skeleton", nargs="*", metavar="CONTEXT",
                        help="print unfinished messages (of these contexts) as JSON instead")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a source is not in the .ts")
    args = parser.parse_args(argv)
    if args.skeleton is not None:
        json.dump(skeleton(args.ts, args.skeleton), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if args.mapping is None:
        parser.error("give a mapping JSON file or --skeleton")
    mapping = json.loads(args.mapping.read_text(encoding="utf-8"))
    filled, missing = fill(args.ts, mapping)
    print(f"{args.ts}: filled {filled} message(s)")
    for ctx, src in missing:
        print(f"not in the .ts: [{ctx}] {src}", file=sys.stderr)
    return 1 if missing and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
