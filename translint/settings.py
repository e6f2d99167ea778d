"""Which checks run and how severe their findings are, from options and configuration."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from translint.errors import ConfigError
from translint.findings import Severity

_CODE_PREFIX = re.compile(r"TL\d{0,3}")


def parse_codes(values: list[str] | tuple[str, ...], option: str) -> tuple[str, ...]:
    """Split and validate check codes or code prefixes (``TL101``, ``TL1``, ``TL``)."""
    codes: list[str] = []
    for value in values:
        for part in re.split(r"[,\s]+", value.strip()):
            if not part:
                continue
            code = part.upper()
            if not _CODE_PREFIX.fullmatch(code):
                raise ConfigError(f"{option}: {part!r} is not a check code such as TL101 or "
                                  "a prefix such as TL1")
            codes.append(code)
    return tuple(codes)


@dataclass(frozen=True)
class Selection:
    """Codes to run (prefixes; empty means all), codes to skip, severity overrides."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)

    def selects(self, code: str) -> bool:
        """Tell whether the check ``code`` runs; the longest matching prefix decides."""
        selected = max((len(prefix) for prefix in self.select if code.startswith(prefix)),
                       default=-1 if self.select else 0)
        ignored = max((len(prefix) for prefix in self.ignore if code.startswith(prefix)),
                      default=-1)
        if selected < 0:
            return False
        return ignored < 0 or selected > ignored

    def names(self, code: str) -> bool:
        """Tell whether a ``select`` prefix names ``code`` (what turns on a check that is
        off by default)."""
        return any(code.startswith(prefix) for prefix in self.select)

    def severity(self, code: str, default: Severity) -> Severity:
        """The severity for ``code``: an override if configured, else ``default``."""
        return self.severities.get(code, default)
