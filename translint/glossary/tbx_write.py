"""Glossaries written as TBX v3 (TBX-Basic, DCA style), with translint's own data
categories for what TBX has no place for (see ``translint.glossary.tbx``, which reads them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def write_tbx(glossary: Glossary) -> str:
    """Write ``glossary`` as TBX v3 (TBX-Basic, DCA style) with translint's data categories."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang={_attribute(glossary.fallback_lang)} '
        f'xmlns="{TBX_NAMESPACE}">',
        "  <tbxHeader>", "    <fileDesc>", "      <titleStmt>",
        f"        <title>{_text(glossary.name)}</title>",
    ]
    if glossary.description is not None:
        lines.append(f"        <note>{_text(glossary.description)}</note>")
    lines += ["      </titleStmt>", "      <sourceDesc>",
              "        <p>A translint glossary: names and their written forms per language.</p>",
              "      </sourceDesc>", "    </fileDesc>", "  </tbxHeader>", "  <text>",
              "    <body>"]
    for entry in glossary.entries:
        lines.extend("      " + line for line in _concept_lines(entry))
    lines += ["    </body>", "  </text>", "</tbx>"]
    return "\n".join(lines) + "\n"


def _concept_lines(entry: Entry) -> Iterator[str]:
    entry_id = entry.id if entry.id[:1].isalpha() else "_" + entry.id
    yield f"<conceptEntry id={_attribute(entry_id)}>"
    yield f'  <admin type="{KIND_TYPE}">{_text(entry.kind)}</admin>'
    for phrase in entry.exceptions:
        yield f'  <descrip type="{EXCEPTION_TYPE}">{_text(phrase)}</descrip>'
    if entry.note is not None:
        yield f"  <note>{_text(entry.note)}</note>"
    if entry.source is not None:
        yield f'  <admin type="source">{_text(entry.source)}</admin>'
    languages: dict[str, list[str]] = {}
    for name, given in ((entry.name, False), (entry.given, True)):
        if name is None:
            continue
        for lang, forms in name.forms.items():
            terms = languages.setdefault(lang, [])
            terms += _term_lines(forms.preferred, "preferred", given, forms.source)
            for form in forms.accepted:
                terms += _term_lines(form, "accepted", given)
            for form in forms.variants:
                terms += _term_lines(form, "variant", given)
        for form in name.variants:
            languages.setdefault(ENTRY_LANG, []).extend(_term_lines(form, "variant", given))
    for lang, terms in languages.items():
        yield f"  <langSec xml:lang={_attribute(lang)}>"
        yield from ("    " + line for line in terms)
        yield "  </langSec>"
    yield "</conceptEntry>"


def _term_lines(form: str, role: str, given: bool, source: str | None = None) -> list[str]:
    lines = ["<termSec>", f"  <term>{_text(form)}</term>",
             f'  <termNote type="administrativeStatus">{STATUS_VALUES[role]}</termNote>']
    if given:
        lines.append(f'  <termNote type="{NAME_PART_TYPE}">given</termNote>')
    if source is not None:
        lines.append(f'  <admin type="source">{_text(source)}</admin>')
    lines.append("</termSec>")
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
