"""The timeline and the network drawn as SVG from the data, in Python: no charting
library, no script, the same drawing for the same graph (layouts are computed, never
random), so a page can be diffed and read without JavaScript."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from html import escape

from kgbuild.site.labels import LANES

DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
PER_BIN = 12  # markers drawn per lane and year before "+n"


@dataclass(frozen=True, order=True)
class Event:
    """A dated item of the timeline: lane ("claim", "work", "meeting"), date as the graph
    gives it (xsd:date, gYearMonth, gYear or EDTF), label, and the link to its evidence."""

    lane: str
    date: str
    label: str
    href: str


def year_of(date: str) -> float | None:
    """A date as a fractional year (1925-12 → 1925.92), None when it has no year."""
    match = DATE.match(date)
    if not match:
        return None
    year, month, day = match.groups()
    return int(year) + ((int(month) - 1) / 12 if month else 0) + (
        (int(day) - 1) / 365 if day else 0)


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _link(href: str, label: str, shape: str) -> str:
    text = escape(label if len(label) <= 160 else label[:159] + "…")
    return (f'<a href="{escape(href)}" aria-label="{text}">'
            f"<title>{text}</title>{shape}</a>")


def timeline(events: list[Event], width: int = 1100) -> str:
    """Dated claims, works and meetings on one axis of years, one lane each; each marker a
    link to its evidence, at most PER_BIN a lane and year (the rest counted)."""
    dated = sorted((year_of(e.date), e) for e in events if year_of(e.date) is not None)
    if not dated:
        return ""
    first = math.floor(dated[0][0] / 5) * 5  # type: ignore[operator]
    last = math.floor(dated[-1][0] / 5) * 5 + 5  # type: ignore[operator]
    left, right, lane_height, top = 130, 40, 90, 30
    height = top + lane_height * len(LANES) + 40

    def x(year: float) -> float:
        return left + (year - first) / (last - first) * (width - left - right)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" '
             f'viewBox="0 0 {width} {height}" role="group" aria-labelledby="timeline-title">',
             '<title id="timeline-title">Timeline: dated claims, works and meetings by year'
             "</title>"]
    step = 5 if last - first <= 60 else 10
    axis_y = top + lane_height * len(LANES)
    parts.append(f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{width - right}" '
                 f'y2="{axis_y}"/>')
    for year in range(first, last + 1, step):
        parts.append(f'<line class="tick" x1="{_number(x(year))}" y1="{top}" '
                     f'x2="{_number(x(year))}" y2="{axis_y + 5}"/>'
                     f'<text class="year" x="{_number(x(year))}" y="{axis_y + 20}">{year}</text>')
    for index, (lane, title) in enumerate(LANES):
        base = top + lane_height * (index + 1) - 10
        parts.append(f'<text class="lane" x="10" y="{base - lane_height / 2 + 15}">{title}</text>')
        placed: Counter[int] = Counter()
        for year, event in dated:
            if event.lane != lane:
                continue
            column = int(year)  # type: ignore[arg-type]
            placed[column] += 1
            if placed[column] > PER_BIN:
                continue
            cy = base - (placed[column] - 1) * 6
            circle = (f'<circle class="{lane}" cx="{_number(x(year))}" cy="{_number(cy)}" '  # type: ignore[arg-type]
                      'r="4"/>')
            parts.append(_link(event.href, f"{event.date}: {event.label}", circle))
        for column, count in sorted(placed.items()):
            if count > PER_BIN:
                parts.append(f'<text class="more" x="{_number(x(column) + 6)}" '
                             f'y="{base - PER_BIN * 6}">+{count - PER_BIN}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


@dataclass(frozen=True, order=True)
class Person:
    iri: str
    label: str
    href: str
    mentions: int


def network(
    persons: list[Person],
    together: Counter[tuple[str, str]],
    quotes: Counter[tuple[str, str]],
    size: int = 900,
) -> str:
    """Persons on a circle (most connected first, clockwise), a line for each pair named
    in one paragraph (wider the more often), a dashed arrow from whoever quotes to whom."""
    if not persons:
        return ""
    centre, radius = size / 2, size / 2 - 150
    places = {}
    for index, person in enumerate(persons):
        angle = 2 * math.pi * index / len(persons) - math.pi / 2
        places[person.iri] = (centre + radius * math.cos(angle),
                              centre + radius * math.sin(angle), angle)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="network" '
             f'viewBox="0 0 {size} {size}" role="group" aria-labelledby="network-title">',
             '<title id="network-title">Network: persons named together in a paragraph, '
             "and who quotes whom</title>",
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" '
             'markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/>'
             "</marker></defs>"]
    strongest = max(together.values(), default=1)
    for (a, b), count in sorted(together.items()):
        if a in places and b in places:
            (x1, y1, _), (x2, y2, _) = places[a], places[b]
            parts.append(f'<line class="together" x1="{_number(x1)}" y1="{_number(y1)}" '
                         f'x2="{_number(x2)}" y2="{_number(y2)}" '
                         f'stroke-width="{_number(0.5 + 4 * count / strongest)}"/>')
    for (a, b), _count in sorted(quotes.items()):
        if a in places and b in places and a != b:
            (x1, y1, _), (x2, y2, _) = places[a], places[b]
            parts.append(f'<line class="quotes" x1="{_number(x1)}" y1="{_number(y1)}" '
                         f'x2="{_number(x2)}" y2="{_number(y2)}" marker-end="url(#arrow)"/>')
    biggest = max(p.mentions for p in persons) or 1
    for person in persons:
        px, py, angle = places[person.iri]
        r = 4 + 10 * math.sqrt(person.mentions / biggest)
        lx, ly = px + (r + 6) * math.cos(angle), py + (r + 6) * math.sin(angle)
        anchor = "start" if math.cos(angle) >= -1e-9 else "end"
        shape = (f'<circle class="person" cx="{_number(px)}" cy="{_number(py)}" '
                 f'r="{_number(r)}"/><text x="{_number(lx)}" y="{_number(ly + 4)}" '
                 f'text-anchor="{anchor}">{escape(person.label)}</text>')
        parts.append(_link(person.href, f"{person.label}: {person.mentions} mentions", shape))
    parts.append("</svg>")
    return "\n".join(parts)
