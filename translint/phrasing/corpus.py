"""The texts of one side of a mining or gating run: folders of .txt/.md files, or JSON Lines
files holding the text in a field, optionally only the records whose fields have given
values (``--where kind=translated``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translint.errors import InputError, TranslintError
from translint.text.read import read_text_file

FOLDER_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class CorpusText:
    """One text of a corpus: the file it comes from, whether it is a JSON Lines record
    (plain text) rather than a whole file (whose suffix gives its format), and its group
    (the ``group_field`` of a record; the folder of a file)."""

    path: str
    text: str
    record: bool = False
    group: str = ""


def parse_where(conditions: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """``FIELD=VALUE`` conditions as pairs; ``TranslintError`` for a malformed one."""
    pairs = []
    for condition in conditions:
        field, equals, value = condition.partition("=")
        if not equals or not field.strip():
            raise TranslintError(f"--where must be FIELD=VALUE, not {condition!r}")
        pairs.append((field.strip(), value))
    return tuple(pairs)


def empty_side(side: str, where: Sequence[str]) -> str:
    """What to say of a side that gave no text: the ``--where`` conditions, which apply
    to both sides, are the likely cause when there are some."""
    if not where:
        return f"the {side} side has no documents (no .txt or .md file, no JSON Lines record)"
    return (f"the {side} side has no documents: no JSON Lines record of it matches --where "
            f"{' '.join(where)} (--where applies to both sides; a record without the field "
            "does not match)")


def check_paths(paths: Sequence[str]) -> None:
    """Raise ``InputError`` for the first path that does not exist."""
    for path in paths:
        if not Path(path).exists():
            raise InputError("no such file or folder", path)


def read_texts(paths: Sequence[str], field: str = "text",
               where: Iterable[tuple[str, str]] = ()) -> Iterator[str]:
    """The texts in ``paths``, read lazily (see ``read_corpus``)."""
    for item in read_corpus(paths, field, where):
        yield item.text


def read_corpus(paths: Sequence[str], field: str = "text",
                where: Iterable[tuple[str, str]] = (),
                group_field: str | None = None) -> Iterator[CorpusText]:
    """The texts in ``paths``, read lazily: a folder's .txt and .md files (recursively, in
    name order), a ``.jsonl`` file's ``field`` of each line whose fields match every
    ``where`` pair (a record without the field does not), any other file whole."""
    conditions = tuple(where)
    for path in paths:
        location = Path(path)
        if location.is_dir():
            for file in sorted(location.rglob("*")):
                if file.suffix.lower() in FOLDER_SUFFIXES and file.is_file():
                    yield CorpusText(str(file), read_text_file(file), group=str(file.parent))
        elif location.suffix.lower() == ".jsonl":
            yield from _jsonl_texts(path, field, conditions, group_field)
        else:
            yield CorpusText(path, read_text_file(path), group=str(location.parent))


def _jsonl_texts(path: str, field: str, where: tuple[tuple[str, str], ...],
                 group_field: str | None) -> Iterator[CorpusText]:
    text = read_text_file(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record = parse_record(line, path, number, field)
        if not all(name in record and _equals(record[name], value) for name, value in where):
            continue
        value = record.get(field)
        if not isinstance(value, str):
            raise InputError(f'no text field "{field}"', path, number)
        group = ""
        if group_field is not None:
            if group_field not in record:
                raise InputError(f'no group field "{group_field}"', path, number)
            group = _as_text(record[group_field])
        yield CorpusText(path, value, record=True, group=group)


def parse_record(line: str, path: str, number: int, field: str) -> dict[str, Any]:
    """One JSON Lines record (line ``number`` of ``path``) as a dict; ``InputError`` for a
    line that is not a JSON object (``field``: the text field, named in the error)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        raise InputError("not a JSON value", path, number) from None
    if not isinstance(record, dict):
        raise InputError(f'no text field "{field}"', path, number)
    return record


def record_text(record: dict[str, Any], path: str, number: int, field: str) -> str:
    """The text ``field`` of a record; ``InputError`` when it has none."""
    value = record.get(field)
    if not isinstance(value, str):
        raise InputError(f'no text field "{field}"', path, number)
    return value


def as_text(value: Any) -> str:
    """A record's value as text: a string as written, anything else as JSON."""
    return _as_text(value)


def _equals(found: Any, wanted: str) -> bool:
    """A record's value is the one asked for: a string as written, anything else as JSON
    (``--where n=3``, ``--where draft=false``)."""
    return _as_text(found) == wanted


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter), for worker processes."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def tallied(items: Iterable[CorpusText], tally: dict[str, int], name: str) -> Iterator[CorpusText]:
    """``items`` as they are, counting them in ``tally[name]`` (documents per corpus)."""
    tally.setdefault(name, 0)
    for item in items:
        tally[name] += 1
        yield item
