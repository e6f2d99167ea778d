"""Reports of mined phrasing: a table for a terminal, JSON for tools, and a draft phrasing
pack (TOML) whose rules are all commented out, for a person to review."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from translint.phrasing.mine import PLACEHOLDERS, MinedPhrase, as_dict

_PATTERN_WORD = re.compile(r"[\w'’.-]+|[,;:!?]")


def render_table(phrases: Sequence[MinedPhrase]) -> str:
    """One line an n-gram, aligned, with its first context below it."""
    if not phrases:
        return "No over-used phrasing found.\n"
    width = max(len(phrase.ngram) for phrase in phrases)
    lines = [f"{'n-gram':<{width}}  {'z':>6}  {'docs T/N':>11}  {'per 10k T/N':>15}"]
    for phrase in phrases:
        docs = f"{phrase.docs_translated}/{phrase.docs_native}"
        rates = f"{phrase.per_10k_translated:.1f}/{phrase.per_10k_native:.1f}"
        lines.append(f"{phrase.ngram:<{width}}  {phrase.z:>6.2f}  {docs:>11}  {rates:>15}")
        for snippet in phrase.contexts[:1]:
            lines.append(f"    {snippet}")
    return "\n".join(lines) + "\n"


def render_json(phrases: Sequence[MinedPhrase]) -> str:
    """A JSON list, one object an n-gram."""
    return json.dumps([as_dict(phrase) for phrase in phrases], ensure_ascii=False, indent=2) + "\n"


def token_pattern(ngram: str) -> str | None:
    """The pack token pattern of an n-gram (placeholders become ``_``), or None when a
    token cannot be written as one (quotes, brackets)."""
    words = []
    for form in ngram.split(" "):
        if form in PLACEHOLDERS:
            words.append("_")
        elif _PATTERN_WORD.fullmatch(form):
            words.append(form)
        else:
            return None
    return " ".join(words)


def render_pack(phrases: Sequence[MinedPhrase], lang: str, source: str | None = None,
                max_native_per_1000: float | None = None) -> str:
    """A draft phrasing pack: a valid header (``source`` its source language, when known;
    the native rate above which n-grams were left out, if any) and every rule commented
    out."""
    out = [
        "# Draft phrasing pack mined by `translint phrasing mine`: n-grams the translated",
        "# copy over-uses compared with the native copy. Every rule is commented out: keep",
        "# those that are translation artefacts, name the source phrase in the message, add",
        "# suggestions and examples, then uncomment. z: log-odds z-score (Fightin' Words).",
    ]
    if max_native_per_1000 is not None:
        out += [f"# Left out: n-grams in more than {max_native_per_1000:g} of 1,000 native "
                "documents (as rules",
                "# they would fail `translint phrasing gate`; --max-native-per-1000)."]
    out += [
        "",
        "[pack]",
        f'id = "mined-{source}-{lang}"' if source else f'id = "mined-{lang}"',
        f'source = ["{source}"]' if source
        else "source = []  # the source language(s), e.g. [\"es\"]",
        f'target = "{lang}"',
        f'description = "Phrasing mined from an archive: over-used in translated {lang} copy"',
    ]
    for number, phrase in enumerate(phrases, start=1):
        pattern = token_pattern(phrase.ngram)
        out += ["", "# [[rule]]", f'# id = "mined-{number}"']
        if pattern is None:
            quoted = json.dumps(phrase.ngram, ensure_ascii=False)
            out.append(f"# pattern = ?  (write one for: {quoted})")
        else:
            out.append(f"# pattern = {json.dumps(pattern, ensure_ascii=False)}")
        out += [
            f"# message = \"Over-used in translated copy (z = {phrase.z:.2f}; in "
            f"{phrase.docs_translated} translated and {phrase.docs_native} native documents).\"",
            "# suggestions = []",
            "# examples.match = "
            + json.dumps(list(phrase.contexts), ensure_ascii=False),
            "# examples.no_match = []",
        ]
    return "\n".join(out) + "\n"
