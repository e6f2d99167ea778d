"""Which checks run and how severe their findings are, from options and configuration.

``select`` and ``ignore`` hold check codes or prefixes (``TL101``, ``TL1``) and rule ids of
rule-based checks: a phrasing pack or one of its rules (``es-en``,
``es-en/it-transpired-that``, TL201), a wire rule (``attention-editors``, TL401). A rule id
is more specific than any code: ``--ignore TL201 --select es-en/it-transpired-that`` runs
TL201 for that rule alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from translint.errors import ConfigError
from translint.findings import Severity

_CODE_PREFIX = re.compile(r"TL\d{0,3}")
_RULE_ID = re.compile(r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?")


def is_rule_id(selector: str) -> bool:
    """Tell whether a ``select``/``ignore`` value is a rule id rather than a check code."""
    return _CODE_PREFIX.fullmatch(selector) is None


def rule_matches(selector: str, rule: str) -> bool:
    """Tell whether a rule id ``selector`` names ``rule``: the rule itself, or its pack."""
    return rule == selector or rule.startswith(selector + "/")


class UnknownRules(ConfigError):
    """Rule ids in ``select`` or ``ignore`` that no check has."""

    def __init__(self, message: str, ids: tuple[str, ...]) -> None:
        super().__init__(message)
        self.ids = ids


def parse_codes(values: list[str] | tuple[str, ...], option: str) -> tuple[str, ...]:
    """Split and validate check codes or code prefixes (``TL101``, ``TL1``, ``TL``) and rule
    ids (``es-en/it-transpired-that``, kept as written)."""
    codes: list[str] = []
    for value in values:
        for part in re.split(r"[,\s]+", value.strip()):
            if not part:
                continue
            code = part.upper()
            if _CODE_PREFIX.fullmatch(code):
                codes.append(code)
            elif _RULE_ID.fullmatch(part):
                codes.append(part)
            else:
                raise ConfigError(f"{option}: {part!r} is not a check code such as TL101, "
                                  "a prefix such as TL1, or a rule id such as "
                                  "es-en/it-transpired-that")
    return tuple(codes)


@dataclass(frozen=True)
class Selection:
    """Codes to run (prefixes; empty means all), codes to skip, severity overrides."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The rule ids among ``select`` and ``ignore``."""
        return tuple(value for value in (*self.select, *self.ignore) if is_rule_id(value))

    @property
    def codes(self) -> tuple[str, ...]:
        """The check codes and prefixes among ``select`` and ``ignore``."""
        return tuple(value for value in (*self.select, *self.ignore) if not is_rule_id(value))

    def keeps(self, code: str, rule: str | None) -> bool:
        """Tell whether a finding of check ``code`` (by ``rule``, for rule-based checks) is
        reported: the longest rule id that names its rule decides, else its code does."""
        if rule is not None:
            selected = max((len(value) for value in self.select
                            if is_rule_id(value) and rule_matches(value, rule)), default=-1)
            ignored = max((len(value) for value in self.ignore
                           if is_rule_id(value) and rule_matches(value, rule)), default=-1)
            if selected >= 0 or ignored >= 0:
                return selected > ignored
        return self.selects(code)

    def selects(self, code: str) -> bool:
        """Tell whether the check ``code`` runs by its code (rule ids aside); the longest
        matching prefix decides."""
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
