"""tools/fill_ts.py fills a Qt .ts file from a JSON mapping and lists what is still unfinished."""

from __future__ import annotations

import importlib.util
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa_IR">
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../kanoon_desk/ui/login.py" line="10"/>
        <source>ورود</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>گذرواژه</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>ورود</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def fill_ts() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "tools" / "fill_ts.py"
    spec = importlib.util.spec_from_file_location("fill_ts", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fill_sets_translations_of_the_named_context_only(fill_ts: ModuleType, tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(TS, encoding="utf-8")
    filled, missing = fill_ts.fill(ts, {"LoginWindow": {"ورود": "Log in", "نیست": "Absent"}})
    assert filled == 1 and missing == [("LoginWindow", "نیست")]
    text = ts.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
    assert "<translation>Log in</translation>" in text
    todo = fill_ts.skeleton(ts, [])
    assert todo == {"LoginWindow": {"گذرواژه": ""}, "Errors": {"ورود": ""}}  # same source, other context
    assert fill_ts.skeleton(ts, ["Errors"]) == {"Errors": {"ورود": ""}}


def test_cli_strict_fails_on_unknown_sources(fill_ts: ModuleType, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(TS, encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"Errors": {"ورود": "Enter", "غایب": "x"}}, ensure_ascii=False),
                       encoding="utf-8")
    assert fill_ts.main([str(ts), str(mapping), "--strict"]) == 1
    assert "غایب" in capsys.readouterr().err
    assert fill_ts.main([str(ts), str(mapping)]) == 0


NUMERUS_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa_IR">
<context>
    <name>Library</name>
    <message numerus="yes">
        <source>%n نسخه</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n عضو</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>نسخه</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def test_numerus_messages_get_one_numerusform_per_plural_form(fill_ts: ModuleType, tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(NUMERUS_TS, encoding="utf-8")
    assert fill_ts.skeleton(ts, []) == {"Library": {"%n نسخه": ["", ""], "%n عضو": ["", ""], "نسخه": ""}}
    filled, missing = fill_ts.fill(ts, {"Library": {"%n نسخه": ["%n copy", "%n copies"], "%n عضو": "%n member(s)"}})
    assert filled == 2 and missing == []
    root = ET.parse(ts).getroot()
    forms = {m.findtext("source"): [f.text for f in m.iter("numerusform")] for m in root.iter("message")}
    assert forms["%n نسخه"] == ["%n copy", "%n copies"]
    assert forms["%n عضو"] == ["%n member(s)", "%n member(s)"]  # a string fills every form
    assert all(m.find("translation").get("type") is None for m in root.iter("message") if m.get("numerus"))
    assert fill_ts.skeleton(ts, []) == {"Library": {"نسخه": ""}}
    with pytest.raises(ValueError, match="not numerus"):
        fill_ts.fill(ts, {"Library": {"نسخه": ["copy", "copies"]}})


#: what pyside6-lupdate writes for `QCoreApplication.translate("Library", "%Ln عضو", None, n)`
#: (a plain message) once it has folded the plural forms filled before into one
FOLDED_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa_IR">
<context>
    <name>Library</name>
    <message>
        <source>%Ln عضو پیدا شد</source>
        <translation type="unfinished">%Ln member found</translation>
    </message>
</context>
</TS>
"""


def test_plural_forms_given_for_a_count_read_by_translate_make_it_numerus_again(
        fill_ts: ModuleType, tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(FOLDED_TS, encoding="utf-8")
    forms = ["%Ln member found", "%Ln members found"]
    assert fill_ts.fill(ts, {"Library": {"%Ln عضو پیدا شد": forms}}) == (1, [])
    message = next(ET.parse(ts).getroot().iter("message"))
    assert message.get("numerus") == "yes"
    translation = message.find("translation")
    assert translation is not None and translation.get("type") is None
    assert [f.text for f in translation.findall("numerusform")] == forms
    assert not (translation.text or "").strip()  # (the folded form's text is not left beside them)
    assert fill_ts.skeleton(ts, []) == {}
