"""Read inputs as text, or say in one line why one cannot be read.

Only regular files are read: a FIFO, a socket or a device (``/dev/zero``) named as an
input is refused without waiting on it. An input over ``max_bytes`` (default
``DEFAULT_MAX_BYTES``) is refused before it is read. Text must be UTF-8 (a BOM is
dropped); UTF-16 and UTF-32 are recognised by their byte order marks and named, and a
NUL byte anywhere marks a binary file.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from translint.errors import InputError, TranslintError

DEFAULT_MAX_BYTES = 200 * 1000 * 1000
READ_CHUNK = 1 << 20
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3, "t": 1000**4}
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)
_FILE_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
)


def parse_size(value: str) -> int:
    """Bytes from ``200MB``, ``1.5 GB``, ``512k``, ``64MiB`` or a plain number of bytes."""
    match = _SIZE.fullmatch(value)
    if match is None:
        raise ValueError(f"{value!r} is not a size such as 200MB, 1GB or 500000")
    number, unit, binary = match.groups()
    scale = _UNITS[unit.lower()]
    if binary:
        scale = 1024 ** list(_UNITS).index(unit.lower())
    return int(float(number) * scale)


def format_size(size: int) -> str:
    """A size for messages: ``200 MB``, ``1.5 GB``, ``512 bytes``."""
    for unit, scale in (("TB", 1000**4), ("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def decode_text(data: bytes, path: str, error: type[TranslintError] = InputError) -> str:
    """Decode UTF-8 bytes (an optional BOM is dropped), refusing binary and wide text with
    an ``error`` (``InputError`` for copy; the loaders of glossaries, configurations and
    rules pass their own)."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            raise error(f"{encoding} text (it starts with a {encoding} byte order mark); "
                        f"convert it to UTF-8, e.g. iconv -f {encoding} -t UTF-8", path)
    nul = data.find(b"\x00")
    if nul != -1:
        if _looks_like_utf16(data):
            raise error("UTF-16 text without a byte order mark, it seems; convert it to "
                        "UTF-8, e.g. iconv -f UTF-16LE -t UTF-8", path)
        line = data.count(b"\n", 0, nul) + 1
        raise error(f"binary file (a NUL byte at line {line}); only text is read", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data.count(b"\n", 0, problem.start) + 1
        column = problem.start - (data.rfind(b"\n", 0, problem.start) + 1) + 1
        raise error(
            f"not UTF-8 (byte 0x{data[problem.start]:02x} at line {line}, byte column "
            f"{column}); convert the file to UTF-8",
            path,
        ) from None
    return text


def _looks_like_utf16(data: bytes) -> bool:
    """Tell whether ``data`` reads as UTF-16 text of a Latin script: a NUL in every other
    byte, on one side."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 4:
        return False
    high = sample[1::2].count(0)  # little-endian: the high byte of Latin letters is 0
    low = sample[0::2].count(0)
    return max(high, low) >= 0.8 * pairs and min(high, low) <= 0.1 * pairs


def read_text_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
                   error: type[TranslintError] = InputError, what: str = "file") -> str:
    """Read a regular file as text, raising ``error`` when it is missing, special, too
    large, binary or not UTF-8 (``what`` names the file in "no such …")."""
    display = str(path)
    return decode_text(read_bytes(path, max_bytes, error, what), display, error)


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
               error: type[TranslintError] = InputError, what: str = "file") -> bytes:
    """The bytes of a regular file, raising ``error`` when it is missing, unreadable,
    special or over ``max_bytes``. The one way translint reads a file: copy, glossaries,
    configurations, rule packs, files to import."""
    display = str(path)
    try:
        # Non-blocking: opening a FIFO must not wait for a writer. No file object: the
        # whole file is read in one call, so a buffer is only overhead.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as problem:
        reason = describe_os_error(problem)
        if problem.errno == errno.ENOENT and what != "file":
            reason = f"no such {what}"
        raise error(reason, display) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            for test, kind in _FILE_KINDS:
                if test(status.st_mode):
                    raise error(kind, display)
            raise error("is not a regular file", display)
        if status.st_size > max_bytes:
            raise error(_too_large(status.st_size, max_bytes), display)
        data = _read_descriptor(descriptor, status.st_size, max_bytes)
    except OSError as problem:
        raise error(describe_os_error(problem), display) from None
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:  # it grew since fstat
        raise error(_too_large(len(data), max_bytes), display)
    return data


def _read_descriptor(descriptor: int, size: int, max_bytes: int) -> bytes:
    """A regular file's bytes: one read of the size fstat gave, then to the end (it may
    have grown), never more than ``max_bytes`` + 1."""
    data = os.read(descriptor, size + 1)
    if len(data) <= size:
        more = os.read(descriptor, READ_CHUNK)
        if not more:
            return data
        data += more
    chunks = [data]
    total = len(data)
    while total <= max_bytes:
        chunk = os.read(descriptor, READ_CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_standard_input(display: str = "<stdin>", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read standard input as text (closed, it is an ``InputError``)."""
    return read_text_stream(sys.stdin.buffer if sys.stdin is not None else None, display,
                            max_bytes)


def read_text_stream(stream: BinaryIO | None, display: str,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read standard input (or another stream) as text, at most ``max_bytes`` of it."""
    if stream is None:
        raise InputError("standard input is closed; pipe the text in, or name files", display)
    try:
        data = _read_at_most(stream, max_bytes, display)
    except OSError as error:
        raise InputError(f"cannot read standard input: {describe_os_error(error)}",
                         display) from None
    return decode_text(data, display)


def _read_at_most(stream: BinaryIO, max_bytes: int, display: str) -> bytes:
    """Read a stream to its end in chunks, refusing it once it passes ``max_bytes``."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(_too_large(None, max_bytes), display)
        chunks.append(chunk)


def _too_large(size: int | None, max_bytes: int) -> str:
    what = f"{format_size(size)}, " if size is not None else ""
    return (f"too large ({what}over the {format_size(max_bytes)} limit for one input); "
            "raise the limit with --max-file-size or max_file_size in the configuration")


def describe_os_error(error: OSError) -> str:
    """What went wrong with a path, in the words of the error lines docs/reliability.md shows."""
    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENAMETOOLONG: "file name too long",
        errno.ELOOP: "too many levels of symbolic links",
        errno.ENOTDIR: "a part of the path is not a directory",
        errno.EISDIR: "is a directory",
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return f"cannot read: {error.strerror or error}"
