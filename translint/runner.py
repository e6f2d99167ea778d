"""Check many inputs: find the files, read them, check them on every core, report progress."""

from __future__ import annotations

import fnmatch
import multiprocessing
import os
import re
import signal
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from translint.errors import ConfigError, InputError, RuleTimeout, TranslintError
from translint.findings import Finding, Report
from translint.gitignore import SKIPPED_FOLDERS, Ignored
from translint.linter import Linter
from translint.memo import BoundedMemo
from translint.text.formats import DEFAULT_INCLUDE, format_for
from translint.text.read import (
    DEFAULT_MAX_BYTES,
    describe_os_error,
    read_bytes,
    read_standard_input,
    read_text_file,
)

STDIN = "-"
# Below this much input one process is faster than starting a pool.
PARALLEL_MIN_BYTES = 512 * 1024
PARALLEL_MIN_FILES = 4


@dataclass(frozen=True)
class FileResult:
    """What checking one input produced."""

    path: str
    findings: list[Finding]
    characters: int = 0
    error: TranslintError | None = None
    stdin: bool = False  # the input was standard input (``path`` is its display name)


@dataclass(frozen=True)
class FileRules:
    """Which files a folder's walk takes: include and exclude globs, whether ``.gitignore``
    counts, and the folder the globs are relative to (``None``: the paths as given)."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    base: str | None = None

    def matches(self, path: str, name: str, patterns: tuple[str, ...]) -> bool:
        """``matches_globs`` on the path as given, or on the path from ``base``."""
        if not patterns:
            return False
        if matches_globs(path, name, patterns):
            return True
        return self.base is not None and matches_globs(
            os.path.relpath(os.path.abspath(path), self.base), name, patterns)


@dataclass(frozen=True)
class FilePlan:
    """Several linters in one run: each file (as listed) checked by the linter of its
    configuration, read with that configuration's size limit. Handed to worker processes
    once, when they start; the files sent to them stay plain paths."""

    linters: tuple[Linter, ...]
    max_bytes: tuple[int, ...]
    chosen: Mapping[str, int]  # file -> index into linters

    def setup(self, path: str) -> tuple[Linter, int]:
        """The linter and size limit of ``path``."""
        index = self.chosen[path]
        return self.linters[index], self.max_bytes[index]


@dataclass
class Inputs:
    """The files a run checks, the directories it could not read, and what it skipped."""

    files: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "path: why", one line each


def find_inputs(paths: Iterable[str], include: tuple[str, ...] = DEFAULT_INCLUDE,
                exclude: tuple[str, ...] = (), respect_gitignore: bool = True,
                rules_for: Callable[[str], FileRules] | None = None) -> Inputs:
    """Expand directories (recursively, sorted: a folder's files, then its folders) into
    the files to check.

    Files named explicitly are checked whatever their name, unless an ``exclude`` glob
    matches them (as with ruff's force-exclude, so that a hook passing file names honours
    the configuration); files found in directories must match an ``include`` glob and no
    ``exclude`` glob (globs match the name or the relative path). Hidden files and
    directories are skipped, and so are symbolic links to directories, folders of tools
    (``node_modules``) and, in a git repository, what its ``.gitignore`` files ignore
    (``respect_gitignore``; see ``translint.gitignore``). A directory that
    cannot be read is an error; a FIFO, socket or device met in a directory is skipped
    with a note (named explicitly, reading it reports the error).

    ``rules_for``: the rules of each folder (its configuration's, ``translint.scopes``),
    replacing ``include``, ``exclude`` and ``respect_gitignore``; a folder's entries, files
    and folders, are taken or left by its rules, a file named explicitly by its folder's.
    """
    inputs = Inputs()
    fixed = FileRules(include, exclude, respect_gitignore)
    rules_of = rules_for if rules_for is not None else (lambda folder: fixed)
    for path in paths:
        if path == STDIN:
            inputs.files.append(path)
        elif _is_directory(path):
            gitignore = rules_for is not None or respect_gitignore
            _walk(path, rules_of, inputs, Ignored.for_walk(path) if gitignore else Ignored())
        elif (rules := rules_of(os.path.dirname(path) or os.curdir)).matches(
                path, os.path.basename(path), rules.exclude):
            inputs.skipped.append(f"{path}: not checked: excluded by --exclude / exclude "
                                  f"({' '.join(rules.exclude)})")
        else:
            inputs.files.append(path)
    # A file named twice, or named and inside a directory named, is checked once.
    seen: set[str] = set()
    unique = []
    for path in inputs.files:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    inputs.files = unique
    return inputs


def _is_directory(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False  # reading it will say what is wrong


def _walk(folder: str, rules_of: Callable[[str], FileRules], inputs: Inputs,
          ignored: Ignored) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        inputs.errors.append(InputError(f"cannot read the directory: "
                                        f"{describe_os_error(error)}", folder))
        return
    ignored = ignored.enter(folder)
    rules = rules_of(folder)
    include, exclude = rules.include, rules.exclude
    folders: list[str] = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        full = os.path.join(folder, name)
        kind = _kind(entry)
        if rules.respect_gitignore and ignored.ignores(full, kind == "folder"):
            continue
        if kind == "folder":
            if name not in SKIPPED_FOLDERS and not rules.matches(full, name, exclude):
                folders.append(full)
        elif kind != "linked folder" and rules.matches(full, name, include) and not (
                rules.matches(full, name, exclude)):
            if kind == "file":
                inputs.files.append(full)
            else:
                inputs.skipped.append(f"{full}: not checked: {kind}, not a regular file")
    for sub in folders:
        _walk(sub, rules_of, inputs, ignored)


def _kind(entry: os.DirEntry[str]) -> str:
    """What a directory entry is: "folder", "linked folder" (not followed), "file" (a
    regular file, a link to one, or a broken link, which reading reports), or the kind of
    special file."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        if entry.is_file(follow_symlinks=False):
            return "file"
        mode = entry.stat(follow_symlinks=True).st_mode
    except OSError:
        return "file"  # a broken link, or gone: reading it says what is wrong
    if stat.S_ISDIR(mode):
        return "linked folder"
    if stat.S_ISREG(mode):
        return "file"
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return "a special file"


def matches_globs(path: str, name: str, patterns: tuple[str, ...]) -> bool:
    """Tell whether a file's ``name``, or its ``path`` or the end of it after a slash,
    matches one of the globs ``patterns`` (as fnmatch does)."""
    if not patterns:
        return False
    by_name, by_path = _GLOBS.value_of(patterns, _globs)
    posix = path.replace(os.sep, "/")
    return by_name.match(os.path.normcase(name)) is not None or (
        by_path.match(os.path.normcase(posix)) is not None)


# The expressions of the glob lists met (one or two a run), remembered: see translint.memo.
_GLOBS: BoundedMemo[tuple[str, ...], tuple[re.Pattern[str], re.Pattern[str]]] = BoundedMemo(64)


def _globs(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Expressions for a name, and for a relative path, that match one of ``patterns``
    (as fnmatch does, the path also when a pattern matches its end after a slash)."""
    def translated(glob: str) -> str:
        return fnmatch.translate(os.path.normcase(glob))
    by_name = "|".join(translated(pattern) for pattern in patterns)
    by_path = "|".join(translated(glob) for pattern in patterns
                       for glob in (pattern, f"*/{pattern}"))
    return re.compile(by_name), re.compile(by_path)


@dataclass(frozen=True)
class AlignedSource:
    """The source file every input translates, line for line (``check --source``)."""

    path: str
    text: str


def aligned_source(path: str, targets: Iterable[str],
                   max_bytes: int = DEFAULT_MAX_BYTES) -> AlignedSource:
    """Read the source file ``targets`` are aligned with (``check --source``): each target
    is a file (or ``-``), never a directory, since its lines pair with the source's, nor a
    bilingual file (XLIFF, TMX), which holds its own source."""
    for target in targets:
        if target != STDIN and _is_directory(target):
            raise ConfigError(f"--source {path}: {target} is a directory; name the target "
                              "files aligned with the source, one segment a line")
        chosen = format_for(target)
        if chosen.segments is not None or chosen.read is not None:
            raise ConfigError(f"--source {path}: {target} is a bilingual file ({chosen.name}) "
                              "with its own source: check it without --source")
    return AlignedSource(path, read_text_file(path, max_bytes))


def check_file(linter: Linter, path: str, stdin_name: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, stdin_text: str | None = None,
               stdin_format: str | None = None,
               source: AlignedSource | None = None) -> FileResult:
    """Read and check one input (``-`` is standard input, or ``stdin_text`` when it was
    read already; ``stdin_format``: its input format by name, else by ``stdin_name``;
    ``source``: the source the input is aligned with, read as plain text)."""
    is_stdin = path == STDIN
    display = (stdin_name or "<stdin>") if is_stdin else path
    try:
        if not is_stdin:
            text = (read_text_file(path, max_bytes) if source is not None
                    else read_input(path, max_bytes))
        elif stdin_text is not None:
            text = stdin_text
        else:
            text = read_standard_input(display, max_bytes)
    except InputError as error:
        return FileResult(display, [], 0, error, is_stdin)
    try:
        if source is not None:
            findings = linter.check_text(text, display, source_text=source.text,
                                         source_path=source.path)
        else:
            findings = linter.check_text(text, display, stdin_format if is_stdin else None)
    except InputError as error:  # a format that cannot read this text (XLIFF not XML)
        if error.path is None:
            error.path = display
        return FileResult(display, [], len(text), error, is_stdin)
    except RuleTimeout as error:  # this text only: the others are still checked
        if error.path is None:
            error.path = display
        return FileResult(display, [], len(text), error, is_stdin)
    return FileResult(display, findings, len(text), None, is_stdin)


def read_input(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of one file to check: as text, or made from the bytes of a format that is
    not text (DOCX)."""
    extract = format_for(path).extract
    if extract is None:
        return read_text_file(path, max_bytes)
    try:
        return extract(read_bytes(path, max_bytes))
    except ValueError as error:
        raise InputError(str(error), path) from None


_worker_linter: Linter | FilePlan | None = None
_worker_max_bytes = DEFAULT_MAX_BYTES
_worker_source: AlignedSource | None = None


def _init_worker(linter: Linter | FilePlan, max_bytes: int,
                 source: AlignedSource | None = None) -> None:
    global _worker_linter, _worker_max_bytes, _worker_source
    _worker_linter = linter
    _worker_max_bytes = max_bytes
    _worker_source = source
    # Ctrl-C reaches the whole process group: the parent stops the run and says so.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_in_worker(path: str) -> FileResult:
    assert _worker_linter is not None
    if isinstance(_worker_linter, FilePlan):
        linter, max_bytes = _worker_linter.setup(path)
        return check_file(linter, path, max_bytes=max_bytes, source=_worker_source)
    return check_file(_worker_linter, path, max_bytes=_worker_max_bytes,
                      source=_worker_source)


def run(linter: Linter, files: list[str], jobs: int | None = None,
        stdin_name: str | None = None,
        progress: Callable[[int, int, int, float], None] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Check ``files`` and collect a report; ``jobs`` > 1 checks on several processes."""
    report = Report()
    for result in check_files(linter, files, jobs, stdin_name, progress, max_bytes):
        report.add(result.findings, result.characters, result.error)
    return report


def check_files(linter: Linter | FilePlan, files: list[str], jobs: int | None = None,
                stdin_name: str | None = None,
                progress: Callable[[int, int, int, float], None] | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES,
                stdin_text: str | None = None,
                stdin_format: str | None = None,
                source: AlignedSource | None = None) -> Iterator[FileResult]:
    """Check ``files`` one result at a time, in the order given (so that a caller can
    report and forget each file's findings). ``linter``: one for every file, or a
    ``FilePlan`` of one per configuration (``max_bytes`` is then each one's);
    ``source``: the source every file is aligned with (``translint.text.aligned``)."""
    started = time.perf_counter()
    characters = 0
    results = _results(linter, files, jobs, stdin_name, max_bytes, stdin_text, stdin_format,
                       source)
    for done, result in enumerate(results, start=1):
        characters += result.characters
        if progress is not None:
            progress(done, len(files), characters, time.perf_counter() - started)
        yield result


def _results(linter: Linter | FilePlan, files: list[str], jobs: int | None,
             stdin_name: str | None, max_bytes: int, stdin_text: str | None,
             stdin_format: str | None = None,
             source: AlignedSource | None = None) -> Iterator[FileResult]:
    if isinstance(linter, FilePlan) and len(set(map(id, linter.linters))) == 1 and len(
            set(linter.max_bytes)) == 1:
        max_bytes = linter.max_bytes[0]  # one linter for every file: as fast as ever
        linter = linter.linters[0]
    workers = worker_count(files, jobs)
    if workers <= 1:
        for path in files:
            one, limit = (linter.setup(path) if isinstance(linter, FilePlan)
                          else (linter, max_bytes))
            yield check_file(one, path, stdin_name, limit, stdin_text, stdin_format, source)
        return
    for prepared in ({id(one): one for one in linter.linters}.values()
                     if isinstance(linter, FilePlan) else (linter,)):
        prepared.prepare()
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else None)
    pool = context.Pool(workers, initializer=_init_worker, initargs=(linter, max_bytes, source))
    try:
        yield from pool.imap(_check_in_worker, files, chunksize=chunk_size(len(files), workers))
    except BaseException:
        # Interrupted, or the caller stopped reading: stop the workers at once rather than
        # let them finish the chunks queued (and block writing results no one reads).
        pool.terminate()
        raise
    finally:
        pool.close()
        pool.join()


def chunk_size(files: int, workers: int) -> int:
    """Files sent to a worker at a time: large chunks (up to 256 files, at least 8 per
    worker) mean fewer messages for the parent to receive and unpickle while the workers
    check (benchmarks/README.md)."""
    return max(1, min(256, files // (workers * 8)))


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(files: list[str], jobs: int | None) -> int:
    """Processes to check ``files`` with: one for standard input or a small run; never
    more than the usable CPUs or the chunks there are to hand out."""
    if STDIN in files:
        return 1
    cpus = usable_cpus()
    if jobs is not None:
        wanted = min(jobs, cpus, len(files))
        # Fewer workers than asked when the files make fewer chunks than workers.
        while wanted > 1 and -(-len(files) // chunk_size(len(files), wanted)) < wanted:
            wanted -= 1
        return max(1, wanted)
    if len(files) < PARALLEL_MIN_FILES:
        return 1
    size = 0
    for path in files:
        try:
            size += os.path.getsize(path)
        except OSError:
            continue
        if size >= PARALLEL_MIN_BYTES:
            return min(cpus, len(files))
    return 1
