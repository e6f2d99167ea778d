"""Plain text: everything is prose but URLs, e-mail addresses, handles and domains."""

from __future__ import annotations

from translint.text.formats.base import Format
from translint.text.mask import mask_non_prose

FORMAT = Format(name="text", suffixes=(".txt", ".text"), prose=mask_non_prose,
                description="Plain text: all prose but URLs, e-mail addresses, handles and "
                            "domains.")
