"""The texts of one side of a mining run: folders of .txt/.md files, or JSON Lines files
holding the text in a field."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from translint.errors import InputError
from translint.text.read import read_text_file

FOLDER_SUFFIXES = (".txt", ".md")


def check_paths(paths: Sequence[str]) -> None:
    """Raise ``InputError`` for the first path that does not exist."""
    for path in paths:
        if not Path(path).exists():
            raise InputError("no such file or folder", path)


def read_texts(paths: Sequence[str], field: str = "text") -> Iterator[str]:
    """The texts in ``paths``, read lazily: a folder's .txt and .md files (recursively, in
    name order), a ``.jsonl`` file's ``field`` of each line, any other file whole."""
    for path in paths:
        location = Path(path)
        if location.is_dir():
            for file in sorted(location.rglob("*")):
                if file.suffix.lower() in FOLDER_SUFFIXES and file.is_file():
                    yield read_text_file(file)
        elif location.suffix.lower() == ".jsonl":
            yield from _jsonl_texts(path, field)
        else:
            yield read_text_file(path)


def _jsonl_texts(path: str, field: str) -> Iterator[str]:
    text = read_text_file(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise InputError("not a JSON value", path, number) from None
        value = record.get(field) if isinstance(record, dict) else None
        if not isinstance(value, str):
            raise InputError(f'no text field "{field}"', path, number)
        yield value
