"""What the XLIFF modules share: a safe expat parser, element names without their
namespace, and the inline elements whose content is native code, not text of the copy."""

from __future__ import annotations

from typing import Any
from xml.parsers import expat

# Inline elements whose content is native code, not text of the copy.
CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "cp"})


def local_name(name: str) -> str:
    """An element's name without its namespace (expat gives ``uri local`` with namespaces)."""
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


def _refuse_entity(*_: Any) -> int:
    raise ValueError("entity declarations and external entities are refused")


def new_parser() -> expat.XMLParserType:
    """An expat parser that reports each piece of text where it starts and refuses entity
    declarations and external entities (as defusedxml does)."""
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")
    parser.buffer_text = False
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_entity
    return parser


def parse(parser: expat.XMLParserType, data: bytes) -> None:
    """Parse ``data``; a file that is not well-formed raises a ``ValueError`` naming the line."""
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise ValueError(f"not well-formed XML at line {error.lineno}: "
                         f"{expat.ErrorString(error.code)}") from None
