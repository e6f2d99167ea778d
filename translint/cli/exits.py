"""Exit codes and error handling shared by every ``translint`` command.

Exit codes: 0 done, nothing at or above ``--fail-on``; 1 findings at or above it (or
``glossary validate`` found problems); 2 a usage, configuration, glossary or input error;
130 interrupted; 141 standard output closed by its reader.
"""

from __future__ import annotations

import contextlib
import errno
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

import typer

from translint.errors import TranslintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_PROBLEMS = EXIT_FINDINGS
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


def fail(error: TranslintError) -> typer.Exit:
    """Print ``error`` as ``translint: …`` lines; the exit to raise (code 2)."""
    for line in str(error).splitlines():
        say(line)
    return typer.Exit(EXIT_ERROR)


def say(message: str) -> None:
    """A ``translint: …`` line on standard error."""
    typer.echo(f"translint: {message}", err=True)


def say_error(message: str) -> None:
    """A ``translint: …`` line on standard error, even when standard error is broken."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"translint: {message}\n")


def run_action(action: Callable[[], int | None]) -> None:
    """Run a command body; a ``TranslintError`` becomes its message and exit code 2."""
    try:
        code = action()
    except TranslintError as error:
        raise fail(error) from None
    raise typer.Exit(code or EXIT_OK)


class Interrupted(BaseException):
    """Ctrl-C (SIGINT): raised instead of KeyboardInterrupt, which click would swallow."""


def interrupt(signum: int, frame: object) -> None:
    """The SIGINT handler of the console script."""
    raise Interrupted


class OutputError(Exception):
    """Standard output cannot be written: closed, full, or a pipe whose reader left."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.errno = error.errno


class GuardedOutput:
    """Standard output that turns a failed write into ``OutputError``: a report that
    cannot be delivered is an error, never a traceback, never a silent pass."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        if self.stream is None:
            raise OutputError(OSError(errno.EBADF, "standard output is closed"))
        try:
            return self.stream.write(text)
        except OSError as error:
            raise OutputError(error) from None

    def flush(self) -> None:
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except OSError as error:
            raise OutputError(error) from None

    def isatty(self) -> bool:
        return self.stream is not None and self.stream.isatty()

    def __getattr__(self, name: str) -> object:
        if self.stream is None:
            raise OutputError(OSError(errno.EBADF, "standard output is closed"))
        return getattr(self.stream, name)


def run_guarded(app: typer.Typer, args: Sequence[str] | None = None) -> int:
    """Run the command line ``args`` (default: the process's) and return its exit status.

    Standard output is guarded for the run and flushed at its end, then restored, so
    that a process (or a test) can run one command after another. 130 when interrupted;
    141 when the reader of standard output went away, quietly, as a tool killed by SIGPIPE.
    """
    original = sys.stdout
    reconfigure = getattr(original, "reconfigure", None)
    if reconfigure is not None:  # a file name that is not UTF-8 must not stop the output
        with contextlib.suppress(ValueError):
            reconfigure(errors="backslashreplace")
    guarded = GuardedOutput(original)
    sys.stdout = guarded
    try:
        try:
            if args is None:  # the process's: click names the program as it was started
                app()
            else:
                app(args=list(args), prog_name="translint")
        except Interrupted:
            say_error("interrupted; no file was left half-written")
            code = EXIT_INTERRUPTED
        except OutputError as error:
            code = _output_failed(error)
        except SystemExit as done:
            code = _exit_status(done.code)
        else:
            code = EXIT_OK
        try:
            guarded.flush()
        except OutputError as error:
            code = _output_failed(error)
    finally:
        if sys.stdout is guarded:
            sys.stdout = original
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    return code


def _output_failed(error: OutputError) -> int:
    if error.errno == errno.EPIPE:
        return EXIT_BROKEN_PIPE
    say_error(f"cannot write the output: {error}")
    return EXIT_ERROR


def _exit_status(code: object) -> int:
    """The process exit status for ``SystemExit(code)``, as Python itself would give it."""
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
