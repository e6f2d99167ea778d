"""Pair precision and recall of "same name" for the old key and the cross-language key.

Reads ``benchmarks/names_eval/variants.tsv`` (entity, kind, language, spelling, where the
spelling is used): every pair of rows with different spellings is one decision; a pair is
positive when both rows name the same entity. An entity is a *name*, not a person: the
Klitschko brothers share one, by design (the key compares family names and places).
Different entities with similar names (Putin/Biden, Petrov/Peters, Kuzmin/Kozin,
Shevchuk/Shevchenko, Kravchuk/Kuchma …) are the negatives that matter; every pair of rows
of two entities is a negative.

    python benchmarks/names_eval.py            # the table, as in the README
    python benchmarks/names_eval.py --errors   # and the pairs each key gets wrong
"""

from __future__ import annotations

import argparse
import csv
import itertools
from collections.abc import Callable
from pathlib import Path

from translint.names.crosskey import same_name
from translint.names.fold import form_identity, name_key

DATA = Path(__file__).parent / "names_eval" / "variants.tsv"
Row = tuple[str, str, str]  # entity, language, spelling
Same = Callable[[Row, Row], bool]


def read_rows(path: Path = DATA) -> list[Row]:
    """The rows of the set: (entity, language, spelling)."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [(row[0], row[2], row[3]) for row in csv.reader(lines, delimiter="\t")]


def old_key(first: Row, second: Row) -> bool:
    """Same name by ``name_key`` (English habits only)."""
    return name_key(first[2]) == name_key(second[2])


def new_key(first: Row, second: Row) -> bool:
    """Same name by the cross-language key, each spelling folded by its language."""
    return same_name(first[2], first[1], second[2], second[1])


def score(rows: list[Row], same: Same) -> tuple[int, int, int, list[tuple[Row, Row]]]:
    """True positives, false positives, false negatives, and the wrong pairs."""
    true_pos = false_pos = false_neg = 0
    wrong = []
    for first, second in itertools.combinations(rows, 2):
        if form_identity(first[2]) == form_identity(second[2]):
            continue
        truth, said = first[0] == second[0], same(first, second)
        true_pos += truth and said
        false_pos += said and not truth
        false_neg += truth and not said
        if truth != said:
            wrong.append((first, second))
    return true_pos, false_pos, false_neg, wrong


def main() -> None:
    """Print the table (and the wrong pairs with ``--errors``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true")
    errors = parser.parse_args().errors
    rows = read_rows()
    entities = len({row[0] for row in rows})
    print(f"{len(rows)} spellings of {entities} names\n")
    print("| key | pairs said same | pair precision | pair recall |")
    print("|---|---:|---:|---:|")
    for label, same in (("old: name_key", old_key), ("new: cross-language key", new_key)):
        true_pos, false_pos, false_neg, wrong = score(rows, same)
        precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
        recall = true_pos / (true_pos + false_neg)
        print(f"| {label} | {true_pos + false_pos} | {precision:.3f} | {recall:.3f} |")
        if errors:
            for first, second in wrong:
                print(f"    {'FP' if first[0] != second[0] else 'FN'} {first} {second}")


if __name__ == "__main__":
    main()
