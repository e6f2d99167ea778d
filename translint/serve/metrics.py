"""The server's counters in the Prometheus text format (``GET /metrics``).

Written by hand rather than with prometheus_client: four metric families are some sixty
lines, one dependency fewer in the server extra, and each app keeps its own counters
(prometheus_client's default registry is global to the process, which a test starting
several servers would share).
"""

from __future__ import annotations

import threading
from collections import Counter

# Request latency buckets, in seconds: a warm check of a story is milliseconds.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


class Metrics:
    """Requests by path and status, their latency, findings by code, reloads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[tuple[str, int]] = Counter()
        self.bucket_counts = [0] * len(BUCKETS)
        self.latency_sum = 0.0
        self.latency_count = 0
        self.findings: Counter[str] = Counter()

    def request(self, path: str, status: int, seconds: float) -> None:
        """Count one answered request."""
        with self._lock:
            self.requests[path, status] += 1
            self.latency_sum += seconds
            self.latency_count += 1
            for index, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    self.bucket_counts[index] += 1

    def found(self, codes: list[str]) -> None:
        """Count the findings reported to a client, by code."""
        with self._lock:
            self.findings.update(codes)

    def render(self, reloads: int, failed_reloads: int = 0) -> str:
        """Every metric in the text exposition format (version 0.0.4)."""
        with self._lock:
            lines = ["# HELP translint_requests_total HTTP requests answered, by path and "
                     "status.", "# TYPE translint_requests_total counter"]
            lines += [f'translint_requests_total{{path="{_label(path)}",status="{status}"}} '
                      f"{count}" for (path, status), count in sorted(self.requests.items())]
            lines += ["# HELP translint_request_seconds Time to answer a request.",
                      "# TYPE translint_request_seconds histogram"]
            lines += [f'translint_request_seconds_bucket{{le="{bound}"}} {count}'
                      for bound, count in zip(BUCKETS, self.bucket_counts, strict=True)]
            lines += [f'translint_request_seconds_bucket{{le="+Inf"}} {self.latency_count}',
                      f"translint_request_seconds_sum {self.latency_sum}",
                      f"translint_request_seconds_count {self.latency_count}",
                      "# HELP translint_findings_total Findings reported to clients, by code.",
                      "# TYPE translint_findings_total counter"]
            lines += [f'translint_findings_total{{code="{_label(code)}"}} {count}'
                      for code, count in sorted(self.findings.items())]
            lines += ["# HELP translint_reloads_total Configurations and glossaries "
                      "reloaded since the start.", "# TYPE translint_reloads_total counter",
                      f"translint_reloads_total {reloads}",
                      "# HELP translint_reload_failures_total Reloads whose files did not "
                      "load (the previous version kept serving).",
                      "# TYPE translint_reload_failures_total counter",
                      f"translint_reload_failures_total {failed_reloads}"]
        return "\n".join(lines) + "\n"
