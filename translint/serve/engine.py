"""What the server checks with, without HTTP: the configuration and its glossaries, loaded
once, and the linters built from them for the options requests give.

``Engine`` is one configuration's state; ``EngineHolder`` holds the current one, so that a
reload can build a new ``Engine`` aside and swap it in with one assignment (a request
takes ``holder.engine`` once and keeps using it). Linters are built by
``Linter.from_config``, exactly as ``translint check`` builds its own, and kept in a small
most-recently-used table keyed by the options that change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translint.config import CheckOptions, Config, check_options, load_configured_glossaries
from translint.errors import ConfigError
from translint.findings import Finding, Severity
from translint.fix import fix_text
from translint.glossary.model import Entry, Glossary
from translint.linter import Linter, resource_settings
from translint.text.formats import FORMATS_BY_NAME

# The formats a request's text may be in: those of text files (DOCX is a binary file).
TEXT_FORMATS = tuple(name for name, format in FORMATS_BY_NAME.items() if format.extract is None)

FAIL_ON = ("error", "warning", "info", "never")
# Checked once when an engine is built, so that what the checks build on their first English
# document is built before the first request, not during it.
WARM_UP = "Talks between the two delegations resumed in the capital on Tuesday, officials said."
LINTERS_KEPT = 16  # linters for distinct option sets; the least recently used goes first
# Which request field a ConfigError of check_options is about, by the option it names.
_OPTION_FIELDS = (("--source-lang", "source_lang"), ("--select", "select"),
                  ("--ignore", "ignore"), ("--lang", "lang"), ("--fail-on", "fail_on"))


# What picks a request's linter: lang, source_langs, select, ignore.
OptionalStrings = tuple[str, ...] | None
LinterKey = tuple[str | None, OptionalStrings, OptionalStrings, OptionalStrings]


class RequestError(Exception):
    """A request field with a bad value (HTTP 422)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = f"{field}: {message}"


@dataclass(frozen=True)
class CheckRequest:
    """One check: the text and the options a request may change (``None``: the server's
    configuration decides)."""

    text: str
    format: str = "text"
    lang: str | None = None
    source_langs: tuple[str, ...] | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None

    def key(self) -> LinterKey:
        """What picks the linter (the text, the format and fail_on do not)."""
        return (self.lang, self.source_langs, self.select, self.ignore)


@dataclass(frozen=True)
class Checked:
    """A checked text: its findings, the language checked, and whether they fail it."""

    text: str
    language: str | None
    findings: list[Finding]
    fails: bool


@dataclass(frozen=True)
class Fixed:
    """A fixed text, the fixes applied, and the check of the fixed text."""

    text: str
    applied: list[Finding]
    checked: Checked


def _field_of(error: ConfigError) -> str:
    return next((field for option, field in _OPTION_FIELDS if option in error.message), "options")


def _message_of(error: ConfigError) -> str:
    message = error.message
    for option, field in _OPTION_FIELDS:
        message = message.replace(f"{option}: ", "").replace(option, field)
    return message


def _fails(findings: list[Finding], fail_on: Severity | None) -> bool:
    return fail_on is not None and any(finding.severity >= fail_on for finding in findings)


class Engine:
    """One configuration (and the glossaries it names, loaded once) and its linters."""

    def __init__(self, config: Config, glossary_paths: Sequence[str] | None = None,
                 cache_dir: Path | None = None) -> None:
        """Load the configuration's glossaries (``glossary_paths`` overriding them, as
        ``--glossary`` does) and build the default linter; a ``TranslintError`` when they do
        not load."""
        self.config = config
        self.cache_dir = cache_dir  # the glossaries', and the phrasing packs' and indexes'
        self.glossary_paths = tuple(glossary_paths) if glossary_paths else None
        options = check_options(config, glossaries=self.glossary_paths)
        self.glossaries: list[Glossary] = list(
            load_configured_glossaries(config, options.glossaries, cache_dir))
        self.entries: dict[str, tuple[Entry, Glossary]] = {
            entry.id: (entry, glossary)
            for glossary in self.glossaries for entry in glossary.entries}
        self._lock = threading.Lock()
        self._linters: OrderedDict[LinterKey, tuple[Linter, CheckOptions]] = (
            OrderedDict())
        self.default = self._build(CheckRequest(text=""), default=None)
        self.default[0].prepare()
        self.default[0].check_text(WARM_UP)

    def options_for(self, request: CheckRequest) -> CheckOptions:
        """The options of ``translint check`` with the request's changes; a
        ``RequestError`` naming the field of a bad value."""
        try:
            return check_options(
                self.config, glossaries=self.glossary_paths, lang=request.lang,
                select=request.select, ignore=request.ignore, fail_on=request.fail_on,
                source_langs=request.source_langs)
        except ConfigError as error:
            raise RequestError(_field_of(error), _message_of(error)) from None

    def _build(self, request: CheckRequest, default: tuple[Linter, CheckOptions] | None
               ) -> tuple[Linter, CheckOptions]:
        """The linter for ``request``. One that changes only the language or the selection
        shares what ``default`` built (the name index, the phrasing packs and their rule
        indexes): its first check would otherwise build them again, inside the request's
        time limit."""
        options = self.options_for(request)
        like = (default[0] if default is not None
                and resource_settings(options) == default[0].resources.settings else None)
        try:
            linter = Linter.from_config(self.config, options, glossaries=self.glossaries,
                                        cache_dir=self.cache_dir, like=like)
        except ConfigError as error:
            raise RequestError(_field_of(error), _message_of(error)) from None
        return linter, options

    def linter_for(self, request: CheckRequest) -> tuple[Linter, CheckOptions]:
        """The linter and options for ``request`` (built on first use, then kept)."""
        key = request.key()
        if key == CheckRequest(text="").key():
            linter, _ = self.default
            return linter, self.options_for(request)  # fail_on may differ
        with self._lock:
            kept = self._linters.get(key)
            if kept is not None:
                self._linters.move_to_end(key)
        if kept is None:
            kept = self._build(request, self.default)
            with self._lock:
                self._linters[key] = kept
                while len(self._linters) > LINTERS_KEPT:
                    self._linters.popitem(last=False)
        return kept[0], self.options_for(request)

    def warm_like(self, other: Engine) -> None:
        """Build now the linters ``other`` has built for requests, so that a reload does
        not leave the first requests after the swap each building one."""
        with other._lock:
            keys = list(other._linters)
        for lang, source_langs, select, ignore in keys:
            request = CheckRequest("", lang=lang, source_langs=source_langs, select=select,
                                   ignore=ignore)
            try:
                linter = self.linter_for(request)[0]
                linter.prepare()
                linter.check_text(WARM_UP)
            except RequestError:  # an option the new configuration refuses: built on use
                continue

    def check(self, request: CheckRequest) -> Checked:
        """Check the request's text as ``translint check`` would check a file of it."""
        if request.format not in TEXT_FORMATS:
            raise RequestError("format", f"{request.format!r} is not a format of text; the "
                                         f"formats are {', '.join(TEXT_FORMATS)}")
        if request.fail_on is not None and request.fail_on not in FAIL_ON:
            raise RequestError("fail_on", f"{request.fail_on!r}: give one of "
                                          f"{', '.join(FAIL_ON)}")
        linter, options = self.linter_for(request)
        document = linter.make_document(request.text, "<text>", request.format)
        findings = linter.check_document(document)
        return Checked(request.text, document.lang, findings, _fails(findings, options.fail_on))

    def fix(self, request: CheckRequest) -> Fixed:
        """Apply the fixes ``translint check --fix`` would apply, then check the result."""
        checked = self.check(request)
        text, applied = fix_text(request.text, checked.findings)
        after = self.check(CheckRequest(text, request.format, request.lang,
                                        request.source_langs, request.select, request.ignore,
                                        request.fail_on)) if applied else checked
        return Fixed(text, applied, after)


class EngineHolder:
    """The engine requests use now; ``swap`` replaces it atomically (a reload builds the
    new one aside first, so a configuration that does not load leaves the old serving).

    It also keeps what /healthz and /metrics tell of reloads: the content hash of each
    served file (``versions``), the reloads done and failed, the last failure's message
    (cleared by the next reload that succeeds)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.reloads = 0
        self.failed_reloads = 0
        self.reload_error: str | None = None
        self.versions: dict[str, str | None] = {}

    def swap(self, engine: Engine, versions: dict[str, str | None] | None = None) -> None:
        """Serve ``engine`` from the next request on."""
        self.engine = engine
        self.reloads += 1
        self.reload_error = None
        if versions is not None:
            self.versions = versions

    def failed(self, message: str) -> None:
        """Record a reload that did not load (the engine serving stays)."""
        self.failed_reloads += 1
        self.reload_error = message
