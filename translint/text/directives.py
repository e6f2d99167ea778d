"""Inline suppressions written in the text itself.

    <!-- translint-disable TL101 -->        off until translint-enable (codes optional)
    <!-- translint-enable TL101 -->
    <!-- translint-disable-line TL102 -->   off on this line
    <!-- translint-disable-next-line -->    off on the next line

    <!-- translint-disable-next-line TL101 -- quoting a 1990 document -->

Codes may be prefixes (``TL1`` means every TL1xx check); no code means every check.
Everything after `` -- `` is the reason, kept as written and never read as codes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from translint.text.lines import line_starts

_DIRECTIVE = re.compile(
    r"<!--\s*translint-(?P<verb>disable-next-line|disable-line|disable|enable)\b"
    r"(?P<codes>[^>]*?)\s*-->"
)
_CODE = re.compile(r"[A-Za-z]+\d*")
# Between the codes and the reason: " -- " (at the end of the comment, "--" alone).
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")


@dataclass
class Suppression:
    """One directive: which codes it silences on which lines (1-based, inclusive), and
    where it is written (``start``, ``end``: offsets of the comment in the text)."""

    line: int
    first: int
    last: int
    codes: tuple[str, ...]
    start: int = 0
    end: int = 0
    verb: str = "disable"
    reason: str | None = None

    def covers(self, code: str, line: int) -> bool:
        """Tell whether a finding with ``code`` on ``line`` is silenced."""
        if not self.first <= line <= self.last:
            return False
        return not self.codes or any(code.startswith(prefix) for prefix in self.codes)


@dataclass
class Suppressions:
    """All directives of one document."""

    items: list[Suppression] = field(default_factory=list)

    def covering(self, code: str, line: int) -> list[int]:
        """The indexes (in ``items``) of every directive that silences ``code`` on ``line``."""
        return [index for index, item in enumerate(self.items) if item.covers(code, line)]


def parse_suppressions(text: str) -> Suppressions:
    """Read the directives of ``text``."""
    if "translint-" not in text:
        return Suppressions()
    items: list[Suppression] = []
    open_blocks: list[Suppression] = []
    starts = line_starts(text)
    last_line = len(starts)
    for match in _DIRECTIVE.finditer(text):
        line = bisect.bisect_right(starts, match.start())
        written, reason = _codes_and_reason(match.group("codes"))
        codes = tuple(code.upper() for code in _CODE.findall(written))
        verb = match.group("verb")
        start, end = match.span()
        if verb == "disable-line":
            items.append(Suppression(line, line, line, codes, start, end, verb, reason))
        elif verb == "disable-next-line":
            items.append(Suppression(line, line + 1, line + 1, codes, start, end, verb,
                                     reason))
        elif verb == "disable":
            block = Suppression(line, line, last_line, codes, start, end, verb, reason)
            open_blocks.append(block)
            items.append(block)
        else:
            for block in list(open_blocks):
                if not codes or block.codes == codes:
                    block.last = line
                    open_blocks.remove(block)
    return Suppressions(items)


def _codes_and_reason(written: str) -> tuple[str, str | None]:
    """Split what follows a directive's verb into its codes and its reason (``None`` when
    there is no `` -- ``; an empty reason counts as none)."""
    split = _REASON.search(written)
    if split is None:
        return written, None
    reason = " ".join(written[split.end():].split())
    return written[:split.start()], reason or None
