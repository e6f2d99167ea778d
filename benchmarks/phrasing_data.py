"""The phrasing development data of ``../shared/phrasing-dev/``, as documents with ids, and
its fixed split into a development part (rules are written from it) and a held-out part
(rules are measured on it; nobody writing rules reads it).

Document ids: ``pages/<id>`` for the web pages, ``wmt21/<id>/<system>`` for an MT system's
output of a WMT 2021 Russian document and ``wmt21/<id>/ref-A`` / ``ref-B`` for its human
translations, ``wmt21-en/<id>`` for the original English controls.

The split: within each group (the web pages by kind and source language, the WMT
documents), sorted by id, every third document (0-based index 2, 5, 8, …) is held out.
All versions of one WMT document fall on the same side.

``python benchmarks/phrasing_data.py --part dev --out FILE`` writes the development part
as JSON Lines (``doc``, ``text``, ``source_lang``, ``kind``) for mining; write it outside
the repository, which holds no copy of these texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def _shared() -> Path:
    """``../shared`` of the checkout, or of an ancestor (a git worktree under another folder);
    ``TRANSLINT_SHARED`` overrides."""
    if "TRANSLINT_SHARED" in os.environ:
        return Path(os.environ["TRANSLINT_SHARED"])
    repo = Path(__file__).resolve().parents[1]
    for folder in repo.parents:
        if (folder / "shared" / "phrasing-dev").is_dir():
            return folder / "shared"
    return repo.parent / "shared"


SHARED = _shared()
PHRASING_DEV = SHARED / "phrasing-dev"
NEWS = SHARED / "bench" / "news.jsonl"


@dataclass(frozen=True)
class Document:
    """One text of the development data."""

    doc: str
    text: str
    source_lang: str  # "en" for native copy
    kind: str  # "translated" or "native"
    part: str  # "dev" or "heldout"

    @property
    def sha256(self) -> str:
        """The text's digest: labels name it, so that a changed text is noticed."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _part(index: int) -> str:
    return "heldout" if index % 3 == 2 else "dev"


def _rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def documents(root: Path = PHRASING_DEV) -> Iterator[Document]:
    """Every document of the development data, with its part."""
    pages = _rows(root / "pages.jsonl")
    groups: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in pages:
        groups.setdefault((str(row["kind"]), str(row["source_lang"])), []).append(row)
    for (kind, lang), rows in sorted(groups.items()):
        for index, row in enumerate(sorted(rows, key=lambda item: str(item["id"]))):
            yield Document(f"pages/{row['id']}", str(row["text"]), lang, kind, _part(index))
    wmt = sorted(_rows(root / "wmt21-ru-en.jsonl"), key=lambda item: str(item["id"]))
    for index, row in enumerate(wmt):
        part = _part(index)
        hyps = row["hyps"]
        refs = row["refs"]
        assert isinstance(hyps, dict) and isinstance(refs, dict)
        for system in sorted(hyps):
            yield Document(f"wmt21/{row['id']}/{system}", str(hyps[system]), "ru",
                           "translated", part)
        for name in sorted(refs):
            yield Document(f"wmt21/{row['id']}/ref-{name}", str(refs[name]), "ru",
                           "translated", part)
    for index, row in enumerate(sorted(_rows(root / "wmt21-en-original.jsonl"),
                                       key=lambda item: str(item["id"]))):
        yield Document(f"wmt21-en/{row['id']}", str(row["text"]), "en", "native", _part(index))


def by_id(part: str | None = None) -> dict[str, Document]:
    """The documents by id, optionally of one part only."""
    return {doc.doc: doc for doc in documents() if part is None or doc.part == part}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("dev", "heldout"), required=True)
    parser.add_argument("--source-lang", help="only translations from this language")
    parser.add_argument("--kind", choices=("translated", "native"))
    parser.add_argument("--out", required=True, help="a JSON Lines file outside the repository")
    args = parser.parse_args(argv)
    count = 0
    with open(args.out, "w", encoding="utf-8") as handle:
        for doc in documents():
            if doc.part != args.part or (args.kind and doc.kind != args.kind):
                continue
            if args.source_lang and doc.source_lang != args.source_lang:
                continue
            handle.write(json.dumps({"doc": doc.doc, "text": doc.text,
                                     "source_lang": doc.source_lang, "kind": doc.kind},
                                    ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} documents written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
