"""Measure the HTML parsers translint could read HTML input with (benchmarks/README.md,
"HTML input").

For each of Python's ``html.parser`` (what ``translint.text.formats.html`` uses),
selectolax (lexbor), lxml and html5lib: the time to parse a few MB of generated CMS-like
HTML, whether it says where a text node starts in the file, and what text it reads from
malformed markup. A parser that is not installed is skipped with a note
(``pip install -e '.[bench]'`` installs them all).

    python benchmarks/html_parsers.py [--size-mb 4] [--runs 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import time
from collections.abc import Callable

from translint.text.formats import html as html_format

_PARAGRAPH = ('<p class="body">Officials in <a href="https://example.org/{n}" title="Kiev">Kyiv'
              '</a> said on Tuesday that talks&nbsp;resumed &amp; would run until {n} March, '
              'the mayor&rsquo;s office said.</p>\n')
_BLOCKS = ('<figure><img src="/img/{n}.jpg" alt="Street"><figcaption>Kyiv at dawn.'
           '</figcaption></figure>\n', '<!-- desk note {n} -->\n',
           '<script>var x = {n}; if (a < b && c) {{ track("{n}"); }}</script>\n',
           '<pre><code>curl https://api.example.org/{n}</code></pre>\n')
MALFORMED = {
    "unclosed tags": "<div><p>Talks in Kyiv<li>one<li>two",
    "< in text": "<p>3 < 4 and a<b are true</p>",
    "entities": "<p>AT&amp;T in Kyiv&nbsp;Oblast &#x4B;; bad &#x; ref</p>",
    "tag cut off": '<p>Kyiv</p><a href="/x" title="Kiev',
    "bad declaration": "<![foo[ x ]]><p>Kyiv</p>",
}


def page(size: int, seed: int = 12) -> str:
    """A CMS-like HTML page of about ``size`` characters."""
    chance = random.Random(seed)
    parts = ["<!DOCTYPE html>\n<html><head><title>Kyiv</title></head><body><article>\n"]
    total = len(parts[0])
    n = 0
    while total < size:
        n += 1
        part = (_PARAGRAPH if chance.random() < 0.7 else chance.choice(_BLOCKS)).format(n=n)
        parts.append(part)
        total += len(part)
    parts.append("</article></body></html>\n")
    return "".join(parts)


def _selectolax(text: str) -> object:
    from selectolax.lexbor import LexborHTMLParser
    return LexborHTMLParser(text).body


def _lxml(text: str) -> object:
    import lxml.html
    return lxml.html.document_fromstring(text)


def _html5lib(text: str) -> object:
    import html5lib
    return html5lib.parse(text)


def _texts(name: str, text: str) -> str:
    """The text nodes each parser reads from ``text``, joined by |."""
    if name == "html.parser (translint)":
        return "|".join(html_format.prose(text).split())
    if name == "selectolax":
        from selectolax.lexbor import LexborHTMLParser
        root = LexborHTMLParser(text).body
        return "" if root is None else root.text(separator="|", strip=True)
    if name == "lxml":
        import lxml.html
        return "|".join(part.strip() for part in
                        lxml.html.document_fromstring(text).itertext() if part.strip())
    import html5lib
    tree = html5lib.parse(text, namespaceHTMLElements=False)
    return "|".join(part.strip() for part in tree.itertext() if part.strip())


PARSERS: dict[str, tuple[str | None, Callable[[str], object], str]] = {
    # name: (module needed, parse, source positions of text nodes)
    "html.parser (translint)": (None, html_format.prose, "line and column of every token"),
    "selectolax": ("selectolax", _selectolax, "none"),
    "lxml": ("lxml", _lxml, "element line (sourceline), no column; text decoded"),
    "html5lib": ("html5lib", _html5lib, "none in the tree; text decoded"),
}


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--size-mb", type=float, default=4.0)
    arguments.add_argument("--runs", type=int, default=3)
    options = arguments.parse_args()
    text = page(int(options.size_mb * 1_000_000))
    print(f"page: {len(text) / 1e6:.1f} M characters, best of {options.runs}\n")
    print("| parser | MB/s | source positions |")
    print("|---|---|---|")
    for name, (module, parse, positions) in PARSERS.items():
        if module is not None and importlib.util.find_spec(module) is None:
            print(f"| {name} | not installed | {positions} |")
            continue
        best = min(_timed(parse, text) for _ in range(options.runs))
        print(f"| {name} | {len(text) / 1e6 / best:.1f} | {positions} |")
    print("\nmalformed markup: the text each reads\n")
    for case, snippet in MALFORMED.items():
        print(f"- {case}: `{snippet}`")
        for name, (module, _, _) in PARSERS.items():
            if module is None or importlib.util.find_spec(module) is not None:
                print(f"  - {name}: `{_texts(name, snippet)}`")


def _timed(parse: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    parse(text)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
