"""A cache of loaded glossaries: a large glossary is parsed and validated once, not every run.

Parsing a large glossary takes longer than checking a few megabytes of copy (figures:
benchmarks/README.md). Once a glossary file has loaded
without problems, the resulting ``Glossary`` is pickled into the cache folder, with its
name index (``NameIndex.of_glossary``, the matching engine's tables); the next run that loads
the same file, byte for byte, from the same path, with the same translint code, unpickles
it instead.

* Only files of ``MIN_BYTES`` or more are cached: smaller ones parse about as quickly.
* One cache file per glossary path (named by a hash of the path and of translint's
  code), overwritten when the glossary changes; files not rewritten for
  ``MAX_AGE_DAYS`` are removed when another is written, so glossaries at passing paths
  (a CMS's temporary files) do not fill the folder.
* The cache file records a SHA-256 of the glossary's bytes and is used only when they
  match, so any edit, however quick, is seen.
* Invalid glossaries are never cached; cross-file checks run on every load.
* Caching is an optimisation: a cache that cannot be read or written is ignored.

The folder is ``$TRANSLINT_CACHE_DIR`` if set (empty: no caching), else
``$XDG_CACHE_HOME/translint`` or ``~/.cache/translint``. It holds pickles, which run code
when loaded: like any cache of your own tools, keep it writable by you only (it is created
with mode 0700).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

import ahocorasick

from translint.glossary.model import Glossary

CACHE_ENV = "TRANSLINT_CACHE_DIR"
MIN_BYTES = 64 * 1024  # about 300 entries
MAX_AGE_DAYS = 30
_PACKAGE = Path(__file__).resolve().parent.parent


def default_cache_dir() -> Path | None:
    """The cache folder from the environment; ``None`` when caching is switched off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "translint"


@functools.cache
def code_fingerprint() -> bytes:
    """What changes whenever translint's code changes (every module of the package, so that
    no list of the modules that build a ``Glossary`` has to be kept by hand), or the
    compiled automaton the name index pickles (pyahocorasick), or Python."""
    digest = hashlib.sha256(sys.version.encode())
    for module in sorted(_PACKAGE.rglob("*.py")):
        digest.update(module.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    if ahocorasick.__file__:
        digest.update(Path(ahocorasick.__file__).read_bytes())
    return digest.digest()


def _cache_file(folder: Path, path: str) -> Path:
    digest = hashlib.sha256(code_fingerprint())
    digest.update(str(Path(path).resolve()).encode("utf-8", "surrogateescape"))
    digest.update(b"\0" + path.encode("utf-8", "surrogateescape"))  # locations show it
    return folder / f"glossary-{digest.hexdigest()[:32]}.pickle"


def content_digest(data: bytes) -> str:
    """The SHA-256 of a glossary file's bytes."""
    return hashlib.sha256(data).hexdigest()


def cached_glossary(folder: Path, path: str, digest: str) -> Glossary | None:
    """The glossary loaded earlier from ``path`` when its bytes had ``digest``, if cached."""
    try:
        with _cache_file(folder, path).open("rb") as handle:
            stored_digest, glossary = pickle.load(handle)
    except Exception:  # missing, damaged or from other code: only a miss
        return None
    if stored_digest != digest or not isinstance(glossary, Glossary):
        return None
    return glossary


def store_glossary(folder: Path, path: str, digest: str, glossary: Glossary) -> None:
    """Cache ``glossary``, loaded from ``path`` whose bytes have ``digest``.

    Written to a temporary file and renamed, so that a concurrent run reads either the old
    cache file or the new one, never half of one; any failure leaves caching for next time.
    """
    if store_pickle(folder, _cache_file(folder, path), (digest, glossary)):
        # Glossary cache files, and temporary files left by an interrupted run.
        remove_stale(folder, "glossary-*.pickle", ".tmp-*")


def store_pickle(folder: Path, target: Path, value: object) -> bool:
    """Pickle ``value`` to ``target`` in ``folder`` through a temporary file renamed into
    place, so that a concurrent run reads the old file or the new one, never half of one.
    Tell whether it was written (a failure is left for the next run to retry)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except (OSError, pickle.PicklingError, RecursionError, TypeError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def remove_stale(folder: Path, *patterns: str) -> None:
    """Remove the files of ``folder`` matching ``patterns`` that were not written for
    ``MAX_AGE_DAYS``."""
    oldest = time.time() - MAX_AGE_DAYS * 86400
    for pattern in patterns:
        for path in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < oldest:
                    path.unlink()
