"""Fill translations into a Qt .ts file from a JSON mapping {context: {source: translation}}.

Usage:
    python tools/fill_ts.py translations/kanoon_desk_en.ts my_strings.json
    python tools/fill_ts.py translations/kanoon_desk_en.ts --skeleton LoginWindow MainWindow > todo.json

The first form sets each matching message's <translation> text and drops `type="unfinished"`;
sources not found in the .ts are listed on stderr (exit status 1 with --strict). The second
prints the still-unfinished messages of the named contexts (all contexts when none is named)
as a JSON skeleton to fill in. Run `make lupdate` first so the .ts has your strings, and
`make translations` afterwards to build the .qm.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message))
    return found


def fill(ts_path: Path, mapping: dict[str, dict[str, str]]) -> tuple[int, list[tuple[str, str]]]:
    """Write the translations into `ts_path`; returns (messages filled, (context, source) not found)."""
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
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.text = wanted[key]
        translation.attrib.pop("type", None)
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text(HEADER + body + "\n", encoding="utf-8")
    return filled, sorted(set(wanted) - seen)


def skeleton(ts_path: Path, contexts: list[str]) -> dict[str, dict[str, str]]:
    """The unfinished messages of `contexts` (all when empty) as {context: {source: ""}}."""
    out: dict[str, dict[str, str]] = {}
    for ctx, message in _messages(ET.parse(ts_path).getroot()):
        if contexts and ctx not in contexts:
            continue
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or ""):
            out.setdefault(ctx, {})[message.findtext("source") or ""] = ""
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
