"""``translint translit``: romanise Cyrillic text."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from translint.cli.exits import fail
from translint.cli.glossary_options import Scheme, choice
from translint.errors import InputError


def translit(
    text: Annotated[str, typer.Argument(help="Cyrillic text; - reads standard input.")],
    scheme: Annotated[Scheme | None, typer.Option(
        help="ua-2010 (Ukrainian national) or ru-bgn (BGN/PCGN); default: by the letters.")
    ] = None,
    press: Annotated[bool, typer.Option(
        "--press", help="ru-bgn as newspapers write it: yo for ё, no ” ’ or middle dots.")
    ] = False,
) -> None:
    """Romanise Cyrillic text."""
    from translint.names.translit import detect_scheme, romanise

    if text == "-":
        from translint.text.read import read_standard_input

        try:
            source = read_standard_input()
        except InputError as error:
            raise fail(error) from None
    else:
        source = text
    chosen = choice(scheme) or detect_scheme(source)
    result = romanise(source, chosen, press=press)
    sys.stdout.write(result if result.endswith("\n") else result + "\n")
