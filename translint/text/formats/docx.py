"""Word documents (DOCX), read-only: the text of each paragraph, one paragraph a line.

A DOCX file is a zip archive whose ``word/document.xml`` holds the body. Every paragraph
(``w:p``, in body text, tables, text boxes alike, in document order) becomes one line, so a
finding's line is its paragraph's number (empty paragraphs count) and its column the
character in that paragraph. Text runs (``w:t``) are joined, a tab (``w:tab``) is a tab,
a line break inside a paragraph (``w:br``, ``w:cr``) a space; deleted text of tracked
changes (``w:delText``) is left out. Headers, footers, footnotes and comments are not read.

The XML is parsed with defusedxml (no entity expansion, no external entities). Fixes cannot
be written back into a Word file: ``--fix`` and ``--diff`` refuse it (``Format.writable``).
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from defusedxml.common import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from translint.text.formats.base import Format
from translint.text.mask import mask_non_prose

WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "word/document.xml"
MAX_XML_BYTES = 256 * 1024 * 1024  # the body of a zip bomb is refused before it is read


def extract_docx(data: bytes) -> str:
    """The text of a DOCX file's body, one paragraph a line; a ``ValueError`` saying what
    is wrong when ``data`` is not a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(BODY)
            if info.file_size > MAX_XML_BYTES:
                raise ValueError(f"its text is over {MAX_XML_BYTES // 2**20} MB unpacked")
            body = archive.read(info)
    except KeyError:
        raise ValueError(f"not a Word document: no {BODY} in the archive") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        raise ValueError("not a Word document (DOCX): not a readable zip archive") from None
    try:
        root = fromstring(body, forbid_dtd=True)
    except (ParseError, DefusedXmlException) as error:
        raise ValueError(f"not a Word document: {BODY} is not well-formed XML ({error})") \
            from None
    return "\n".join(_paragraph_text(paragraph) for paragraph in root.iter(f"{WORD}p"))


def _paragraph_text(paragraph: Element) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts).replace("\n", " ").replace("\r", " ")


def _collect(element: Element, parts: list[str]) -> None:
    """The text of ``element``'s runs, but not of a paragraph nested in it (a text box's:
    it is a line of its own)."""
    for child in element:
        if child.tag == f"{WORD}p":
            continue
        if child.tag == f"{WORD}t" and child.text:
            parts.append(child.text)
        elif child.tag == f"{WORD}tab":
            parts.append("\t")
        elif child.tag in (f"{WORD}br", f"{WORD}cr"):
            parts.append(" ")
        _collect(child, parts)


FORMAT = Format(name="docx", suffixes=(".docx",), prose=mask_non_prose,
                description="Word documents, read-only: the text of each paragraph, one "
                            "paragraph a line.", extract=extract_docx)
