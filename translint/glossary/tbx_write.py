"""Glossaries written as TBX v3 (TBX-Basic, DCA style), with translint's own data
categories for what TBX has no place for (see ``translint.glossary.tbx``, which reads them).

Also as TBX v2 (``martif``, TBX-Basic 2008: ``termEntry/langSet/tig``), which older
terminology tools, translate-toolkit and Weblate read; the structure and the data
categories are the same, only the element names differ. ``strict`` leaves translint's own
data categories out, for tools that refuse unknown ones: the kind, the exception phrases
and people's given names are then not written (a round trip loses them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from translint.errors import GlossaryError
from translint.glossary.model import Entry, Glossary

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
KIND_TYPE = "translint:kind"
EXCEPTION_TYPE = "translint:exception"
NAME_PART_TYPE = "translint:namePart"
ENTRY_LANG = "und"
STATUS_VALUES = {"preferred": "preferredTerm-admn-sts", "accepted": "admittedTerm-admn-sts",
                 "variant": "deprecatedTerm-admn-sts"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Dialect:
    """The element names of one TBX version."""

    root: str
    header: str
    concept: str
    language: str
    term: str


V3 = Dialect("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
V2 = Dialect("martif", "martifHeader", "termEntry", "langSet", "tig")


def write_tbx(glossary: Glossary, version: int = 3, strict: bool = False) -> str:
    """Write ``glossary`` as TBX-Basic: v3 (DCA style) or v2 (``martif``), with translint's
    data categories unless ``strict``."""
    dialect = V3 if version == 3 else V2
    namespace = f' xmlns="{TBX_NAMESPACE}"' if dialect is V3 else ""
    style = ' style="dca"' if dialect is V3 else ""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<{dialect.root} type="TBX-Basic"{style} xml:lang={_attribute(glossary.fallback_lang)}'
        f"{namespace}>",
        f"  <{dialect.header}>", "    <fileDesc>", "      <titleStmt>",
        f"        <title>{_text(glossary.name)}</title>",
    ]
    if glossary.description is not None:
        lines.append(f"        <note>{_text(glossary.description)}</note>")
    lines += ["      </titleStmt>", "      <sourceDesc>",
              "        <p>A translint glossary: names and their written forms per language.</p>",
              "      </sourceDesc>", "    </fileDesc>", f"  </{dialect.header}>", "  <text>",
              "    <body>"]
    for entry in glossary.entries:
        lines.extend("      " + line for line in _concept_lines(entry, dialect, strict))
    lines += ["    </body>", "  </text>", f"</{dialect.root}>"]
    return "\n".join(lines) + "\n"


def _concept_lines(entry: Entry, dialect: Dialect, strict: bool) -> Iterator[str]:
    entry_id = entry.id if entry.id[:1].isalpha() else "_" + entry.id
    yield f"<{dialect.concept} id={_attribute(entry_id)}>"
    if not strict:
        yield f'  <admin type="{KIND_TYPE}">{_text(entry.kind)}</admin>'
        for phrase in entry.exceptions:
            yield f'  <descrip type="{EXCEPTION_TYPE}">{_text(phrase)}</descrip>'
    if entry.note is not None:
        yield f"  <note>{_text(entry.note)}</note>"
    if entry.source is not None:
        yield f'  <admin type="source">{_text(entry.source)}</admin>'
    languages: dict[str, list[str]] = {}
    for name, given in ((entry.name, False), (entry.given, True)):
        if name is None or (given and strict):
            continue
        for lang, forms in name.forms.items():
            terms = languages.setdefault(lang, [])
            terms += _term_lines(dialect, forms.preferred, "preferred", given, forms.source)
            for form in forms.accepted:
                terms += _term_lines(dialect, form, "accepted", given)
            for form in forms.variants:
                terms += _term_lines(dialect, form, "variant", given)
        for form in name.variants:
            languages.setdefault(ENTRY_LANG, []).extend(
                _term_lines(dialect, form, "variant", given))
    for lang, terms in languages.items():
        yield f"  <{dialect.language} xml:lang={_attribute(lang)}>"
        yield from ("    " + line for line in terms)
        yield f"  </{dialect.language}>"
    yield f"</{dialect.concept}>"


def _term_lines(dialect: Dialect, form: str, role: str, given: bool,
                source: str | None = None) -> list[str]:
    lines = [f"<{dialect.term}>", f"  <term>{_text(form)}</term>",
             f'  <termNote type="administrativeStatus">{STATUS_VALUES[role]}</termNote>']
    if given:
        lines.append(f'  <termNote type="{NAME_PART_TYPE}">given</termNote>')
    if source is not None:
        lines.append(f'  <admin type="source">{_text(source)}</admin>')
    lines.append(f"</{dialect.term}>")
    return lines


def _text(value: str) -> str:
    """Escape ``value`` as XML character data (a carriage return survives as &#13;)."""
    _check_xml(value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def _attribute(value: str) -> str:
    _check_xml(value)
    return quoteattr(value)


def _check_xml(value: str) -> None:
    found = _NOT_XML.search(value)
    if found is not None:
        raise GlossaryError(f"cannot write U+{ord(found.group()):04X} in TBX: XML 1.0 has no "
                            f"such character (in {value!r})")
