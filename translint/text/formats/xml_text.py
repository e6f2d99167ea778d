"""What the XML formats (XLIFF, TMX) share: a safe expat parser that says where each piece
of text starts, element names without their namespace, character offsets of the byte
offsets expat reports, and the file's prose made from the runs of text that are copy."""

from __future__ import annotations

from typing import Any
from xml.parsers import expat

from translint.text.mask import mask_non_prose


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


class CharOffsets:
    """Character offsets of byte offsets of UTF-8 ``data``, cheap when asked in order."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.byte = 0
        self.char = 0

    def of(self, byte: int) -> int:
        """The character offset of ``byte``."""
        if byte < self.byte:
            self.byte = self.char = 0
        self.char += len(self.data[self.byte:byte].decode("utf-8"))
        self.byte = byte
        return self.char


def prose_of_runs(text: str, runs: list[tuple[int, int]]) -> str:
    """``text`` with everything but the byte ``runs`` of its UTF-8 form blanked (same
    length, line breaks kept); URLs and e-mail addresses in the runs are blanked too."""
    data = text.encode("utf-8")
    masked = mask_non_prose(text)
    out = [char if char in "\r\n" else " " for char in text]
    offsets = CharOffsets(data)
    for start, end in sorted(runs):
        first, last = offsets.of(start), offsets.of(end)
        out[first:last] = masked[first:last]
    return "".join(out)
