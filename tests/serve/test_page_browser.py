"""The editor's page in a real browser: Debian's headless Chromium, driven by selenium
through Debian's chromedriver (the same package version as the browser, so no driver or
browser is ever downloaded), against the real ``translint serve`` on a loopback port.

Under ``make test`` (which installs chromium and chromium-driver when they are missing)
``TRANSLINT_REQUIRE_BROWSER=1`` makes a missing browser a failure; elsewhere the test is
skipped with the reason.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, invoke_cli

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REQUIRED = os.environ.get("TRANSLINT_REQUIRE_BROWSER") == "1"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1400,1000")
WAIT_S = 20.0


def _unavailable() -> str | None:
    """Why the browser test cannot run here, or None."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.exists():
            return f"{path} is missing (apt-get install {package}; `make test` installs it)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _require_browser() -> None:
    reason = _unavailable()
    if reason is not None:
        if REQUIRED:
            pytest.fail(f"the browser test is required here: {reason}")
        pytest.skip(reason)


@contextlib.contextmanager
def _serving(folder: Path, *options: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``translint serve OPTIONS`` on a free loopback port, run from the repository (the
    options of ``make run``), its output in ``folder``; its address."""
    port = _free_port()
    log = folder / "serve.log"
    command = [str(Path(sys.executable).with_name("translint")), "serve",
               "--host", "127.0.0.1", "--port", str(port), *options]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + WAIT_S
        while True:
            try:
                with urllib.request.urlopen(url + "healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"translint serve did not start: {log.read_text()}")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def _chromium(url: str, profile: Path) -> Iterator[Any]:
    """A headless Chromium with the fresh profile ``profile``, on the page at ``url``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        driver.get(url)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server the page tests share."""
    _require_browser()
    with _serving(tmp_path_factory.mktemp("serve")) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium on the shared server's page."""
    with _chromium(server, tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def _wait(driver: Any, condition: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    status = driver.execute_script("return document.getElementById('status').textContent")
    error = driver.execute_script("return document.getElementById('error').textContent")
    pytest.fail(f"timed out waiting for {what} (status: {status!r}, error: {error!r})")


def _cli_json(text: str | Path) -> dict[str, Any]:
    """``translint check --format json`` on a file, or on ``text`` as a .txt file, from the
    repository (as ``make run`` checks the seed)."""
    if isinstance(text, Path):
        result = invoke_cli("check", "--format", "json", str(text))
    else:
        result = invoke_cli("check", "--format", "json", "--stdin-filename", "story.txt", "-",
                            input=text)
    assert result.returncode in (0, 1), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _cli_fixed(text: str) -> str:
    result = invoke_cli("check", "--fix", "--stdin-filename", "story.txt", "-", input=text)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def _story(driver: Any) -> str:
    value: str = driver.execute_script("return document.getElementById('story').value")
    return value


def _listed(driver: Any) -> list[dict[str, Any]]:
    """The findings the list shows: the severity, code, text and index of each."""
    found: list[dict[str, Any]] = driver.execute_script("""
        return [...document.querySelectorAll('#findings li.finding')].map((li) => ({
            severity: li.className.split(' ')[1], text: li.querySelector('q').textContent,
            code: li.querySelector('.code').textContent.split(' ')[0],
            index: Number(li.dataset.index)}));""")
    return found


def _settled(driver: Any, count: int) -> bool:
    """The page shows ``count`` findings and is not waiting to check again."""
    return bool(driver.execute_script(
        "return document.getElementById('status').textContent.includes('·')")) and (
        len(_listed(driver)) == count)


def test_editor_page_in_chromium(browser: Any, seed_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser
    seed = seed_path.read_text(encoding="utf-8")
    expected = _cli_json(seed_path)  # make run's: 16 today, the issue's 15 and TL210's note
    count = len(expected["findings"])
    assert count == expected["summary"]["findings"] > 0

    # Load the seed article and check it: the same findings as the command, grouped.
    driver.find_element(By.ID, "file").send_keys(str(seed_path))
    _wait(driver, lambda: _settled(driver, count), f"the seed's {count} findings")
    assert _story(driver) == seed
    assert driver.find_element(By.ID, "findings-count").text == f"({count})"
    groups = {"error": "Errors", "warning": "Warnings", "info": "Info"}
    for severity, number in expected["summary"]["by_severity"].items():
        headings = [element.text for element in driver.find_elements(By.ID, f"group-{severity}")]
        assert headings == ([f"{groups[severity]} ({number})"] if number else [])
    assert sorted((item["code"], item["severity"], item["text"]) for item in _listed(driver)) == (
        sorted((finding["code"], finding["severity"], finding["text"])
               for finding in expected["findings"]))
    assert "English (en), detected" in driver.find_element(By.ID, "status").text
    # Underlined in place: the overlay holds the story's very text, and the marks of each
    # finding hold its text.
    overlay, underlined = driver.execute_script("""
        const overlay = document.getElementById('overlay');
        const marks = [...overlay.querySelectorAll('mark')];
        return [overlay.textContent,
                [...document.querySelectorAll('#findings li.finding')].map((li) => [
                    li.querySelector('q').textContent,
                    marks.filter((m) => m.dataset.findings.split(' ').includes(li.dataset.index))
                         .map((m) => m.textContent).join('')])];""")
    assert overlay.removesuffix("\n ") == seed
    assert len(underlined) == count
    assert all(text == marked for text, marked in underlined), underlined
    # The underlines sit under their words only if the overlay lays the text out as the
    # story does: the same box and font, and marks that add no space of their own.
    unlike = driver.execute_script("""
        const story = getComputedStyle(document.getElementById('story'));
        const text = ['font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing',
                      'word-spacing', 'white-space', 'tab-size', 'overflow-wrap'];
        const box = ['padding-top', 'padding-left', 'padding-right'];
        const overlay = getComputedStyle(document.getElementById('overlay'));
        const found = [...text, ...box].filter((p) => overlay[p] !== story[p]);
        for (const mark of document.querySelectorAll('#overlay mark')) {
            const style = getComputedStyle(mark);
            found.push(...text.filter((p) => style[p] !== story[p]));
            found.push(...['padding', 'border-width', 'margin'].filter(
                (p) => !/^(0px ?)*$/.test(style[p])));
        }
        return [...new Set(found)];""")
    assert unlike == []
    # Nothing came from anywhere but the server.
    origins = driver.execute_script(
        "return performance.getEntriesByType('resource').map((entry) => entry.name)")
    assert all(name.startswith(driver.current_url.rstrip("/")) for name in origins), origins

    # The message on hover: the mouse over an underline shows it, and off it hides it.
    story = driver.find_element(By.ID, "story")
    lugansk = next(item for item in _listed(driver) if item["text"] == "Lugansk")
    mark = driver.execute_script("""
        const mark = [...document.querySelectorAll('#overlay mark')].find(
            (m) => m.dataset.findings.split(' ').includes(String(arguments[0])));
        document.getElementById('story').scrollTop = mark.offsetTop - 100;
        return mark;""", lugansk["index"])
    _wait(driver, lambda: driver.execute_script(
        "return document.getElementById('overlay').scrollTop"
        " === document.getElementById('story').scrollTop"), "the underlines to scroll along")
    x, y = driver.execute_script("""
        const story = document.getElementById('story').getBoundingClientRect();
        const box = arguments[0].getClientRects()[0];
        return [box.left + box.width / 2 - (story.left + story.width / 2),
                box.top + box.height / 2 - (story.top + story.height / 2)];""", mark)
    ActionChains(driver).move_to_element_with_offset(story, int(x), int(y)).perform()
    tooltip = driver.find_element(By.ID, "tooltip")
    _wait(driver, tooltip.is_displayed, "the message under the mouse")
    assert "Luhansk" in tooltip.text
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "findings-title")).perform()
    _wait(driver, lambda: not tooltip.is_displayed(), "the message to go with the mouse")

    # Clicking a finding selects its span in the story.
    kiev = next(item for item in _listed(driver) if item["text"] == "Kiev")
    item = driver.find_element(By.CSS_SELECTOR, f'li[data-index="{kiev["index"]}"]')
    item.find_element(By.CSS_SELECTOR, ".finding-select").click()
    start, end = driver.execute_script(
        "const s = document.getElementById('story'); return [s.selectionStart, s.selectionEnd]")
    assert seed[start:end] == "Kiev"

    # The glossary entry behind it is shown with it.
    assert "Kyiv" in item.find_element(By.CSS_SELECTOR, "dl.entry").text

    # One click applies a fix: the text changes there, and the page checks it again.
    item.find_element(By.CSS_SELECTOR, ".apply-fix").click()
    fixed = seed[:start] + "Kyiv" + seed[end:]
    _wait(driver, lambda: _story(driver) == fixed, "the fix in the story")
    left = len(_cli_json(fixed)["findings"])
    assert left < count
    _wait(driver, lambda: _settled(driver, left), f"{left} findings after the fix")

    # Fix all (/v1/fix): what `translint check --fix` makes of the same text.
    driver.find_element(By.ID, "fix-all").click()
    all_fixed = _cli_fixed(fixed)
    assert all_fixed != fixed
    _wait(driver, lambda: _story(driver) == all_fixed, "every fix in the story")
    remaining = len(_cli_json(all_fixed)["findings"])
    _wait(driver, lambda: _settled(driver, remaining), f"{remaining} findings after fix all")
    assert "Applied" in driver.find_element(By.ID, "status").text

    # Keyboard: from the story, Tab reaches a finding; Enter selects its span; F8 moves on
    # to the next finding and says what it is.
    story.click()
    for _ in range(10):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if "finding-select" in (focused.get_attribute("class") or ""):
            break
    else:
        pytest.fail("Tab from the story never reached a finding")
    index = int(focused.get_attribute("data-index"))
    wanted = next(item["text"] for item in _listed(driver) if item["index"] == index)
    focused.send_keys(Keys.ENTER)
    start, end = driver.execute_script(
        "const s = document.getElementById('story'); return [s.selectionStart, s.selectionEnd]")
    assert all_fixed[start:end] == wanted
    assert driver.switch_to.active_element == story
    story.send_keys(Keys.F8)
    _wait(driver, lambda: driver.find_element(By.ID, "caret-finding").text.startswith(
        "At the caret:"), "the message of the finding at the caret")

    # The glossary view: Arrow keys move between the tabs; a search by a form finds its entry.
    tab = driver.find_element(By.ID, "tab-check")
    tab.send_keys(Keys.ARROW_RIGHT)
    assert driver.switch_to.active_element.get_attribute("id") == "tab-glossary"
    assert driver.find_element(By.ID, "view-glossary").is_displayed()
    search = driver.find_element(By.ID, "glossary-q")
    search.send_keys("kiev")
    _wait(driver, lambda: "matching “kiev”" in driver.find_element(By.ID, "glossary-status").text,
          "the search for kiev")
    results = [element.text
               for element in driver.find_elements(By.CSS_SELECTOR, "#glossary-results li")]
    assert any("Kyiv" in text for text in results), results
    disfavoured = [element.text for element in driver.find_elements(
        By.CSS_SELECTOR, "#glossary-results li p.entry")
        if element.text.startswith("Disfavoured in any language:")]
    assert any("Kiev" in text.split(": ", 1)[1].split(", ") for text in disfavoured), disfavoured


def _checks_answered(server: str) -> int:
    """How many /v1/check requests the server has answered (its /metrics)."""
    with urllib.request.urlopen(server + "metrics", timeout=5) as answer:
        metrics = answer.read().decode()
    return sum(int(float(line.rsplit(" ", 1)[1])) for line in metrics.splitlines()
               if line.startswith('translint_requests_total{path="/v1/check"'))


def test_typing_checks_and_offsets_count_utf16(browser: Any, server: str) -> None:
    """A story typed in is checked when typing stops, and again on Ctrl+Enter; a character
    beyond the Basic Multilingual Plane before a finding does not shift its span."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser
    driver.find_element(By.ID, "tab-check").click()
    # chromedriver types only BMP characters: the emoji goes in as a paste would.
    driver.execute_script(r"""
        const story = document.getElementById('story');
        story.value = '\u{1F4F0} Breaking: ';
        story.dispatchEvent(new Event('input'));""")
    story = driver.find_element(By.ID, "story")
    story.click()
    story.send_keys(Keys.END, "officials in Kiev met on Monday.")
    _wait(driver, lambda: any(item["text"] == "Kiev" for item in _listed(driver))
          and "·" in driver.find_element(By.ID, "status").text, "the check after typing")
    text = _story(driver)
    assert text.startswith("\U0001F4F0")
    kiev = next(item for item in _listed(driver) if item["text"] == "Kiev")
    driver.find_element(By.CSS_SELECTOR,
                        f'li[data-index="{kiev["index"]}"] .finding-select').click()
    selected = driver.execute_script(
        "const s = document.getElementById('story');"
        "return s.value.slice(s.selectionStart, s.selectionEnd)")
    assert selected == "Kiev"
    marked = driver.execute_script(
        "return [...document.querySelectorAll('#overlay mark')].map((m) => m.textContent)")
    assert "Kiev" in marked

    before = _checks_answered(server)
    story.send_keys(Keys.CONTROL, Keys.ENTER)
    _wait(driver, lambda: _checks_answered(server) == before + 1, "the check on Ctrl+Enter")
    assert _story(driver) == text


def test_server_errors_are_shown_in_the_page(browser: Any) -> None:
    """A story over the server's body limit: the page says so (413), it does not hang."""
    from selenium.webdriver.common.by import By

    driver = browser
    driver.find_element(By.ID, "tab-check").click()
    driver.execute_script("""
        const story = document.getElementById('story');
        story.value = 'Kiev is far. '.repeat(250000);
        story.dispatchEvent(new Event('input'));""")
    driver.find_element(By.ID, "check").click()
    error = driver.find_element(By.ID, "error")
    _wait(driver, error.is_displayed, "the error")
    assert "(413)" in error.text and "too long" in error.text


def test_a_server_that_requires_a_token(tmp_path: Path) -> None:
    """Started with --require-token, the server answers the page 401 until the token is
    typed into the page's token field; then the page checks."""
    from selenium.webdriver.common.by import By

    _require_browser()
    token = "page-test-token-5f1c"
    with _serving(tmp_path, "--require-token", env={"TRANSLINT_TOKEN": token}) as url, \
            _chromium(url, tmp_path / "profile") as driver:
        story = driver.find_element(By.ID, "story")
        story.send_keys("Officials in Kiev met on Monday.")
        driver.find_element(By.ID, "check").click()
        error = driver.find_element(By.ID, "error")
        _wait(driver, error.is_displayed, "the 401")
        assert "(401)" in error.text and "token" in error.text
        field = driver.find_element(By.ID, "token")
        assert field.is_displayed()
        field.send_keys(token)
        driver.find_element(By.ID, "check").click()
        _wait(driver, lambda: any(item["text"] == "Kiev" for item in _listed(driver)),
              "the check with the token")
        assert not error.is_displayed()


DESK = """\
# The desk's own names.
[glossary]
name = "desk"

[[entry]]
id = "dravnik"
kind = "place"
  [entry.forms.en]
  preferred = "Dravnik"
"""


def test_an_editor_adds_a_glossary_entry_and_a_check_uses_it(tmp_path: Path) -> None:
    """The glossary view's form, by keyboard: without the token 401, with a wrong one 403,
    a bad id 422, then the entry is added (written to the server's glossary file), a second
    time 409, and a check of the story flags the spelling the new entry disfavours."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _require_browser()
    token = "desk-token-8a2e"
    desk = tmp_path / "desk.toml"
    desk.write_text(DESK, encoding="utf-8")
    story_text = "The mayor of Blorwick met officials in Dravnik on Monday."
    with _serving(tmp_path, "--no-config", "--glossary", "@bundled", "--glossary", str(desk),
                  env={"TRANSLINT_TOKEN": token}) as url, \
            _chromium(url, tmp_path / "profile") as driver:
        story = driver.find_element(By.ID, "story")
        story.send_keys(story_text)
        driver.find_element(By.ID, "check").click()
        _wait(driver, lambda: "·" in driver.find_element(By.ID, "status").text, "the check")
        assert not any(item["text"] == "Blorwick" for item in _listed(driver))

        driver.find_element(By.ID, "tab-glossary").click()
        summary = driver.find_element(By.CSS_SELECTOR, "#entry-box summary")
        summary.send_keys(Keys.ENTER)  # opens the form, by keyboard
        entry_id = driver.find_element(By.ID, "entry-id")
        _wait(driver, entry_id.is_displayed, "the form to add an entry")
        error = driver.find_element(By.ID, "entry-error")

        def submit(**fields: str) -> None:
            for name, value in fields.items():
                field = driver.find_element(By.ID, f"entry-{name}")
                field.clear()
                field.send_keys(value)
            driver.find_element(By.ID, "entry-id").send_keys(Keys.ENTER)

        def refused(status: int) -> str:
            _wait(driver, lambda: error.is_displayed() and f"({status})" in error.text,
                  f"the {status}")
            text: str = error.text
            return text

        submit(id="blorvik", preferred="Blorvik", variants="Blorwick", note="Port town")
        assert "token" in refused(401)
        submit(token="not-the-token")
        assert "the token sent is not the server's" in refused(403)
        assert driver.switch_to.active_element.get_attribute("id") == "entry-token"
        submit(id="Blorvik Town", token=token)
        assert "must be lower-case letters" in refused(422)
        assert "blorvik" not in desk.read_text(encoding="utf-8")
        submit(id="blorvik")
        status = driver.find_element(By.ID, "entry-status")
        _wait(driver, lambda: "checks use it now" in status.text, "the entry added")
        assert not error.is_displayed()
        assert "Added Blorvik (blorvik) to" in status.text
        written = desk.read_text(encoding="utf-8")
        assert written.startswith(DESK) and 'id = "blorvik"' in written and "Blorwick" in written
        # The search shows the new entry.
        _wait(driver, lambda: "matching “blorvik”" in driver.find_element(
            By.ID, "glossary-status").text, "the search for the new entry")
        results = driver.find_elements(By.CSS_SELECTOR, "#glossary-results li")
        assert [element.get_attribute("data-entry") for element in results] == ["blorvik"]
        assert "Note: Port town" in results[0].text
        submit(id="blorvik", preferred="Blorvik")
        assert "exists already" in refused(409)

        # A check of the story now flags what the new entry disfavours.
        driver.find_element(By.ID, "tab-check").click()
        driver.find_element(By.ID, "check").click()
        _wait(driver, lambda: any(item["text"] == "Blorwick" for item in _listed(driver)),
              "the finding from the new entry")
        finding = next(item for item in _listed(driver) if item["text"] == "Blorwick")
        item = driver.find_element(By.CSS_SELECTOR, f'li[data-index="{finding["index"]}"]')
        assert "Blorvik" in item.text, item.text
