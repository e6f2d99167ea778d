"""A document's date for an audit (YYYY-MM-DD, or ``None`` when it has none), and the
``--since``/``--until`` bounds.

``--date-from``: ``mtime`` (the file's modification time, UTC), ``path`` (a date in the
path: ``2024/03/15``, ``2024-03-15``, ``20240315``, or a month ``2024/03``),
``front-matter`` (a ``date`` key in a Markdown front matter), ``field`` (a JSON Lines
record's ``--date-field``, an ISO date or date-time), or ``auto``: the field for records;
for files the front matter, else the path, else the modification time.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import Any

from translint.errors import TranslintError

DATE_SOURCES = ("auto", "mtime", "path", "front-matter", "field")
_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_.](0[1-9]|1[0-2])(?!\d)")
_ISO = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?")
_FRONT_DATE = re.compile(r"""^date\s*[:=]\s*["']?(\S+?)["']?\s*$""", re.MULTILINE)
_BOUND = re.compile(r"^(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$")


def parse_bound(value: str | None, option: str) -> str | None:
    """A ``--since``/``--until`` value (YYYY-MM-DD or YYYY-MM) as given; an error else."""
    if value is None:
        return None
    if not _BOUND.match(value):
        raise TranslintError(f"{option} must be a date, YYYY-MM-DD or YYYY-MM, not {value!r}")
    return value


def within(date: str | None, since: str | None, until: str | None) -> bool:
    """Tell whether ``date`` is within the bounds (a month bound takes the whole month); a
    document without a date is within no bound."""
    if since is None and until is None:
        return True
    if date is None:
        return False
    return ((since is None or date[:len(since)] >= since)
            and (until is None or date[:len(until)] <= until))


def iso_date(value: Any) -> str | None:
    """The date an ISO value starts with (``2024-03-15T10:00Z`` → ``2024-03-15``; a month
    gives its first day)."""
    if not isinstance(value, str):
        return None
    match = _ISO.match(value.strip())
    if match is None:
        return None
    return f"{match[1]}-{match[2]}-{match[3] or '01'}"


def date_of_path(path: str) -> str | None:
    """A date written in ``path`` (the last one), else a month, else ``None``."""
    days = list(_DAY.finditer(path))
    if days:
        last = days[-1]
        return f"{last[1]}-{last[3]}-{last[4]}"
    months = list(_MONTH.finditer(path))
    return f"{months[-1][1]}-{months[-1][2]}-01" if months else None


def date_of_front_matter(text: str) -> str | None:
    """The ``date`` of a front matter (YAML ``---`` or TOML ``+++``) at the start of
    ``text``."""
    fence = text[:3]
    if fence not in ("---", "+++"):
        return None
    end = text.find("\n" + fence, 3)
    if end < 0:
        return None
    match = _FRONT_DATE.search(text, 3, end)
    return iso_date(match[1]) if match else None


def date_of_mtime(path: str) -> str | None:
    """The day ``path`` was last modified (UTC)."""
    try:
        stamp = os.stat(path).st_mtime
    except OSError:
        return None
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).strftime("%Y-%m-%d")


def date_of_file(path: str, text: str, source: str, real: str | None = None) -> str | None:
    """A file's date by ``source`` (``field`` has none for files); ``real``: where the
    file is, when ``path`` is relative to another folder than this process's."""
    if source == "mtime":
        return date_of_mtime(real or path)
    if source == "path":
        return date_of_path(path)
    if source == "front-matter":
        return date_of_front_matter(text)
    if source == "auto":
        return (date_of_front_matter(text) or date_of_path(path)
                or date_of_mtime(real or path))
    return None


def date_of_record(record: dict[str, Any], path: str, field: str, source: str,
                   real: str | None = None) -> str | None:
    """A JSON Lines record's date by ``source`` (``path`` and ``mtime``: its file's)."""
    if source in ("field", "auto"):
        return iso_date(record.get(field))
    if source == "front-matter":
        text = record.get("text")
        return date_of_front_matter(text) if isinstance(text, str) else None
    return date_of_path(path) if source == "path" else date_of_mtime(real or path)
