"""What a walk of directories leaves out: ``.gitignore`` rules and folders of tools.

Inside a git repository (a folder with ``.git``, or below one), the ``.gitignore`` files
of the repository apply as git applies them: each to its own folder and below, a deeper
file's rule before a shallower one's, the last matching line of a file deciding (so ``!``
re-includes). The files from the repository's root down to the folder walked count too.
``.git/info/exclude`` and git's global excludes file are not read. Outside a repository no
``.gitignore`` is read, as ruff and ripgrep do. Matching uses ``pathspec``'s git semantics.

Whatever git says, folders that hold tools' files rather than copy (``node_modules``,
``_site``, ``__pycache__``) are never walked into; hidden ones (``.venv``, ``.git``) are
skipped by the walk itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pathspec

SKIPPED_FOLDERS = frozenset({"node_modules", "_site", "__pycache__"})
IGNORE_FILE = ".gitignore"


@dataclass(frozen=True)
class Layer:
    """One ``.gitignore``: its folder and its rules."""

    folder: str
    spec: pathspec.GitIgnoreSpec


@dataclass(frozen=True)
class Ignored:
    """The ``.gitignore`` rules in force in one folder of a walk (deepest last)."""

    layers: tuple[Layer, ...] = ()
    in_repository: bool = False

    @classmethod
    def for_walk(cls, folder: str) -> Ignored:
        """The rules for a walk starting at ``folder``: those of the repository's folders
        from its root down to ``folder`` (none outside a repository)."""
        absolute = os.path.abspath(folder)
        chain = [absolute]
        while not os.path.exists(os.path.join(chain[-1], ".git")):
            parent = os.path.dirname(chain[-1])
            if parent == chain[-1]:
                return cls()
            chain.append(parent)
        ignored = cls(in_repository=True)
        for each in reversed(chain[1:]):
            ignored = ignored.enter(each)
        return ignored

    def enter(self, folder: str) -> Ignored:
        """The rules in force inside ``folder``: these and its own ``.gitignore``."""
        if not self.in_repository:
            return self
        path = os.path.join(folder, IGNORE_FILE)
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                spec = pathspec.GitIgnoreSpec.from_lines(handle)
        except OSError:  # none, or unreadable: git would not use it either
            return self
        return Ignored((*self.layers, Layer(os.path.abspath(folder), spec)), True)

    def ignores(self, path: str, is_folder: bool) -> bool:
        """Tell whether git would ignore ``path`` (a file or a folder)."""
        absolute = os.path.abspath(path)
        for layer in reversed(self.layers):
            relative = os.path.relpath(absolute, layer.folder).replace(os.sep, "/")
            if relative.startswith("../"):
                continue
            result = layer.spec.check_file(relative + "/" if is_folder else relative)
            if result.include is not None:
                return bool(result.include)
        return False
