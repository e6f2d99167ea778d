"""Walking a repository: .gitignore rules as git applies them, folders of tools skipped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from translint.runner import find_inputs

RunCli = Callable[..., CliResult]
FILES = ["desk/a.md", "desk/private.md", "desk/deep/b.md", "drafts/c.md", "notes.old.md",
         "keep.old.md", "node_modules/pkg/readme.md", "_site/index.md", "story.md"]


def _tree(root: Path, repository: bool = True) -> Path:
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    if repository:
        (root / ".git").mkdir()
    (root / ".gitignore").write_text("drafts/\n*.old.md\n!keep.old.md\n# a comment\n",
                                     encoding="utf-8")
    (root / "desk" / ".gitignore").write_text("private.md\n", encoding="utf-8")
    return root


def _found(root: Path, *paths: str, **options: bool) -> list[str]:
    inputs = find_inputs([str(root / path) for path in paths] or [str(root)], **options)
    return sorted(Path(path).relative_to(root).as_posix() for path in inputs.files)


def test_a_repository_walk_leaves_out_what_git_ignores_and_tool_folders(
        tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert _found(root) == ["desk/a.md", "desk/deep/b.md", "keep.old.md", "story.md"]


def test_a_walk_below_the_root_honours_the_roots_gitignore(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "desk" / "drafts").mkdir()
    (root / "desk" / "drafts" / "x.md").write_text("Kiev.\n", encoding="utf-8")
    assert _found(root, "desk") == ["desk/a.md", "desk/deep/b.md"]


def test_outside_a_repository_gitignore_is_not_read(tmp_path: Path) -> None:
    root = _tree(tmp_path, repository=False)
    assert _found(root) == ["desk/a.md", "desk/deep/b.md", "desk/private.md", "drafts/c.md",
                            "keep.old.md", "notes.old.md", "story.md"]


def test_it_can_be_switched_off_and_named_files_are_always_checked(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert "drafts/c.md" in _found(root, respect_gitignore=False)
    assert "node_modules/pkg/readme.md" not in _found(root, respect_gitignore=False)
    assert _found(root, "drafts/c.md", "notes.old.md") == ["drafts/c.md", "notes.old.md"]


def test_the_command_line_and_the_configuration(run_cli: RunCli, tmp_path: Path) -> None:
    root = _tree(tmp_path / "repo")
    args = ("check", str(root), "--lang", "en", "--select", "TL101", "-f", "jsonl")
    walked = run_cli(*args, "--no-config")
    assert walked.stdout.count("\n") == 4  # one finding in each file git keeps
    everything = run_cli(*args, "--no-config", "--no-respect-gitignore")
    assert everything.stdout.count("\n") == 7
    config = root / "translint.toml"
    config.write_text("respect_gitignore = false\n", encoding="utf-8")
    assert run_cli(*args, "--config", str(config)).stdout.count("\n") == 7
    config.write_text('respect_gitignore = "no"\n', encoding="utf-8")
    bad = run_cli(*args, "--config", str(config))
    assert (bad.returncode, bad.errors) == (
        2, [f"translint: {config}:1: respect_gitignore must be true or false"])


@pytest.mark.parametrize("folder", ["node_modules", "_site", "__pycache__"])
def test_tool_folders_are_skipped_even_outside_a_repository(tmp_path: Path,
                                                            folder: str) -> None:
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "a.md").write_text("Kiev.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Kiev.\n", encoding="utf-8")
    assert _found(tmp_path) == ["b.md"]
