"""A cache of the phrasing packs a run loads and of the rule indexes it builds from them.

Reading the packs (TOML, token patterns, regexes parsed for their anchors) and building the
index of the rules for copy in a language (required literals, phrases, the automaton) take
about half a second, in every run and, when the language is detected per document, in every
worker process. Once built, the packs and each index are pickled into the glossary cache's
folder (``translint.glossary.cache``: ``$TRANSLINT_CACHE_DIR``, ``--no-cache``) and the next
run with the same pack files, byte for byte, the same translint code and the same settings
(language, source languages, disabled rules) unpickles them in milliseconds.

* One cache file per pack paths and settings (named by a hash of them and of the code),
  overwritten when a pack changes: the file records a SHA-256 of every pack's bytes and is
  used only when they match, so any edit is seen.
* Nothing compiled is stored: a rule's expression is compiled when it first runs.
* Caching is an optimisation: a cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar, cast

import regex

from translint.glossary.cache import code_fingerprint, remove_stale, store_pickle

T = TypeVar("T")
_LANGUAGES = Path(__file__).resolve().parent.parent / "languages"
PREFIX = "phrasing-"


@functools.cache
def _data_fingerprint() -> bytes:
    """What a cached index depends on beyond translint's code: the language files (their
    common words choose anchors) and the version of ``regex``."""
    digest = hashlib.sha256(code_fingerprint())
    digest.update(str(getattr(regex, "__version__", "")).encode())
    for path in sorted(_LANGUAGES.glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def packs_digest(paths: Iterable[str]) -> str | None:
    """A SHA-256 of the pack files' bytes (``None`` when one cannot be read: loading it
    will say what is wrong)."""
    digest = hashlib.sha256()
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _cache_file(folder: Path, key: tuple[str, ...]) -> Path:
    digest = hashlib.sha256(_data_fingerprint())
    for part in key:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return folder / f"{PREFIX}{digest.hexdigest()[:32]}.pickle"


def cached(folder: Path | None, key: tuple[str, ...], content: str | None,
           build: Callable[[], T], kind: type) -> T:
    """What ``build()`` returns, from the cache when it holds a value of class ``kind``
    (``list``, ``AnchoredIndex``: a class, not a subscripted alias) for ``key`` built
    from packs whose bytes had ``content`` (``packs_digest``); else built and stored. No
    ``folder`` or no ``content``: built, not cached."""
    if folder is None or content is None:
        return build()
    target = _cache_file(folder, key)
    with contextlib.suppress(Exception):  # missing, damaged or from other code: a miss
        with target.open("rb") as handle:
            stored_content, value = pickle.load(handle)
        if stored_content == content and isinstance(value, kind):
            return cast(T, value)
    value = build()
    _store(folder, target, (content, value))
    return value


def _store(folder: Path, target: Path, value: Any) -> None:
    """Write ``value`` to ``target`` (``store_pickle``), then remove this cache's stale
    files (``remove_stale``)."""
    if store_pickle(folder, target, value):
        remove_stale(folder, f"{PREFIX}*.pickle")
