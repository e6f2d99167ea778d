"""Rank the n-grams translated copy over-uses compared with native copy.

Texts are tokenised with sacremoses (imported here only, never at ``translint check``
start-up), lower-cased, and what is topic rather than style is masked: capitalised words
not at a sentence start become ``<name>``, numbers ``<num>``, URLs ``<url>``. Every 1..max_n
gram is scored by the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
& Quinn 2008, "Fightin' Words"), the prior being both corpora's counts scaled by
``prior_scale``; the z-score is the log-odds difference over its standard deviation. An
n-gram found only inside a longer one (same counts on both sides) is not reported.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from translint.phrasing.corpus import chunks

NAME, NUMBER, URL = "<name>", "<num>", "<url>"
PLACEHOLDERS = frozenset({NAME, NUMBER, URL})
_URL = re.compile(r"(?:https?://|www\.)\S+[^\s.,;:!?)\]»”\"']", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?\d[\d.,:/%]*(?:st|nd|rd|th|s|m|bn|km|kg|pc)?", re.IGNORECASE)
_SENTENCE_END = frozenset({".", "!", "?", "…", ":"})
_OPENERS = frozenset({'"', "'", "«", "»", "„", "(", "[", "-", "–", "—", "*", "#"})
CONTEXT_CHARS = 40
# Curly quotes read as straight ones (one character for one, so offsets hold): typography
# is TL202's business, and Moses splits "it's" but not "it’s".
_STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Token:
    """One token of a text: its masked, lower-cased form and where it stands."""

    form: str
    start: int
    end: int


@dataclass(frozen=True)
class MinedPhrase:
    """An n-gram translated copy over-uses: its score, counts and where it occurs."""

    ngram: str
    z: float
    docs_translated: int
    docs_native: int
    per_10k_translated: float
    per_10k_native: float
    contexts: tuple[str, ...]


class Tokeniser:
    """Moses tokenisation with masking, for one language."""

    def __init__(self, lang: str = "en") -> None:
        from sacremoses import MosesTokenizer

        self.lang = lang
        self._moses = MosesTokenizer(lang=lang)

    def tokens(self, text: str) -> list[list[Token]]:
        """The masked tokens of ``text``, one list a line (n-grams do not cross lines)."""
        lines: list[list[Token]] = []
        offset = 0
        for line in text.translate(_STRAIGHT_QUOTES).split("\n"):
            tokens = self._line(line, offset)
            if tokens:
                lines.append(tokens)
            offset += len(line) + 1
        return lines

    def _line(self, line: str, offset: int) -> list[Token]:
        result: list[Token] = []
        at_start = True
        position = 0
        for match in [*_URL.finditer(line), None]:
            end = match.start() if match else len(line)
            for word, start in self._aligned(line, position, end):
                result.append(Token(self._mask(word, at_start), offset + start,
                                    offset + start + len(word)))
                if word in _SENTENCE_END:
                    at_start = True
                elif word not in _OPENERS:
                    at_start = False
            if match:
                result.append(Token(URL, offset + match.start(), offset + match.end()))
                at_start = False
                position = match.end()
        return result

    def _aligned(self, line: str, start: int, end: int) -> Iterator[tuple[str, int]]:
        """Moses tokens of ``line[start:end]`` with their offsets in ``line``."""
        segment = line[start:end]
        if not segment.strip():
            return
        position = 0
        for word in self._moses.tokenize(segment, escape=False):
            found = segment.find(word, position)
            if found < 0:  # the tokeniser changed the token: place it where we are
                found = position
            else:
                position = found + len(word)
            yield word, start + found

    def _mask(self, word: str, at_start: bool) -> str:
        if _NUMBER.fullmatch(word):
            return NUMBER
        if word[:1].isupper() and not at_start and not (self.lang == "en" and word == "I"):
            return NAME
        return word.lower()


def is_style(gram: tuple[str, ...]) -> bool:
    """Whether an n-gram holds a word: not only placeholders and punctuation."""
    return any(form not in PLACEHOLDERS and any(ch.isalnum() for ch in form)
               for form in gram)


def grams(lines: list[list[Token]], max_n: int) -> Iterator[tuple[tuple[str, ...], int, int]]:
    """Every 1..max_n gram of tokenised lines, with its start and end offsets."""
    for tokens in lines:
        forms = [token.form for token in tokens]
        for i in range(len(tokens)):
            for n in range(1, min(max_n, len(tokens) - i) + 1):
                yield tuple(forms[i:i + n]), tokens[i].start, tokens[i + n - 1].end


@dataclass
class _Side:
    """Counts of one corpus: occurrences, documents, n-grams of each order, tokens."""

    counts: Counter[tuple[str, ...]]
    docs: Counter[tuple[str, ...]]
    totals: Counter[int]
    documents: int = 0
    tokens: int = 0

    @classmethod
    def empty(cls) -> _Side:
        return cls(Counter(), Counter(), Counter())

    def add(self, lines: list[list[Token]], max_n: int,
            keep: frozenset[tuple[str, ...]] | None = None) -> None:
        """Count one document's n-grams (only those in ``keep`` when given)."""
        self.documents += 1
        self.tokens += sum(len(tokens) for tokens in lines)
        seen: set[tuple[str, ...]] = set()
        for gram, _start, _end in grams(lines, max_n):
            self.totals[len(gram)] += 1
            if keep is None or gram in keep:
                self.counts[gram] += 1
                seen.add(gram)
        self.docs.update(seen)


    def merge(self, other: _Side) -> None:
        """Add another part of the same corpus."""
        self.counts.update(other.counts)
        self.docs.update(other.docs)
        self.totals.update(other.totals)
        self.documents += other.documents
        self.tokens += other.tokens


NATIVE_CHUNK = 64
_worker: dict[str, Any] = {}


def _start_worker(lang: str, max_n: int, keep: frozenset[tuple[str, ...]]) -> None:
    _worker.update(tokeniser=Tokeniser(lang), max_n=max_n, keep=keep)


def _count_chunk(texts: list[str]) -> _Side:
    """A worker's counts of some native texts (the candidates only)."""
    side = _Side.empty()
    for text in texts:
        side.add(_worker["tokeniser"].tokens(text), _worker["max_n"], _worker["keep"])
    return side


def _count_native(native: Iterable[str], tokeniser: Tokeniser, max_n: int,
                  keep: frozenset[tuple[str, ...]], jobs: int) -> _Side:
    """The native side's counts of the candidate n-grams, in ``jobs`` processes."""
    side = _Side.empty()
    if jobs <= 1:
        for text in native:
            side.add(tokeniser.tokens(text), max_n, keep)
        return side
    import multiprocessing

    with multiprocessing.Pool(jobs, _start_worker, (tokeniser.lang, max_n, keep)) as pool:
        for part in pool.imap(_count_chunk, chunks(native, NATIVE_CHUNK)):
            side.merge(part)
    return side


def log_odds_z(y_i: int, n_i: int, y_j: int, n_j: int, alpha_w: float, alpha_0: float) -> float:
    """Monroe et al.'s z-score of a term counted ``y_i`` of ``n_i`` times in one corpus and
    ``y_j`` of ``n_j`` in the other, under a Dirichlet prior ``alpha_w`` of ``alpha_0``."""
    delta = (math.log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w))
             - math.log((y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)))
    variance = 1 / (y_i + alpha_w) + 1 / (y_j + alpha_w)
    return delta / math.sqrt(variance)


def mine_phrasing(translated: Iterable[str], native: Iterable[str], *, lang: str = "en",
                  min_docs: int = 3, max_n: int = 5, top: int = 200,
                  prior_scale: float = 1.0, jobs: int = 1,
                  groups: Sequence[str] | None = None,
                  min_groups: int = 1,
                  max_native_per_1000: float | None = None) -> list[MinedPhrase]:
    """The n-grams over-used in ``translated`` compared with ``native``, highest z first.

    An n-gram is kept when it occurs in at least ``min_docs`` translated texts (and, with
    ``groups``, one per translated text such as its MT system or source, in texts of at
    least ``min_groups`` groups), holds a word (not only placeholders and punctuation) and
    has z > 0; with ``max_native_per_1000``, only when it is in at most that many native
    texts per 1,000 (more, and a rule made of it fails ``translint phrasing gate``: *of
    the* is over-used in translated copy, and in nearly every native text). Raises
    ``ValueError`` when ``max_n``, ``min_docs`` or ``min_groups`` is
    below 1, when ``groups`` does not name one group a translated text, or a side has no
    tokens. With ``jobs`` > 1 the native side (usually the larger) is tokenised and
    counted in that many processes.
    """
    if max_n < 1 or min_docs < 1 or min_groups < 1:
        raise ValueError("max_n, min_docs and min_groups must be at least 1")
    tokeniser = Tokeniser(lang)
    texts: list[str] = []
    tokenised: list[list[list[Token]]] = []
    ours = _Side.empty()
    for text in translated:
        lines = tokeniser.tokens(text)
        texts.append(text)
        tokenised.append(lines)
        ours.add(lines, max_n)
    candidates = frozenset(gram for gram, docs in ours.docs.items()
                           if docs >= min_docs and is_style(gram))
    if min_groups > 1:
        if groups is None or len(groups) != len(tokenised):
            raise ValueError("min_groups needs one group for each translated text")
        spread = _groups_of(tokenised, groups, candidates, max_n)
        candidates = frozenset(gram for gram in candidates if spread[gram] >= min_groups)
    theirs = _count_native(native, tokeniser, max_n, candidates, jobs)
    if not ours.tokens or not theirs.tokens:
        side = "translated" if not ours.tokens else "native"
        raise ValueError(f"the {side} side has no text to compare")
    scored: list[tuple[float, tuple[str, ...]]] = []
    for gram in candidates - _subsumed(candidates, ours, theirs):
        n = len(gram)
        y_i, y_j = ours.counts[gram], theirs.counts[gram]
        n_i, n_j = ours.totals[n], theirs.totals[n]
        alpha_w = prior_scale * (y_i + y_j)
        alpha_0 = prior_scale * (n_i + n_j)
        z = log_odds_z(y_i, n_i, y_j, n_j, alpha_w, alpha_0)
        if z > 0 and (max_native_per_1000 is None
                      or 1000 * theirs.docs[gram] <= max_native_per_1000 * theirs.documents):
            scored.append((z, gram))
    # Among equal scores the longest n-gram first, then the one with the fewest punctuation
    # tokens ("in this sense" before ". in this").
    scored.sort(key=lambda item: (-item[0], -len(item[1]), _punctuation(item[1]), item[1]))
    best = scored[:top]
    contexts = _contexts(texts, tokenised, {gram for _z, gram in best}, max_n)
    return [MinedPhrase(
        ngram=" ".join(gram), z=round(z, 3),
        docs_translated=ours.docs[gram], docs_native=theirs.docs[gram],
        per_10k_translated=round(10_000 * ours.counts[gram] / ours.tokens, 2),
        per_10k_native=round(10_000 * theirs.counts[gram] / theirs.tokens, 2),
        contexts=tuple(contexts.get(gram, ())),
    ) for z, gram in best]


def _groups_of(tokenised: list[list[list[Token]]], groups: Sequence[str],
               candidates: frozenset[tuple[str, ...]], max_n: int) -> Counter[tuple[str, ...]]:
    """In how many distinct groups (MT systems, sources) each candidate occurs."""
    seen: dict[tuple[str, ...], set[str]] = {}
    for lines, group in zip(tokenised, groups, strict=True):
        for gram, _start, _end in grams(lines, max_n):
            if gram in candidates:
                seen.setdefault(gram, set()).add(group)
    return Counter({gram: len(found) for gram, found in seen.items()})


def _punctuation(gram: tuple[str, ...]) -> int:
    return sum(1 for form in gram if not any(ch.isalnum() for ch in form))


def _subsumed(candidates: frozenset[tuple[str, ...]], ours: _Side,
              theirs: _Side) -> set[tuple[str, ...]]:
    """The n-grams that occur only inside a longer candidate ("this sense" when every one
    is in "in this sense"): same counts on both sides, so they say nothing more."""
    subsumed: set[tuple[str, ...]] = set()
    for gram in candidates:
        if len(gram) > 1:
            for part in (gram[1:], gram[:-1]):
                if (ours.counts[part] == ours.counts[gram]
                        and theirs.counts[part] == theirs.counts[gram]):
                    subsumed.add(part)
    return subsumed


def _contexts(texts: list[str], tokenised: list[list[list[Token]]],
              wanted: set[tuple[str, ...]], max_n: int) -> dict[tuple[str, ...], list[str]]:
    """Up to two short contexts (±40 characters) of each wanted n-gram, from two texts."""
    found: dict[tuple[str, ...], list[str]] = {}
    for text, lines in zip(texts, tokenised, strict=True):
        here: set[tuple[str, ...]] = set()
        for gram, start, end in grams(lines, max_n):
            if gram in wanted and gram not in here and len(found.get(gram, ())) < 2:
                here.add(gram)
                found.setdefault(gram, []).append(context(text, start, end))
    return found


def context(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with up to 40 characters either side, on one line."""
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    snippet = " ".join(text[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


def as_dict(phrase: MinedPhrase) -> dict[str, Any]:
    """A mined phrase as JSON-ready data."""
    return {"ngram": phrase.ngram, "z": phrase.z,
            "docs_translated": phrase.docs_translated, "docs_native": phrase.docs_native,
            "per_10k_translated": phrase.per_10k_translated,
            "per_10k_native": phrase.per_10k_native, "contexts": list(phrase.contexts)}
