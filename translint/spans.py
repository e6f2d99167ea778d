"""Spans of text: whether a span overlaps any of many, and which of overlapping spans to
keep — each in O(log n) a span, so that a document of megabytes costs its length."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from typing import Protocol, TypeVar


class SpanSet:
    """Spans (start, end) to test others against, each test in O(log n).

    A span overlaps another when each starts before the other ends, as in
    ``start < other_end and other_start < end`` (an empty span inside another overlaps it).
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end among the spans that start at or before each one.
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether (start, end) overlaps one of the spans."""
        before = bisect.bisect_left(self._starts, end)  # the spans that start before `end`
        return before > 0 and self._reach[before - 1] > start


class Span(Protocol):
    """Anything that covers ``start``–``end`` of a text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=Span)


def longest_first(found: Iterable[SpanT]) -> list[SpanT]:
    """The spans kept where spans overlap, in text order: the longest first, then the
    earliest, then the first found, each kept if it overlaps none kept before it.

    In O(n log n): a sweep in text order splits the spans into clusters (no span overlaps
    one of another cluster, and every start in a cluster comes before the next cluster's);
    in a cluster of several, a tree of the furthest end kept tells whether a span overlaps
    one kept. Every sort is stable: ties stay in the order found.
    """
    kept: list[SpanT] = []
    cluster: list[SpanT] = []
    reach = -1  # the furthest end in the cluster
    # By start, the longest first: an empty span where a longer one starts joins its
    # cluster, so spans that start together come out in the order the greedy kept them.
    for span in sorted(found, key=_start_then_longest):
        if span.start >= reach:  # it overlaps no span of the cluster, nor will any after it
            kept.extend(_cluster_longest_first(cluster))
            cluster = []
        cluster.append(span)
        reach = max(reach, span.end)
    kept.extend(_cluster_longest_first(cluster))
    return kept


def _start(span: Span) -> int:
    return span.start


def _start_then_longest(span: Span) -> tuple[int, int]:
    return span.start, -span.end


def _cluster_longest_first(cluster: list[SpanT]) -> list[SpanT]:
    """The spans of a cluster (in the order found for ties) kept taking the longest first,
    then the earliest: each if it overlaps none kept before it. In text order."""
    if len(cluster) < 2:
        return cluster
    starts = sorted({span.start for span in cluster})
    # A Fenwick tree over the starts: the furthest end of a kept span by prefix of starts.
    furthest = [-1] * (len(starts) + 1)
    kept: list[SpanT] = []
    for span in sorted(cluster, key=lambda item: (item.start - item.end, item.start)):
        # A kept span overlaps this one if it starts before its end and ends after its start.
        position, end = bisect.bisect_left(starts, span.end), -1
        while position:
            end = max(end, furthest[position])
            position &= position - 1
        if end > span.start:
            continue
        kept.append(span)
        position = bisect.bisect_left(starts, span.start) + 1
        while position <= len(starts):
            furthest[position] = max(furthest[position], span.end)
            position += position & -position
    return sorted(kept, key=_start)
