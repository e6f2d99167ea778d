"""Phrasing mined from an archive: n-grams translated copy over-uses compared with native
copy (``mine``), the corpora it reads (``corpus``) and its reports (``render``)."""
