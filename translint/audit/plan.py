"""An audit's work, cut into partitions before any document is checked: the files of the
archive's folders (found as ``translint check`` finds them), in runs of ``size`` files,
and the records of each JSON Lines file, named or found in a folder, in runs of ``size``
lines (byte ranges, so that a worker reads only its own part). The cut depends only on
the inputs and ``size``: a re-run with ``--resume`` meets the same partitions."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from translint.errors import InputError
from translint.runner import Inputs, find_inputs
from translint.text.formats import DEFAULT_INCLUDE

JSONL_SUFFIX = ".jsonl"


@dataclass(frozen=True)
class Partition:
    """One unit of work: ``files`` (each with its section), or the lines of ``jsonl``
    from byte ``start`` to ``end``, the first of them line ``first_line`` (``section``:
    the section of a record without one, the JSON Lines file's first folder below the
    folder given)."""

    number: int
    files: tuple[tuple[str, str], ...] = ()
    jsonl: str | None = None
    first_line: int = 1
    start: int = 0
    end: int = 0
    documents: int = 0
    section: str = ""

    @property
    def name(self) -> str:
        """The stem of its part files."""
        return f"part-{self.number:05d}"


@dataclass
class Plan:
    """The partitions of a run, the input errors met while finding them, and a digest of
    both inputs and settings (``--resume`` refuses a folder written by another run)."""

    partitions: list[Partition] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    digest: str = ""


def section_of(path: str, root: str) -> str:
    """The first folder of ``path`` below the archive folder ``root`` ("" for a file at
    its top)."""
    relative = Path(os.path.relpath(path, root)).parts
    return relative[0] if len(relative) > 1 else ""


def make_plan(paths: Sequence[str], size: int, settings: dict[str, object],
              include: tuple[str, ...] = DEFAULT_INCLUDE,
              exclude: tuple[str, ...] = ()) -> Plan:
    """Partitions of at most ``size`` documents over ``paths`` (folders, files and JSON
    Lines files; a folder's ``.jsonl`` files are read as records, whatever ``include``
    says, unless ``exclude`` leaves them out); a path that does not exist is an
    ``InputError``."""
    plan = Plan()
    files: list[tuple[str, str]] = []
    records: list[tuple[str, str]] = []  # JSON Lines files, each with its section
    for path in paths:
        if not os.path.exists(path):
            raise InputError("no such file or folder", path)
        if os.path.isfile(path) and path.lower().endswith(JSONL_SUFFIX):
            records.append((path, ""))
            continue
        inputs: Inputs = find_inputs([path], include, exclude)
        plan.errors.extend(inputs.errors)
        root = path if os.path.isdir(path) else os.path.dirname(path)
        files.extend((file, section_of(file, root)) for file in inputs.files
                     if not file.lower().endswith(JSONL_SUFFIX))
        if os.path.isdir(path):
            # The same walk again: a folder it cannot read is already among the errors.
            found = find_inputs([path], (f"*{JSONL_SUFFIX}",), exclude)
            records.extend((file, section_of(file, path)) for file in found.files)
    for start in range(0, len(files), size):
        chunk = tuple(files[start:start + size])
        plan.partitions.append(Partition(len(plan.partitions), files=chunk,
                                         documents=len(chunk)))
    seen: set[str] = set()
    for path, section in records:
        if os.path.normpath(path) in seen:
            continue  # named and inside a folder named: read once
        seen.add(os.path.normpath(path))
        for first_line, begin, end, count in _line_ranges(path, size):
            plan.partitions.append(Partition(
                len(plan.partitions), jsonl=path, first_line=first_line, start=begin,
                end=end, documents=count, section=section))
    described = json.dumps({"settings": settings, "partitions": [
        asdict(partition) for partition in plan.partitions]}, sort_keys=True, default=str)
    plan.digest = hashlib.sha256(described.encode()).hexdigest()[:16]
    return plan


def _line_ranges(path: str, size: int) -> Iterator[tuple[int, int, int, int]]:
    """(first line, start byte, end byte, lines) of each run of ``size`` lines."""
    try:
        with open(path, "rb") as stream:
            first, begin, offset, count = 1, 0, 0, 0
            for number, line in enumerate(stream, start=1):
                offset += len(line)
                count += 1
                if count == size:
                    yield first, begin, offset, count
                    first, begin, count = number + 1, offset, 0
            if count:
                yield first, begin, offset, count
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror or error}", path) from None
