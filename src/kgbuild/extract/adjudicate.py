"""Adjudication: the one step that decides between the recognizers' candidates.

1. Candidates of one kind on one span are pooled: each recognizer counts once (its best
   score there), and their support is 1 − Π(1 − score), so two independent recognizers
   agreeing count for more than either alone; two cues of one recognizer do not.
2. A "none" candidate (a month, a place) whose span covers a person or organization
   candidate (of the kind it names, or any) vetoes it when it is at least as strong as
   the candidate's support.
3. Spans with support under ``THRESHOLD`` are dropped.
4. Overlapping spans: the longer span wins ("Albert Soboul" over "Soboul", "the Moscow
   Committee" over "Moscow"), and of two equal ones the better supported. Only a meeting may hold an
   organization ("… of the Central Committee") and a work a meeting; a person or
   organization inside a work's title is a mention only when the text names it outside
   titles too: a title alone makes no entity ("Two Tactics of Social-Democracy …").
   The document's own title (``works.own-title``) is the exception: its heading names what it
   names; and a body of another organization holds that organization ("the Presidium of
   the E.C.C.I." holds "E.C.C.I.", "the TUC Parliamentary Committee" holds "TUC").
5. Follow-up recognizers read what was accepted: every other occurrence of each name
   ("repeat"), a person's surname alone for a full name, a given name printed before a
   one-word name ("Bruno Bauer" once "Bauer" is accepted), the other names of a list that
   names two known persons; then everything is decided once more.

Every decision keeps the sources that fired and the reason it was taken or refused, which
``kgbuild explain`` prints.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from kgbuild.document import Document
from kgbuild.extract.candidates import NOT_A_NAME, Candidate, Context, run_recognizers
from kgbuild.lexicon import word_set
from kgbuild.records import MeetingMention, WorkMention

THRESHOLD = 0.5
# (outer, inner): kinds of span that may stand inside another's span.
NESTING = {("meeting", "organization"), ("work", "meeting")}
OWN_TITLE = "works.own-title"
OCCURRENCES = frozenset({"works.occurrence"})  # a title marked wherever its words stand
BODY_OF = "organizations.body-of"  # holds its owner: "… of the C.P.(B.)U." ends it


@dataclass(frozen=True)
class Decision:
    """What adjudication decided for one span and kind, and why."""

    kind: str
    start: int
    end: int
    name: str
    support: float
    source: str  # the strongest recognizer's
    sources: tuple[str, ...]  # every recognizer that proposed the span, with its score
    accepted: bool
    reason: str
    record: MeetingMention | WorkMention | None = None

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Decision) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Decision) -> bool:
        return self.start <= other.start and other.end <= self.end


def _pool(candidates: Iterable[Candidate]) -> list[Decision]:
    """One provisional decision per (kind, span), with the pooled support of its sources."""
    groups: defaultdict[tuple[str, int, int], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        groups[(candidate.kind, candidate.start, candidate.end)].append(candidate)
    pooled = []
    for (kind, start, end), group in groups.items():
        best = max(group, key=lambda c: (c.score, c.record is not None))
        by_recognizer: dict[str, float] = {}
        for candidate in group:
            name = candidate.recognizer or candidate.source
            by_recognizer[name] = max(by_recognizer.get(name, 0.0), candidate.score)
        doubt = 1.0
        for score in by_recognizer.values():
            doubt *= 1.0 - score
        record = best.record or next((c.record for c in group if c.record), None)
        sources = tuple(sorted({f"{c.source} {c.score:.2f}" for c in group}))
        pooled.append(
            Decision(kind, start, end, best.name, 1.0 - doubt, best.source, sources, True, "",
                     record)
        )
    return pooled


def _refuse(decision: Decision, reason: str) -> Decision:
    return replace(decision, accepted=False, reason=reason)


Spanned = TypeVar("Spanned", Candidate, Decision)


class _Spans(Generic[Spanned]):
    """Spans indexed by where they start, to find those that may overlap a stretch
    without looking at every one (a document has thousands)."""

    def __init__(self, items: list[Spanned]) -> None:
        self.items: list[Spanned] = []
        self._starts: list[int] = []
        self._longest = 0
        for item in items:
            self.add(item)

    def add(self, item: Spanned) -> None:
        at = bisect.bisect_right(self._starts, item.start)
        self._starts.insert(at, item.start)
        self.items.insert(at, item)
        self._longest = max(self._longest, item.end - item.start)

    def near(self, start: int, end: int) -> list[Spanned]:
        """Every span that starts within the longest span's length before ``end``."""
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return self.items[low:high]


def _nests(outer: Decision, inner: Decision, named: frozenset[tuple[str, str]]) -> bool:
    if (outer.kind, inner.kind) == ("work", "meeting") and isinstance(
            inner.record, MeetingMention) and inner.record.name.endswith(".") and (
            outer.start <= inner.start and inner.end == outer.end + 1):
        return True  # a title ends before the stop of its meeting's abbreviation ("… E.C.C.I.")
    if not outer.contains(inner):
        return False
    if outer.source == OWN_TITLE:  # the document's own heading names what it names; a known
        # title's words inside it are no work it names ("The Tasks … in Our Revolution"), but
        # an edition's name is ("The Literary Legacy and Collected Works of Ilyitch")
        return not (inner.kind == "work" and inner.name not in word_set("edition_names")
                    and all(s.split()[0] in OCCURRENCES for s in inner.sources))
    if (outer.kind, inner.kind) in NESTING:
        return True
    if outer.source == BODY_OF and inner.kind == "organization":
        return inner.end == outer.end and inner.start > outer.start  # the owner, not the body
    if outer.kind == inner.kind == "organization" and inner.end == outer.end and re.search(
            rf"\sof\s+(?:the\s+)?{re.escape(inner.name)}$", outer.name):
        return True  # "Central Executive Committee of the Soviet Union" names the Union too
    if (outer.kind == inner.kind == "organization" and inner.start == outer.start
            and re.match(r"[A-Z]{2,6}(?=\s)", outer.name)
            and inner.length == len(outer.name.split()[0])):
        return True  # "the TUC Parliamentary Committee" names the TUC too
    # a name inside a title, not a title that is nothing but a name ("credit “Marxists
    # Internet Archive”" names the archive)
    longer = outer.length > inner.length
    return outer.kind == "work" and longer and (inner.kind, inner.name) in named


def _conflicts(a: Decision, b: Decision, named: frozenset[tuple[str, str]]) -> bool:
    return a.overlaps(b) and not _nests(a, b, named) and not _nests(b, a, named)


def decide(
    candidates: list[Candidate], named: frozenset[tuple[str, str]] = frozenset()
) -> list[Decision]:
    """Decide every span once (steps 1–4 of the module's description). ``named`` are the
    (kind, name) pairs accepted outside titles, which a title may mention."""
    vetoes = _Spans([c for c in candidates if c.kind == NOT_A_NAME])
    decided: list[Decision] = []
    standing: list[Decision] = []
    for decision in _pool(c for c in candidates if c.kind != NOT_A_NAME):
        veto = max(
            (
                v
                for v in vetoes.near(decision.start, decision.end)
                if decision.kind in ("person", "organization")
                and v.rules_out in ("", decision.kind)
                and v.start <= decision.start
                and decision.end <= v.end
            ),
            key=lambda v: v.score,
            default=None,
        )
        if veto is not None and veto.score >= decision.support:
            decided.append(_refuse(decision, f"vetoed: {veto.source} {veto.score:.2f}"))
        elif decision.support < THRESHOLD:
            decided.append(_refuse(decision, f"support {decision.support:.2f} < {THRESHOLD}"))
        else:
            standing.append(decision)
    kept: _Spans[Decision] = _Spans([])
    order = sorted(standing, key=lambda d: (-d.length, -d.support, d.start, d.kind))
    for decision in order:
        near = kept.near(decision.start, decision.end)
        winner = next((k for k in near if _conflicts(k, decision, named)), None)
        if winner is None:
            kept.add(replace(decision, reason="accepted"))
        else:
            decided.append(
                _refuse(decision, f"overlaps {winner.kind} {winner.name!r} ({winner.support:.2f})")
            )
    return sorted(decided + kept.items, key=lambda d: (d.start, -d.length, d.kind))


def adjudicate(context: Context) -> list[Decision]:
    """Run the recognizers and decide; run the follow-ups on what was accepted, and decide
    everything once more (names accepted outside titles may then be mentioned inside)."""
    candidates = run_recognizers(context)
    first = [d for d in decide(candidates) if d.accepted]
    named = frozenset((d.kind, d.name) for d in first)
    accepted = tuple(
        Candidate(d.kind, d.start, d.end, d.name, d.support, d.source, d.record) for d in first
    )
    proposed = {(c.kind, c.start, c.end) for c in candidates}
    follow_ups = [
        c
        for c in run_recognizers(replace(context, accepted=accepted), follow_ups=True)
        if (c.kind, c.start, c.end) not in proposed
    ]
    return decide(candidates + follow_ups, named)


def explain(doc: Document, decisions: list[Decision]) -> str:
    """One line per span: where, what, the decision and the recognizers that fired."""
    lines = []
    for d in decisions:
        span = doc.span(d.start, d.end)
        mark = "✓" if d.accepted else "✗"
        lines.append(
            f"{span.line:>5}  {mark} {d.kind:<12} {span.text!r:<40} {d.support:.2f}  "
            f"{d.reason}  ← {', '.join(d.sources)}"
        )
    return "\n".join(lines)
