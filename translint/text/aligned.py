"""Two aligned plain files, a source and its translation, one segment a line.

Line *n* of the target is the translation of line *n* of the source: each line is a
segment (``Segment``, its id the line number) whose target span is the target line trimmed
of surrounding white space (an empty line: where the line starts). Lines end at ``\\n``,
``\\r\\n`` or a lone ``\\r`` in both files, and a final line break does not start another
line; the two files must have as many lines, else an ``InputError`` naming both files and
both counts (a segment off by one would compare every line with the wrong source).
"""

from __future__ import annotations

from translint.errors import InputError
from translint.text.bilingual import Segment
from translint.text.lines import line_starts


def _lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``text``, without its line break."""
    starts = line_starts(text)
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()  # the final line break ends the last line
    if not text:
        return []
    bounds = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        bounds.append((start, end))
    return bounds


def aligned_segments(source: str, target: str, source_lang: str | None = None, *,
                     source_path: str = "<source>",
                     target_path: str = "<text>") -> tuple[Segment, ...]:
    """The segments of ``target`` aligned line by line with ``source``; offsets are into
    ``target``. Raises ``InputError`` when the line counts differ."""
    source_lines = _lines(source)
    target_lines = _lines(target)
    if len(source_lines) != len(target_lines):
        raise InputError(
            f"not aligned with the source {source_path}: {source_path} has "
            f"{_count(len(source_lines))}, {target_path} has {_count(len(target_lines))}; "
            "aligned files hold one segment a line, line for line", target_path)
    segments = []
    for number, ((source_start, source_end), (start, end)) in enumerate(
            zip(source_lines, target_lines, strict=True), start=1):
        line = target[start:end]
        if line.strip():  # the text, trimmed; a blank line is spanned whole
            start, end = start + len(line) - len(line.lstrip()), start + len(line.rstrip())
        segments.append(Segment(id=str(number), source=source[source_start:source_end],
                                source_lang=source_lang, target=line, start=start, end=end))
    return tuple(segments)


def _count(lines: int) -> str:
    return f"{lines} line{'s' if lines != 1 else ''}"
