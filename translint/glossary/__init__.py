"""Glossaries: the names translint checks, their forms per language, and their files.

The model is here; reading files is ``translint.glossary.load`` (``load_glossary``,
``load_glossaries``, ``bundled_glossary_paths``), also exported by ``translint``. The
package does not import its modules at import time, so that the name engine, built on the
model, can be imported by the loader without a cycle.
"""

from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms

__all__ = ["Entry", "Glossary", "LanguageForms", "NameForms"]
