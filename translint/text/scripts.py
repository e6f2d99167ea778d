"""Scripts as character classes: Latin, and the other scripts translint recognises in
Latin-script copy (Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic, kana, CJK, Hangul)."""

from __future__ import annotations

import re

LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
OTHER_SCRIPT = "\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0530-\u058f\u10a0-\u10ff" \
    "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
OTHER_SCRIPT_CHAR = re.compile(f"[{OTHER_SCRIPT}]")
LATIN_CHAR = re.compile(f"[{LATIN}]")
