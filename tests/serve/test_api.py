"""The /v1 endpoints of a real server on loopback, over real HTTP."""

from __future__ import annotations

import http.client
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.serve.conftest import request
from translint.serve.engine import Engine

ASTRAL = "𝒞𝒞 🙂 Talks between Moscow and Kiev resumed."  # two astral letters and an emoji


def test_seed_gives_the_findings_of_check_format_json(
        server: str, seed_path: Path, config_path: Path, run_cli: Callable[..., object]) -> None:
    cli = run_cli("check", "--config", str(config_path), "--format", "json", str(seed_path))
    expected = json.loads(cli.stdout)["findings"]  # type: ignore[attr-defined]
    answer = request(f"{server}/v1/check", {"text": seed_path.read_text(encoding="utf-8")})
    assert answer.status == 200
    body = answer.json()
    served = [{key: value for key, value in finding.items()
               if key not in ("offset_utf16", "end_offset_utf16")}
              for finding in body["findings"]]
    for finding in expected:
        finding["path"] = "<text>"
    assert sorted(served, key=lambda f: (f["offset"], f["code"])) == sorted(
        expected, key=lambda f: (f["offset"], f["code"]))
    assert len(served) == 15  # the configuration's house style allows Podoliak
    assert [f["offset"] for f in body["findings"]] == sorted(f["offset"] for f in served)
    assert body["language"] == "en"
    assert body["fails"] is True
    assert body["summary"] == {
        "error": sum(f["severity"] == "error" for f in served),
        "warning": sum(f["severity"] == "warning" for f in served),
        "info": sum(f["severity"] == "info" for f in served)}
    assert body["summary"]["warning"] >= 5  # [severity] TL402 = "warning"
    assert body["entries"]["kyiv"]["preferred"] == "Kyiv"
    assert body["entries"]["kyiv"]["source"].startswith("AP Stylebook")
    assert set(body["entries"]) == {f["entry"] for f in served if f["entry"]}


def test_concurrent_checks_agree(server: str, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    once = request(f"{server}/v1/check", {"text": text}).json()
    stories = [{"text": text}, {"text": text, "lang": "en", "select": ["TL1", "TL4"]}] * 8
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda body: request(f"{server}/v1/check", body), stories))
    assert all(answer.status == 200 for answer in answers)
    assert all(answer.json() == once for answer in answers[::2])
    assert all(answer.json()["findings"] == [
        f for f in once["findings"] if f["code"][:3] in ("TL1", "TL4")]
        for answer in answers[1::2])


def test_utf16_offsets_count_astral_characters_twice(server: str) -> None:
    body = request(f"{server}/v1/check", {"text": ASTRAL, "lang": "en"}).json()
    [finding] = body["findings"]
    start = ASTRAL.index("Kiev")
    assert (finding["offset"], finding["end_offset"]) == (start, start + 4)
    assert (finding["offset_utf16"], finding["end_offset_utf16"]) == (start + 3, start + 7)
    units = ASTRAL.encode("utf-16-le")
    assert units[2 * finding["offset_utf16"]:2 * finding["end_offset_utf16"]].decode(
        "utf-16-le") == "Kiev"


def test_fix_applies_what_check_fix_would(server: str, seed_path: Path, config_path: Path,
                                          run_cli: Callable[..., object]) -> None:
    text = seed_path.read_text(encoding="utf-8")
    cli = run_cli("check", "--config", str(config_path), "--fix", "-", input=text)
    answer = request(f"{server}/v1/fix", {"text": text}).json()
    assert answer["text"] == cli.stdout  # type: ignore[attr-defined]
    assert answer["text"] != text and "Kyiv" in answer["text"]
    before = request(f"{server}/v1/check", {"text": text}).json()["findings"]
    assert answer["applied"] == sum(f["fixable"] for f in before) >= 3
    left = request(f"{server}/v1/check", {"text": answer["text"]}).json()["findings"]
    assert answer["findings"] == left
    assert not any(f["fixable"] for f in left if f["code"] == "TL101" and f["text"] == "Kiev")


def test_options_of_a_request(server: str) -> None:
    text = "Talks between Moscow and Kiev resumed."
    assert request(f"{server}/v1/check", {"text": text, "lang": "en", "ignore": ["TL1"]}
                   ).json()["findings"] == []
    body = request(f"{server}/v1/check", {"text": text, "lang": "en", "fail_on": "never"}
                   ).json()
    assert body["fails"] is False and body["findings"][0]["code"] == "TL101"
    html = request(f"{server}/v1/check", {"text": "<p>Moscow and <b>Kiev</b></p>",
                                          "format": "html", "lang": "en"}).json()
    assert [(f["text"], f["offset"]) for f in html["findings"]] == [("Kiev", 17)]


@pytest.mark.parametrize(("body", "field"), [
    ({"format": "text"}, "text: required"),
    ({"text": 3}, "text: give a string"),
    ({"text": "x", "format": "docx"}, "format: 'docx' is not a format of text"),
    ({"text": "x", "lang": "klingon!"}, "lang:"),
    ({"text": "x", "select": ["TL999"]}, "select: TL999"),
    ({"text": "x", "ignore": "no such thing!"}, "ignore:"),
    ({"text": "x", "select": ["xx-yy/nothing"]}, "select: xx-yy/nothing"),
    ({"text": "x", "fail_on": "sometimes"}, "fail_on:"),
    ({"text": "x", "colour": "red"}, "colour: not a field"),
    ({"text": "\ud800"}, "text: holds a lone UTF-16 surrogate"),
])
def test_bad_fields_are_422_naming_the_field(server: str, body: dict[str, object],
                                             field: str) -> None:
    answer = request(f"{server}/v1/check", json.dumps(body))
    assert answer.status == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid" and error["message"].startswith(field), error


@pytest.mark.parametrize(("data", "message"), [
    (b"{not json", "body: not JSON"),
    (b"[1, 2]", "body: give a JSON object"),
    (b'{"text": "\xff"}', "body: not UTF-8"),
])
def test_bad_bodies_are_422(server: str, data: bytes, message: str) -> None:
    answer = request(f"{server}/v1/check", data)
    assert answer.status == 422 and answer.json()["error"]["message"].startswith(message)


def test_unknown_paths_and_methods(server: str) -> None:
    assert request(f"{server}/v1/nothing").status == 404
    assert request(f"{server}/v1/check").status == 405


def test_body_limit_is_413_before_reading_the_rest(engine: Engine,
                                                   start_server: Callable[..., str]) -> None:
    url = start_server(engine, max_body=1000)
    assert request(f"{url}/v1/check", {"text": "a" * 900}).status == 200
    answer = request(f"{url}/v1/check", {"text": "a" * 2000})
    assert answer.status == 413 and "1000 bytes" in answer.json()["error"]["message"]
    assert request(f"{url}/v2/check", "text=" + "a" * 2000,
                   headers={"Content-Type": "application/x-www-form-urlencoded"}).status == 413


def test_a_chunked_body_over_the_limit_is_413(engine: Engine,
                                              start_server: Callable[..., str]) -> None:
    url = start_server(engine, max_body=1000)
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    chunks = iter([b'{"text": "', *([b"a" * 500] * 4), b'"}'])  # no Content-Length
    connection.request("POST", "/v1/check", body=chunks, encode_chunked=True,
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "too-large"
    connection.close()


def test_time_limit_is_504(engine: Engine, seed_path: Path,
                           start_server: Callable[..., str]) -> None:
    url = start_server(engine, time_limit=0.001)
    text = seed_path.read_text(encoding="utf-8") * 20
    answer = request(f"{url}/v1/check", {"text": text})
    assert answer.status == 504
    assert "0.001 s" in answer.json()["error"]["message"]


def test_token_required_when_asked(engine: Engine, start_server: Callable[..., str]) -> None:
    url = start_server(engine, token="s3cret-token", require_token=True)
    body = {"text": "Moscow and Kiev."}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-token"}):
        answer = request(f"{url}/v1/check", body, headers=headers)
        assert answer.status == 401, headers
        assert answer.headers["www-authenticate"] == "Bearer"
        assert request(f"{url}/v1/glossary", headers=headers).status == 401
    good = {"Authorization": "Bearer s3cret-token"}
    assert request(f"{url}/v1/check", body, headers=good).status == 200
    assert request(f"{url}/v1/glossary?q=kiev", headers=good).status == 200
    assert request(f"{url}/healthz").status == 200  # for load balancers


def test_no_traceback_reaches_a_client(engine: Engine, start_server: Callable[..., str],
                                       monkeypatch: pytest.MonkeyPatch,
                                       caplog: pytest.LogCaptureFixture) -> None:
    url = start_server(engine)

    def broken(self: Engine, request: object) -> object:
        raise RuntimeError("a bug with a secret path /home/x")

    monkeypatch.setattr(Engine, "check", broken)
    answer = request(f"{url}/v1/check", {"text": "x"})
    assert answer.status == 500
    assert answer.json() == {"error": {"code": "internal",
                                       "message": "internal error; the server log has the "
                                                  "details"}}
    assert "Traceback" in caplog.text and "secret path" in caplog.text


def test_glossary_search(server: str) -> None:
    body = request(f"{server}/v1/glossary?q={quote('KYÏV')}").json()  # case and accents folded
    assert [entry["id"] for entry in body["entries"]] == ["kyiv"] and body["total"] == 1
    entry = body["entries"][0]
    assert entry["forms"]["de"] == {"preferred": "Kiew", "accepted": ["Kyjiw"], "variants": []}
    assert entry["glossary"] and entry["note"] and entry["kind"] == "place"
    assert request(f"{server}/v1/glossary?q=Podoljak").json()["entries"][0]["id"] == (
        "mykhailo-podolyak")
    everything = request(f"{server}/v1/glossary?limit=5&offset=5").json()
    assert len(everything["entries"]) == 5 and everything["total"] > 10
    assert request(f"{server}/v1/glossary?limit=-1").status == 422
    assert request(f"{server}/v1/glossary?q=zzzzqqq").json() == {
        "entries": [], "total": 0, "offset": 0, "limit": 50}


def test_metrics_parse(server: str) -> None:
    from prometheus_client.parser import text_string_to_metric_families

    request(f"{server}/v1/check", {"text": "Moscow and Kiev.", "lang": "en"})
    request(f"{server}/v1/check", {"text": 1})
    answer = request(f"{server}/metrics")
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    families = {family.name: family for family in
                text_string_to_metric_families(answer.body.decode("utf-8"))}
    requests = {(s.labels["path"], s.labels["status"]): s.value
                for s in families["translint_requests"].samples}
    assert requests[("/v1/check", "200")] >= 1 and requests[("/v1/check", "422")] >= 1
    histogram = families["translint_request_seconds"]
    assert histogram.type == "histogram"
    count = next(s.value for s in histogram.samples if s.name.endswith("_count"))
    assert count == sum(requests.values())  # the /metrics request itself is not yet counted
    findings = {s.labels["code"]: s.value for s in families["translint_findings"].samples}
    assert findings["TL101"] >= 1
    assert [s.value for s in families["translint_reloads"].samples] == [0]


def test_healthz(server: str) -> None:
    body = request(f"{server}/healthz").json()
    assert body["status"] == "ok" and body["entries"] > 50


def test_cors_only_when_configured(engine: Engine, server: str,
                                   start_server: Callable[..., str]) -> None:
    origin = {"Origin": "https://desk.example"}
    assert "access-control-allow-origin" not in {
        key.lower() for key in request(f"{server}/healthz", headers=origin).headers}
    url = start_server(engine, cors_origins=("https://desk.example",))
    answer = request(f"{url}/healthz", headers=origin)
    assert answer.headers["access-control-allow-origin"] == "https://desk.example"
