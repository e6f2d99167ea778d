"""The name engine: extract capitalised names, fold them to keys, index glossary forms,
find near variants and spelling clusters, romanise Cyrillic.

``extract`` (names as written), ``fold`` (case, apostrophes, transliteration keys),
``index`` (the glossary forms in one Aho–Corasick automaton), ``variants`` (names close to
an entry, and one name spelled several ways), ``translit`` (national romanisations).
"""
