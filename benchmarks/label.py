"""Turn a labeller's draft into label lines: ids and offsets, no text.

A draft (kept outside the repository: it quotes the texts) has one line per span,
tab-separated: ``doc``, ``family``, the exact phrase as it stands in the text, and
optionally which occurrence of it (1 = first, the default); a line holding only a doc id
marks a document read with nothing to label. ``#`` starts a comment line.

    python benchmarks/label.py DRAFT.tsv --out benchmarks/labels/dev/es.jsonl

Every phrase must occur in its document (an error names the draft line otherwise); the output
has one line per document of the draft, sorted, with the text's sha256.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phrasing_data import by_id

FAMILIES = frozenset({
    "reporting-verb", "weekday-formula", "live-formula", "number-scale", "periphrasis",
    "framework", "territory", "impersonal-report", "talking-about", "according-to", "head-of",
    "false-friend", "literal-idiom", "preposition", "other",
})


def convert(draft: Path) -> dict[str, dict[str, object]]:
    """The labels of a draft, by document id."""
    documents = by_id()
    labels: dict[str, dict[str, object]] = {}
    for number, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        doc_id = fields[0].strip()
        where = f"{draft}:{number}"
        if doc_id not in documents:
            raise SystemExit(f"{where}: no document {doc_id!r}")
        doc = documents[doc_id]
        entry = labels.setdefault(doc_id, {"doc": doc_id, "sha256": doc.sha256, "spans": []})
        if len(fields) == 1:
            continue
        if len(fields) not in (3, 4):
            raise SystemExit(f"{where}: want doc, family, phrase [, occurrence] (tabs)")
        family, phrase = fields[1].strip(), fields[2]
        if family not in FAMILIES:
            raise SystemExit(f"{where}: unknown family {family!r}; known: "
                             f"{', '.join(sorted(FAMILIES))}")
        occurrence = int(fields[3]) if len(fields) == 4 else 1
        start = -1
        for _ in range(occurrence):
            start = doc.text.find(phrase, start + 1)
            if start < 0:
                raise SystemExit(f"{where}: {phrase!r} (occurrence {occurrence}) "
                                 f"is not in {doc_id}")
        spans = entry["spans"]
        assert isinstance(spans, list)
        spans.append([start, start + len(phrase), family])
    for entry in labels.values():
        spans = entry["spans"]
        assert isinstance(spans, list)
        spans.sort()
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("draft", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    labels = convert(args.draft)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for doc_id in sorted(labels):
            handle.write(json.dumps(labels[doc_id], ensure_ascii=False) + "\n")
    spans = sum(len(entry["spans"]) for entry in labels.values())  # type: ignore[arg-type]
    print(f"{len(labels)} documents, {spans} spans written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
