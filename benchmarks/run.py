#!/usr/bin/env python3
"""Benchmark translint against codespell (and typos) on real news copy with planted variants.

Run it with ``make bench`` (installs the project with the ``[bench]`` extra, then runs this
script) or ``python benchmarks/run.py [--quick]``. Everything it writes goes under
``benchmarks/work/`` (git-ignored); the results table is printed and written to
``benchmarks/work/results.md``.

Method
------
Corpus
    The 2,315 English news articles of ``shared/bench/news.jsonl`` are written out one article a
    file, pass after pass (the pass number is in the file name: ``bbc-tech-042-r02.txt``), until
    the corpus holds ``--size-mb`` megabytes (10^6 bytes of UTF-8). Files go into nested
    directories ``part{0-3}/{category}/r{pass}/``; the files are dealt round-robin into the four
    ``part`` directories, so ``part0`` is a quarter of the corpus, used to show that memory does
    not grow with the number of files. Into every file, at sentence or paragraph starts, about
    one sentence per ``--plant-every`` bytes is inserted that holds a disfavoured variant in one
    of the shapes real copy has: plain (``Kiev``), possessive (``Kiev's``, ``Kiev’s``),
    compounds (``pro-Kiev``, ``Kiev-based``), two-word names (``Krivoy Rog``, also broken across
    a line), and a person's given + family name with either or both written as a variant
    (``Mikhailo Podoliak``, ``Mykhailo Podoliak``, ``Mikhailo Podolyak``). Each planted hit is
    recorded with its file, line and column (1-based, in characters, where translint reports the
    finding). The articles already contain real variants (Kiev about 100 times, Yanukovich 34
    times): a small independent regex scanner (not translint) finds them in the source articles
    and they are counted separately as *pre-existing* hits, so every finding is accounted for as
    planted, pre-existing or other.

Glossaries
    Glossaries of ``--sizes`` entries (default 30, 1,000, 10,000) are nested: the first 30
    entries are the real pairs of ``shared/bench/names-30.tsv`` (the six people get their given
    names), the rest are synthetic but realistic transliteration pairs: Ukrainian-looking names
    built from syllables, with variants derived by the usual romanisation differences (kh/h,
    h/g, y/i, ia/ya, -yi/-iy, -iv/-ov, -ych/-ich, doubled s, v/w, ...). 60 % are one-word
    places, 15 % two-word places (``Velyka X`` / ``Velikaya Y``) and 25 % people with a given
    name from a shared pool. No form is claimed by two entries, and no synthetic form (nor any
    word of one, except the shared given names and adjectives) occurs in the corpus, so
    synthetic entries can only match planted text. A third of the plants come from the 30 real
    entries, a third from entries 30-999 and a third from entries 1,000-9,999, so each glossary
    has its own planted count (what it should find).

Measurements
    Every measured command runs in a fresh process through a tiny ``python -c`` wrapper that times
    the command (wall clock, start to exit) and reports the peak resident memory of its process
    tree (``ru_maxrss`` of ``RUSAGE_CHILDREN``: the largest single process, which for ``--jobs 2``
    is the parent or one worker, not their sum; the wrapper's own few MB are a floor shown in the
    output). Each configuration is run ``--runs`` times and the *median* time is reported, with
    MB/s = corpus bytes / median seconds and the ratio codespell time / translint time, codespell
    being measured in the same run on the same corpus with the same pairs. The page cache is warm
    (the corpus is read once before the first measurement). The wrapper also reports the CPU time
    of the tree: on an idle machine a one-process run uses about as much CPU as wall time, so the
    report warns when that share drops (other processes competing for the cores).

    * translint: ``translint check corpus --glossary G --lang en --select TL101 --format json
      --jobs N --no-respect-gitignore`` (the work folder is git-ignored) for every size and
      N = 1, 2; for the largest glossary also with ``--select TL1``
      (all name checks) and with every check and per-document language detection; the same
      on an empty directory gives the fixed cost (start-up, glossary loading, automaton
      building) and an in-process run of the loading stages breaks it down. translint keeps
      loaded glossaries in a cache: the benchmark gives it a folder of its own
      (``benchmarks/work/glossary-cache``), empties it at the start and fills it with one
      unmeasured run per glossary, so the rows are measured as an editor's second and later
      runs are; the fixed cost is also measured with ``--no-cache`` (a first run). Memory
      on ``part0`` (a quarter) and on everything, with the largest glossary and with a copy
      of it whose forms are all suffixed (same size, nothing in the corpus matches), to tell
      growth with the number of files from growth with the number of findings.
    * common words: the largest glossary with 2,000 entries that no plant uses turned into a
      house style's (preferred form: one of the 2,000 most frequent words of the articles,
      variant: a spelling the corpus never holds), ``-common``; codespell with its pairs and
      TL101 on every --jobs value, in the full run or alone (``--only common-words``).
    * codespell: ``codespell -D pairs.txt corpus`` with one ``variant->preferred`` line per
      variant, lower-cased as codespell expects (it matches case-insensitively and restores the
      case of the word it fixes). It matches whole words of its word regex ``[\\w\\-'’]+``, so a
      compound or possessive is one word it does not know, and it cannot match a two-word name or
      a given name that is wrong only next to a family name. One process, no parallelism.
    * typos (optional, if the ``typos`` command from the ``typos`` PyPI package is installed):
      the same pairs as ``[default.extend-words]`` (one-word variants only: typos checks single
      words), ``--no-ignore`` (the work directory is git-ignored), all cores.
    * Start-up: ``translint check seeds --lang en`` and ``translint check seeds`` (language
      detection on) with the bundled glossaries, median of ``--startup-runs``.

Matching
    A translint finding matches a hit when file, line and column agree (TL101 findings only).
    The baselines report a line but no character column, so a hit counts as found by them when
    they report its variant word on its file and line (each report is used once).
"""

from __future__ import annotations

import argparse
import bisect
import compileall
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phrasing_data import SHARED

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / "work"
# ``../shared`` of the checkout or of an ancestor (a git worktree elsewhere), or
# ``$TRANSLINT_SHARED``: found as the phrasing benchmark finds it.
DEFAULT_DATA = SHARED / "bench"
# translint caches loaded glossaries; the benchmark gives it a folder of its own, emptied at
# the start, so that the first run of each glossary fills it and the others use it.
GLOSSARY_CACHE = WORK / "glossary-cache"
CORPUS = "corpus"  # relative to WORK: tools are run from WORK so that paths compare equal
PARTS = 4
MB = 1_000_000

# ---------------------------------------------------------------------------------------------
# Names: the 30 real pairs and synthetic ones
# ---------------------------------------------------------------------------------------------

# Given names of the people among the 30 real pairs (preferred, variants).
REAL_GIVEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "Podolyak": ("Mykhailo", ("Mikhailo", "Mykhaylo")),
    "Zelensky": ("Volodymyr", ("Vladimir", "Volodimir")),
    "Yanukovych": ("Viktor", ("Victor",)),
    "Tymoshenko": ("Yulia", ("Yuliya", "Julia")),
    "Turchynov": ("Oleksandr", ("Aleksandr", "Olexandr")),
    "Yatsenyuk": ("Arseniy", ("Arseny", "Arsenii")),
}

# Given names shared by the synthetic people: Ukrainian romanisation first, then variants.
GIVEN_POOL: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Mykhailo", ("Mikhailo", "Mykhaylo")), ("Oleksandr", ("Aleksandr", "Olexandr")),
    ("Volodymyr", ("Vladimir", "Volodimir")), ("Dmytro", ("Dmitry", "Dmitriy")),
    ("Serhiy", ("Sergei", "Sergey")), ("Andriy", ("Andrei", "Andrey")),
    ("Yuriy", ("Yuri", "Yury")), ("Oleh", ("Oleg",)), ("Mykola", ("Nikolai", "Nikolay")),
    ("Vitaliy", ("Vitaly", "Vitali")), ("Hennadiy", ("Gennady", "Gennadiy")),
    ("Anatoliy", ("Anatoly", "Anatoli")), ("Viktor", ("Victor",)),
    ("Yulia", ("Yuliya", "Julia")), ("Iryna", ("Irina",)), ("Olena", ("Elena", "Yelena")),
    ("Tetiana", ("Tatiana", "Tatyana")), ("Nataliia", ("Natalia", "Natalya")),
    ("Oksana", ("Oxana",)), ("Kateryna", ("Ekaterina", "Yekaterina")),
    ("Petro", ("Pyotr", "Petr")), ("Ihor", ("Igor",)), ("Vasyl", ("Vasily", "Vasiliy")),
    ("Valeriy", ("Valery", "Valeri")), ("Yevhen", ("Evgeny", "Yevgeny")),
    ("Maksym", ("Maxim", "Maksim")), ("Arseniy", ("Arseny", "Arsenii")),
    ("Bohdan", ("Bogdan",)),
)

# First words of two-word places (Ukrainian form, Russian-derived form).
ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("Velyka", "Velikaya"), ("Mala", "Malaya"), ("Nova", "Novaya"), ("Stara", "Staraya"),
    ("Verkhnia", "Verkhnyaya"), ("Nyzhnia", "Nizhnyaya"), ("Bila", "Belaya"),
    ("Chorna", "Chernaya"), ("Zelena", "Zelenaya"), ("Sukha", "Sukhaya"),
    ("Krasna", "Krasnaya"), ("Hlyboka", "Glubokaya"),
)

ONSETS = ("b", "v", "h", "d", "zh", "z", "k", "kh", "l", "m", "n", "p", "r", "s", "t", "ch",
          "sh", "hr", "kr", "pr", "st", "tr", "sv", "hl", "dr", "zv", "sk", "br", "bil", "vol")
VOWELS = ("a", "o", "e", "y", "i", "u")
CODAS = ("", "", "n", "r", "l", "v", "s", "sh")
PLACE_ENDINGS = ("ivka", "iv", "ychi", "any", "opil", "horod", "ynets", "ivsk", "yshche",
                 "ivtsi", "ove", "ske", "ia", "ychivka")
PERSON_ENDINGS = ("enko", "chuk", "yshyn", "skyi", "ovych", "iak", "ets", "yuk", "ynskyi",
                  "iienko", "ovskyi", "ak", "ko", "ytskyi")

# How a Russian-derived or older romanisation differs from the Ukrainian one.
ROMANISATION_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in (
        (r"kh", "h"),
        (r"(?<![kzcs])h", "g"),
        (r"y", "i"),
        (r"i(?=[aeu])", "y"),
        (r"yi$", "iy"),
        (r"skyi$", "skiy"),
        (r"iv$", "ov"),
        (r"ivka$", "ovka"),
        (r"opil$", "opol"),
        (r"horod$", "gorod"),
        (r"ovych$", "ovich"),
        (r"iak$", "yak"),
        (r"yuk$", "iuk"),
        (r"iienko$", "iyenko"),
        (r"(?<=[aeiouy])s(?=[aeiouy])", "ss"),
        (r"ts", "tz"),
        (r"v", "w"),
        (r"ch", "tch"),
        (r"ia$", "iya"),
    )
)


@dataclass(frozen=True)
class Name:
    """One glossary entry; for a person, ``preferred``/``variants`` are the family name."""

    index: int
    id: str
    kind: str  # "place" or "person"
    preferred: str
    variants: tuple[str, ...]
    given: str | None = None
    given_variants: tuple[str, ...] = ()
    real: bool = False

    @property
    def two_words(self) -> bool:
        """Whether the name is written as two words separated by a space."""
        return " " in self.preferred

    @property
    def hyphenated(self) -> bool:
        """Whether the name itself contains a hyphen (Ivano-Frankivsk)."""
        return "-" in self.preferred


def identity(form: str) -> str:
    """What the glossary loader compares forms by: case, hyphen-or-space and apostrophes folded."""
    return re.sub(r"[\s\-\u2010\u2011]+", " ", form.replace("’", "'")).strip().lower()


def words_of(form: str) -> list[str]:
    """The lower-case words of a form."""
    return [word for word in re.split(r"[\s\-]+", form.lower()) if word]


def slug(text: str) -> str:
    """An entry id made of lower-case ASCII letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def corpus_vocabulary(articles: Iterable[str]) -> set[str]:
    """Every word (letters only, lower case) in the articles and in the plant templates."""
    vocabulary: set[str] = set()
    for text in (*articles, *(t for group in TEMPLATES.values() for t in group)):
        vocabulary.update(re.findall(r"[^\W\d_]+", text.lower()))
    return vocabulary


def read_real_names(path: Path) -> list[Name]:
    """The real pairs of names-30.tsv (``preferred<TAB>variant|variant``)."""
    names: list[Name] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        preferred, variants = line.split("\t")
        given = REAL_GIVEN.get(preferred)
        names.append(Name(
            index=len(names), id=slug(preferred), kind="person" if given else "place",
            preferred=preferred, variants=tuple(variants.split("|")),
            given=given[0] if given else None, given_variants=given[1] if given else (),
            real=True,
        ))
    return names


class NameFactory:
    """Generates synthetic entries whose forms are new to the corpus and to each other."""

    def __init__(self, rng: random.Random, vocabulary: set[str], claimed: set[str]) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.claimed = claimed
        self.stems: set[str] = set()

    def _stem(self) -> str:
        rng = self.rng
        parts = [rng.choice(ONSETS), rng.choice(VOWELS), rng.choice(ONSETS), rng.choice(VOWELS)]
        if rng.random() < 0.35:
            parts += [rng.choice(ONSETS), rng.choice(VOWELS)]
        return "".join(parts) + rng.choice(CODAS)

    def _variants_of(self, word: str, count: int) -> list[str]:
        """Up to ``count`` distinct variants of a lower-case word by one or two rules."""
        applicable = [(pattern, replacement) for pattern, replacement in ROMANISATION_RULES
                      if pattern.search(word)]
        found: list[str] = []
        for _ in range(12):
            if len(found) >= count or not applicable:
                break
            variant = word
            for pattern, replacement in self.rng.sample(applicable,
                                                        min(len(applicable),
                                                            self.rng.choice((1, 1, 2)))):
                variant = pattern.sub(replacement, variant)
            if variant != word and variant not in found:
                found.append(variant)
        return found

    def _fresh(self, forms: Sequence[str], shared_words: frozenset[str] = frozenset()) -> bool:
        """Whether no form is claimed yet and no (non-shared) word of one is in the corpus."""
        identities = {identity(form) for form in forms}
        if len(identities) != len(forms) or identities & self.claimed:
            return False
        return not any(word in self.vocabulary for form in forms for word in words_of(form)
                       if word not in shared_words)

    def make(self, index: int, kind: str) -> Name:
        """A new entry of ``kind`` ("place", "place2" for two words, or "person")."""
        while True:
            stem = self._stem()
            if kind == "person":
                word = stem + self.rng.choice(PERSON_ENDINGS)
            else:
                word = stem + self.rng.choice(PLACE_ENDINGS)
            word = re.sub(r"([aeiouy])\1+", r"\1", word)  # no "aa", "yy": keeps them readable
            if word in self.stems or len(word) < 5:
                continue
            variants = self._variants_of(word, self.rng.choice((1, 1, 2, 2, 3)))
            if not variants:
                continue
            preferred = word.capitalize()
            variant_forms = [variant.capitalize() for variant in variants]
            given: tuple[str, tuple[str, ...]] | None = None
            shared: frozenset[str] = frozenset()
            if kind == "place2":
                adjective, adjective_variant = self.rng.choice(ADJECTIVES)
                preferred = f"{adjective} {preferred}"
                variant_forms = [f"{adjective_variant} {variant_forms[0]}",
                                 *(f"{adjective} {form}" for form in variant_forms[1:])]
                shared = frozenset(words_of(adjective) + words_of(adjective_variant))
            elif kind == "person":
                given = self.rng.choice(GIVEN_POOL)
            forms = [preferred, *variant_forms]
            if not self._fresh(forms, shared):
                continue
            self.stems.add(word)
            self.claimed.update(identity(form) for form in forms)
            return Name(
                index=index, id=f"syn-{index:05d}-{slug(preferred)}",
                kind="person" if kind == "person" else "place",
                preferred=preferred, variants=tuple(variant_forms),
                given=given[0] if given else None, given_variants=given[1] if given else (),
            )


def make_names(real: list[Name], total: int, vocabulary: set[str], seed: int) -> list[Name]:
    """The real entries followed by synthetic ones, ``total`` in all."""
    rng = random.Random(seed)
    claimed = {identity(form) for name in real for form in (name.preferred, *name.variants)}
    factory = NameFactory(rng, vocabulary, claimed)
    names = list(real)
    while len(names) < total:
        roll = rng.random()
        kind = "place" if roll < 0.60 else "place2" if roll < 0.75 else "person"
        names.append(factory.make(len(names), kind))
    return names


COMMON_WORDS = 2000  # preferred forms of the "common words" glossary: the corpus's commonest


def common_word_names(names: Sequence[Name], hits: Iterable[Hit], articles: Iterable[str],
                      vocabulary: set[str], count: int = COMMON_WORDS) -> list[Name]:
    """The glossary of a house style: ``names`` with ``count`` synthetic entries that no plant
    uses turned into entries whose preferred form is one of the corpus's most frequent words
    (``the``, ``said``, ``toward``), each with a variant the corpus never holds; the words
    that are already a form of a name of the glossary are left out. Same size and the same
    planted hits as ``names``."""
    planted = {hit.entry for hit in hits}
    claimed = {identity(form) for name in names
               for form in (name.preferred, *name.variants, *((name.given,) if name.given else ()),
                            *name.given_variants)}
    frequency: Counter[str] = Counter()
    for text in articles:
        frequency.update(re.findall(r"[^\W\d_]+", text.lower()))
    words = [word for word, _ in frequency.most_common() if word not in claimed][:count]
    free = [name.index for name in names if not name.real and name.index not in planted]
    common = list(names)
    for word, index in zip(words, reversed(free), strict=False):
        variant = next(each for each in (word + "e", word + "h", word + "ae", word + "hh")
                       if each not in vocabulary and identity(each) not in claimed)
        claimed.add(identity(variant))
        common[index] = Name(index=index, id=f"style-{index:05d}-{slug(word)}", kind="term",
                             preferred=word, variants=(variant,))
    return common


# ---------------------------------------------------------------------------------------------
# Glossary files and baseline dictionaries
# ---------------------------------------------------------------------------------------------


def toml_string(value: str) -> str:
    """A TOML basic string (JSON escaping is valid TOML for these characters)."""
    return json.dumps(value, ensure_ascii=False)


def toml_list(values: Iterable[str]) -> str:
    """A one-line TOML array of strings."""
    return "[" + ", ".join(toml_string(value) for value in values) + "]"


def write_glossary(path: Path, names: Sequence[Name]) -> None:
    """Write ``names`` as a translint glossary (TOML, entry-level variants, English forms)."""
    lines = [
        "# Generated by benchmarks/run.py: the real pairs of names-30.tsv, then synthetic ones.",
        "[glossary]",
        f"name = {toml_string(path.stem)}",
        f"description = {toml_string(f'benchmark glossary, {len(names)} entries')}",
        'fallback_lang = "en"',
        "",
    ]
    for name in names:
        source = ("shared/bench/names-30.tsv" if name.real
                  else "house style, a common word (benchmark)" if name.kind == "term"
                  else "synthetic transliteration pair (benchmark)")
        lines += [
            "[[entry]]",
            f"id = {toml_string(name.id)}",
            f"kind = {toml_string(name.kind)}",
            f"source = {toml_string(source)}",
            f"variants = {toml_list(name.variants)}",
            "  [entry.forms.en]",
            f"  preferred = {toml_string(name.preferred)}",
        ]
        if name.given is not None:
            lines += [
                "  [entry.given]",
                f"  variants = {toml_list(name.given_variants)}",
                "    [entry.given.forms.en]",
                f"    preferred = {toml_string(name.given)}",
            ]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def without_matches(name: Name) -> Name:
    """The same entry with every family form suffixed, so that nothing in the corpus matches."""
    return replace(name, preferred=name.preferred + "zq",
                   variants=tuple(variant + "zq" for variant in name.variants))


def dictionary_pairs(names: Sequence[Name]) -> list[tuple[str, str]]:
    """``(variant, preferred)`` for every variant, lower-cased (the codespell convention)."""
    return [(variant.lower(), name.preferred.lower())
            for name in names for variant in name.variants]


def write_codespell_dictionary(path: Path, names: Sequence[Name]) -> None:
    """One ``variant->preferred`` line per variant (two-word ones included; they never match)."""
    path.write_text("".join(f"{variant}->{preferred}\n"
                            for variant, preferred in dictionary_pairs(names)), encoding="utf-8")


def write_typos_config(path: Path, names: Sequence[Name]) -> None:
    """A typos config whose ``extend-words`` hold the one-word pairs."""
    lines = ["[default.extend-words]"]
    lines += [f"{toml_string(variant)} = {toml_string(preferred)}"
              for variant, preferred in dictionary_pairs(names) if " " not in variant]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The corpus and its planted hits
# ---------------------------------------------------------------------------------------------

# Sentences inserted into the copy; {N} is the name, {A} an apostrophe, {G} {F} given + family.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "plain": ("Officials in {N} said the talks would resume next week.",
              "The delegation arrived in {N} on Monday.",
              "{N} has not commented on the report.",
              "Talks were held in {N} after the vote."),
    "possessive": ("{N}{A}s response was cautious.",
                   "Analysts questioned {N}{A}s plans for the coming year."),
    "pro": ("A pro-{N} group said it would respond.",
            "Pro-{N} demonstrators gathered outside the building."),
    "based": ("A {N}-based analyst said the figures were expected.",
              "The {N}-based company declined to comment."),
    "wrapped": ("Officials in {N1}\n{N2} said the talks would resume next week.",),
    "person": ("{N} said the talks would continue.",
               "A spokesman for {N} declined to comment.",
               "The statement was signed by {N}."),
    "person-possessive": ("{N}{A}s office declined to comment.",),
    "person-pro": ("Pro-{N} protesters marched on Sunday.",),
    "full": ("{G} {F} said the talks would continue.",
             "Reporters asked {G} {F} about the plan."),
}

# Shapes and their weights, by kind of name.
Shapes = tuple[tuple[str, float], ...]
SHAPES_ONE_WORD: Shapes = (("plain", 4), ("possessive '", 1.5), ("possessive ’", 1.5),
                           ("pro-X", 1.5), ("X-based", 1.5))
SHAPES_HYPHENATED: Shapes = (("plain", 4), ("possessive '", 1.5), ("possessive ’", 1.5),
                             ("X-based", 1.5))
SHAPES_TWO_WORDS: Shapes = (("two-word", 2), ("two-word possessive ’", 1),
                            ("two-word wrapped", 1))
SHAPES_PERSON: Shapes = (("plain", 2), ("possessive '", 0.5), ("possessive ’", 0.5),
                         ("pro-X", 1), ("given+family both variants", 1.7),
                         ("given preferred + family variant", 1.7),
                         ("given variant + family preferred", 1.6))
PRE_EXISTING = "pre-existing (in the articles)"

_SENTENCE_START = re.compile(r"(?:(?<=[.!?] )|(?<=[.!?][\"”’] )|(?<=\n)|^)(?=[A-Z\"“‘])")


@dataclass(frozen=True)
class Hit:
    """A disfavoured form in the corpus that a checker should report."""

    path: str  # as the tools print it (relative to WORK)
    line: int
    column: int  # 1-based, in characters, where translint's finding starts
    written: str  # as it stands in the text (may hold a line break)
    expected: str  # the fix translint should suggest
    entry: int  # index of the Name: the hit belongs to glossaries larger than this
    shape: str
    planted: bool
    key: str | None  # the lower-case dictionary word a word-list tool reports, if any


@dataclass(frozen=True)
class Plant:
    """A sentence to insert at a character offset of an article, and its hit."""

    offset: int  # where the sentence goes in the original article
    sentence: str
    hit_at: int  # offset of the hit inside ``sentence``
    written: str
    expected: str
    entry: int
    shape: str
    key: str | None


@dataclass(frozen=True)
class Article:
    """A source article and the real variants it contains (offsets in its text)."""

    id: str
    category: str
    text: str
    existing: tuple[tuple[int, str, str, int, str | None], ...]  # offset, written, expected, ...


@dataclass
class CorpusInfo:
    """What was built: sizes, files and every hit."""

    files: int = 0
    bytes: int = 0
    characters: int = 0
    directories: int = 0
    quarter_files: int = 0
    quarter_bytes: int = 0
    hits: list[Hit] = field(default_factory=list)


def pick_shape(name: Name, rng: random.Random) -> str:
    """A plant shape suitable for ``name``."""
    table: Shapes
    if name.kind == "person":
        table = SHAPES_PERSON
    elif name.two_words:
        table = SHAPES_TWO_WORDS
    elif name.hyphenated:
        table = SHAPES_HYPHENATED
    else:
        table = SHAPES_ONE_WORD
    shapes = [shape for shape, _ in table]
    weights = [weight for _, weight in table]
    return rng.choices(shapes, weights)[0]


def make_plant(name: Name, shape: str, offset: int, rng: random.Random) -> Plant:
    """The sentence that plants ``name`` in ``shape`` at ``offset``."""
    variant = rng.choice(name.variants)
    preferred = name.preferred
    key: str | None = variant.lower()
    apostrophe = "’" if shape.endswith("’") else "'"
    person = name.kind == "person"
    if shape.startswith("given"):
        assert name.given is not None
        given_variant = rng.choice(name.given_variants)
        given, family = {
            "given+family both variants": (given_variant, variant),
            "given preferred + family variant": (name.given, variant),
            "given variant + family preferred": (given_variant, preferred),
        }[shape]
        if family == preferred:
            key = None  # only the given name is wrong: no word list can know that
        template = rng.choice(TEMPLATES["full"])
        written = f"{given} {family}"
        sentence = template.replace("{G} {F}", written)
        return Plant(offset, sentence, template.index("{G}"), written,
                     f"{name.given} {preferred}", name.index, shape, key)
    if shape == "two-word wrapped":
        first, second = variant.split(" ", 1)
        template = TEMPLATES["wrapped"][0]
        written = f"{first}\n{second}"
        return Plant(offset, template.replace("{N1}\n{N2}", written), template.index("{N1}"),
                     written, preferred.replace(" ", "\n", 1), name.index, shape, key)
    group = {"plain": "person" if person else "plain", "two-word": "plain",
             "pro-X": "person-pro" if person else "pro", "X-based": "based"}.get(shape)
    if group is None:  # the possessives
        group = "person-possessive" if person else "possessive"
    template = rng.choice(TEMPLATES[group])
    sentence = template.replace("{N}", variant).replace("{A}", apostrophe)
    return Plant(offset, sentence, template.index("{N}"), variant, preferred, name.index,
                 shape, key)


class ExistingScanner:
    """Finds the real entries' variants already in the articles (independently of translint).

    Mirrors the documented matching rules: case-insensitive, whole words, the words of a form
    separated by spaces or hyphens (at most one line break), a person's given name only right
    before the family name, the finding starting at the given name when there is one.
    """

    _SPACE = r"(?:[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)"
    _SEPARATOR = r"(?:[ \t\u00a0\-\u2010\u2011]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)"

    def __init__(self, names: Iterable[Name]) -> None:
        self.patterns: list[tuple[Name, re.Pattern[str]]] = []
        for name in names:
            family = self._alternation((name.preferred, *name.variants))
            pattern = rf"(?<![^\W_])(?P<family>{family})(?![^\W_])"
            if name.given is not None:
                given = self._alternation((name.given, *name.given_variants))
                pattern = (rf"(?<![^\W_])(?:(?P<given>{given}){self._SPACE})?"
                           rf"(?P<family>{family})(?![^\W_])")
            self.patterns.append((name, re.compile(pattern, re.IGNORECASE)))

    def _alternation(self, forms: Iterable[str]) -> str:
        ordered = sorted(forms, key=len, reverse=True)
        return "|".join(self._SEPARATOR.join(re.escape(word) for word in words_of(form))
                        for form in ordered)

    def scan(self, text: str) -> Iterator[tuple[int, str, str, int, str | None]]:
        """(offset, written, expected fix, entry index, dictionary key) of each variant."""
        for name, pattern in self.patterns:
            variants = {identity(form) for form in name.variants}
            given_variants = {identity(form) for form in name.given_variants}
            for match in pattern.finditer(text):
                family = match.group("family")
                given = match.groupdict().get("given")
                family_bad = identity(family) in variants
                given_bad = given is not None and identity(given) in given_variants
                if not (family_bad or given_bad):
                    continue
                expected = name.preferred if given is None else f"{name.given} {name.preferred}"
                yield (match.start(), match.group(0), expected, name.index,
                       family.lower() if family_bad else None)


def read_articles(path: Path, scanner: ExistingScanner) -> list[Article]:
    """The news articles with the variants they already contain."""
    articles: list[Article] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"].replace("\r\n", "\n")
            category = record["id"].rsplit("-", 1)[0]
            existing = tuple(sorted(scanner.scan(text), key=lambda item: item[0]))
            articles.append(Article(record["id"], category, text, existing))
    return articles


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of ``text`` start."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def plant_article(article: Article, names: Sequence[Name], tiers: Sequence[range],
                  rng: random.Random, plant_every: int) -> tuple[str, list[tuple[int, Plant]],
                                                                 list[tuple[int, int]]]:
    """Insert plants into an article: its new text, the plants and the shifted real variants.

    Returns the text, ``(offset in the new text, plant)`` pairs and ``(new offset, index into
    article.existing)`` pairs.
    """
    text = article.text
    wanted = len(text.encode("utf-8")) / plant_every
    count = int(wanted) + (1 if rng.random() < wanted - int(wanted) else 0)
    taken = {offset for offset, *_ in article.existing}
    candidates = [match.start() for match in _SENTENCE_START.finditer(text)
                  if match.start() not in taken]
    offsets = sorted(rng.sample(candidates, min(count, len(candidates))))
    plants: list[Plant] = []
    for offset in offsets:
        name = names[rng.choice(rng.choice(tiers))]
        plants.append(make_plant(name, pick_shape(name, rng), offset, rng))
    pieces: list[str] = []
    placed: list[tuple[int, Plant]] = []
    shift = 0
    previous = 0
    shifts: list[tuple[int, int]] = []  # (original offset, shift from there on)
    for plant in plants:
        pieces.append(text[previous:plant.offset])
        inserted = plant.sentence + " "
        placed.append((plant.offset + shift + plant.hit_at, plant))
        pieces.append(inserted)
        shift += len(inserted)
        shifts.append((plant.offset, shift))
        previous = plant.offset
    pieces.append(text[previous:])
    moved: list[tuple[int, int]] = []
    for index, (offset, *_rest) in enumerate(article.existing):
        before = [amount for start, amount in shifts if start <= offset]
        moved.append((offset + (before[-1] if before else 0), index))
    return "".join(pieces), placed, moved


def build_corpus(root: Path, articles: Sequence[Article], names: Sequence[Name],
                 size_bytes: int, plant_every: int, seed: int) -> CorpusInfo:
    """Write the corpus under ``root`` (a fresh directory) and return what it holds."""
    rng = random.Random(seed + 1)
    tiers = [range(0, min(30, len(names)))]
    if len(names) > 30:
        middle = min(1000, len(names))
        tiers.append(range(30, middle))
        if len(names) > middle:
            tiers.append(range(middle, len(names)))
    info = CorpusInfo()
    directories: set[Path] = set()
    repeat = 0
    while info.bytes < size_bytes:
        for article in articles:
            if info.bytes >= size_bytes:
                break
            text, placed, moved = plant_article(article, names, tiers, rng, plant_every)
            part = info.files % PARTS
            folder = root / f"part{part}" / article.category / f"r{repeat:02d}"
            if folder not in directories:
                folder.mkdir(parents=True, exist_ok=True)
                directories.add(folder)
            path = folder / f"{article.id}-r{repeat:02d}.txt"
            data = text.encode("utf-8")
            path.write_bytes(data)
            shown = path.relative_to(root.parent).as_posix()
            starts = line_starts(text)
            for offset, plant in placed:
                line, column = position(starts, offset)
                info.hits.append(Hit(shown, line, column, plant.written, plant.expected,
                                     plant.entry, plant.shape, True, plant.key))
            for offset, index in moved:
                _, written, expected, entry, key = article.existing[index]
                assert text[offset:offset + len(written)] == written
                line, column = position(starts, offset)
                info.hits.append(Hit(shown, line, column, written, expected, entry,
                                     PRE_EXISTING, False, key))
            info.files += 1
            info.bytes += len(data)
            info.characters += len(text)
            if part == 0:
                info.quarter_files += 1
                info.quarter_bytes += len(data)
        repeat += 1
    info.directories = len({folder for path in directories for folder in
                            (path, path.parent, path.parent.parent)})
    return info


# ---------------------------------------------------------------------------------------------
# Running and measuring commands
# ---------------------------------------------------------------------------------------------

# Runs a command with stdout/stderr to files; prints its wall time and its tree's peak RSS.
_WRAPPER = """
import json, resource, subprocess, sys, time
out_path, err_path, *argv = sys.argv[1:]
with open(out_path, "wb") as out, open(err_path, "wb") as err:
    start = time.perf_counter()
    code = subprocess.call(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
print(json.dumps({"seconds": seconds, "returncode": code, "max_rss_kb": peak,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime}))
"""


@dataclass(frozen=True)
class Measurement:
    """One run of a command: wall seconds, exit code and peak RSS of its process tree."""

    seconds: float
    returncode: int
    max_rss_kb: int
    cpu_seconds: float  # user + system time of the whole process tree


@dataclass
class Series:
    """The runs of one configuration."""

    label: str
    runs: list[Measurement] = field(default_factory=list)
    output: Path | None = None

    @property
    def median(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(run.seconds for run in self.runs)

    @property
    def peak_mb(self) -> float:
        """Largest peak RSS over the runs, in MB (10^6 bytes)."""
        return max(run.max_rss_kb for run in self.runs) * 1024 / MB


def measure(argv: Sequence[str], output: Path, cwd: Path,
            ok: Iterable[int] = (0, 1)) -> Measurement:
    """Run ``argv`` once in a fresh wrapper process; stdout goes to ``output``."""
    error_path = output.with_suffix(output.suffix + ".err")
    wrapper = [sys.executable, "-c", _WRAPPER, str(output), str(error_path), *argv]
    result = subprocess.run(wrapper, cwd=cwd, capture_output=True, text=True, check=True)
    measurement = Measurement(**json.loads(result.stdout))
    if measurement.returncode not in set(ok):
        errors = error_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"benchmark: {' '.join(argv)} exited {measurement.returncode}:\n"
                         f"{errors}")
    return measurement


def run_series(label: str, argv: Sequence[str], output: Path, runs: int,
               cwd: Path = WORK, ok: Iterable[int] = (0, 1)) -> Series:
    """Run a configuration ``runs`` times and keep every measurement."""
    series = Series(label, output=output)
    codes = tuple(ok)
    for _ in range(runs):
        series.runs.append(measure(argv, output, cwd, codes))
    status(f"  {label}: median {series.median:.2f} s, peak {series.peak_mb:.0f} MB")
    return series


def status(message: str) -> None:
    """Progress on standard error."""
    print(message, file=sys.stderr, flush=True)


def tool(name: str) -> str | None:
    """A console script of this virtualenv, else one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def tool_version(argv: Sequence[str]) -> str:
    """The first line a ``--version`` prints, or "?"."""
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except OSError:
        return "?"
    lines = (result.stdout or result.stderr).strip().splitlines()
    return lines[0] if lines else "?"


# ---------------------------------------------------------------------------------------------
# Reading what the tools report and matching it with the hits
# ---------------------------------------------------------------------------------------------


@dataclass
class Score:
    """How the reports of one run compare with the hits."""

    planted: int = 0
    planted_found: int = 0
    existing: int = 0
    existing_found: int = 0
    other: int = 0
    other_by_code: Counter[str] = field(default_factory=Counter)
    found_by_shape: Counter[str] = field(default_factory=Counter)
    missed: list[Hit] = field(default_factory=list)
    wrong_fix: list[tuple[Hit, str]] = field(default_factory=list)


def expected_hits(hits: Iterable[Hit], entries: int) -> list[Hit]:
    """The hits a glossary of the first ``entries`` names should report."""
    return [hit for hit in hits if hit.entry < entries]


def score_translint(output: Path, hits: Sequence[Hit]) -> Score:
    """Match translint's JSON findings (TL101) to hits on file, line and column."""
    report = json.loads(output.read_text(encoding="utf-8"))
    by_place = {(hit.path, hit.line, hit.column): hit for hit in hits}
    score = _tally(hits)
    matched: set[tuple[str, int, int]] = set()
    for finding in report["findings"]:
        place = (finding["path"], finding["line"], finding["column"])
        hit = by_place.get(place) if finding["code"] == "TL101" else None
        if hit is None or place in matched:
            score.other += 1
            score.other_by_code[finding["code"]] += 1
            continue
        matched.add(place)
        _found(score, hit)
        if hit.planted and finding["suggestion"] != hit.expected:
            score.wrong_fix.append((hit, str(finding["suggestion"])))
    score.missed = [hit for hit in hits if (hit.path, hit.line, hit.column) not in matched]
    return score


def _tally(hits: Sequence[Hit]) -> Score:
    score = Score()
    score.planted = sum(hit.planted for hit in hits)
    score.existing = len(hits) - score.planted
    return score


def _found(score: Score, hit: Hit) -> None:
    if hit.planted:
        score.planted_found += 1
    else:
        score.existing_found += 1
    score.found_by_shape[hit.shape] += 1


_CODESPELL_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> ")


def codespell_reports(output: Path) -> Iterator[tuple[str, int, str]]:
    """(path, line, word) of each ``path:line: word ==> fix`` line."""
    for text in output.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _CODESPELL_LINE.match(text)
        if match:
            yield match["path"], int(match["line"]), match["word"]


def typos_reports(output: Path) -> Iterator[tuple[str, int, str]]:
    """(path, line, word) of each typo in typos' JSON lines."""
    for text in output.read_text(encoding="utf-8", errors="replace").splitlines():
        if not text.startswith("{"):
            continue
        record = json.loads(text)
        if record.get("type") == "typo":
            yield record["path"], int(record["line_num"]), record["typo"]


def score_word_tool(reports: Iterable[tuple[str, int, str]], hits: Sequence[Hit]) -> Score:
    """Match line-level reports to hits on file, line and variant word (each report used once)."""
    available: Counter[tuple[str, int, str]] = Counter(
        (path, line, word.lower().replace("’", "'")) for path, line, word in reports)
    score = _tally(hits)
    for hit in sorted(hits, key=lambda item: (item.path, item.line, item.column)):
        place = (hit.path, hit.line, hit.key or "")
        if hit.key is not None and available[place] > 0:
            available[place] -= 1
            _found(score, hit)
        else:
            score.missed.append(hit)
    score.other = sum(available.values())
    return score


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the results table."""

    label: str
    series: Series
    corpus_bytes: int
    score: Score | None = None
    baseline: Series | None = None
    fixed: Series | None = None


@dataclass
class Settings:
    """Command-line options."""

    size_mb: float
    runs: int
    sizes: list[int]
    jobs: list[int]
    startup_runs: int
    plant_every: int
    seed: int
    data: Path
    quick: bool
    only: str | None = None


def parse_options(argv: Sequence[str] | None = None) -> Settings:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=20.0,
                        help="corpus size in MB of 10^6 bytes (default 20)")
    parser.add_argument("--runs", type=int, default=5, help="runs per configuration (default 5)")
    parser.add_argument("--sizes", default="30,1000,10000",
                        help="glossary sizes, comma-separated (default 30,1000,10000)")
    parser.add_argument("--jobs", default="1,2", help="--jobs values for translint (default 1,2)")
    parser.add_argument("--startup-runs", type=int, default=10,
                        help="runs of each start-up measurement (default 10)")
    parser.add_argument("--plant-every", type=int, default=2500,
                        help="about one planted hit per this many bytes (default 2500)")
    parser.add_argument("--seed", type=int, default=2019, help="random seed (default 2019)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"folder with news.jsonl and names-30.tsv (default {DEFAULT_DATA})")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: 2 MB corpus, 1 run, 3 start-up runs")
    parser.add_argument("--only", choices=("common-words",),
                        help="measure one row only: common-words (the largest glossary with "
                             "common words as preferred forms, TL101 on every --jobs value, "
                             "and codespell with the same pairs)")
    options = parser.parse_args(argv)
    sizes = sorted({int(size) for size in options.sizes.split(",")})
    if options.quick:
        options.size_mb, options.runs, options.startup_runs = 2.0, 1, 3
    if min(sizes) < 1 or options.runs < 1:
        parser.error("--sizes and --runs must be positive")
    return Settings(options.size_mb, options.runs, sizes,
                    sorted({int(jobs) for jobs in options.jobs.split(",")}),
                    options.startup_runs, options.plant_every, options.seed,
                    options.data, options.quick, options.only)


def prepare(settings: Settings) -> tuple[list[Name], CorpusInfo]:
    """Generate the names, the glossaries, the baseline dictionaries and the corpus."""
    news, pairs = settings.data / "news.jsonl", settings.data / "names-30.tsv"
    for path in (news, pairs):
        if not path.exists():
            raise SystemExit(f"benchmark: {path} is missing (use --data DIR)")
    started = time.perf_counter()
    real = read_real_names(pairs)
    articles = read_articles(news, ExistingScanner(real))
    vocabulary = corpus_vocabulary(article.text for article in articles)
    names = make_names(real, max(settings.sizes), vocabulary, settings.seed)
    for folder in ("glossaries", "dictionaries", "out"):
        (WORK / folder).mkdir(parents=True, exist_ok=True)
    for size in settings.sizes:
        write_glossary(WORK / "glossaries" / f"g{size}.toml", names[:size])
        write_codespell_dictionary(WORK / "dictionaries" / f"codespell-{size}.txt", names[:size])
        write_typos_config(WORK / "dictionaries" / f"typos-{size}.toml", names[:size])
    largest = max(settings.sizes)
    write_glossary(WORK / "glossaries" / f"g{largest}-nomatch.toml",
                   [without_matches(name) for name in names[:largest]])
    root = WORK / CORPUS
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    (WORK / "empty").mkdir(exist_ok=True)
    info = build_corpus(root, articles, names, int(settings.size_mb * MB), settings.plant_every,
                        settings.seed)
    (WORK / "hits.json").write_text(json.dumps([asdict(hit) for hit in info.hits]),
                                    encoding="utf-8")
    common = common_word_names(names[:largest], info.hits, (a.text for a in articles),
                               vocabulary)
    write_glossary(WORK / "glossaries" / f"g{largest}-common.toml", common)
    write_codespell_dictionary(WORK / "dictionaries" / f"codespell-{largest}-common.txt", common)
    status(f"built {info.files} files, {info.bytes / MB:.1f} MB, "
           f"{sum(hit.planted for hit in info.hits)} planted and "
           f"{sum(not hit.planted for hit in info.hits)} pre-existing hits, "
           f"in {time.perf_counter() - started:.1f} s")
    for path in root.rglob("*.txt"):  # warm the page cache once for every tool
        path.read_bytes()
    return names, info


class Tools:
    """The commands measured, as argument lists (typos may be missing)."""

    def __init__(self) -> None:
        translint = tool("translint")
        if translint is None:
            raise SystemExit("benchmark: no translint command; run `make bench` "
                             "or pip install -e '.[bench]'")
        self.translint = translint
        codespell = tool("codespell")
        self.codespell = [codespell] if codespell else [sys.executable, "-m", "codespell_lib"]
        self.typos = tool("typos")

    def translint_check(self, target: str, size: int, select: str = "TL101",
                        jobs: int | None = 1, glossary: str = "",
                        lang: str | None = "en") -> list[str]:
        """``translint check`` of ``target`` with the glossary of ``size`` entries.

        ``glossary`` is a suffix of the glossary file name ("-nomatch"); ``lang`` None
        leaves the language to per-document detection. ``--no-files-ok``: the fixed cost
        is measured on an empty directory, which is otherwise an error.
        """
        # --no-respect-gitignore: the work directory is git-ignored.
        argv = [self.translint, "check", target, "--no-config", "--no-respect-gitignore",
                "--no-files-ok", "--glossary",
                f"glossaries/g{size}{glossary}.toml", "--select", select, "--format", "json"]
        argv += ["--lang", lang] if lang is not None else []
        return argv + (["--jobs", str(jobs)] if jobs is not None else [])

    def codespell_check(self, target: str, size: int, glossary: str = "") -> list[str]:
        """codespell with the pairs of the glossary of ``size`` entries as its only dictionary
        (``glossary``: a suffix of the glossary's name, "-common")."""
        return [*self.codespell, "-D", f"dictionaries/codespell-{size}{glossary}.txt", target]

    def typos_check(self, target: str, size: int) -> list[str]:
        """typos with the one-word pairs of ``size`` entries added to its dictionary."""
        assert self.typos is not None
        return [self.typos, "--config", f"dictionaries/typos-{size}.toml", "--isolated",
                "--no-ignore", "--no-check-filenames", "--format", "json", target]

    def versions(self) -> dict[str, str]:
        """The version line of each tool."""
        return {
            "translint": tool_version([self.translint, "--version"]),
            "codespell": tool_version([*self.codespell, "--version"]),
            "typos": tool_version([self.typos, "--version"]) if self.typos else "not installed",
        }


# Times the stages of translint's fixed cost in one process (uses internal modules).
_BREAKDOWN = """
import gc, json, sys, time
gc.disable()  # as translint check loads its glossaries
started = time.perf_counter()
try:
    import tomllib
except ImportError:
    import tomli as tomllib
from pathlib import Path
from translint.glossary.load import load_glossaries
from translint.names.index import NameIndex
imported = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as file:
    tomllib.loads(file.read())
parsed = time.perf_counter()
glossaries = load_glossaries([sys.argv[1]])
loaded = time.perf_counter()
load_glossaries([sys.argv[1]], Path(sys.argv[2]))  # fills the cache if it is empty
before_cached = time.perf_counter()
load_glossaries([sys.argv[1]], Path(sys.argv[2]))
cached = time.perf_counter()
NameIndex(glossaries)
indexed = time.perf_counter()
print(json.dumps({"import translint": imported - started, "parse TOML": parsed - imported,
                  "load_glossaries (TOML + validation)": loaded - parsed,
                  "load_glossaries from the cache (with its name index)": cached - before_cached,
                  "building the name index (what the cache saves)": indexed - cached}))
"""


def fixed_cost_breakdown(sizes: Sequence[int], runs: int) -> dict[int, dict[str, float]]:
    """Median seconds of each loading stage per glossary size (empty if internals moved)."""
    breakdown: dict[int, dict[str, float]] = {}
    for size in sizes:
        samples: dict[str, list[float]] = defaultdict(list)
        for _ in range(runs):
            result = subprocess.run([sys.executable, "-c", _BREAKDOWN, f"glossaries/g{size}.toml",
                                     str(GLOSSARY_CACHE)],
                                    cwd=WORK, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                status(f"  no breakdown: {result.stderr.strip().splitlines()[-1:]}")
                return {}
            for stage, seconds in json.loads(result.stdout).items():
                samples[stage].append(seconds)
        breakdown[size] = {stage: statistics.median(values) for stage, values in samples.items()}
        status(f"  {size:,} entries: " + ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds
                                                  in breakdown[size].items()))
    return breakdown


@dataclass(frozen=True)
class MemoryRow:
    """A run of the memory comparison: what was checked and how it went."""

    label: str
    files: int
    bytes: int
    series: Series

    @property
    def findings(self) -> int:
        """How many findings the run reported."""
        assert self.series.output is not None
        report = json.loads(self.series.output.read_text(encoding="utf-8"))
        return int(report["summary"]["findings"])


@dataclass
class Results:
    """Everything measured in one benchmark run."""

    rows: list[Row] = field(default_factory=list)
    by_shape: dict[str, Score] = field(default_factory=dict)
    memory: list[MemoryRow] = field(default_factory=list)
    startup: list[Series] = field(default_factory=list)
    breakdown: dict[int, dict[str, float]] = field(default_factory=dict)
    uncached: dict[int, Series] = field(default_factory=dict)
    floor: Series | None = None
    load: float = -1.0

    def cpu_share(self) -> float:
        """CPU time / wall time over the one-process runs (translint --jobs 1, codespell).

        Close to 1 on an idle machine; lower when other processes took the cores.
        """
        runs = [run for row in self.rows for run in row.series.runs
                if "--jobs 1" in row.label or row.label.startswith("codespell")]
        wall = sum(run.seconds for run in runs)
        return sum(run.cpu_seconds for run in runs) / wall if wall else 1.0


def load_average() -> float:
    """The one-minute load average, or -1 where the system does not tell."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return -1.0


def source_state() -> str:
    """The commit of the checked-out translint, and whether its files have local changes."""
    def git(*argv: str) -> str:
        try:
            result = subprocess.run(["git", *argv], cwd=REPO, capture_output=True, text=True,
                                    timeout=30, check=False)
        except OSError:
            return ""
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown commit"
    changed = git("status", "--porcelain", "--", "translint", "glossaries", "pyproject.toml")
    return commit + (" with local changes" if changed else "")


def benchmark(settings: Settings) -> str:
    """Run every measurement and return the Markdown report."""
    tools = Tools()
    shutil.rmtree(GLOSSARY_CACHE, ignore_errors=True)
    os.environ["TRANSLINT_CACHE_DIR"] = str(GLOSSARY_CACHE)
    # As installing a package does (pip writes each module's .pyc), so that no run pays
    # for compiling translint's modules: with PYTHONDONTWRITEBYTECODE set, an editable
    # install would compile every one on every run, which codespell, installed, does not.
    compileall.compile_dir(REPO / "translint", quiet=1)
    load_before = load_average()
    names, info = prepare(settings)
    out = WORK / "out"
    runs = settings.runs
    largest = max(settings.sizes)
    results = Results()

    if settings.only == "common-words":
        common_words_rows(settings, tools, info, results)
        results.load = load_before
        report = render(settings, names, info, results, tools.versions())
        (WORK / "results.md").write_text(report, encoding="utf-8")
        return report

    status("baselines (corpus, then an empty directory for the fixed cost):")
    codespell: dict[int, Series] = {}
    for size in settings.sizes:
        hits = expected_hits(info.hits, size)
        output = out / f"codespell-{size}.txt"
        codespell[size] = run_series(f"codespell, {size:,} entries",
                                     tools.codespell_check(CORPUS, size), output, runs,
                                     ok=(0, 65))
        score = score_word_tool(codespell_reports(output), hits)
        fixed = run_series(f"codespell, {size:,} entries, empty input",
                           tools.codespell_check("empty", size), out / "empty.txt", runs)
        results.rows.append(Row(codespell[size].label, codespell[size], info.bytes, score,
                                None, fixed))
        if size == largest:
            results.by_shape["codespell"] = score
        if tools.typos is not None:
            output = out / f"typos-{size}.jsonl"
            series = run_series(f"typos, {size:,} entries (all cores)",
                                tools.typos_check(CORPUS, size), output, runs, ok=(0, 2))
            score = score_word_tool(typos_reports(output), hits)
            fixed = run_series(f"typos, {size:,} entries, empty input",
                               tools.typos_check("empty", size), out / "empty.txt", runs)
            results.rows.append(Row(series.label, series, info.bytes, score, codespell[size],
                                    fixed))
            if size == largest:
                results.by_shape["typos"] = score

    status("translint (corpus, then an empty directory for the fixed cost):")
    full: dict[int, Series] = {}
    fixed_translint: dict[int, Series] = {}
    for size in settings.sizes:
        hits = expected_hits(info.hits, size)
        results.uncached[size] = run_series(
            f"translint, {size:,} entries, empty input, --no-cache",
            [*tools.translint_check("empty", size), "--no-cache"], out / "empty.json", runs)
        measure(tools.translint_check("empty", size), out / "empty.json", WORK)  # fill cache
        fixed_translint[size] = run_series(
            f"translint, {size:,} entries, empty input",
            tools.translint_check("empty", size), out / "empty.json", runs)
        for jobs in settings.jobs:
            output = out / f"translint-{size}-j{jobs}.json"
            series = run_series(f"translint TL101, {size:,} entries, --jobs {jobs}",
                                tools.translint_check(CORPUS, size, jobs=jobs), output, runs)
            score = score_translint(output, hits)
            results.rows.append(Row(series.label, series, info.bytes, score, codespell[size],
                                    fixed_translint[size]))
            if size == largest:
                full[jobs] = series
                if jobs == settings.jobs[0]:
                    results.by_shape["translint"] = score
    status("the default run: every check and the bundled glossary, language detected:")
    for jobs in settings.jobs:
        output = out / f"translint-default-j{jobs}.json"
        series = run_series(f"translint default (every check, bundled glossary), --jobs {jobs}",
                            [tools.translint, "check", CORPUS, "--no-config",
                             "--no-respect-gitignore", "--format", "json",
                             "--jobs", str(jobs)], output, runs)
        fixed_default = run_series("translint default, empty input",
                                   [tools.translint, "check", "empty", "--no-config",
                                    "--no-files-ok", "--format", "json"], out / "empty.json",
                                   runs)
        results.rows.append(Row(series.label, series, info.bytes, None,
                                codespell[settings.sizes[0]], fixed_default))
    for select, what, lang in (("TL1", "TL1 (all name checks)", "en"),
                               ("TL", "every check, language detected", None)):
        fixed_set = run_series(f"translint {what}, {largest:,} entries, empty input",
                               tools.translint_check("empty", largest, select, lang=lang),
                               out / "empty.json", runs)
        for jobs in settings.jobs:
            output = out / f"translint-{largest}-{select}-j{jobs}.json"
            series = run_series(f"translint {what}, {largest:,} entries, --jobs {jobs}",
                                tools.translint_check(CORPUS, largest, select, jobs=jobs,
                                                      lang=lang), output, runs)
            results.rows.append(Row(series.label, series, info.bytes,
                                    score_translint(output, expected_hits(info.hits, largest)),
                                    codespell[largest], fixed_set))

    common_words_rows(settings, tools, info, results)

    status("memory, a quarter of the files against all of them:")
    for jobs in settings.jobs:
        quarter = run_series(f"{largest:,} entries, --jobs {jobs}, quarter (part0)",
                             tools.translint_check(f"{CORPUS}/part0", largest, jobs=jobs),
                             out / f"quarter-j{jobs}.json", runs)
        results.memory.append(MemoryRow(quarter.label, info.quarter_files, info.quarter_bytes,
                                        quarter))
        results.memory.append(MemoryRow(f"{largest:,} entries, --jobs {jobs}, all", info.files,
                                        info.bytes, full[jobs]))
    for jobs in settings.jobs:
        for scope, target, files, size_bytes in (
                ("quarter (part0)", f"{CORPUS}/part0", info.quarter_files, info.quarter_bytes),
                ("all", CORPUS, info.files, info.bytes)):
            label = f"{largest:,} entries, no form in the corpus, --jobs {jobs}, {scope}"
            series = run_series(label, tools.translint_check(target, largest, jobs=jobs,
                                                             glossary="-nomatch"),
                                out / f"nomatch-j{jobs}-{scope.split()[0]}.json", runs)
            results.memory.append(MemoryRow(label, files, size_bytes, series))
    results.floor = run_series("wrapper floor (/bin/true)", ["true"], out / "true.txt", 1)

    status("fixed-cost breakdown (in-process, internal modules):")
    results.breakdown = fixed_cost_breakdown(settings.sizes, runs)

    status("start-up (seed article, bundled glossaries):")
    startup_runs = settings.startup_runs
    results.startup = [
        run_series("python -c pass", [sys.executable, "-c", "pass"], out / "python.txt",
                   startup_runs, cwd=REPO),
        run_series("translint --version", [tools.translint, "--version"], out / "version.txt",
                   startup_runs, cwd=REPO),
        run_series("translint check seeds --lang en",
                   [tools.translint, "check", "seeds", "--lang", "en"], out / "seeds-en.txt",
                   startup_runs, cwd=REPO),
        run_series("translint check seeds (language detection)",
                   [tools.translint, "check", "seeds"], out / "seeds-detect.txt", startup_runs,
                   cwd=REPO),
    ]
    results.load = load_before
    report = render(settings, names, info, results, tools.versions())
    (WORK / "results.md").write_text(report, encoding="utf-8")
    return report


def common_words_rows(settings: Settings, tools: Tools, info: CorpusInfo,
                      results: Results) -> None:
    """The "common words" rows: codespell and TL101 (every --jobs value) with the largest
    glossary whose preferred forms include the corpus's commonest words (``-common``)."""
    largest, out, runs = max(settings.sizes), WORK / "out", settings.runs
    status(f"common words: {largest:,} entries, {COMMON_WORDS:,} of them common words:")
    hits = expected_hits(info.hits, largest)
    output = out / f"codespell-{largest}-common.txt"
    codespell = run_series(f"codespell, {largest:,} entries, common words",
                           tools.codespell_check(CORPUS, largest, "-common"), output, runs,
                           ok=(0, 65))
    fixed = run_series(f"codespell, {largest:,} entries, common words, empty input",
                       tools.codespell_check("empty", largest, "-common"), out / "empty.txt",
                       runs)
    results.rows.append(Row(codespell.label, codespell, info.bytes,
                            score_word_tool(codespell_reports(output), hits), None, fixed))
    measure(tools.translint_check("empty", largest, glossary="-common"), out / "empty.json",
            WORK)  # fills the glossary cache
    fixed = run_series(f"translint, {largest:,} entries, common words, empty input",
                       tools.translint_check("empty", largest, glossary="-common"),
                       out / "empty.json", runs)
    for jobs in settings.jobs:
        output = out / f"translint-{largest}-common-j{jobs}.json"
        series = run_series(f"translint TL101, {largest:,} entries, common words, --jobs {jobs}",
                            tools.translint_check(CORPUS, largest, jobs=jobs,
                                                  glossary="-common"), output, runs)
        score = score_translint(output, hits)
        results.rows.append(Row(series.label, series, info.bytes, score, codespell, fixed))
        if settings.only is not None and jobs == settings.jobs[0]:
            results.by_shape["translint"] = score


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def fraction(found: int, total: int) -> str:
    """``found/total`` with a percentage."""
    if total == 0:
        return "0/0"
    return f"{found:,}/{total:,} ({100 * found / total:.1f} %)"


def render(settings: Settings, names: Sequence[Name], info: CorpusInfo, results: Results,
           versions: dict[str, str]) -> str:
    """The Markdown report."""
    planted = [hit for hit in info.hits if hit.planted]
    existing = [hit for hit in info.hits if not hit.planted]
    largest = max(settings.sizes)
    lines = [
        "# translint benchmark",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. Tools: {versions['translint']} ({source_state()}); "
        f"codespell {versions['codespell']}; typos {versions['typos']}.",
        "",
        f"Load average (1 min) before the measurements: {results.load:.2f}; CPU time / wall "
        f"time of the one-process runs: {results.cpu_share():.2f}"
        + (" — **other processes competed for the cores: the times are not reliable; run it "
           "again on an idle machine**." if results.cpu_share() < 0.9 else
           " (about 1 when nothing else runs)."),
        "",
        f"Corpus: {info.files:,} files in {info.directories:,} directories, "
        f"{info.bytes / MB:.2f} MB ({info.characters:,} characters), built from "
        f"{settings.data / 'news.jsonl'}; {len(planted):,} planted hits (about one per "
        f"{info.bytes / max(1, len(planted)):,.0f} bytes) and {len(existing):,} pre-existing "
        f"variants of the real names. Median of {settings.runs} run(s) per row; "
        "whole process, start to exit; page cache warm.",
        "",
        "| configuration | median s | fixed s | MB/s | MB/s excl. fixed | codespell s ÷ this | "
        "planted found | pre-existing found | other reports | peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |",
    ]
    for row in results.rows:
        median = row.series.median
        megabytes = row.corpus_bytes / MB
        ratio = f"{row.baseline.median / median:.2f}" if row.baseline else "1.00"
        fixed = row.fixed.median if row.fixed else None
        scanning = median - fixed if fixed is not None else None
        score = row.score
        other = "—"
        if score is not None:
            other = f"{score.other:,}"
            if score.other_by_code:
                other += " (" + ", ".join(f"{code} {count:,}" for code, count
                                          in sorted(score.other_by_code.items())) + ")"
        lines.append(
            f"| {row.label} | {median:.2f} | "
            f"{f'{fixed:.2f}' if fixed is not None else '—'} | {megabytes / median:.1f} | "
            f"{f'{megabytes / scanning:.1f}' if scanning and scanning > 0.005 else '—'} | "
            f"{ratio} | {fraction(score.planted_found, score.planted) if score else '—'} | "
            f"{fraction(score.existing_found, score.existing) if score else '—'} | {other} | "
            f"{row.series.peak_mb:.0f} |")
    lines += [
        "",
        "*fixed s*: the same command on an empty directory (start-up, glossary or dictionary "
        "loading, automaton building; not what translint builds lazily on the first document, "
        "such as TL103's transliteration keys); *MB/s excl. fixed* divides by median − fixed. "
        "*codespell s ÷ this*: codespell's median time with the same number of pairs divided "
        "by this row's (above 1: faster than codespell). *other reports*: findings that are "
        "neither a planted nor a pre-existing hit (for TL1, the TL102/TL103 findings; for "
        "typos, words of its built-in typo list such as real misspellings in the articles). "
        "Baselines are matched on file + line + variant word (they give no character column); "
        "translint on file + line + column. Peak RSS is the largest single process of the run "
        "(for --jobs 2 the parent or one worker, not their sum). codespell runs on one core, "
        "typos on all.",
        "",
        f"## Found by shape ({largest:,} entries; translint --jobs {settings.jobs[0]})",
        "",
    ]
    tools = sorted(results.by_shape, key=lambda name: (name != "translint", name))
    lines += ["| shape | example | planted | " + " | ".join(tools) + " |",
              "| --- | --- | ---: | " + " | ".join("---:" for _ in tools) + " |"]
    by_shape: dict[str, list[Hit]] = defaultdict(list)
    for hit in expected_hits(info.hits, largest):
        by_shape[hit.shape].append(hit)
    for shape, hits in sorted(by_shape.items(),
                              key=lambda item: (item[0] == PRE_EXISTING, item[0])):
        example = _quote(hits[0].written)
        cells = [fraction(results.by_shape[name].found_by_shape[shape], len(hits))
                 for name in tools]
        lines.append(f"| {shape} | {example} | {len(hits):,} | " + " | ".join(cells) + " |")
    lines += _misses(results.by_shape.get("translint"))
    if settings.only is not None:
        return "\n".join(lines)
    lines += [
        "",
        "## Memory against the number of files",
        "",
        "| configuration | files | MB | findings | median s | peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for memory in results.memory:
        lines.append(f"| {memory.label} | {memory.files:,} | {memory.bytes / MB:.1f} | "
                     f"{memory.findings:,} | {memory.series.median:.2f} | "
                     f"{memory.series.peak_mb:.0f} |")
    lines += ["", "*no form in the corpus*: the largest glossary with every family form "
              "suffixed by \"zq\" (same size and structure, no findings), which separates "
              "growth with the number of files from growth with the number of findings, "
              "which the report keeps until the end."]
    if results.floor is not None:
        lines += ["", f"The measuring wrapper itself peaks at {results.floor.peak_mb:.0f} MB "
                  "(a floor for every figure)."]
    if results.breakdown:
        stages = list(next(iter(results.breakdown.values())))
        lines += [
            "",
            "## translint's fixed cost by stage (in one process, garbage collector off as in "
            "`translint check`, median seconds)",
            "",
            "| entries | " + " | ".join(stages) + " |",
            "| ---: | " + " | ".join("---:" for _ in stages) + " |",
        ]
        for size, breakdown in results.breakdown.items():
            lines.append(f"| {size:,} | " + " | ".join(f"{breakdown[stage]:.2f}"
                                                      for stage in stages) + " |")
    if results.uncached:
        lines += [
            "",
            "## translint's fixed cost with and without the glossary cache (whole process)",
            "",
            "| entries | --no-cache, median s | cached, median s |",
            "| ---: | ---: | ---: |",
        ]
        for size, series in results.uncached.items():
            cached = next((row.fixed for row in results.rows if row.fixed is not None
                           and row.label.startswith(f"translint TL101, {size:,} entries")), None)
            lines.append(f"| {size:,} | {series.median:.2f} | "
                         f"{f'{cached.median:.2f}' if cached else '—'} |")
    lines += [
        "",
        f"## Start-up (median of {settings.startup_runs}, seed article, bundled glossaries)",
        "",
        "| command | median s | min s | max s | peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for series in results.startup:
        times = [run.seconds for run in series.runs]
        lines.append(f"| {series.label} | {series.median:.3f} | {min(times):.3f} | "
                     f"{max(times):.3f} | {series.peak_mb:.0f} |")
    kinds = Counter(name.kind + (" (two words)" if name.two_words else "") for name in names)
    lines += [
        "",
        "## Inputs",
        "",
        f"Glossaries: {', '.join(f'{size:,}' for size in settings.sizes)} entries "
        f"(benchmarks/work/glossaries/); the largest has "
        + ", ".join(f"{count:,} {kind}" for kind, count in sorted(kinds.items()))
        + f" entries and {sum(len(name.variants) for name in names):,} variants. "
        "Planted hits per glossary size: "
        + ", ".join(f"{size:,}: {sum(hit.planted for hit in expected_hits(info.hits, size)):,}"
                    for size in settings.sizes) + ".",
        "",
        "Pre-existing variants: " + ", ".join(
            f"{written} ×{count}" for written, count in
            Counter(hit.written.replace("\n", " ") for hit in existing).most_common()) + ".",
        "",
    ]
    return "\n".join(lines)


def _misses(score: Score | None) -> list[str]:
    """The report's section on what translint missed or fixed wrongly."""
    if score is None:
        return []
    lines = ["", "## translint misses and wrong fixes", ""]
    if not score.missed:
        lines.append("Every planted and pre-existing hit was found.")
    else:
        lines.append(f"{len(score.missed):,} hits missed; by shape: " + ", ".join(
            f"{shape} {count:,}" for shape, count in
            Counter(hit.shape for hit in score.missed).most_common()) + ". Examples:")
        lines.append("")
        for hit in _examples(score.missed):
            lines.append(f"- `{hit.path}:{hit.line}:{hit.column}` {hit.shape}: "
                         f"{_quote(hit.written)} → {_quote(hit.expected)}")
    if score.wrong_fix:
        lines += ["", f"{len(score.wrong_fix):,} planted hits found with an unexpected fix, "
                  "e.g.:", ""]
        for hit, suggestion in score.wrong_fix[:8]:
            lines.append(f"- `{hit.path}:{hit.line}:{hit.column}` {hit.shape}: "
                         f"{_quote(hit.written)} → {_quote(suggestion)}, expected "
                         f"{_quote(hit.expected)}")
    return lines


def _examples(hits: Sequence[Hit]) -> list[Hit]:
    """Up to three examples of each shape."""
    seen: Counter[str] = Counter()
    chosen: list[Hit] = []
    for hit in hits:
        if seen[hit.shape] < 3:
            seen[hit.shape] += 1
            chosen.append(hit)
    return chosen


def _quote(text: str) -> str:
    return "“" + text.replace("\n", "⏎") + "”"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: build the inputs, measure, print and save the report."""
    settings = parse_options(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    report = benchmark(settings)
    print(report)
    status(f"written to {WORK / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
