"""TBX files parsed safely into a tree of elements, each with its line.

XML is parsed with defusedxml: entity declarations (entity expansion, external
entities) and DTD internal subsets are refused; a DOCTYPE naming an external DTD, as TBX
v2 files often have, is accepted but the DTD is never loaded.
"""

from __future__ import annotations

import io
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from defusedxml.common import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.expatreader import DefusedExpatParser

from translint.errors import GlossaryError

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
MAX_DEPTH = 64  # TBX nests about ten deep; far deeper is not a glossary


@dataclass
class XmlNode:
    """An XML element: local name, attributes (``xml:lang`` under that name), line, content."""

    name: str
    attributes: dict[str, str]
    line: int
    content: list[str | XmlNode] = field(default_factory=list)

    @property
    def children(self) -> Iterator[XmlNode]:
        return (item for item in self.content if isinstance(item, XmlNode))

    def child(self, *names: str) -> XmlNode | None:
        return next((child for child in self.children if child.name in names), None)

    def descendants(self) -> Iterator[XmlNode]:
        for child in self.children:
            yield child
            yield from child.descendants()

    def text(self) -> str:
        return "".join(item if isinstance(item, str) else item.text() for item in self.content)


class _TreeBuilder(xml.sax.handler.ContentHandler):
    """Builds ``XmlNode`` trees from SAX events, keeping each element's line."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.stack: list[XmlNode] = []
        self.root: XmlNode | None = None
        self.locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:
        self.locator = locator

    def startElementNS(self, name: tuple[str | None, str], qname: str | None,
                       attrs: Any) -> None:
        attributes = {("xml:" + local if uri == XML_NAMESPACE else local): value
                      for (uri, local), value in attrs.items()}
        node = XmlNode(name[1], attributes, self.locator.getLineNumber())
        if len(self.stack) >= MAX_DEPTH:
            raise GlossaryError(f"elements nested more than {MAX_DEPTH} deep; this is not a "
                                "TBX glossary", self.path, node.line)
        if self.stack:
            self.stack[-1].content.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].content.append(content)

    def skippedEntity(self, name: str) -> None:
        raise GlossaryError(f"the entity &{name}; is defined only in an external DTD, which "
                            "translint does not load; write the character itself",
                            self.path, self.locator.getLineNumber())


class _SafeParser(DefusedExpatParser):  # type: ignore[misc]
    """defusedxml's SAX parser, also refusing DTD internal subsets and never loading a DTD."""

    def reset(self) -> None:
        super().reset()
        self._parser.StartDoctypeDeclHandler = self._start_doctype
        self._parser.EndDoctypeDeclHandler = self._end_doctype
        self._parser.ExternalEntityRefHandler = self._skip_external
        self._internal_subset: tuple[str, str | None, str | None] | None = None

    def _start_doctype(self, name: str, system_id: str | None, public_id: str | None,
                       has_internal_subset: bool) -> None:
        self._internal_subset = (name, system_id, public_id) if has_internal_subset else None

    def _end_doctype(self) -> None:
        # Refused at the end, so that entity declarations get their own, clearer message.
        if self._internal_subset is not None:
            raise DTDForbidden(*self._internal_subset)

    @staticmethod
    def _skip_external(context: str | None, base: str | None, system_id: str | None,
                       public_id: str | None) -> int:
        return 1  # the external DTD subset: skipped, never fetched


def parse_xml(data: bytes, path: str) -> XmlNode:
    """Parse ``data`` into a tree, refusing what could attack the reader."""
    builder = _TreeBuilder(path)
    parser = _SafeParser(forbid_dtd=False, forbid_entities=True, forbid_external=False)
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setFeature(xml.sax.handler.feature_external_pes, False)
    parser.setContentHandler(builder)
    try:
        parser.parse(io.BytesIO(data))
    except xml.sax.SAXParseException as error:
        raise GlossaryError(f"XML syntax error: {error.getMessage()}", path,
                            error.getLineNumber()) from None
    except EntitiesForbidden as error:
        if error.sysid is not None:
            raise GlossaryError("refused: the file declares an external XML entity (it could "
                                "read local files or the network)", path) from None
        raise GlossaryError("refused: the file declares XML entities (possible "
                            "entity-expansion attack)", path) from None
    except DTDForbidden:
        raise GlossaryError("refused: the file declares a DTD internal subset "
                            "(<!DOCTYPE … [ … ]>); remove it", path) from None
    except DefusedXmlException as error:
        raise GlossaryError(f"refused: unsafe XML ({type(error).__name__})", path) from None
    assert builder.root is not None  # a parse without error has a root element
    return builder.root
