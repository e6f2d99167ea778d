"""What a glossary value may not hold, and how messages show and name values.

Forms (preferred, accepted, variants, given names, exceptions), entry ids and sources
must not hold control characters (Unicode category Cc, tab and line breaks included),
line or paragraph separators, or the invisible characters that hide a name from matching
or reorder text (``HIDDEN_CHARACTERS``). ``character_problem`` is that rule; every way
into a glossary (TOML, ``glossary add``/``set``, CSV and TBX import) applies it.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters (Cc), line and paragraph separators, and the invisible characters that
# hide a name from matching or reorder text: soft hyphen, zero-width space, word joiner,
# zero-width no-break space (BOM) and the bidirectional embeddings, overrides and isolates
# ("Trojan Source"). The zero-width non-joiner and joiner (U+200C, U+200D) spell Persian
# and Indic words: they are allowed.
HIDDEN_CHARACTERS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_CHARACTER_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a line break",
                    "\x85": "a line break"}
_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_TOML_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r",
                 "\x1b": "\\e", '"': '\\"', "\\": "\\\\"}


def character_problem(value: str, what: str) -> str | None:
    """Why ``value`` cannot be a form, an entry id or a source, or ``None`` if it can.

    ``what`` names the value in the message: ``entry "kyiv": the en preferred form`` gives
    ``entry "kyiv": the en preferred form "Ky\\x01iv" holds U+0001 (a control character);
    remove it``.
    """
    found = list(dict.fromkeys(HIDDEN_CHARACTERS.findall(value)))
    if not found:
        return None
    named = [f"U+{ord(char):04X} ({_character_name(char)})" for char in found]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return (f'{what} "{escaped(value)}" holds {listed}; '
            f"remove {'it' if len(found) == 1 else 'them'}")


def escaped(value: str) -> str:
    """``value`` with the characters of ``HIDDEN_CHARACTERS`` written as escapes (``\\x01``,
    ``\\u202e``), so that a message shows them instead of being garbled by them."""
    return HIDDEN_CHARACTERS.sub(_escape_character, value)


def _escape_character(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _SHORT_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _character_name(char: str) -> str:
    if char in _CHARACTER_NAMES:
        return _CHARACTER_NAMES[char]
    if unicodedata.category(char) == "Cc":
        return "a control character"
    return unicodedata.name(char).lower()


def written_pattern(value: str) -> re.Pattern[str]:
    """``value`` quoted in TOML, each character as it is or as an escape (``\\u0007``)."""
    parts = []
    for char in value:
        code = ord(char)
        spellings = [re.escape(char), rf"\\u(?i:{code:04x})", rf"\\U(?i:{code:08x})"]
        if code < 0x100:
            spellings.append(rf"\\x(?i:{code:02x})")
        if char in _TOML_ESCAPES:
            spellings.append(re.escape(_TOML_ESCAPES[char]))
        parts.append(f"(?:{'|'.join(spellings)})")
    return re.compile("[\"']" + "".join(parts) + "[\"']")


def value_name(owner: str, role: str, given: bool = False, lang: str = "") -> str:
    """How a message names a value of an entry: ``entry "kyiv": the en accepted form``.

    ``role`` is preferred, accepted, variant, source or exception; ``given``: of a person's
    given name; ``lang``: of that language's forms (none: of the entry).
    """
    where = f"{lang} " if lang else ""
    if role in ("preferred", "accepted"):
        return f"{owner}: the {where}{role} {'given name' if given else 'form'}"
    return f"{owner}: the {where}{'given-name ' if given else ''}{role}"
