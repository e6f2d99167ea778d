"""The documentation works: its links lead somewhere and its command examples run.

The conventions are written for writers at the top of docs/index.md: relative links must name
an existing file and heading (GitHub's and MkDocs' anchors both); every ``translint`` command in
a ``sh``, ``bash`` or ``console`` block runs, with ``bash``, in a temporary folder prepared
here, and exits with a code its page documents; a ``console`` block's output lines are compared
exactly; a block after ``<!-- illustrative -->`` is not run.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT

DOCS_DIR = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS_DIR.glob("*.md"))]
ILLUSTRATIVE = "<!-- illustrative -->"
RUN_LANGUAGES = {"sh", "bash", "console"}

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)")
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t#]*$")
_LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<target>[^()\s]*)(?:\s+\"[^\"]*\")?\)")
_LINK_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*(?P<target>\S+)")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_INVOKES_TRANSLINT = re.compile(r"(?:^|[|;&(]\s*)translint(?:\s|$)")


@dataclass(frozen=True)
class Block:
    """A fenced code block: its language, first line (the fence) and lines, dedented."""

    page: Path
    line: int
    lang: str
    lines: tuple[str, ...]
    illustrative: bool


@dataclass(frozen=True)
class Command:
    """One command of a block, its line, and (in a ``console`` block) its expected output."""

    line: int
    text: str
    output: str | None


def read_page(page: Path) -> tuple[list[str], list[Block]]:
    """The page's prose lines (code blocks blanked, so line numbers stay) and its code blocks."""
    prose: list[str] = []
    blocks: list[Block] = []
    fence: re.Match[str] | None = None
    body: list[str] = []
    start = 0
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if fence is None:
            opening = _FENCE.match(line)
            if opening is None:
                prose.append(line)
                continue
            fence, body, start = opening, [], number
            prose.append("")
            continue
        prose.append("")
        closing = _FENCE.match(line)
        if closing is not None and closing["fence"].startswith(fence["fence"]) \
                and not closing["lang"]:
            before = [text.strip() for text in prose[:start - 1] if text.strip()]
            blocks.append(Block(page, start, fence["lang"], tuple(body),
                                bool(before) and before[-1] == ILLUSTRATIVE))
            fence = None
            continue
        body.append(line[len(fence["indent"]):] if line.startswith(fence["indent"]) else line)
    return prose, blocks


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.replace("`", "").replace("*", "").lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def mkdocs_slug(heading: str) -> str:
    """The anchor MkDocs (Python-Markdown's toc) gives a heading: ASCII only, runs collapsed."""
    text = heading.replace("`", "").replace("*", "")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def anchors(page: Path) -> tuple[set[str], set[str]]:
    """The heading anchors of a page, as GitHub and as MkDocs make them (repeats numbered)."""
    prose, _ = read_page(page)
    github: set[str] = set()
    mkdocs: set[str] = set()
    for line in prose:
        heading = _HEADING.match(line)
        if heading is None:
            continue
        for slug, seen, joint in ((github_slug, github, "-"), (mkdocs_slug, mkdocs, "_")):
            base = slug(heading["text"])
            anchor, count = base, 0
            while anchor in seen:
                count += 1
                anchor = f"{base}{joint}{count}"
            seen.add(anchor)
    return github, mkdocs


def shown(path: Path) -> str:
    """A path as messages show it: relative to the repository when it is inside."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def broken_links(page: Path, docs_dir: Path = DOCS_DIR) -> list[str]:
    """Every relative link of the page that leads nowhere, as ``page:line: target: why``."""
    prose, _ = read_page(page)
    problems: list[str] = []
    for number, line in enumerate(prose, 1):
        text = _CODE_SPAN.sub("", line)
        targets = [match["target"] for match in _LINK.finditer(text)]
        definition = _LINK_DEFINITION.match(text)
        if definition is not None:
            targets.append(definition["target"])
        for target in targets:
            problem = _link_problem(page, target, docs_dir)
            if problem is not None:
                problems.append(f"{shown(page)}:{number}: {target}: {problem}")
    return problems


def _link_problem(page: Path, target: str, docs_dir: Path) -> str | None:
    """Why a link target leads nowhere, or None when it is fine or not relative."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("//"):
        return None
    path_part, _, anchor = target.partition("#")
    destination = (page.parent / path_part).resolve() if path_part else page
    if not destination.exists():
        return "no such file"
    if page.parent == docs_dir and docs_dir.resolve() not in destination.parents:
        return "outside docs/, so not in the built site"
    if not anchor:
        return None
    if destination.suffix != ".md":
        return "an anchor into a file that is not a page"
    github, mkdocs = anchors(destination)
    if anchor not in github or anchor not in mkdocs:
        return f"no heading with this anchor in {destination.name}"
    return None


def commands(block: Block) -> list[Command]:
    """The block's commands that run translint (continuation lines joined), with the output
    lines that follow each in a ``console`` block."""
    found: list[tuple[int, str, list[str] | None]] = []
    pending: list[str] = []
    pending_line = 0
    output: list[str] | None = None
    for offset, raw in enumerate(block.lines, 1):
        if block.lang == "console" and not pending:
            if not raw.startswith("$ "):
                if output is not None:
                    output.append(raw)
                continue
            raw = raw[2:]
        if not pending:
            pending_line = block.line + offset
        pending.append(raw.rstrip().removesuffix("\\").rstrip())
        if raw.rstrip().endswith("\\"):
            continue
        text, pending = " ".join(pending).strip(), []
        output = None
        if text and not text.startswith("#") and _INVOKES_TRANSLINT.search(text):
            output = [] if block.lang == "console" else None
            found.append((pending_line, text, output))
    return [Command(line, text, None if lines is None else "\n".join(lines).rstrip("\n"))
            for line, text, lines in found]


def allowed_exit_codes(text: str) -> set[int]:
    """The exit codes a command's page documents as success: 1 means findings or problems."""
    words = shlex.split(text, comments=True)
    start = words.index("translint") + 1 if "translint" in words else 0
    rest = [word for word in words[start:] if not word.startswith("-")]
    if rest[:1] == ["check"] or rest[:2] in (["glossary", "validate"], ["phrasing", "gate"]):
        return {0, 1}
    return {0}


# A translator's German → English file: the second target drops the source's Kyjiw.
_STORY_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="de" target-language="en" datatype="plaintext" original="story.txt">
    <body>
      <trans-unit id="1">
        <source>Selenskyj empfing Putins Gesandten nicht.</source>
        <target>Zelenskyy did not receive Putin's envoy.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Die Gespräche in Kyjiw dauern an.</source>
        <target>The talks continue.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def prepare_folder(folder: Path) -> Path:
    """The files command examples may name (see docs/index.md); returns the ``bin`` folder."""
    seed = next((ROOT / "seeds").glob("*.txt"))
    story = seed.read_text(encoding="utf-8")
    (folder / "story.txt").write_text(story, encoding="utf-8")
    markdown = "# Talks\n\n" + story
    (folder / "story.md").write_text(markdown, encoding="utf-8")
    (folder / "in.md").write_text(markdown, encoding="utf-8")
    desk = folder / "desk"
    (desk / "archive").mkdir(parents=True)
    for article in sorted((ROOT / "tests" / "corpus" / "clean" / "en").glob("*.md"))[:3]:
        shutil.copy(article, desk / article.name)
    shutil.copy(seed, desk / "story.txt")
    (desk / "archive" / "old.md").write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    (folder / "story.xlf").write_text(_STORY_XLIFF, encoding="utf-8")
    archive = folder / "archive"
    archive.mkdir()
    for name, spelling in (("a.txt", "Syrsky"), ("b.txt", "Syrskyi")):
        sentence = f"General Oleksandr {spelling} said the line held. "
        (archive / name).write_text(sentence * 3 + "\n", encoding="utf-8")
    tools = folder / ".bin"
    tools.mkdir()
    launcher = tools / "translint"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m translint "$@"\n',
                        encoding="utf-8")
    launcher.chmod(0o755)
    return tools


def run_block(block: Block, folder: Path) -> list[str]:
    """Run the block's translint commands in order in ``folder``; what went wrong, if anything."""
    tools = prepare_folder(folder)
    env = {**os.environ, "NO_COLOR": "1", "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    problems: list[str] = []
    where = shown(block.page)
    for command in commands(block):
        result = subprocess.run(["bash", "-o", "pipefail", "-c", command.text], cwd=folder,
                                env=env, stdin=subprocess.DEVNULL, capture_output=True,
                                text=True, timeout=120)
        expected = allowed_exit_codes(command.text)
        if result.returncode not in expected or "Traceback" in result.stderr:
            problems.append(f"{where}:{command.line}: `{command.text}` exited "
                            f"{result.returncode} (documented: {sorted(expected)}): "
                            f"{result.stderr.strip()[-500:]}")
        elif command.output is not None and result.stdout.rstrip("\n") != command.output:
            problems.append(f"{where}:{command.line}: `{command.text}` printed "
                            f"{result.stdout!r}, the page shows {command.output!r}")
    return problems


def _runnable_blocks() -> list[Block]:
    return [block for page in PAGES for block in read_page(page)[1]
            if block.lang in RUN_LANGUAGES and not block.illustrative and commands(block)]


RUNNABLE = _runnable_blocks()


@pytest.mark.parametrize("page", PAGES, ids=[shown(page) for page in PAGES])
def test_every_link_leads_somewhere(page: Path) -> None:
    assert broken_links(page) == []


@pytest.mark.slow  # each block runs in bash, as real processes
@pytest.mark.parametrize("block", RUNNABLE,
                         ids=[f"{shown(block.page)}:{block.line}" for block in RUNNABLE])
def test_every_command_example_runs(block: Block, tmp_path: Path) -> None:
    assert run_block(block, tmp_path) == []


def test_the_examples_are_found() -> None:
    """The parser sees the examples the pages hold (an empty list would pass vacuously)."""
    pages = {block.page.name for block in RUNNABLE}
    assert {"README.md", "command-line.md", "glossary.md", "index.md"} <= pages
    assert sum(len(commands(block)) for block in RUNNABLE) >= 20


# The checker itself: it must catch what it is for.

def test_a_missing_file_an_unknown_anchor_and_a_link_out_of_docs_are_caught(
        tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "outside.md").write_text("# Outside\n", encoding="utf-8")
    page = docs / "page.md"
    page.write_text("# Exit codes\n\n[ok](#exit-codes) [gone](missing.md) [bad](#no-such)\n"
                    "[out](../outside.md) [web](https://example.org/x) `[code](nowhere.md)`\n"
                    "```sh\n[in code](nowhere.md)\n```\n", encoding="utf-8")
    problems = broken_links(page, docs_dir=docs)
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "missing.md: no such file", "#no-such: no heading with this anchor in page.md",
        "../outside.md: outside docs/, so not in the built site"]


def test_slugs_follow_github_and_mkdocs() -> None:
    heading = "Keeping a finding: `[sic]` and directives"
    assert github_slug(heading) == mkdocs_slug(heading) == "keeping-a-finding-sic-and-directives"
    assert github_slug("A – B") == "a--b" and mkdocs_slug("A – B") == "a-b"
    assert github_slug("Übersicht") == "übersicht" and mkdocs_slug("Übersicht") == "ubersicht"


@pytest.mark.slow  # runs bash
def test_a_failing_command_a_wrong_output_and_the_markers_are_understood(
        tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```console\n$ translint translit \"Київ\"\nKiev\n```\n\n"
                    "```sh\ntranslint check no-such-file.txt   # exit 2: an error\n"
                    "make test\n```\n\n<!-- illustrative -->\n"
                    "```sh\ntranslint check article.md\n```\n", encoding="utf-8")
    console, shell, illustrative = read_page(page)[1]
    assert illustrative.illustrative and not shell.illustrative
    assert [command.text for command in commands(shell)] == [
        "translint check no-such-file.txt   # exit 2: an error"]
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    assert "the page shows 'Kiev'" in run_block(console, tmp_path / "one")[0]
    assert "exited 2 (documented: [0, 1])" in run_block(shell, tmp_path / "two")[0]
