"""`--fix` and `--diff` never lose or misplace text: exact bytes on disk after every case."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from translint.errors import InputError
from translint.findings import Finding
from translint.fix import BACKUP_SUFFIX, fix_file, write_atomically

from .conftest import GLOSSARY, IS_ROOT, ROOT, assert_error, leftovers, translint

STORY = "Talks in Kiev resumed.\n"
FIXED = "Talks in Kyiv resumed.\n"


def test_stdin_fix_writes_the_fixed_text_to_stdout_and_no_file(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_bytes(b"An unrelated file on disk about Kiev.\n")
    result = translint("check", "-", "--stdin-filename", "story.md", "--fix", "-g", GLOSSARY,
                       "--lang", "en", stdin="Officials in Kiev met.\n", cwd=tmp_path)
    assert result.stdout == "Officials in Kyiv met.\n"
    assert result.returncode == 0, result.stderr
    assert story.read_bytes() == b"An unrelated file on disk about Kiev.\n"
    assert leftovers(tmp_path, {"story.md"}) == set()


def test_stdin_fix_reports_what_is_left_on_stderr(tmp_path: Path) -> None:
    text = "On Sunday it transpired that talks in Kiev resumed.\n"
    result = translint("check", "-", "--fix", "-g", GLOSSARY, "--lang", "en",
                       "--fail-on", "info", stdin=text, cwd=tmp_path)
    assert result.stdout == text.replace("Kiev", "Kyiv")
    assert result.returncode == 1  # the calque is left: a rewording needs an editor
    assert "TL201" in result.stderr and "TL101" not in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_fix_with_other_paths_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "a.txt"
    other.write_text(STORY, encoding="utf-8")
    result = translint("check", "-", str(other), "--fix", "-g", GLOSSARY, stdin=STORY)
    assert_error(result, r"--fix with - writes the fixed text to standard output")
    assert result.stdout == ""
    assert other.read_text(encoding="utf-8") == STORY


def test_stdin_diff_prints_only_the_diff(tmp_path: Path) -> None:
    result = translint("check", "-", "--stdin-filename", "story.md", "--diff", "-q",
                       "-g", GLOSSARY, "--lang", "en", stdin="Officials in Kiev met.\n",
                       cwd=tmp_path)
    assert result.stdout == ("--- a/story.md\n+++ b/story.md\n@@ -1 +1 @@\n"
                             "-Officials in Kiev met.\n+Officials in Kyiv met.\n")
    assert result.returncode == 1  # there is something to fix
    assert result.stderr == ""


def test_file_diff_prints_only_the_diff_and_changes_nothing(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text(STORY, encoding="utf-8")
    result = translint("check", str(story), "--diff", "-g", GLOSSARY, "--lang", "en")
    assert result.stdout.startswith(f"--- a/{story}\n+++ b/{story}\n")
    assert "TL101" not in result.stdout and "Found" not in result.stdout
    assert story.read_text(encoding="utf-8") == STORY
    clean = tmp_path / "b.txt"
    clean.write_text(FIXED, encoding="utf-8")
    nothing = translint("check", str(clean), "--diff", "-g", GLOSSARY, "--lang", "en")
    assert (nothing.returncode, nothing.stdout) == (0, "")


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "story.txt"
    target.write_text(STORY, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = translint("check", str(link), "--fix", "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path / "real", {"story.txt"}) == set()


def test_a_read_only_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    story.chmod(0o444)
    result = translint("check", str(story), "--fix", "-g", GLOSSARY, "--lang", "en", "-q")
    assert result.returncode == 2
    assert f"translint: {story}: not fixed: read-only file (mode 0444)" in result.stderr
    assert "Traceback" not in result.stderr
    assert story.read_text(encoding="utf-8") == STORY
    assert stat.S_IMODE(story.stat().st_mode) == 0o444
    assert leftovers(tmp_path, {"story.txt"}) == set()


def test_hard_links_all_see_the_fix(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(STORY, encoding="utf-8")
    second = tmp_path / "b.md"
    os.link(first, second)
    inode = first.stat().st_ino
    result = translint("check", str(first), "--fix", "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert second.read_text(encoding="utf-8") == FIXED
    assert first.stat().st_ino == inode and first.stat().st_nlink == 2
    assert leftovers(tmp_path, {"a.txt", "b.md"}) == set()


def test_a_backup_left_by_a_killed_in_place_fix_blocks_the_file(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(STORY, encoding="utf-8")
    os.link(first, tmp_path / "b.txt")
    backup = Path(str(first) + BACKUP_SUFFIX)
    backup.write_text("the old text\n", encoding="utf-8")
    result = translint("check", str(first), "--fix", "-g", GLOSSARY, "--lang", "en", "-q")
    assert result.returncode == 2
    assert "an interrupted fix left" in result.stderr and "Traceback" not in result.stderr
    assert first.read_text(encoding="utf-8") == STORY
    assert backup.read_text(encoding="utf-8") == "the old text\n"


def test_mode_and_owner_are_kept(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    story.chmod(0o640)
    if IS_ROOT:
        os.chown(story, 4321, 4322)
    result = translint("check", str(story), "--fix", "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 0, result.stderr
    status = story.stat()
    assert stat.S_IMODE(status.st_mode) == 0o640
    if IS_ROOT:
        assert (status.st_uid, status.st_gid) == (4321, 4322)
    assert story.read_text(encoding="utf-8") == FIXED


def test_byte_order_mark_and_line_endings_survive_a_fix(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xef\xbb\xbfFirst line.\r\nTalks in Kiev\rresumed.\r\nEnd")
    result = translint("check", str(story), "--fix", "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert story.read_bytes() == b"\xef\xbb\xbfFirst line.\r\nTalks in Kyiv\rresumed.\r\nEnd"


def test_front_matter_is_not_rewritten_but_its_title_is_prose(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("---\nslug: kiev-talks-resume\nurl: /2024/kiev\ntitle: Talks in Kiev\n"
                     "tags: [Kiev]\n---\n\nTalks in Kiev resumed.\n", encoding="utf-8")
    result = translint("check", str(story), "--fix", "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert story.read_text(encoding="utf-8") == (
        "---\nslug: kiev-talks-resume\nurl: /2024/kiev\ntitle: Talks in Kyiv\n"
        "tags: [Kiev]\n---\n\nTalks in Kyiv resumed.\n")


def test_arabic_and_hebrew_are_reported_but_never_romanised_by_fix(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    text = "Crowds held signs reading مرحبا بكم and שלום עכשיו outside.\n"
    story.write_text(text, encoding="utf-8")
    result = translint("check", str(story), "--fix", "--lang", "en", "--select", "TL301")
    assert result.returncode == 0, result.stderr
    assert story.read_text(encoding="utf-8") == text
    assert result.stdout.count("TL301") == 2 and "translate or romanise it" in result.stdout


def test_no_temporary_file_is_left_by_a_fix(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    result = translint("check", str(tmp_path), "--fix", "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.md"]
    assert all((tmp_path / name).read_text(encoding="utf-8") == FIXED
               for name in ("a.txt", "b.txt", "c.md"))


KILL_BEFORE_RENAME = """
import os, signal, sys
import translint.fix
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
translint.fix.os.replace = killed
sys.argv = ["translint", *sys.argv[1:]]
from translint.cli import main
main()
"""


@pytest.mark.slow
def test_sigkill_while_writing_leaves_the_file_and_the_next_run_cleans_up(
        tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILL_BEFORE_RENAME, "check", str(story),
                             "--fix", "-g", GLOSSARY, "--lang", "en"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    assert story.read_text(encoding="utf-8") == STORY  # the original, whole
    stale = leftovers(tmp_path, {"story.txt"})
    assert len(stale) == 1 and next(iter(stale)).startswith(".translint-")
    result = translint("check", str(story), "--fix", "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert story.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path, {"story.txt"}) == set()


def _finding(path: str) -> Finding:
    from translint import Linter

    linter = Linter.from_paths([GLOSSARY], lang="en")
    return linter.check_text(Path(path).read_text(encoding="utf-8"), path)[0]


def test_a_full_disk_leaves_the_file_as_it_was(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault injection: the disk fills up while the new text is flushed."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    finding = _finding(str(story))

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("translint.fix.os.fsync", full)
    with pytest.raises(InputError, match="not fixed: No space left on device"):
        fix_file(str(story), [finding])
    assert story.read_text(encoding="utf-8") == STORY
    assert leftovers(tmp_path, {"story.txt"}) == set()


@contextlib.contextmanager
def _tiny_tmpfs(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (the fault-injection test covers this)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.skipif(not IS_ROOT, reason="mounting a small file system needs root")
def test_a_real_full_disk_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    with _tiny_tmpfs(tmp_path / "small") as small:
        story = small / "story.txt"
        text = "Talks in Kiev resumed. " * 300 + "\n"
        story.write_text(text, encoding="utf-8")
        with contextlib.suppress(OSError), open(small / "filler", "wb") as filler:
            filler.write(b"\0" * 64 * 1024)
        result = translint("check", str(story), "--fix", "-g", GLOSSARY, "--lang", "en",
                           "--format", "json")
        assert result.returncode == 2
        assert f"translint: {story}: not fixed: No space left on device" in result.errors
        assert story.read_text(encoding="utf-8") == text
        assert leftovers(small, {"story.txt", "filler"}) == set()


def test_new_files_get_the_mode_the_umask_gives(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write_atomically(tmp_path / "export.csv", "id\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "export.csv").stat().st_mode) == 0o640


def test_glossary_export_follows_the_umask(tmp_path: Path) -> None:
    result = translint("glossary", "export", "-g", GLOSSARY, "--format", "csv", "--output",
                       str(tmp_path / "out.csv"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    mode = stat.S_IMODE((tmp_path / "out.csv").stat().st_mode)
    assert mode == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
