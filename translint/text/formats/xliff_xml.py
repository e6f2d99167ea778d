"""What the XLIFF modules share: the safe expat setup of ``xml_text`` (re-exported here),
and the inline elements whose content is native code, not text of the copy."""

from __future__ import annotations

from translint.text.formats.xml_text import local_name, new_parser, parse

# Inline elements whose content is native code, not text of the copy.
CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "cp"})

__all__ = ["CODE_ELEMENTS", "local_name", "new_parser", "parse"]
