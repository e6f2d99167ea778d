"""Hot reload: watch the files an engine was built from (the configuration, its glossaries,
its phrasing packs), build a new ``Engine`` aside when their content changes, swap it in.

Polled, not watched with inotify: a server watches a handful of files, and a ``stat`` of
each once a second costs microseconds, while a watcher (watchfiles, watchdog) would be one
more dependency with its own threads and platform quirks, and editors that save by writing
a temporary file and renaming it over the old one (vim, most IDEs, ``glossary add`` itself)
are seen the same way by a poll: the path's ``stat`` changes. A changed ``stat`` only leads
to reading and hashing the file; a reload happens when a file's SHA-256 differs, so a
``touch`` reloads nothing. The poll thread sleeps on an ``Event`` (no busy loop) and stops
when the server stops.

A change that does not load is logged (``path:line: message``) and kept as the holder's
``reload_error``; the old engine keeps serving. The same broken content is not retried
every second: only a further change is.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translint.config import glossary_paths, load_config
from translint.errors import TranslintError
from translint.serve.engine import Engine, EngineHolder

DEFAULT_INTERVAL = 1.0
log = logging.getLogger("translint.serve")
# A file's identity on disk: device, inode, size, modification time (ns); None if missing.
StatKey = tuple[int, int, int, int] | None


@dataclass(frozen=True)
class EngineSource:
    """How the server's engine is built: what ``translint serve`` was given."""

    config_file: str | None = None
    no_config: bool = False
    glossaries: tuple[str, ...] | None = None
    cache_dir: Path | None = None

    def build(self) -> Engine:
        """A new engine from the files as they are now; a ``TranslintError`` if they do
        not load."""
        config = load_config(self.config_file, self.no_config)
        return Engine(config, self.glossaries, self.cache_dir)


def watched_files(engine: Engine) -> list[str]:
    """The files ``engine`` was built from: its configuration file, its glossaries and
    the phrasing packs the configuration adds."""
    config = engine.config
    files = [config.path] if config.path else []
    files += glossary_paths(engine.glossary_paths or config.glossaries)
    files += list(config.packs)
    return list(dict.fromkeys(files))


def _stat_key(path: str) -> StatKey:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def _digest(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


class Fingerprints:
    """The SHA-256 of each watched file, re-read only when its ``stat`` changes."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[StatKey, str | None]] = {}

    def of(self, paths: Sequence[str]) -> dict[str, str | None]:
        """Each path's content hash now (``None``: missing or unreadable)."""
        hashes: dict[str, str | None] = {}
        for path in paths:
            key = _stat_key(path)
            known = self._known.get(path)
            if known is None or known[0] != key:
                known = (key, _digest(path) if key is not None else None)
                self._known[path] = known
            hashes[path] = known[1]
        return hashes


def short_versions(hashes: dict[str, str | None]) -> dict[str, str | None]:
    """The hashes as /healthz shows them: the first 12 hex digits."""
    return {path: digest[:12] if digest else None for path, digest in hashes.items()}


class Reloader:
    """Polls the served files every ``interval`` seconds in a thread; ``check`` polls once
    (a glossary write calls it so that the next request sees the new entry)."""

    def __init__(self, holder: EngineHolder, source: EngineSource,
                 interval: float = DEFAULT_INTERVAL) -> None:
        self.holder = holder
        self.source = source
        self.interval = interval
        self._fingerprints = Fingerprints()
        self._served = self._fingerprints.of(watched_files(holder.engine))
        self._failed: dict[str, str | None] | None = None  # content that did not load
        self._lock = threading.Lock()  # one poll or reload at a time
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        holder.versions = short_versions(self._served)

    def start(self) -> None:
        """Start polling in a daemon thread (not with an interval of 0: then only
        ``check`` reloads, as a glossary write calls it)."""
        if self._thread is None and self.interval > 0:
            self._thread = threading.Thread(target=self._loop, name="translint-reload",
                                            daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop polling and wait for a reload under way to end."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=60)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception:  # a bug must not end the reloading for good
                log.exception("reload check failed")

    def check(self) -> bool:
        """Reload if a served file's content changed; tell whether a new engine is served."""
        with self._lock:
            hashes = self._fingerprints.of(watched_files(self.holder.engine))
            if hashes == self._served or hashes == self._failed:
                return False
            changed = sorted(path for path in hashes if hashes[path] != self._served.get(path))
            try:
                engine = self.source.build()
                engine.warm_like(self.holder.engine)
            except Exception as error:
                self._failed = hashes
                message = str(error) if isinstance(error, TranslintError) else (
                    f"internal error ({type(error).__name__}); the server log has the details")
                self.holder.failed(message)
                log.error("reload failed, still serving the previous version: %s", message,
                          exc_info=not isinstance(error, TranslintError))
                return False
            # The hashes taken before the build (a file changed during it is reloaded at
            # the next poll); a file the new configuration names is watched from now on.
            files = watched_files(engine)
            self._served = {path: hashes[path] if path in hashes
                            else self._fingerprints.of([path])[path] for path in files}
            self._failed = None
            self.holder.swap(engine, short_versions(self._served))
            log.info("reloaded after a change to %s", ", ".join(changed))
            return True
