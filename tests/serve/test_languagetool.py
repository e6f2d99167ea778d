"""LanguageTool's API: a real LanguageTool client (language_tool_python, pointed at the
server; it starts no LanguageTool of its own) and the documented request forms."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import language_tool_python
import pytest

from tests.serve.conftest import request

TEXT = "𝒞𝒞 🙂 Talks between Moscow and Kiev resumed. Lugansk was shelled."
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def tool(server: str) -> language_tool_python.LanguageTool:
    tool = language_tool_python.LanguageTool("en-US", remote_server=server)
    yield tool
    tool.close()


def test_a_languagetool_client_uses_translint_unchanged(
        tool: language_tool_python.LanguageTool) -> None:
    matches = tool.check(TEXT)
    assert [(match.rule_id, TEXT[match.offset:match.offset + match.error_length])
            for match in matches] == [("TL101", "Kiev"), ("TL101", "Lugansk")]
    assert matches[0].replacements == ["Kyiv"]
    assert matches[0].category == "TRANSLINT_NAMES"
    assert matches[0].rule_issue_type == "misspelling"
    assert "disfavoured spelling" in matches[0].message
    assert language_tool_python.utils.correct(TEXT, matches) == TEXT.replace(
        "Kiev", "Kyiv").replace("Lugansk", "Luhansk")


def test_disabled_rules_and_enabled_only(tool: language_tool_python.LanguageTool) -> None:
    tool.disabled_rules.update({"TL101", "WHITESPACE_RULE"})  # LanguageTool's own: ignored
    assert tool.check(TEXT) == []
    tool.disabled_rules.clear()
    tool.enabled_rules.update({"TL401"})
    tool.enabled_rules_only = True
    assert tool.check(TEXT + "\nFILE PHOTO: a picture.") != []
    assert {match.rule_id for match in tool.check(TEXT + "\nFILE PHOTO: a picture.")} == {
        "TL401"}


def test_offsets_count_utf16_code_units(server: str) -> None:
    answer = request(f"{server}/v2/check", urlencode({"text": TEXT, "language": "en-US"}),
                     headers=FORM).json()
    kiev = answer["matches"][0]
    units = TEXT.encode("utf-16-le")
    start, length = kiev["offset"], kiev["length"]
    assert units[2 * start:2 * (start + length)].decode("utf-16-le") == "Kiev"
    assert start == TEXT.index("Kiev") + 3
    context = kiev["context"]
    assert context["text"].encode("utf-16-le")[
        2 * context["offset"]:2 * (context["offset"] + context["length"])].decode(
        "utf-16-le") == "Kiev"
    assert answer["language"]["code"] == "en-US"
    assert answer["language"]["detectedLanguage"]["code"] == "en"
    assert answer["software"]["name"] == "translint"
    assert kiev["rule"]["category"] == {"id": "TRANSLINT_NAMES", "name": "Names"}
    assert kiev["type"] == {"typeName": "Other"}
    assert "Kiev" in kiev["sentence"]


def test_annotated_data_skips_markup(server: str) -> None:
    data = {"annotation": [{"markup": "<p class=\"Kiev\">"}, {"text": "Moscow and Kiev"},
                           {"markup": "</p>", "interpretAs": "\n\n"}]}
    answer = request(f"{server}/v2/check", {"data": json.dumps(data), "language": "auto",
                                            "motherTongue": "de"}).json()
    whole = "<p class=\"Kiev\">Moscow and Kiev</p>"
    assert [(match["offset"], whole[match["offset"]:match["offset"] + match["length"]])
            for match in answer["matches"]] == [(whole.rindex("Kiev"), "Kiev")]


@pytest.mark.parametrize(("form", "message"), [
    ({"language": "en"}, "text: required"),
    ({"text": "x", "language": "not a language"}, "language:"),
    ({"data": "{\"annotation\": 3}", "language": "en"}, "data:"),
    ({"text": "x", "language": "en", "enabledOnly": "true",
      "enabledRules": "SOME_LT_RULE"}, "enabledRules:"),
])
def test_bad_requests(server: str, form: dict[str, str], message: str) -> None:
    answer = request(f"{server}/v2/check", urlencode(form), headers=FORM)
    assert answer.status == 422 and answer.json()["error"]["message"].startswith(message)


def test_languages(server: str) -> None:
    languages = request(f"{server}/v2/languages").json()
    assert {"name": "German", "code": "de", "longCode": "de"} in languages
