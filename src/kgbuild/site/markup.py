"""A document's text as HTML with every evidence span marked, and the sentence a mention
stands in. Offsets are code points into the raw text, as the annotations give them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from kgbuild.extract.patterns import sentence_bounds
from kgbuild.site.model import Mention

REACH = 240  # characters looked at around a mention for its sentence
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Runs of white space as one space (kept at the ends, where the mention joins on)."""
    return _SPACE.sub(" ", text)


def sentence(raw: str | None, mention: Mention) -> tuple[str, str, str]:
    """The words before the mention in its sentence, the mention, and the words after
    (from the text, cut as the extractors cut sentences; from the annotation's prefix and
    suffix when there is no text); "…" where the sentence goes on past the reach."""
    if raw is None:
        return squash(mention.prefix).lstrip(), squash(mention.exact), squash(mention.suffix)
    begin, stop = sentence_bounds(raw, mention.start, mention.end, REACH)
    before_text = squash(raw[begin:mention.start]).lstrip()
    after_text = squash(raw[mention.end:stop]).rstrip()
    if begin == mention.start - REACH:
        before_text = "… " + before_text
    if stop == mention.end + REACH and stop < len(raw):
        after_text += " …"
    return before_text, squash(raw[mention.start:mention.end]), after_text


@dataclass(frozen=True)
class Span:
    """A stretch of text to wrap: ``open`` and ``close`` tags, or only an empty anchor
    (``anchor``) where it would cross a span already open, or put a link in a link."""

    start: int
    end: int
    open: str
    close: str
    anchor: str
    link: bool = False


def spans_for(
    mentions: list[Mention], kind_of: Callable[[str], str | None], link: Callable[[str], str]
) -> list[Span]:
    """Entity mentions as highlighted links, record evidence (quotations, citations,
    claims) as spans a link can target; ``kind_of`` says what each body is."""
    spans = []
    for mention in mentions:
        kind = kind_of(mention.body)
        if kind is None:
            continue
        anchor = f'<span class="anchor" id="{mention.anchor}"></span>'
        if kind.startswith("record-"):
            open_tag = f'<span class="{kind}" id="{mention.anchor}">'
            spans.append(Span(mention.start, mention.end, open_tag, "</span>", anchor))
        else:
            open_tag = (f'<mark class="{kind}" id="{mention.anchor}">'
                        f'<a href="{escape(link(mention.body))}">')
            spans.append(Span(mention.start, mention.end, open_tag, "</a></mark>", anchor, True))
    return spans


def chapter_span(position: int, start: int, end: int) -> Span:
    """A chapter's heading line as the target of the chapter navigation."""
    anchor = f'<span class="anchor" id="section-{position}"></span>'
    return Span(start, end, f'<span class="chapter" id="section-{position}">', "</span>",
                anchor)


def marked_text(raw: str, spans: list[Span]) -> str:
    """The raw text escaped, with ``spans`` nested as tags (a span crossing an open one, or
    a link inside a link, becomes an empty anchor at its start)."""
    pieces: list[str] = []
    position = 0
    stack: list[Span] = []

    def text_to(offset: int) -> None:
        nonlocal position
        pieces.append(escape(raw[position:offset], quote=False))
        position = max(position, offset)

    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.open)):
        while stack and stack[-1].end <= span.start:
            closing = stack.pop()
            text_to(closing.end)
            pieces.append(closing.close)
        text_to(span.start)
        if span.end <= span.start or (stack and span.end > stack[-1].end) or (
                span.link and any(open_span.link for open_span in stack)):
            pieces.append(span.anchor)
            continue
        pieces.append(span.open)
        stack.append(span)
    while stack:
        closing = stack.pop()
        text_to(closing.end)
        pieces.append(closing.close)
    text_to(len(raw))
    return "".join(pieces)
