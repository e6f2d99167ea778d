"""Reading text: documents with offsets ↔ line:column, prose masking, language."""

from translint.text.document import Document, make_document

__all__ = ["Document", "make_document"]
