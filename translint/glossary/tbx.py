"""Read and write glossaries as TBX (ISO 30042), the exchange format of terminology tools.

Reading is here; writing (``write_tbx``, importable from here) is in
``translint.glossary.tbx_write`` and safe XML parsing in ``translint.glossary.tbx_xml``.

Reading accepts TBX v3 (``tbx/text/body/conceptEntry/langSec/termSec``, DCA or DCT style)
and legacy TBX v2 / TBX-Basic 2008 (``martif/text/body/termEntry/langSet/tig|ntig``);
element names are compared without their namespace. Per concept entry:

* ``id`` → entry id (lower-cased; slugified when it is not a valid id; made from the
  preferred term of the fallback language, or English, when missing);
* each ``langSec``/``langSet`` → the forms of its ``xml:lang`` (lower-cased). Terms with
  administrativeStatus preferredTerm → preferred (a second one → accepted), admittedTerm
  → accepted, deprecatedTerm or supersededTerm → that language's variants; without a
  preferred term, the first admitted or unmarked term is preferred. A language with only
  deprecated terms gives entry-level variants. ``xml:lang="und"`` holds the entry-level
  variants (its deprecated terms);
* ``note`` and ``descrip type="definition"`` of the entry (else of its first language
  that has some) → note; ``admin``/``descrip type="source"`` or ``xref type="xSource"``
  → the entry's source, or, on a preferred term or a language, that language's source
  (tabs and line breaks in a source become spaces; terms have their spaces collapsed).

translint's own data categories keep what TBX has no place for, so that a glossary
written and read back is unchanged: ``<admin type="translint:kind">`` (entry kind),
``<descrip type="translint:exception">`` (one per exception phrase) and
``<termNote type="translint:namePart">given</termNote>`` on the terms of a person's given
name. The root ``xml:lang`` is the glossary's fallback language, ``titleStmt/title`` its
name and ``titleStmt/note`` its description.

XML is parsed with defusedxml: entity declarations (entity expansion, external
entities) and DTD internal subsets are refused; a DOCTYPE naming an external DTD, as TBX
v2 files often have, is accepted but the DTD is never loaded.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from translint.errors import GlossaryError, GlossaryErrors
from translint.glossary.load import ID_PATTERN
from translint.glossary.model import Entry, Glossary, LanguageForms, Location, NameForms
from translint.glossary.serialise import make_id, validate_glossary
from translint.glossary.tbx_write import (
    ENTRY_LANG,
    EXCEPTION_TYPE,
    KIND_TYPE,
    NAME_PART_TYPE,
    STATUS_VALUES,
)
from translint.glossary.tbx_write import write_tbx as write_tbx
from translint.glossary.tbx_xml import XmlNode, parse_xml

# administrativeStatus (TBX v3, TBX-Basic 2008, TBX-Min) and normativeAuthorization (TBX v2)
# values, without the "-admn-sts" suffix, and what they make a term.
_STATUSES = {
    "preferredTerm": "preferred", "standardizedTerm": "preferred", "preferred": "preferred",
    "admittedTerm": "accepted", "legalTerm": "accepted", "regulatedTerm": "accepted",
    "admitted": "accepted",
    "deprecatedTerm": "variant", "supersededTerm": "variant", "deprecated": "variant",
    "superseded": "variant", "notRecommended": "variant", "obsolete": "variant",
    "forbidden": "variant",
}
_CONCEPTS = frozenset({"conceptEntry", "termEntry"})
_LANGUAGES = frozenset({"langSec", "langSet"})
_TERMS = frozenset({"termSec", "tig", "ntig"})
_LINE_BREAKS = re.compile(r"\s*[\t\n\r]\s*")


@dataclass(frozen=True)
class _Term:
    """One term of a language: text, what its status makes it, and its own source."""

    text: str
    role: str  # "preferred", "accepted", "variant" or "" (no status)
    given: bool
    source: str | None


@dataclass
class _Forms:
    """The forms of a family (or place) name or of a given name, gathered language by language."""

    forms: dict[str, LanguageForms] = field(default_factory=dict)
    variants: list[str] = field(default_factory=list)
    seen: bool = False

    def add(self, lang: str, terms: list[_Term], language_source: str | None) -> None:
        """Add what ``terms`` say of ``lang``; variants with no preferred term are entry-wide."""
        if not terms:
            return
        self.seen = True
        deprecated = [term.text for term in terms if term.role == "variant"]
        allowed = [term for term in terms if term.role != "variant"]
        preferred = next((term for term in allowed if term.role == "preferred"),
                         allowed[0] if allowed else None)
        if preferred is None or lang == ENTRY_LANG:
            self.variants.extend(deprecated)
            deprecated = []
        if preferred is not None:
            self.forms[lang] = LanguageForms(
                preferred=preferred.text,
                accepted=tuple(term.text for term in allowed if term is not preferred),
                variants=tuple(deprecated), source=preferred.source or language_source)

    def name_forms(self) -> NameForms:
        return NameForms(forms=self.forms, variants=tuple(self.variants))


def read_tbx(data: bytes, path: str = "<tbx>") -> Glossary:
    """Read a glossary from TBX bytes; ``path`` is used in error messages."""
    return _TbxReader(path).read(parse_xml(data, path))


def _category(node: XmlNode) -> str:
    """What a data element of TBX says: status, part, source, note, kind, exception or ""."""
    kind = node.attributes.get("type", "")
    if node.name == "administrativeStatus" or (
            node.name == "termNote" and kind in ("administrativeStatus",
                                                  "normativeAuthorization")):
        return "status"
    if kind == NAME_PART_TYPE:
        return "part"
    if kind == KIND_TYPE:
        return "kind"
    if kind == EXCEPTION_TYPE:
        return "exception"
    if (node.name == "source" or (node.name in ("admin", "descrip") and kind == "source")
            or (node.name == "xref" and kind == "xSource")):
        return "source"
    if node.name in ("note", "definition") or (node.name == "descrip" and kind == "definition"):
        return "note"
    return ""


def _items(node: XmlNode) -> Iterator[tuple[str, XmlNode]]:
    """The data elements directly on ``node`` (also inside descripGrp and the like)."""
    for child in node.children:
        if child.name.endswith("Grp"):
            for grouped in child.children:
                yield _category(grouped), grouped
        else:
            yield _category(child), child


def _value(node: XmlNode) -> str:
    text = node.text().strip()
    return text or node.attributes.get("target", "").strip()


def _source(node: XmlNode) -> str:
    """A source as one line: a source cannot hold tabs or line breaks, which pretty-printed
    XML puts inside long text."""
    return _LINE_BREAKS.sub(" ", _value(node))


def _joined(values: list[str], separator: str) -> str | None:
    return separator.join(values) if values else None


class _TbxReader:
    """Turns a TBX tree into a ``Glossary``, collecting located problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[GlossaryError] = []
        self.fallback = "en"

    def _report(self, message: str, line: int) -> None:
        self.problems.append(GlossaryError(message, self.path, line))

    def read(self, root: XmlNode) -> Glossary:
        if root.name not in ("tbx", "martif"):
            raise GlossaryError(f"not a TBX file: the root element is <{root.name}>, not <tbx> "
                                "or <martif>", self.path, root.line)
        self.fallback = root.attributes.get("xml:lang", "en").strip().lower() or "en"
        header = root.child("tbxHeader", "martifHeader")
        title_statement = None
        if header is not None and (file_description := header.child("fileDesc")) is not None:
            title_statement = file_description.child("titleStmt")
        title = title_statement.child("title") if title_statement is not None else None
        note = title_statement.child("note") if title_statement is not None else None
        text = root.child("text")
        body = text.child("body") if text is not None else None
        if body is None:
            raise GlossaryError("not a TBX file: no <text><body> element", self.path, root.line)
        entries = [entry for node in body.children if node.name in _CONCEPTS
                   if (entry := self._concept(node)) is not None]
        if self.problems:
            raise GlossaryErrors(self.problems)
        glossary = Glossary(
            name=(title.text().strip() if title is not None else "") or Path(self.path).stem,
            entries=tuple(self._entries(entries)),
            description=(note.text().strip() or None) if note is not None else None,
            fallback_lang=self.fallback, path=self.path)
        return validate_glossary(glossary, self.path)

    def _entries(self, entries: list[Entry]) -> Iterator[Entry]:
        """The entries, with an id made for each that has none."""
        taken = {entry.id for entry in entries}
        for entry in entries:
            if not entry.id:
                base = self._made_id(entry)
                entry_id, number = base, 1
                while entry_id in taken:
                    number += 1
                    entry_id = f"{base}-{number}"
                taken.add(entry_id)
                entry = dataclasses.replace(entry, id=entry_id)
            yield entry

    def _made_id(self, entry: Entry) -> str:
        """An id from the preferred term of the fallback language (or English, or the first)."""
        forms = entry.name.forms
        lang = next((lang for lang in (self.fallback, "en") if lang in forms), None)
        lang = lang or next(iter(forms), None)
        if lang is None:
            return "entry"
        words = [forms[lang].preferred]
        if entry.given is not None and lang in entry.given.forms:
            words.insert(0, entry.given.forms[lang].preferred)
        return make_id(" ".join(words)) or "entry"

    def _concept(self, node: XmlNode) -> Entry | None:
        """The entry of a concept; its id is "" when it has to be made from its terms."""
        before = len(self.problems)
        raw_id = node.attributes.get("id", "").strip()
        found: dict[str, list[str]] = {"kind": [], "exception": [], "note": [], "source": []}
        for category, item in _items(node):
            value = _source(item) if category == "source" else _value(item)
            if category in found and value:
                found[category].append(value)
        family, given = _Forms(), _Forms()
        language_notes: list[str] = []
        seen: dict[str, int] = {}
        for language in node.children:
            if language.name in _LANGUAGES:
                notes = self._language_section(language, seen, family, given)
                language_notes = language_notes or notes
        if len(self.problems) > before:
            return None
        kind = found["kind"][0] if found["kind"] else "person" if given.seen else "term"
        return Entry(
            id=_entry_id(raw_id) if raw_id else "", kind=kind,
            name=family.name_forms(), given=given.name_forms() if given.seen else None,
            exceptions=tuple(" ".join(phrase.split()) for phrase in found["exception"]),
            note=_joined(found["note"] or language_notes, "\n"),
            source=_joined(found["source"], "; "), location=Location(self.path, node.line))

    def _language_section(self, language: XmlNode, seen: dict[str, int], family: _Forms,
                          given: _Forms) -> list[str]:
        """Add the terms of a langSec to ``family`` and ``given``; return its notes."""
        lang = language.attributes.get("xml:lang", "").strip().lower()
        if not lang:
            self._report(f"<{language.name}> has no xml:lang", language.line)
            return []
        if lang in seen:
            self._report(f'a second <{language.name}> for "{lang}" in one entry (the first '
                         f"is on line {seen[lang]}); merge them", language.line)
            return []
        seen[lang] = language.line
        sources: list[str] = []
        notes: list[str] = []
        for category, item in _items(language):
            if category == "source" and (value := _source(item)):
                sources.append(value)
            elif category == "note" and (value := _value(item)):
                notes.append(value)
        terms = [term for container in language.children if container.name in _TERMS
                 if (term := self._term(container)) is not None]
        family.add(lang, [term for term in terms if not term.given],
                   sources[0] if sources else None)
        given.add(lang, [term for term in terms if term.given], None)
        return notes

    def _term(self, container: XmlNode) -> _Term | None:
        term = next((node for node in container.descendants() if node.name == "term"), None)
        text = " ".join(term.text().split()) if term is not None else ""
        if not text:
            self._report(f"<{container.name}> has no term, or an empty one", container.line)
            return None
        role, given, source = "", False, None
        for node in container.descendants():
            category = _category(node)
            value = node.text().strip()
            if category == "status":
                found = _STATUSES.get(value.removesuffix("-admn-sts"))
                if found is None:
                    self._report(f'unknown administrativeStatus "{value}"; expected one of '
                                 f"{', '.join(STATUS_VALUES.values())} or "
                                 "supersededTerm-admn-sts", node.line)
                    return None
                role = found
            elif category == "part":
                if value not in ("given", "family"):
                    self._report(f'{NAME_PART_TYPE} is "{value}"; expected "given" or "family"',
                                 node.line)
                    return None
                given = value == "given"
            elif category == "source" and source is None:
                source = _source(node) or None
        return _Term(text, role, given, source)


def _entry_id(raw: str) -> str:
    """The entry id for a concept id ("" when none can be made from it)."""
    # write_tbx puts "_" before ids that do not start with a letter (XML IDs must).
    lowered = raw.lower().removeprefix("_")
    return lowered if ID_PATTERN.fullmatch(lowered) else make_id(raw)
