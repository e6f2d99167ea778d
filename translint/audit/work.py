"""The worker's side of an audit: build the linter once per worker process from a recipe
(the configuration, options and loaded glossaries, scattered to every worker once), and
check one partition with it. Nothing here imports Dask: a partition is plain work."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections import Counter
from dataclasses import dataclass
from typing import Any

from translint.audit.dates import date_of_file, date_of_record, within
from translint.audit.plan import Partition
from translint.audit.tally import PartResult, Tally
from translint.checks.base import Context
from translint.config import CheckOptions, Config
from translint.errors import InputError, RuleTimeout
from translint.glossary.model import Glossary
from translint.linter import Linter
from translint.phrasing.corpus import as_text, parse_record, record_text
from translint.reporters.json import finding_to_dict
from translint.runner import read_input


@dataclass(frozen=True)
class AuditSettings:
    """How documents are read and dated (the command's options)."""

    date_from: str = "auto"
    field: str = "text"
    date_field: str = "date"
    section_field: str = "section"
    since: str | None = None
    until: str | None = None
    max_bytes: int = 200_000_000
    # The folder relative paths are read from (the command's): a worker's own current
    # folder is not the client's. Paths are reported as given.
    base: str = ""


@dataclass(frozen=True)
class Recipe:
    """What builds the linter on a worker; ``key`` tells one recipe from another."""

    config: Config
    options: CheckOptions
    glossaries: tuple[Glossary, ...]
    key: str

    @classmethod
    def of(cls, config: Config, options: CheckOptions,
           glossaries: tuple[Glossary, ...]) -> Recipe:
        """A recipe keyed by its content: a worker that built the linter of an earlier
        audit with the same configuration and glossaries keeps it (two recipes that
        pickle differently but mean the same only cost a rebuild)."""
        content = pickle.dumps((config, options, glossaries), protocol=4)
        return cls(config, options, glossaries, hashlib.sha256(content).hexdigest()[:32])

    def build(self) -> Linter:
        """The linter ``translint check`` would use with this configuration."""
        return Linter.from_config(self.config, self.options, glossaries=self.glossaries)


# The linter of this worker process, built on its first partition.
_LINTERS: dict[str, Linter] = {}


def linter_for(recipe: Recipe) -> Linter:
    """The linter of ``recipe``, built once per process."""
    linter = _LINTERS.get(recipe.key)
    if linter is None:
        linter = recipe.build()
        linter.prepare()
        _LINTERS.clear()
        _LINTERS[recipe.key] = linter
    return linter


def check_partition(recipe: Recipe, settings: AuditSettings,
                    partition: Partition) -> PartResult:
    """Check every document of ``partition``: its findings and its tally."""
    linter = linter_for(recipe)
    result = PartResult(partition.number, [], Tally())
    if partition.jsonl is not None:
        _check_records(linter, settings, partition, result)
    else:
        for path, section in partition.files:
            try:
                text = read_input(os.path.join(settings.base, path), settings.max_bytes)
            except InputError as error:
                error.path = path
                result.tally.unreadable.append({"path": path, "error": str(error)})
                continue
            date = date_of_file(path, text, settings.date_from,
                                os.path.join(settings.base, path))
            _check_one(linter, settings, result, text, path, None, date, section, {})
    return result


def _check_records(linter: Linter, settings: AuditSettings, partition: Partition,
                   result: PartResult) -> None:
    path = partition.jsonl
    assert path is not None
    try:
        with open(os.path.join(settings.base, path), "rb") as stream:
            stream.seek(partition.start)
            data = stream.read(partition.end - partition.start)
    except OSError as error:
        result.tally.unreadable.append({"path": path, "line": partition.first_line,
                                        "error": f"cannot be read: {error.strerror or error}"})
        return
    for number, raw in enumerate(data.splitlines(), start=partition.first_line):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
            record = parse_record(line, path, number, settings.field)
            text = record_text(record, path, number, settings.field)
        except UnicodeDecodeError:
            invalid = InputError("not UTF-8", path, number)
            result.tally.unreadable.append({"path": path, "line": number,
                                            "error": str(invalid)})
            continue
        except InputError as error:
            result.tally.unreadable.append({"path": path, "line": number, "error": str(error)})
            continue
        date = date_of_record(record, path, settings.date_field, settings.date_from,
                              os.path.join(settings.base, path))
        section = record.get(settings.section_field)
        _check_one(linter, settings, result, text, f"{path}:{number}", "text", date,
                   as_text(section) if section is not None else partition.section, record)


def _check_one(linter: Linter, settings: AuditSettings, result: PartResult, text: str,
               path: str, format: str | None, date: str | None, section: str,
               record: dict[str, Any]) -> None:
    """Check one document within the date bounds and count it."""
    if not within(date, settings.since, settings.until):
        result.tally.out_of_range += 1
        return
    try:
        document = linter.make_document(text, path, format)
        context = linter.context(document)
        findings = linter.check_document(document, context)
    except (InputError, RuleTimeout) as error:  # this document only
        if error.path is None:
            error.path = path
        result.tally.unreadable.append({"path": path, "error": str(error)})
        return
    result.tally.add_document(findings, len(text), date, section, document.lang)
    for finding in findings:
        line = finding_to_dict(finding)
        line.update(date=date, section=section)
        if "id" in record:
            line["record_id"] = record["id"]
        result.lines.append(json.dumps(line, ensure_ascii=False))
    # What the name checks found, read from their context (found now if they did not run).
    result.tally.add_forms(_forms(context), date, document.names_lang)
    result.tally.names.add_names(path, document.prose, document.lang, context.names,
                                 linter.resources.names, date)


def _forms(context: Context) -> dict[str, Counter[str]]:
    """The glossary forms a document uses, per entry (as the glossary writes them; an
    inflected form counts as the form it inflects)."""
    used: dict[str, Counter[str]] = {}
    for match in context.form_matches:
        used.setdefault(match.entry.id, Counter())[match.form] += 1
    return used
