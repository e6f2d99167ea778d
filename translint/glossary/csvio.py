"""Read and write glossaries as CSV: one row per written form, for spreadsheets.

Columns (a header row names them, in any order; ``kind``, ``source`` and ``note`` may be
left out): ``id,kind,lang,status,form,source,note``. The rows of one entry stand
together; entries keep the order of their first row. ``status`` says what a row is:

===============  ======  ====================================================
status           lang    form is
===============  ======  ====================================================
entry            empty   empty: the row carries the entry's ``source`` and ``note``
preferred        xx      ``forms.xx.preferred``; ``source`` here is ``forms.xx.source``
accepted         xx      one of ``forms.xx.accepted``
variant          xx      one of ``forms.xx.variants`` (disfavoured in xx only)
variant          empty   one of the entry's ``variants`` (disfavoured everywhere)
exception        empty   one of the entry's ``exceptions`` (phrases)
given-preferred  xx      a person's given name, ``given.forms.xx.preferred`` (+ source)
given-accepted   xx      one of ``given.forms.xx.accepted``
given-variant    xx      one of ``given.forms.xx.variants``
given-variant    empty   one of ``given.variants``
===============  ======  ====================================================

An optional first row with status ``glossary`` carries the glossary itself: its name in
``id``, ``fallback_lang`` in ``lang`` and the description in ``note`` (without it, the
name is the file name and the fallback language ``en``).

``kind`` may stand on any row of the entry (the writer puts it on the ``entry`` row);
rows that give it must agree. Accepted forms and variants keep the order of their rows.
Cells are trimmed; a UTF-8 byte-order mark is ignored; the delimiter may be a comma, a
semicolon or a tab, as the header row shows (``delimiter_of``). A written cell that holds a comma,
a double quote or a line break (a lone carriage return too) is quoted. Each problem is
reported as ``file.csv:LINE: message`` and the result is checked with the TOML loader's
rules.

Formula cells: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return as a formula (CSV injection). ``write_csv`` puts an apostrophe
before such a cell (``=HYPERLINK(…)`` is written ``'=HYPERLINK(…)``) and, so that every
value reads back exactly, before a cell that starts with an apostrophe followed by one of
those characters or by another apostrophe (``'=x`` is written ``''=x``). ``read_csv``
takes one apostrophe off the start of a (trimmed) cell when the next character is one of
those six or an apostrophe. Any other apostrophe stays: ``'s-Hertogenbosch`` is written
and read as it is.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from translint.errors import GlossaryError, GlossaryErrors
from translint.glossary.model import Entry, Glossary, LanguageForms, Location, NameForms
from translint.glossary.serialise import validate_glossary

COLUMNS = ("id", "kind", "lang", "status", "form", "source", "note")
DELIMITERS = (",", ";", "\t")  # the first wins a tie
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTED_STARTS = (*FORMULA_STARTS, "'")
REQUIRED_COLUMNS = ("id", "lang", "status", "form")
STATUSES = ("glossary", "entry", "preferred", "accepted", "variant", "exception",
            "given-preferred", "given-accepted", "given-variant")
_NEEDS_LANG = frozenset({"preferred", "accepted", "given-preferred", "given-accepted"})
_NO_LANG = frozenset({"entry", "exception"})
_GLOSSARY_CELLS = ("id", "lang", "status", "note")
_TAKES_SOURCE = frozenset({"entry", "preferred", "given-preferred"})


@dataclass
class _Language:
    """The forms of one language as the rows give them."""

    line: int
    preferred: str | None = None
    accepted: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    source: str | None = None


@dataclass
class _Name:
    """A family (or place) name or a given name as the rows give it."""

    languages: dict[str, _Language] = field(default_factory=dict)
    variants: list[str] = field(default_factory=list)
    seen: bool = False


@dataclass
class _Entry:
    """One entry as its rows give it."""

    id: str
    line: int
    kind: str | None = None
    kind_line: int = 0
    note: str | None = None
    source: str | None = None
    entry_row: int | None = None
    exceptions: list[str] = field(default_factory=list)
    name: _Name = field(default_factory=_Name)
    given: _Name = field(default_factory=_Name)


def quote_formula(value: str) -> str:
    """``value`` as a cell no spreadsheet runs as a formula (``'`` put before it if needed);
    ``unquote_formula`` gives ``value`` back."""
    if value[:1] in FORMULA_STARTS or (value[:1] == "'" and value[1:2] in _QUOTED_STARTS):
        return "'" + value
    return value


def unquote_formula(cell: str) -> str:
    """The value of a cell ``quote_formula`` wrote: without the ``'`` it put before it."""
    if cell[:1] == "'" and cell[1:2] in _QUOTED_STARTS:
        return cell[1:]
    return cell


def delimiter_of(text: str) -> str:
    """The delimiter the header row uses: the comma, or the semicolon or tab that spreadsheets
    in many locales write, whichever splits the first row into the most known column names."""
    first = next((line for line in text.lstrip("\ufeff").splitlines() if line.strip()), "")

    def known(delimiter: str) -> int:
        return sum(cell.strip().strip('"').strip().lower() in COLUMNS
                   for cell in first.split(delimiter))

    return max(DELIMITERS, key=known)


def write_csv(glossary: Glossary) -> str:
    """Write ``glossary`` as CSV, one row per written form (formula cells quoted)."""
    rows = [list(COLUMNS), [glossary.name, "", glossary.fallback_lang, "glossary", "", "",
                            glossary.description or ""]]
    for entry in glossary.entries:
        rows.append([entry.id, entry.kind, "", "entry", "", entry.source or "",
                     entry.note or ""])
        rows.extend(_row(entry.id, "", "exception", phrase) for phrase in entry.exceptions)
        rows.extend(_name_rows(entry.id, entry.name, ""))
        if entry.given is not None:
            rows.extend(_name_rows(entry.id, entry.given, "given-"))
    return "".join(",".join(_field(quote_formula(cell)) for cell in row) + "\n"
                   for row in rows)


def _field(cell: str) -> str:
    """``cell`` as a CSV field, quoted when it holds a comma, a quote or a line break.

    (``csv.writer`` with ``"\\n"`` line ends leaves a lone carriage return unquoted, and
    a spreadsheet would start a new row there.)
    """
    if any(char in cell for char in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _row(entry_id: str, lang: str, status: str, form: str, source: str | None = None
         ) -> list[str]:
    return [entry_id, "", lang, status, form, source or "", ""]


def _name_rows(entry_id: str, name: NameForms, prefix: str) -> list[list[str]]:
    rows = [_row(entry_id, "", f"{prefix}variant", form) for form in name.variants]
    for lang, forms in name.forms.items():
        rows.append(_row(entry_id, lang, f"{prefix}preferred", forms.preferred, forms.source))
        rows.extend(_row(entry_id, lang, f"{prefix}accepted", form) for form in forms.accepted)
        rows.extend(_row(entry_id, lang, f"{prefix}variant", form) for form in forms.variants)
    return rows


def read_csv(text: str, path: str = "<csv>") -> Glossary:
    """Read a glossary from CSV text; ``path`` is used in error messages."""
    return _CsvReader(path).read(text.removeprefix("\ufeff"))


class _CsvReader:
    """Collects the rows of a CSV glossary into entries, with located problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[GlossaryError] = []
        self.entries: dict[str, _Entry] = {}
        self.last_id: str | None = None
        self.header: dict[str, str] = {}

    def _report(self, message: str, line: int) -> None:
        self.problems.append(GlossaryError(message, self.path, line))

    def read(self, text: str) -> Glossary:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True,
                            delimiter=delimiter_of(text))
        columns: dict[str, int] | None = None
        line = 1
        try:
            for row in reader:
                if any(cell.strip() for cell in row):
                    if columns is None:
                        columns = self._header(row, line)
                        if columns is None:
                            break
                    else:
                        self._row(row, columns, line)
                line = reader.line_num + 1
        except csv.Error as error:
            raise GlossaryError(f"CSV syntax error: {error}", self.path,
                                reader.line_num) from None
        if columns is None and not self.problems:
            self._report(f"no header row; the first row must name the columns "
                         f"{','.join(COLUMNS)}", 1)
        entries = [self._entry(raw) for raw in self.entries.values()]
        if self.problems:
            raise GlossaryErrors(self.problems)
        glossary = Glossary(name=self.header.get("id") or Path(self.path).stem,
                            entries=tuple(entry for entry in entries if entry is not None),
                            description=self.header.get("note") or None,
                            fallback_lang=self.header.get("lang") or "en", path=self.path)
        return validate_glossary(glossary, self.path)

    def _header(self, row: list[str], line: int) -> dict[str, int] | None:
        columns: dict[str, int] = {}
        for index, cell in enumerate(row):
            name = cell.strip().lower()
            if name not in COLUMNS:
                self._report(f'unknown column "{cell.strip()}"; the columns are '
                             f"{', '.join(COLUMNS)}", line)
            elif name in columns:
                self._report(f'column "{name}" appears twice', line)
            columns[name] = index
        for name in REQUIRED_COLUMNS:
            if name not in columns:
                self._report(f'missing column "{name}"; the header must name '
                             f"{', '.join(REQUIRED_COLUMNS)} (and may name kind, source, note)",
                             line)
        return None if self.problems else columns

    def _row(self, row: list[str], columns: dict[str, int], line: int) -> None:
        if len(row) > len(columns):
            self._report(f"{len(row)} fields, but the header names {len(columns)} columns",
                         line)
            return
        cells = {name: unquote_formula(row[index].strip()) if index < len(row) else ""
                 for name, index in columns.items()}
        entry_id, status, lang, form = cells["id"], cells["status"], cells["lang"], cells["form"]
        if not entry_id:
            self._report("the id is empty; every row names its entry", line)
            return
        if status not in STATUSES:
            self._report(f'unknown status "{status}"; expected one of {", ".join(STATUSES)}',
                         line)
            return
        if status == "glossary":
            self._glossary(cells, line)
            return
        entry = self._entry_of(entry_id, line)
        if entry is None:
            return
        if cells.get("kind"):
            self._kind(entry, cells["kind"], line)
        if not self._row_is_complete(status, lang, form, cells, line):
            return
        if status == "entry":
            if entry.entry_row is not None:
                self._report(f'a second "entry" row for "{entry_id}" (the first is on line '
                             f"{entry.entry_row})", line)
            entry.entry_row = line
            entry.source = cells.get("source") or None
            entry.note = cells.get("note") or None
        elif status == "exception":
            entry.exceptions.append(form)
        elif status.startswith("given-"):
            self._form(entry.given, status.removeprefix("given-"), lang, form, cells, line)
        else:
            self._form(entry.name, status, lang, form, cells, line)

    def _glossary(self, cells: dict[str, str], line: int) -> None:
        if self.entries or self.header:
            self._report('the "glossary" row must be the first row after the header', line)
        elif any(value for name, value in cells.items() if name not in _GLOSSARY_CELLS):
            self._report('a "glossary" row has only id (the name), lang (fallback_lang) and '
                         "note (the description)", line)
        else:
            self.header = {"id": cells["id"], "lang": cells["lang"],
                           "note": cells.get("note", "")}

    def _entry_of(self, entry_id: str, line: int) -> _Entry | None:
        """The entry a row belongs to; its rows must stand together."""
        entry = self.entries.get(entry_id)
        if entry is None:
            entry = self.entries[entry_id] = _Entry(entry_id, line)
        elif self.last_id != entry_id:
            self._report(f'the rows of "{entry_id}" must stand together; it already has rows '
                         f"from line {entry.line} (a duplicate id?)", line)
            return None
        self.last_id = entry_id
        return entry

    def _kind(self, entry: _Entry, kind: str, line: int) -> None:
        if entry.kind is None:
            entry.kind, entry.kind_line = kind, line
        elif entry.kind != kind:
            self._report(f'kind "{kind}" contradicts kind "{entry.kind}" on line '
                         f"{entry.kind_line}", line)

    def _row_is_complete(self, status: str, lang: str, form: str, cells: dict[str, str],
                         line: int) -> bool:
        before = len(self.problems)
        if status == "entry" and form:
            self._report('an "entry" row has no form; put forms on their own rows', line)
        if status != "entry" and not form:
            self._report(f'the form is empty on a "{status}" row', line)
        if status in _NEEDS_LANG and not lang:
            self._report(f'a "{status}" row needs a lang', line)
        if status in _NO_LANG and lang:
            self._report(f'an "{status}" row has no lang; leave it empty', line)
        if cells.get("source") and status not in _TAKES_SOURCE:
            self._report(f'a source belongs on the "entry" row or a preferred row, not on a '
                         f'"{status}" row', line)
        if cells.get("note") and status != "entry":
            self._report(f'a note belongs on the "entry" row, not on a "{status}" row', line)
        return len(self.problems) == before

    def _form(self, name: _Name, status: str, lang: str, form: str, cells: dict[str, str],
              line: int) -> None:
        name.seen = True
        if not lang:  # only variants may be without a language
            name.variants.append(form)
            return
        language = name.languages.setdefault(lang, _Language(line))
        if status == "preferred":
            if language.preferred is not None:
                self._report(f'a second preferred form for "{lang}" ("{form}" after '
                             f'"{language.preferred}"); make one of them accepted', line)
            language.preferred = form
            language.source = cells.get("source") or None
        elif status == "accepted":
            language.accepted.append(form)
        else:
            language.variants.append(form)

    def _entry(self, raw: _Entry) -> Entry | None:
        name = self._name_forms(raw.name, raw.id, "")
        given = self._name_forms(raw.given, raw.id, "given-") if raw.given.seen else None
        if name is None or (raw.given.seen and given is None):
            return None
        return Entry(id=raw.id, kind=raw.kind or "term", name=name, given=given,
                     exceptions=tuple(raw.exceptions), note=raw.note, source=raw.source,
                     location=Location(self.path, raw.line))

    def _name_forms(self, raw: _Name, entry_id: str, prefix: str) -> NameForms | None:
        forms: dict[str, LanguageForms] = {}
        for lang, language in raw.languages.items():
            if language.preferred is None:
                self._report(f'"{entry_id}" has {prefix}accepted or {prefix}variant forms for '
                             f'"{lang}" but no {prefix}preferred row', language.line)
                continue
            forms[lang] = LanguageForms(preferred=language.preferred,
                                        accepted=tuple(language.accepted),
                                        variants=tuple(language.variants),
                                        source=language.source)
        if len(forms) < len(raw.languages):
            return None
        return NameForms(forms=forms, variants=tuple(raw.variants))
