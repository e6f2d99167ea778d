"""Inputs that are not plain UTF-8 files: special files, huge files, wrong encodings, odd
names, closed streams. Each is one clear line and exit 2, never a hang or a traceback."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from translint.text.read import parse_size

from .conftest import GLOSSARY, assert_error, translint

STORY = "Talks in Kiev resumed.\n"


@pytest.mark.slow
def test_a_fifo_named_as_an_input_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = translint("check", str(fifo), "-g", GLOSSARY, timeout=30)
    assert_error(result, rf"{fifo}: is a FIFO \(named pipe\), not a regular file")


@pytest.mark.slow
def test_special_files_in_a_directory_are_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "c.txt"))
    try:
        result = translint("check", str(tmp_path), "-g", GLOSSARY, "--lang", "en", timeout=30)
    finally:
        listener.close()
    assert result.returncode == 1
    assert result.errors == [f"translint: {tmp_path}/b.txt: not checked: a FIFO, not a "
                             "regular file",
                             f"translint: {tmp_path}/c.txt: not checked: a socket, not a "
                             "regular file"]
    assert f"{tmp_path}/a.txt:1:10: TL101" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    result = translint("check", device, "-g", GLOSSARY, timeout=30)
    assert_error(result, rf"{device}: is a character device, not a regular file")


def test_a_directory_is_never_read_as_a_file(tmp_path: Path) -> None:
    result = translint("check", f"{tmp_path}/a.txt/b.txt", "-g", GLOSSARY)
    assert_error(result, r"a.txt/b.txt: no such file or directory")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    result = translint("check", f"{tmp_path}/a.txt/b.txt", "-g", GLOSSARY)
    assert_error(result, r"a.txt/b.txt: a part of the path is not a directory")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(3_000_000)  # sparse: costs no disk
    result = translint("check", str(big), "-g", GLOSSARY, "--max-file-size", "2MB")
    assert_error(result, r"big.txt: too large \(3 MB, over the 2 MB limit for one input\); "
                         r"raise the limit with --max-file-size")


def test_the_size_limit_comes_from_the_configuration_too(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY * 100, encoding="utf-8")
    (tmp_path / "translint.toml").write_text('max_file_size = "1KB"\n', encoding="utf-8")
    result = translint("check", str(tmp_path / "story.txt"), "-g", GLOSSARY)
    assert_error(result, r"story.txt: too large \(2.3 KB, over the 1 KB limit")
    bad = translint("check", str(tmp_path / "story.txt"), "--max-file-size", "lots")
    assert_error(bad, r"--max-file-size: 'lots' is not a size such as 200MB")


def test_standard_input_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    result = translint("check", "-", "-g", GLOSSARY, "--max-file-size", "1000",
                       stdin=STORY * 100)
    assert_error(result, r"<stdin>: too large \(over the 1 KB limit")


def test_sizes_read_as_people_write_them() -> None:
    assert [parse_size(text) for text in ("200MB", "1.5 GB", "512k", "64MiB", "1000")] == [
        200_000_000, 1_500_000_000, 512_000, 64 * 1024 * 1024, 1000]


def test_a_nul_byte_after_the_first_8_kb_marks_a_binary_file(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"Talks in Kiev resumed.\n" * 1000 + b"\x00\x01\x02")
    result = translint("check", str(blob), "-g", GLOSSARY)
    assert_error(result, r"blob.txt: binary file \(a NUL byte at line 1001\); only text is "
                         r"read")


@pytest.mark.parametrize(("encoding", "name"), [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"),
                                                ("utf-32", "UTF-32")])
def test_wide_unicode_is_named_with_the_way_to_convert_it(tmp_path: Path, encoding: str,
                                                          name: str) -> None:
    story = tmp_path / "story.txt"
    data = STORY.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    story.write_bytes(data)
    result = translint("check", str(story), "-g", GLOSSARY)
    assert_error(result, rf"story.txt: {name} text \(it starts with a {name} byte order "
                         rf"mark\); convert it to UTF-8, e.g. iconv -f {name} -t UTF-8")


def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes((STORY * 3).encode("utf-16-le"))
    result = translint("check", str(story), "-g", GLOSSARY)
    assert_error(result, r"UTF-16 text without a byte order mark, it seems; convert it")


def test_a_file_name_too_long_is_one_line(tmp_path: Path) -> None:
    name = "a" * 300 + ".txt"
    result = translint("check", name, "-g", GLOSSARY, cwd=tmp_path)
    assert_error(result, rf"{name}: file name too long")


def test_links_that_lead_nowhere_are_errors(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    result = translint("check", str(tmp_path), "-g", GLOSSARY)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.errors == [f"translint: {tmp_path}/broken.txt: no such file or directory",
                             f"translint: {tmp_path}/loop.txt: too many levels of symbolic "
                             "links"]


@pytest.mark.slow
def test_standard_input_closed_is_one_line() -> None:
    result = translint("check", "-", "-g", GLOSSARY, stdin_closed=True)
    assert_error(result, r"<stdin>: standard input is closed; pipe the text in, or name files")


def test_binary_standard_input_is_refused(tmp_path: Path) -> None:
    result = translint("check", "-", "-g", GLOSSARY, "--stdin-filename", "wire.txt",
                       stdin=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert_error(result, r"wire.txt: binary file")


def test_an_empty_file_is_checked_and_clean(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = translint("check", str(tmp_path / "empty.txt"), "-g", GLOSSARY)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "No findings in 1 file.\n", "")


NOT_UTF8_NAME = b"caf\xe9 Kiev.txt"


def _odd_name(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    path = os.path.join(os.fsencode(folder), NOT_UTF8_NAME)
    with open(path, "wb") as handle:
        handle.write(STORY.encode("utf-8"))
    return folder


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_a_file_name_that_is_not_utf8_keeps_json_valid(tmp_path: Path,
                                                       output_format: str) -> None:
    folder = _odd_name(tmp_path)
    result = translint("check", str(folder), "-g", GLOSSARY, "--lang", "en",
                       "-f", output_format)
    assert result.returncode == 1, result.stderr
    result.stdout_bytes.decode("utf-8")  # valid UTF-8 throughout
    data = json.loads(result.stdout_bytes)
    if output_format == "json":
        assert data["findings"][0]["path"] == f"{folder}/caf\udce9 Kiev.txt"
    else:
        location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == f"{folder.as_uri()}/caf%E9%20Kiev.txt"


def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_text(tmp_path: Path) -> None:
    folder = _odd_name(tmp_path)
    result = translint("check", str(folder), "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(f"{folder}/caf\\xe9 Kiev.txt:1:10: TL101")


@pytest.mark.slow
def test_a_glossary_that_is_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "desk.toml"
    os.mkfifo(fifo)
    result = translint("check", "-", "-g", str(fifo), stdin=STORY, timeout=30)
    assert_error(result, rf"{fifo}: is a FIFO \(named pipe\), not a regular file")


@pytest.mark.slow
def test_a_configuration_or_pack_that_is_not_a_regular_utf8_file_is_refused(
        tmp_path: Path) -> None:
    fifo = tmp_path / "translint.toml"
    os.mkfifo(fifo)
    result = translint("check", "-", "--config", str(fifo), stdin=STORY, timeout=30)
    assert_error(result, rf"{fifo}: is a FIFO \(named pipe\), not a regular file")
    missing = translint("check", "-", "--config", str(tmp_path / "gone.toml"), stdin=STORY)
    assert_error(missing, r"gone.toml: no such configuration file")
    pack = tmp_path / "house.toml"
    pack.write_bytes('[pack]\nid = "house"\n'.encode("utf-16"))
    (tmp_path / "desk.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    result = translint("check", "-", "--config", str(tmp_path / "desk.toml"), stdin=STORY)
    assert_error(result, r"house.toml: UTF-16 text \(it starts with a UTF-16 byte order mark\)")
