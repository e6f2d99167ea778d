"""The server's engine: one linter per set of request options, sharing what can be shared."""

from __future__ import annotations

from pathlib import Path

from translint.config import Config, check_options
from translint.linter import Linter
from translint.serve.engine import CheckRequest, Engine

TEXT = ("Talks between Moscow and Kiev resumed on the territory of Belarus, "
        "the minister assured that the talks would go on.")


def test_a_request_changing_only_language_or_selection_shares_the_default_resources(
        engine: Engine) -> None:
    """Its first check then finds the name index and the phrasing rules built, rather than
    building them again inside the request's time limit."""
    default = engine.default[0].resources
    for request in (CheckRequest(TEXT, lang="en"), CheckRequest(TEXT, select=("TL2",)),
                    CheckRequest(TEXT, lang="en", ignore=("TL101",))):
        assert engine.linter_for(request)[0].resources is default
    # Other source languages are other packs: those linters build their own.
    other = engine.linter_for(CheckRequest(TEXT, lang="en", source_langs=("es",)))[0]
    assert other.resources is not default


def test_a_linter_sharing_resources_finds_what_one_built_alone_finds(
        engine: Engine, config: Config) -> None:
    for lang, source_langs in (("en", None), ("en", ("ru",))):
        shared = engine.linter_for(CheckRequest(TEXT, lang=lang, source_langs=source_langs))[0]
        alone = Linter.from_config(config, check_options(
            config, lang=lang, source_langs=list(source_langs) if source_langs else None))
        found = [(f.code, f.start, f.end, f.message) for f in shared.check_text(TEXT)]
        assert found == [(f.code, f.start, f.end, f.message) for f in alone.check_text(TEXT)]
        assert {code for code, *_ in found} >= {"TL101", "TL201"}


def test_the_phrasing_packs_and_indexes_go_to_the_cache_folder(config: Config,
                                                                tmp_path: Path) -> None:
    """As ``translint check`` does: a server started again, or a request naming other
    source languages, reads them from there rather than building them."""
    engine = Engine(config, cache_dir=tmp_path)
    engine.linter_for(CheckRequest(TEXT, lang="en", source_langs=("es",)))[0].check_text(TEXT)
    assert list(tmp_path.glob("phrasing-*.pickle"))
    again = Engine(config, cache_dir=tmp_path)
    assert again.default[0].resources.cache_dir == tmp_path
