"""Convention checks (TL202, TL203): another language's typography and number format left in.

Both checks flag only what is unambiguous, because a number or a quotation mark read the
wrong way is worse than one not flagged: a decimal point is right in English and wrong in
German, so every rule names the document's language and the convention it saw.

Suggestions come from our own mappings, not from sacremoses' ``MosesPunctNormalizer``: it
rewrites whole strings for machine translation — every quotation mark to a straight ``"``,
dashes to hyphens, ``…`` to ``...``, full stops moved inside quotes — so its output is not a
replacement for one span; it handles no-break spaces but not the narrow no-break space
French copy uses before ``!`` and ``?``; it knows nothing of decimal commas; and importing it
costs about 0.3 s. We keep its choices where they are right: « and „ become double quotes,
the space before ``:`` ``;`` ``?`` ``!`` and ``%`` goes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from translint.checks.base import Context, Problem
from translint.findings import Severity
from translint.text.document import Document

_LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish",
                   "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish",
                   "ru": "Russian", "uk": "Ukrainian", "ca": "Catalan", "gl": "Galician"}
_SPACES = " \u00a0\u202f\u2009"
_TYPOGRAPHIC_SPACES = "\u00a0\u202f\u2009"
_SPACE_NAMES = {" ": "space", "\u00a0": "no-break space", "\u202f": "narrow no-break space",
                "\u2009": "thin space"}
_QUOTE_MARKS = "\"'“”‘’«»„‚"
# A quotation opened here and closed further than this is not one quotation.
_QUOTE_REACH = 1500
_SINGLE_QUOTE_REACH = 300


def _language(lang: str) -> str:
    return _LANGUAGE_NAMES.get(lang, lang)


def foreign_punctuation(document: Document, context: Context) -> Iterator[Problem]:
    """TL202: quotation marks, spacing and signs of another language's typography."""
    lang = document.lang
    if lang is None:
        return
    prose = document.prose
    if lang == "en":
        quotes = _quote_style(prose)
        yield from _guillemets(prose, quotes)
        yield from _low_quotes(prose, quotes)
        yield from _spaced_marks(document)
    elif lang == "fr":
        yield from _unspaced_french_marks(document)
    if lang not in _INVERTED_MARK_LANGUAGES:
        yield from _inverted_marks(prose, lang)


# --- Quotation marks in English copy ------------------------------------------------------

def _quote_style(prose: str) -> tuple[str, str, str, str]:
    """The quotation marks the copy itself uses: curly (the default) or straight."""
    if "”" in prose or '"' not in prose:
        return "“", "”", "‘", "’"
    return '"', '"', "'", "'"


_GUILLEMET = re.compile("[«»]")


def _guillemets(prose: str, quotes: tuple[str, str, str, str]) -> Iterator[Problem]:
    """« » (and German »…«) paired in one paragraph; a lone » is a link arrow, not a quote."""
    if "«" not in prose and "»" not in prose:
        return
    marks = [match.start() for match in _GUILLEMET.finditer(prose)]
    index = 0
    while index + 1 < len(marks):
        first, second = marks[index], marks[index + 1]
        inside = prose[first + 1:second]
        # "« Previous | Next »" is navigation scraped with the story.
        if (prose[first] == prose[second] or second - first > _QUOTE_REACH
                or "\n\n" in inside or "|" in inside or not inside.strip()):
            index += 1
            continue
        index += 2
        reversed_order = prose[first] == "»"
        style = ("reversed guillemet {mark} (German book style)" if reversed_order
                 else "guillemet {mark} (French, Spanish, Italian and Russian style)")
        end = first + 1
        while prose[end] in _SPACES:
            end += 1
        spaced = " with a French-style space" if end > first + 1 else ""
        yield Problem(first, end, f"Opening {style.format(mark=prose[first])}{spaced} in "
                      "English copy", quotes[0])
        start = second
        while prose[start - 1] in _SPACES and start - 1 > end:
            start -= 1
        spaced = " with a French-style space" if start < second else ""
        yield Problem(start, second + 1, f"Closing {style.format(mark=prose[second])}{spaced} "
                      "in English copy", quotes[1])


_LOW_QUOTE = re.compile("[„‚]")


def _low_quotes(prose: str, quotes: tuple[str, str, str, str]) -> Iterator[Problem]:
    """„ (German, Polish …) and ‚ (German single) opening a quotation; “ closing it."""
    if "„" not in prose and "‚" not in prose:
        return
    for match in _LOW_QUOTE.finditer(prose):
        start = match.start()
        if prose[start] == "„":
            closing = _closing_mark(prose, start, "“”„", _QUOTE_REACH)
            if closing is not None and prose[closing] == "“":
                convention = "German low-high quotation mark „"
            elif closing is not None and prose[closing] == "”":
                convention = "Low quotation mark „ (Polish, Hungarian and Romanian style)"
            else:
                convention = "Low quotation mark „ (German and Central European style)"
            yield Problem(start, start + 1, f"{convention} in English copy", quotes[0])
            if closing is not None and prose[closing] == "“":
                yield Problem(closing, closing + 1,
                              "German closing quotation mark “ in English copy", quotes[1])
        else:
            # Alone, ‚ may be a mangled comma; only a ‚…‘ pair is surely a quotation.
            closing = _closing_mark(prose, start, "‘‚", _SINGLE_QUOTE_REACH)
            if closing is None or prose[closing] != "‘":
                continue
            yield Problem(start, start + 1,
                          "German low-high single quotation mark ‚ in English copy", quotes[2])
            yield Problem(closing, closing + 1,
                          "German closing single quotation mark ‘ in English copy", quotes[3])


def _closing_mark(prose: str, start: int, marks: str, reach: int) -> int | None:
    """Where the first of ``marks`` after ``start`` is, within the paragraph and ``reach``."""
    position = start + 1
    limit = min(len(prose), start + reach)
    while position < limit:
        char = prose[position]
        if char in marks:
            return position
        if char == "\n" and prose.startswith("\n", position + 1):
            return None
        position += 1
    return None


# --- Spaces before punctuation ------------------------------------------------------------

_AFTER_HIGH_MARK = frozenset(_SPACES + "\n\r\t?!.…)]" + _QUOTE_MARKS)
_AFTER_COLON = frozenset(_SPACES + "\n\r\t" + _QUOTE_MARKS)


def _spaced_marks(document: Document) -> Iterator[Problem]:
    """A space before : ; ? ! or % in English copy (French, and for % also German, style).

    A no-break or thin space there is French typography wherever it stands; a plain space
    before a colon is usually a slip, so it counts only when the copy shows the habit: a
    no-break space somewhere, or two plain spaces before colons or semicolons.
    """
    prose, text = document.prose, document.text
    typographic: list[int] = []
    plain: list[int] = []
    plain_colons = 0
    for mark_at in _spaced_mark_positions(prose):
        space_at = mark_at - 1
        if not _is_spaced_mark(prose, text, space_at, mark_at):
            continue
        mark = prose[mark_at]
        if mark == "%":
            yield Problem(space_at, mark_at,
                          f"{_SPACE_NAMES[prose[space_at]].capitalize()} before '%' (French, "
                          "German and Spanish style) in English copy; English writes 5%", "")
        elif prose[space_at] in _TYPOGRAPHIC_SPACES:
            typographic.append(space_at)
        else:
            plain.append(space_at)
            plain_colons += mark in ":;"
    flagged = typographic + plain if typographic or plain_colons >= 2 else []
    for space_at in flagged:
        mark = prose[space_at + 1]
        yield Problem(space_at, space_at + 1,
                      f"French-style {_SPACE_NAMES[prose[space_at]]} before '{mark}' in "
                      f"English copy; English sets '{mark}' straight after the word", "")


def _spaced_mark_positions(prose: str) -> list[int]:
    """Where : ; ? ! or % follows a space (str.find is six times faster than a regex here)."""
    positions = []
    for mark in ":;?!%":
        position = prose.find(mark, 1)
        while position != -1:
            if prose[position - 1] in _SPACES:
                positions.append(position)
            position = prose.find(mark, position + 1)
    return sorted(positions)


def _is_spaced_mark(prose: str, text: str, space_at: int, mark_at: int) -> bool:
    """Tell whether the space before a mark is typography, not a gap, emoticon or ratio."""
    if space_at < 1 or prose[space_at - 1].isspace():
        return False  # alignment, a list marker, or a URL masked with spaces
    if text[space_at] != prose[space_at] or text[mark_at] != prose[mark_at]:
        return False
    mark = prose[mark_at]
    after = prose[mark_at + 1] if mark_at + 1 < len(prose) else "\n"
    before = prose[space_at - 1]
    if mark == "%":
        return before.isdigit() and not after.isalnum()
    if mark in ":;":
        if after not in _AFTER_COLON:
            return False  # :) ;-) :D
        return not (mark == ":" and before.isdigit() and
                    prose[mark_at + 1:mark_at + 3].strip()[:1].isdigit())  # 2 : 1
    return after in _AFTER_HIGH_MARK


# Marks French typography spaces alike: a no-break space before ':', a narrow one before
# ';' '?' '!', a no-break space inside guillemets. A habit is judged per class of marks.
_FRENCH_MARK_CLASSES = {":": ":", ";": "?", "?": "?", "!": "?", "«": "«", "»": "«"}
_FRENCH_SPACES = "\u00a0\u202f "
_FRENCH_HABIT = 2


def _unspaced_french_marks(document: Document) -> Iterator[Problem]:
    """In French copy that spaces its : ; ? ! « » as French typography wants, one it missed.

    Many French sites never space these marks, and Swiss copy spaces only some, so only a
    lapse from the copy's own habit for that kind of mark is reported, as information; the
    space suggested is the one the copy uses there.
    """
    prose, text = document.prose, document.text
    spaces: Counter[tuple[str, str]] = Counter()
    missing: dict[str, list[int]] = {}
    for mark, mark_class in _FRENCH_MARK_CLASSES.items():
        position = prose.find(mark)
        while position != -1:
            # The space goes after an opening guillemet and before every other mark.
            beside = position + 1 if mark == "«" else position - 1
            space = prose[beside] if 0 <= beside < len(prose) else "\n"
            if space in _FRENCH_SPACES:
                spaces[mark, space] += 1
            elif _misses_french_space(prose, text, position):
                missing.setdefault(mark_class, []).append(position)
            position = prose.find(mark, position + 1)
    spaced: Counter[str] = Counter()
    for (mark, _), count in spaces.items():
        spaced[_FRENCH_MARK_CLASSES[mark]] += count
    for mark_class, positions in missing.items():
        if spaced[mark_class] < _FRENCH_HABIT or len(positions) * 2 > spaced[mark_class]:
            continue
        for position in positions:
            mark = prose[position]
            space = _usual_space(spaces, mark)
            suggestion = mark + space if mark == "«" else space + mark
            where = "after" if mark == "«" else "before"
            yield Problem(position, position + 1,
                          f"No {_SPACE_NAMES[space]} {where} '{mark}', which French typography "
                          "wants and this copy has elsewhere", suggestion,
                          severity=Severity.INFO)


def _usual_space(spaces: Counter[tuple[str, str]], mark: str) -> str:
    """The space the copy puts at ``mark``, else at a mark of its class."""
    for (spaced_mark, space), _ in spaces.most_common():
        if spaced_mark == mark:
            return space
    for (spaced_mark, space), _ in spaces.most_common():
        if _FRENCH_MARK_CLASSES[spaced_mark] == _FRENCH_MARK_CLASSES[mark]:
            return space
    return spaces.most_common(1)[0][0][1]


def _misses_french_space(prose: str, text: str, position: int) -> bool:
    """Tell whether a mark with no space beside it is one French typography would space."""
    mark = prose[position]
    if text[position] != mark:
        return False
    before = prose[position - 1] if position else "\n"
    after = prose[position + 1] if position + 1 < len(prose) else "\n"
    if mark == "«":
        return not after.isspace()
    if before.isspace() or before in "«:;?!…":
        return False  # a line start, or ?! after ?
    if mark == ":":
        return after.isspace() or after in _QUOTE_MARKS  # not 14:30, http:, :)
    if mark == ";":
        return after.isspace()  # not ;-)
    return True


# --- Spanish inverted marks ---------------------------------------------------------------

_INVERTED_MARK_LANGUAGES = frozenset({"es", "gl", "ca", "ast"})
_INVERTED = re.compile("[¿¡]")
_WORD = re.compile(r"[^\W\d_]+")
_SPANISH_WORDS = frozenset(
    "el la los las lo le les de del que qué y en es un una unos unas por con para se su sus "
    "al cómo dónde cuándo quién quiénes cuál cuánto está están estás muy más pero yo tú él "
    "ella ellos nos hay este esta eso esto ese esa sí todo usted ustedes hola gracias viva "
    "vamos no a me he has te mi".split())
# Words that show a clause is in the copy's own language, not quoted Spanish.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the is are was were be been you we they he she it i what why how who "
                    "where when do does did will would can could should this that these those "
                    "of to in and for with have has not my your our their his her its an at "
                    "on from about there a no me".split()),
    "de": frozenset("der die das und ist nicht mit ich du wir ihr sie er es was wie warum wer "
                    "wo wann ein eine zu auf für von den dem sind hat haben wird kann soll "
                    "noch schon doch".split()),
    "fr": frozenset("le la les et des est du dans qui pour pas sur au aux avec il elle ils "
                    "vous nous je tu ce cette quoi pourquoi comment où qu que de en un une "
                    "ne c".split()),
    "it": frozenset("il di che è sono gli per non perché come cosa chi dove quando della nel "
                    "alla questo questa si ci ma".split()),
    "nl": frozenset("het een is van niet wat waarom hoe wie waar dat dit zijn hij ze we jij "
                    "je u met voor op de en".split()),
}


def _inverted_marks(prose: str, lang: str) -> Iterator[Problem]:
    """¿ and ¡ opening a clause written in the copy's own language, not quoted Spanish."""
    if "¿" not in prose and "¡" not in prose:
        return
    own_words = _FUNCTION_WORDS.get(lang)
    if own_words is None:
        return
    for match in _INVERTED.finditer(prose):
        start = match.end()
        end = start
        limit = min(len(prose), start + 200)
        while end < limit and prose[end] not in "?!\n":
            end += 1
        words = set(_WORD.findall(prose[start:end].lower()))
        if words & (_SPANISH_WORDS - own_words) or not words & (own_words - _SPANISH_WORDS):
            continue
        mark = match.group()
        name = "question" if mark == "¿" else "exclamation"
        yield Problem(match.start(), match.end(),
                      f"Spanish inverted {name} mark {mark} in {_language(lang)} copy; "
                      f"{_language(lang)} puts the {name} mark only at the end", "")


# --- Number formats -----------------------------------------------------------------------

@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers, and the words that show what a number counts."""

    decimal: str
    group: str
    magnitudes: frozenset[str]
    percent: tuple[tuple[str, ...], ...]
    units: frozenset[str]
    counted: frozenset[str]
    currencies: frozenset[str]
    rates: frozenset[str]
    # False where both conventions are native (Mexican Spanish writes 3.5 millones): then
    # only a document that also writes numbers the other way is flagged.
    always: bool = True

    @property
    def foreign_decimal(self) -> str:
        """The decimal separator of the other convention."""
        return "," if self.decimal == "." else "."


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UNIT_SYMBOLS = "km kg cm mm ha m² km² km/h mph kw mw gw kwh mwh gwh °c °f"
NUMBER_STYLES: dict[str, NumberStyle] = {
    "en": NumberStyle(
        decimal=".", group=",",
        magnitudes=_words("million millions billion billions trillion trillions thousand bn m "
                          "mn tn"),
        percent=(("per", "cent"), ("percent",)),
        units=_words(f"{_UNIT_SYMBOLS} metres meters kilometres kilometers miles kilograms "
                     "tonnes tons litres liters hectares degrees seconds"),
        counted=_words(
            "people persons residents inhabitants citizens civilians soldiers troops fighters "
            "police officers workers employees staff jobs children women men refugees migrants "
            "voters votes members fans spectators supporters visitors tourists students pupils "
            "patients cases infections deaths victims casualties prisoners protesters "
            "demonstrators homes houses households families flats apartments buildings "
            "companies firms businesses vehicles cars units copies tickets signatures years "
            "passengers"),
        currencies=_words("euros dollars pounds roubles rubles hryvnias pesos yen yuan rupees "
                          "zlotys"),
        rates=_words("per a an each every")),
    "de": NumberStyle(
        decimal=",", group=".",
        magnitudes=_words("million millionen milliarde milliarden billion billionen mio mrd"),
        percent=(("prozent",), ("prozentpunkte",)),
        units=_words(f"{_UNIT_SYMBOLS} meter kilometer tonnen liter hektar grad sekunden"),
        counted=_words(
            "menschen personen einwohner bürger soldaten besucher zuschauer arbeitsplätze "
            "stellen haushalte wohnungen flüchtlinge tote kinder fans mitglieder beschäftigte "
            "mitarbeiter unternehmen jahre fahrzeuge autos stimmen demonstranten"),
        currencies=_words("euro dollar pfund rubel"),
        rates=_words("pro je")),
    "es": NumberStyle(
        decimal=",", group=".",
        magnitudes=_words("millón millones millardo millardos billón billones mil"),
        percent=(("por", "ciento"),),
        units=_words(f"{_UNIT_SYMBOLS} metros kilómetros toneladas litros hectáreas grados "
                     "segundos"),
        counted=_words(
            "personas habitantes ciudadanos soldados muertos víctimas empleos hogares viviendas "
            "espectadores visitantes refugiados niños trabajadores manifestantes años "
            "vehículos votos"),
        currencies=_words("euros dólares pesos libras rublos"),
        rates=_words("por cada"),
        always=False),
    "fr": NumberStyle(
        decimal=",", group="\u202f",
        magnitudes=_words("million millions milliard milliards md mds mrd"),
        percent=(("pour", "cent"),),
        units=_words(f"{_UNIT_SYMBOLS} mètres kilomètres tonnes litres hectares degrés "
                     "secondes"),
        counted=_words(
            "personnes habitants citoyens soldats militaires morts victimes emplois ménages "
            "foyers logements spectateurs visiteurs réfugiés enfants salariés manifestants "
            "électeurs ans véhicules voix"),
        currencies=_words("euros dollars livres roubles"),
        rates=_words("par")),
    "it": NumberStyle(
        decimal=",", group=".",
        magnitudes=_words("milione milioni miliardo miliardi mln mld mila"),
        percent=(("per", "cento"),),
        units=_words(f"{_UNIT_SYMBOLS} metri chilometri tonnellate litri ettari gradi secondi"),
        counted=_words(
            "persone abitanti cittadini soldati morti vittime posti famiglie spettatori "
            "visitatori rifugiati bambini lavoratori manifestanti anni veicoli voti"),
        currencies=_words("euro dollari sterline rubli"),
        rates=_words("per ogni")),
    "pt": NumberStyle(
        decimal=",", group=".",
        magnitudes=_words("milhão milhões bilhão bilhões bilião biliões mil"),
        percent=(("por", "cento"),),
        units=_words(f"{_UNIT_SYMBOLS} metros quilómetros quilômetros toneladas litros "
                     "hectares graus segundos"),
        counted=_words(
            "pessoas habitantes cidadãos soldados mortos vítimas empregos famílias "
            "espectadores visitantes refugiados crianças trabalhadores manifestantes anos "
            "veículos votos"),
        currencies=_words("euros dólares reais libras rublos"),
        rates=_words("por cada")),
    "nl": NumberStyle(
        decimal=",", group=".",
        magnitudes=_words("miljoen miljoenen miljard miljarden mln mld"),
        percent=(("procent",),),
        units=_words(f"{_UNIT_SYMBOLS} meter kilometer ton liter hectare graden seconden"),
        counted=_words(
            "mensen personen inwoners burgers soldaten doden slachtoffers banen huishoudens "
            "bezoekers toeschouwers vluchtelingen kinderen werknemers demonstranten jaar "
            "voertuigen stemmen"),
        currencies=_words("euro dollar pond roebel"),
        rates=_words("per")),
}
_CURRENCY_SIGNS = "$€£¥₴₽"
_DECIMAL_NAMES = {".": "decimal point", ",": "decimal comma"}
_GROUP_NAMES = {".": "dot", ",": "comma"}
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_ANY_SEPARATED_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)+")
# Literal first characters keep these scans fast: a candidate separator, then a lookbehind.
_CANDIDATES = {
    # A separator the language does not use as its decimal sign, before other than 3 digits.
    ".": re.compile(r"\.(?<=[0-9]\.)(?![0-9]{3}(?![0-9]))[0-9]"),
    ",": re.compile(r",(?<=[0-9],)(?![0-9]{3}(?![0-9]))[0-9]"),
}
_GROUP_CANDIDATES = {
    # The language's own decimal sign before exactly 3 digits: 12.000 in English.
    ".": re.compile(r"\.(?<=[0-9]\.)[0-9]{3}(?![0-9])"),
    ",": re.compile(r",(?<=[0-9],)[0-9]{3}(?![0-9])"),
}
_NOT_BEFORE_NUMBER = frozenset(".,:/+#@'’_")
_NOT_AFTER_NUMBER = frozenset(":/")
_FOLLOWING = re.compile(r"[ \u00a0\u202f]?(%|[^\W\d_]+\.?|°[CF])"
                        r"(?:[ \u00a0\u202f]([^\W\d_]+))?(?:[ \u00a0\u202f]([^\W\d_]+))?")
# "1.000 to 2.000 people": the first number counts what the second does.
_RANGE = re.compile(r"[ \u00a0\u202f]?(?:[-–]|to|and|or|bis|und|à|et|y|a|e|tot|en|al)"
                    r"[ \u00a0\u202f]?[0-9]+(?:[.,][0-9]+)*")


@dataclass(frozen=True)
class _Shape:
    """What a number with separators can be read as."""

    kind: str  # decimal | ambiguous (one separator, 3 digits after) | grouped | mixed
    separator: str  # the decimal separator (decimal, mixed) or the group separator
    integer: str
    fraction: str


_GROUPED = {separator: re.compile(rf"[1-9][0-9]{{0,2}}(?:\{separator}[0-9]{{3}})+")
            for separator in ".,"}


def _shape(token: str) -> _Shape | None:
    """Read a number's separators; ``None`` for dates, versions, addresses and other codes."""
    separators = [char for char in token if char in ".,"]
    first, last = separators[0], separators[-1]
    if first == last and len(separators) == 1:
        integer, fraction = token.split(first)
        kind = "ambiguous" if len(fraction) == 3 else "decimal"
        return _Shape(kind, first, integer, fraction)
    if first == last:
        return _Shape("grouped", first, token, "") if _GROUPED[first].fullmatch(token) else None
    integer, fraction = token.rsplit(last, 1)
    if separators.count(last) == 1 and _GROUPED[first].fullmatch(integer):
        return _Shape("mixed", last, integer, fraction)
    return None


def foreign_number_formats(document: Document, context: Context) -> Iterator[Problem]:
    """TL203: thousands and decimal separators of another language's convention."""
    lang = document.lang
    style = NUMBER_STYLES.get(lang) if lang is not None else None
    if style is None or lang is None:
        return
    prose = document.prose
    candidates = sorted(
        [match.start() for match in _CANDIDATES[style.foreign_decimal].finditer(prose)]
        + [match.start() for match in _GROUP_CANDIDATES[style.decimal].finditer(prose)])
    if not candidates:
        return
    problems: list[Problem] = []
    done = -1
    for position in candidates:
        if position < done:
            continue
        start, end = _number_around(prose, position)
        done = end
        problem = _foreign_number(document, style, lang, start, end)
        if problem is not None:
            problems.append(problem)
    if problems and (style.always or _writes_natively(prose, style)):
        yield from problems


def _number_around(prose: str, position: int) -> tuple[int, int]:
    start = position
    while start > 0 and ("0" <= prose[start - 1] <= "9" or (
            prose[start - 1] in ".," and start > 1 and "0" <= prose[start - 2] <= "9")):
        start -= 1
    match = _NUMBER.match(prose, start)
    return start, match.end() if match else position + 1


def _foreign_number(document: Document, style: NumberStyle, lang: str, start: int,
                    end: int) -> Problem | None:
    """The finding for the number at ``start:end``, if it is in the other convention."""
    prose = document.prose
    token = prose[start:end]
    if document.text[start:end] != token:
        return None
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    if before.isalnum() or before in _NOT_BEFORE_NUMBER or after in _NOT_AFTER_NUMBER:
        return None  # v2.10, 1:53,42, 25.11.2026/…, +49 30 123.456
    if before == "-" and not prose[start - 2:start - 1].isdigit():
        return None  # a minus sign or a code (CVE-2024-…); after a digit, a range
    shape = _shape(token)
    if shape is None or (shape.kind == "decimal" and after == "-"
                         and prose[end + 1:end + 2].isdigit()):
        return None  # a tennis score: 6,4-6
    foreign = _is_foreign(prose, style, shape, start, end)
    if foreign is None:
        return None
    suggestion = _native(shape, style)
    return Problem(start, end, f'"{token}" {foreign}; {_language(lang)} copy writes '
                   f"{suggestion}", suggestion)


def _is_foreign(prose: str, style: NumberStyle, shape: _Shape, start: int,
                end: int) -> str | None:
    """Why the number is in the other convention (for the message), or ``None``."""
    foreign_style = "English style" if style.decimal == "," else "continental European style"
    if shape.kind == "mixed":
        if shape.separator != style.foreign_decimal:
            return None
        return f"is written in {foreign_style}"
    if shape.kind == "grouped":
        if shape.separator != style.decimal or _looks_like_address(shape.integer):
            return None
        return f"groups thousands with {_GROUP_NAMES[shape.separator]}s ({foreign_style})"
    words = _following_words(prose, end)
    if shape.kind == "decimal":
        if shape.separator != style.foreign_decimal:
            return None
        if not (_is_percent(words, style) or _is_magnitude(words, style)
                or (words and words[0] in style.units) or _is_money(prose, start, words,
                                                                      style, shape)):
            return None
        return f"has a {_DECIMAL_NAMES[shape.separator]} ({foreign_style})"
    if shape.separator != style.decimal or not _counts_thousands(prose, style, shape, start,
                                                                 end, words):
        return None
    return f"groups thousands with a {_GROUP_NAMES[shape.separator]} ({foreign_style})"


def _counts_thousands(prose: str, style: NumberStyle, shape: _Shape, start: int, end: int,
                      words: tuple[str, ...]) -> bool:
    """Tell whether ``12.000`` (one separator, three digits) counts thousands of something.

    It is a decimal with three places as often as not — 4.375%, 43.305 per dollar, 42.195
    km — so only a count of people or things, or a round sum of money, reads as thousands.
    """
    if shape.integer.startswith("0") or _is_percent(words, style) \
            or _is_magnitude(words, style):
        return False
    range_end = _RANGE.match(prose, end)
    if range_end is not None:
        words = _following_words(prose, range_end.end())
    noun = _counted_noun(words, style)
    if noun is not None:
        rest = words[noun + 1:]
        # 2.375 children per woman is a rate, which may well have three decimals.
        return not (rest and rest[0] in style.rates) or shape.fraction == "000" \
            or len(shape.integer) >= 2
    return shape.fraction == "000" and _names_money(prose, start, words, style)


def _counted_noun(words: tuple[str, ...], style: NumberStyle) -> int | None:
    """The index of the counted noun among the next words (one adjective may come first)."""
    if words and words[0] in style.counted:
        return 0
    if len(words) > 1 and words[1] in style.counted and words[0] not in style.magnitudes:
        return 1
    return None


def _following_words(prose: str, end: int) -> tuple[str, ...]:
    match = _FOLLOWING.match(prose, end)
    if match is None:
        return ()
    return tuple(word.lower().rstrip(".") for word in match.groups() if word)


def _is_percent(words: tuple[str, ...], style: NumberStyle) -> bool:
    if words[:1] == ("%",):
        return True
    return any(words[:len(phrase)] == phrase for phrase in style.percent)


def _is_magnitude(words: tuple[str, ...], style: NumberStyle) -> bool:
    return bool(words) and words[0] in style.magnitudes


def _is_money(prose: str, start: int, words: tuple[str, ...], style: NumberStyle,
              shape: _Shape) -> bool:
    """A sum with cents: $110,00 is more likely $110,000 with a digit lost, so not that."""
    return shape.fraction != "00" and _names_money(prose, start, words, style)


def _names_money(prose: str, start: int, words: tuple[str, ...], style: NumberStyle) -> bool:
    """Tell whether a currency sign stands before the number or a currency name after it."""
    sign = prose[start - 1:start]
    return (sign != "" and sign in _CURRENCY_SIGNS) or (bool(words)
                                                          and words[0] in style.currencies)


def _looks_like_address(grouped: str) -> bool:
    """Four groups of at most 255, such as 192.168.100.200, are an IP address."""
    parts = grouped.split(".")
    return len(parts) == 4 and all(int(part) <= 255 for part in parts)


def _native(shape: _Shape, style: NumberStyle) -> str:
    if shape.kind == "decimal":
        return f"{shape.integer}{style.decimal}{shape.fraction}"
    if shape.kind == "ambiguous":
        return f"{shape.integer}{style.group}{shape.fraction}"
    if shape.kind == "grouped":
        return shape.integer.replace(style.decimal, style.group)
    return f"{shape.integer.replace(style.decimal, style.group)}{style.decimal}{shape.fraction}"


def _writes_natively(prose: str, style: NumberStyle) -> bool:
    """Tell whether the document also writes numbers in its language's own convention."""
    for match in _ANY_SEPARATED_NUMBER.finditer(prose):
        shape = _shape(match.group())
        if shape is None:
            continue
        if shape.kind in ("decimal", "mixed") and shape.separator == style.decimal:
            return True
        if shape.kind == "grouped" and shape.separator == style.group:
            return True
        if shape.kind == "ambiguous" and shape.separator == style.group \
                and shape.fraction == "000":
            return True
    return False
