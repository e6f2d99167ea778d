"""One way to remember results for speed: a dict that forgets everything when it is full.

The name engine meets the same names in every story, so it remembers what each one folds
to; a cap keeps memory from growing with the number of documents. Forgetting all at once
is as fast as a plain dict: no bookkeeping per look-up, unlike least-recently-used
eviction. When full, a new dict *replaces* the old one instead of the old one being
emptied, so a thread still reading the old one (``entries``) finds what it put there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(Generic[K, V]):
    """Values remembered by key, at most ``size`` of them."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"a memo holds at least one value, not {size}")
        self.size = size
        # Read freely; add to it directly only the values make_room made room for.
        self.entries: dict[K, V] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def make_room(self, count: int) -> bool:
        """Before adding ``count`` values: forget everything if they would not fit, and
        tell whether it was forgotten (then what the caller looked up before is gone too).
        """
        if len(self.entries) + count <= self.size:
            return False
        self.entries = {}
        return True

    def remember(self, key: K, value: V) -> V:
        """Keep ``value`` for ``key`` (forgetting everything first if full); return it."""
        entries = self.entries
        if key not in entries and len(entries) >= self.size:
            entries = self.entries = {}
        entries[key] = value
        return value

    def value_of(self, key: K, compute: Callable[[K], V]) -> V:
        """The value remembered for ``key``, computed by ``compute`` and kept if there is
        none (for a pure function of one hashable argument)."""
        entries = self.entries
        if key in entries:
            return entries[key]
        return self.remember(key, compute(key))
