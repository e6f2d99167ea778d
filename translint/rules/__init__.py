"""The rules engine: phrasing packs and wire rules as data, compiled for matching.

``packs`` (phrasing packs and their token patterns), ``wire`` (wire boilerplate and caption
rules), ``anchored`` (the anchor index both run on), ``safety`` (nested repeats refused, time
limits); the data: ``phrasing/<source>-<target>.toml`` and ``wire.toml``.
"""
