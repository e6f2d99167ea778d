"""Phrasing from evidence: n-grams translated copy over-uses compared with native copy
(``mine``, reported by ``render``), each pack rule's hits on native and translated copy
(``gate``, reported by ``gate_report``, recorded in the pack by ``pack_figures``), and the
corpora both read (``corpus``)."""
