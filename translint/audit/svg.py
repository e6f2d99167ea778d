"""Small charts as inline SVG, drawn when the report is built: horizontal bars and a line
over time. No script, no external file: the page shows them as they are."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

BAR_COLOUR = "#3b6ea5"
LINE_COLOUR = "#b5452b"
_FONT = 'font-family="sans-serif" font-size="12"'


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def bars(items: Sequence[tuple[str, float]], width: int = 640, label_width: int = 220,
         title: str = "") -> str:
    """One horizontal bar per (label, value), longest value the full width."""
    row = 22
    height = row * len(items) + 10
    top = max((value for _, value in items), default=0) or 1
    span = width - label_width - 70
    parts = [f'<svg width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">']
    for index, (label, value) in enumerate(items):
        y = 5 + index * row
        length = max(1.0, span * value / top)
        shown = label if len(label) <= 34 else label[:33] + "…"
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" {_FONT}>'
                     f"<title>{escape(label)}</title>{escape(shown)}</text>")
        parts.append(f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="15" '
                     f'fill="{BAR_COLOUR}"/>')
        parts.append(f'<text x="{label_width + length + 4:.1f}" y="{y + 15}" {_FONT}>'
                     f"{_number(value)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def line(points: Sequence[tuple[str, float]], width: int = 640, height: int = 220,
         title: str = "") -> str:
    """A line through (label, value) points, labels along the bottom (at most twelve shown),
    the highest value marked on the left."""
    left, right, top, bottom = 50, 15, 15, 40
    inner_w, inner_h = width - left - right, height - top - bottom
    high = max((value for _, value in points), default=0) or 1
    step = inner_w / max(1, len(points) - 1)

    def x(index: int) -> float:
        return left + (index * step if len(points) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return top + inner_h - inner_h * value / high

    parts = [f'<svg width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f'<line x1="{left}" y1="{top + inner_h}" x2="{width - right}" '
             f'y2="{top + inner_h}" stroke="#888"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + inner_h}" stroke="#888"/>',
             f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" {_FONT}>'
             f"{_number(high)}</text>",
             f'<text x="{left - 4}" y="{top + inner_h}" text-anchor="end" {_FONT}>0</text>']
    if points:
        path = " ".join(f"{x(index):.1f},{y(value):.1f}"
                        for index, (_, value) in enumerate(points))
        parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE_COLOUR}" '
                     'stroke-width="2"/>')
        every = max(1, -(-len(points) // 12))
        for index, (label, value) in enumerate(points):
            parts.append(f'<circle cx="{x(index):.1f}" cy="{y(value):.1f}" r="3" '
                         f'fill="{LINE_COLOUR}"><title>{escape(label)}: {_number(value)}'
                         "</title></circle>")
            if index % every == 0:
                parts.append(f'<text x="{x(index):.1f}" y="{height - 12}" text-anchor="middle" '
                             f"{_FONT}>{escape(label)}</text>")
    parts.append("</svg>")
    return "".join(parts)
