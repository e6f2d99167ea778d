"""``translint audit``: a whole archive checked on Dask, partition by partition, into
``findings.jsonl``, ``summary.json`` and ``report.html``.

``plan`` cuts the archive into partitions, ``work`` checks one (on a worker), ``tally``
counts what it found, ``summary`` and ``report`` (with ``svg``) write the outputs, ``run``
drives the cluster. Only ``run`` imports Dask, and only when an audit runs.
"""
