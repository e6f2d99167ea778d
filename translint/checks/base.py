"""What a check is, what it yields, and what it may read while it runs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from translint.findings import Severity
from translint.folding import lower_text
from translint.matching import FormMatch, NameIndex
from translint.names import count_names
from translint.spellings import NearVariant, find_near_variants
from translint.text.document import Document


@dataclass(frozen=True)
class Problem:
    """What a check reports: a span of the document, why it is wrong, and the fix."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    entry: str | None = None


class Resources:
    """What checks share across every document of a run (built once, read only)."""

    def __init__(self, names: NameIndex) -> None:
        self.names = names


class Context:
    """One document's shared analysis, computed on first use by whichever check needs it."""

    def __init__(self, document: Document, resources: Resources) -> None:
        self.document = document
        self.resources = resources

    @cached_property
    def lowered(self) -> str:
        """The prose in lower case, offsets unchanged."""
        return lower_text(self.document.prose)

    @cached_property
    def form_matches(self) -> list[FormMatch]:
        """Every glossary form in the prose."""
        return self.resources.names.scan(self.document.prose, self.lowered)

    @cached_property
    def names(self) -> Counter[str]:
        """Capitalised names as written, with their counts."""
        return count_names(self.document.prose)

    @cached_property
    def taken(self) -> list[tuple[int, int]]:
        """Spans of the glossary forms found, which other name checks leave alone."""
        return [(match.start, match.end) for match in self.form_matches]

    @cached_property
    def near_variants(self) -> list[NearVariant]:
        """Names close to a glossary entry but written in none of its forms."""
        return find_near_variants(self.document.prose, self.names, self.resources.names,
                                  self.document.lang, self.taken)


Run = Callable[[Document, Context], Iterable[Problem]]


@dataclass(frozen=True)
class Check:
    """A check: a stable code and name, its default severity, and the function that runs it."""

    code: str
    name: str
    summary: str
    severity: Severity
    run: Run
    fixable: bool = False
    description: str = ""
