"""Apply the suggestions of fixable findings to texts and files, and write files safely.

A file is replaced in one step: the new text goes to a temporary file in the same
directory, which is flushed to disk, given the old file's mode and owner, and renamed
over it; the directory is flushed too. A symbolic link is followed, so the file it
points to is fixed and the link stays a link. A read-only file is refused. A file with
several hard links is rewritten in place, so every name keeps seeing it; a copy of the
old text is kept beside it until the new one is on disk. A run killed while writing
leaves the file as it was: its temporary file is removed by the next run that writes
in that directory.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from translint.errors import InputError
from translint.findings import Finding
from translint.text.formats import format_for
from translint.text.read import decode_text, read_bytes

TEMPORARY_PREFIX = ".translint-"
TEMPORARY_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".translint-backup"
_TEMPORARY = re.compile(rf"{re.escape(TEMPORARY_PREFIX)}(\d+)-.*{re.escape(TEMPORARY_SUFFIX)}")
_swept: set[str] = set()


def fix_text(text: str, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    """Apply every fixable finding whose span does not overlap an earlier one.

    Returns the new text and the findings that were applied. A finding whose span no
    longer holds its matched text (the text changed since it was checked) is skipped.
    """
    applied: list[Finding] = []
    parts: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda item: (item.start, item.end)):
        if not finding.fixable or finding.suggestion is None or finding.start < position:
            continue
        if text[finding.start:finding.end] != finding.text:
            continue
        parts.append(text[position:finding.start])
        parts.append(finding.suggestion)
        position = finding.end
        applied.append(finding)
    parts.append(text[position:])
    return "".join(parts), applied


def unified_diff(original: str, fixed: str, path: str) -> str:
    """The change from ``original`` to ``fixed`` as a unified diff of ``path``."""
    return "".join(difflib.unified_diff(original.splitlines(keepends=True),
                                        fixed.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def fix_file(path: str, findings: list[Finding], write: bool = True) -> tuple[str, list[Finding]]:
    """Fix one file; return a unified diff of the change and the findings applied."""
    if findings and not format_for(path).writable:
        raise InputError(f"not fixed: a {format_for(path).name.upper()} file is read-only for "
                         "translint (--fix and --diff cannot write it); make the changes in "
                         "its editor", path)
    data = read_bytes(path)
    original = decode_text(data, path)
    fixed, applied = fix_text(original, findings)
    if not applied:
        return "", []
    if write:
        try:
            write_atomically(path, fixed, bom=data.startswith(codecs.BOM_UTF8))
        except OSError as error:
            raise InputError(f"not fixed: {error.strerror or error}", path) from None
    return unified_diff(original, fixed, path), applied


def write_atomically(path: str | Path, text: str, bom: bool = False) -> None:
    """Replace the file at ``path`` (the file a symbolic link points to) with ``text``.

    Keeps the file's mode and, where allowed, its owner; a new file gets the mode the
    umask gives. Raises ``OSError`` (``PermissionError`` for a read-only file) and
    leaves the file as it was when anything fails.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    if status is not None:
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if not status.st_mode & 0o222:
            raise PermissionError(errno.EACCES, f"read-only file (mode "
                                  f"{stat.S_IMODE(status.st_mode):04o}); make it writable "
                                  "to fix it")
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, "permission denied")
        if status.st_nlink > 1:
            _rewrite_in_place(target, data)
            return
    _sweep_temporary_files(folder)
    descriptor, temporary = tempfile.mkstemp(prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-",
                                             suffix=TEMPORARY_SUFFIX, dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if status is not None:
            if (status.st_uid, status.st_gid) != _owner(temporary):
                with contextlib.suppress(PermissionError):
                    os.chown(temporary, status.st_uid, status.st_gid)
            os.chmod(temporary, stat.S_IMODE(status.st_mode))
        else:
            os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_directory(folder)


def _owner(path: str) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_uid, status.st_gid


def _rewrite_in_place(target: str, data: bytes) -> None:
    """Overwrite a file that has several hard links, so that every link sees the change.

    A copy of the old text is written (and flushed) beside it first and removed once the
    new text is on disk; a copy left by a run that was killed makes the next run refuse
    the file rather than lose either text.
    """
    backup = target + BACKUP_SUFFIX
    if os.path.exists(backup):
        raise OSError(errno.EEXIST, f"an interrupted fix left {backup}, a copy of the file "
                      "as it was: compare the two, keep the right text, delete the copy")
    with open(target, "rb") as handle:
        old = handle.read()
    descriptor = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(old)
            handle.flush()
            os.fsync(handle.fileno())
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        # Put the old text back if the file was only partly written; keep the copy if not.
        with contextlib.suppress(OSError), open(target, "r+b") as handle:
            handle.write(old)
            handle.truncate()
            os.fsync(handle.fileno())
            os.unlink(backup)
        raise
    os.unlink(backup)


def _sweep_temporary_files(folder: str) -> None:
    """Remove the temporary files that killed runs left in ``folder`` (once a process)."""
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _TEMPORARY.fullmatch(name)
        if match is None or _is_running(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(folder, name))


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def _sync_directory(folder: str) -> None:
    """Flush a rename to disk (where the file system allows it)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status",
                                                       encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
