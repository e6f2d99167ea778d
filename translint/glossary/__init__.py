"""Glossaries: the names translint checks, their forms per language, and their files."""

from translint.glossary.load import bundled_glossary_paths, load_glossaries, load_glossary
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms

__all__ = [
    "Entry",
    "Glossary",
    "LanguageForms",
    "NameForms",
    "bundled_glossary_paths",
    "load_glossaries",
    "load_glossary",
]
