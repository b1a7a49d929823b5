"""Rendering: every page of the site from the page records of ``views``, with the Jinja2
templates and static files shipped in ``kgbuild/site/templates`` and ``static``."""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import jinja2
from markupsafe import Markup

from kgbuild.extract.quotations import PARAGRAPH_BREAK
from kgbuild.site import svg
from kgbuild.site.labels import COUNTED_RECORDS, KIND_ORDER, KIND_TITLES, LANES, RECORD_MARKS
from kgbuild.site.links import RDF_FILES, RDF_NAMES
from kgbuild.site.markup import chapter_span, marked_text, spans_for
from kgbuild.site.model import DCTERMS, SCHEMA, Document, Entity, Graph
from kgbuild.site.rdf import description, embeddable, serializations
from kgbuild.site.views import LIMIT, Site

HERE = Path(__file__).parent
NETWORK_SIZE = 40  # persons drawn in the network

Write = Callable[[str, bytes], None]


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True, trim_blocks=False, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)


class Renderer:
    """Writes the pages of one site through ``write`` (path under the root, bytes)."""

    def __init__(self, site: Site, write: Write, title: str, source: str,
                 root: Path | None = None) -> None:
        self.site = site
        self.write = write
        self.root = root or Path()  # the folder ``write`` writes under
        self.env = environment()
        self.common = {"site_title": title, "source": source}

    def page(self, at: str, template: str, **context: object) -> None:
        """Render a template into the page of folder ``at`` ("" for the root)."""
        root = "../" * (at.count("/") + 1) if at else ""
        context = {"root": root, "alternates": [], "jsonld": None, **self.common, **context}
        html = self.env.get_template(template).render(context)
        self.write(f"{at}/index.html" if at else "index.html", html.encode("utf-8"))

    def data(self, path: str, iris: list[str], mentions: list) -> dict[str, object]:
        """The RDF files beside a page; what the page announces and embeds."""
        files = serializations(description(self.site.triples, iris, mentions))
        for extension, content in files.items():
            self.write(f"{path}.{extension}", content)
        name = path.rsplit("/", 1)[-1]
        return {
            "alternates": [{"type": RDF_FILES[e], "href": f"../{name}.{e}", "name": RDF_NAMES[e]}
                           for e in RDF_FILES],
            "jsonld": Markup(embeddable(files["jsonld"])),
        }

    # --- the pages -----------------------------------------------------------------

    def entity(self, entity: Entity) -> None:
        path = self.site.links.path(entity.iri)
        if path is None:
            return
        view = self.site.entity(entity)
        data = self.data(path, [entity.iri], entity.mentions[:LIMIT])
        self.page(path, "entity.html", title=entity.label, **view, **data)
        if view["per_document"]:
            for document in self.site.documents_of(entity):
                sub = self.site.entity(entity, document)
                self.page(sub["here"], "entity.html",  # type: ignore[arg-type]
                          title=f"{entity.label} in {sub['document_label']}", **sub)

    def document(self, document: Document) -> None:
        path = self.site.links.path(document.iri)
        if path is None:
            return
        graph = self.site.graph
        text = self.site.texts[document.iri]

        def kind_of(body: str) -> str | None:
            if body in graph.entities:
                return graph.entities[body].kind
            record = graph.records.get(body)
            return RECORD_MARKS.get(record.type) if record else None

        spans = spans_for(document.mentions, kind_of,
                          lambda iri: self.site.links.href(path, iri))
        starts = text.chapter_starts()
        for mention in document.mentions:  # a chapter the text's headings did not give
            section = next((s for s in document.sections if s.iri == mention.section), None)
            if section is not None:
                starts.setdefault(section.position, mention.start)
        for section in document.sections:  # the chapter's first line, a link target
            if section.position in starts:
                start = starts[section.position]
                end = text.raw.find("\n", start)
                spans.append(chapter_span(section.position, start,
                                          end if end > start else len(text.raw)))
        data = self.data(path, [document.iri] + [s.iri for s in document.sections], [])
        self.page(path, "document.html", title=document.label,
                  fact_rows=self.site.facts(path, document.node), sections=document.sections,
                  text=Markup(marked_text(text.raw, spans)), **data)

    def listings(self) -> None:
        graph, links = self.site.graph, self.site.links
        for kind in KIND_ORDER:
            rows = [{"label": e.label, "href": links.href(kind, e.iri),
                     "note": f"{e.type}, {len(e.mentions)} mentions"}
                    for e in sorted(graph.entities.values(), key=lambda e: (e.label, e.iri))
                    if e.kind == kind and links.path(e.iri)]
            self.page(kind, "listing.html", title=KIND_TITLES[kind], rows=rows)
        rows = [{"label": d.label, "href": links.href("document", d.iri),
                 "note": ", ".join(d.node.get(f"{DCTERMS}created", []))}
                for d in sorted(graph.documents.values(), key=lambda d: (d.label, d.iri))]
        self.page("document", "listing.html", title="Documents", rows=rows)

    def index(self, description_text: str) -> None:
        graph, links = self.site.graph, self.site.links
        kinds = Counter(e.kind for e in graph.entities.values())
        records = Counter(r.type for r in graph.records.values())
        counts = [{"name": KIND_TITLES[k], "count": kinds[k], "href": f"{k}/"}
                  for k in KIND_ORDER]
        counts.append({"name": "Documents", "count": len(graph.documents), "href": "document/"})
        for name, key in COUNTED_RECORDS:
            counts.append({"name": name, "count": records[key], "href": None})
        self.page("", "index.html", title="Index", counts=counts,
                  description=description_text)
        entries = sorted(
            [e.label, "\n".join(e.aliases), e.type, links.href("", e.iri)]
            for e in graph.entities.values() if links.path(e.iri))
        self.write("search.json", json.dumps(entries, ensure_ascii=False).encode("utf-8"))

    def timeline(self) -> None:
        graph, links, here = self.site.graph, self.site.links, "timeline"
        events = []
        for record in graph.by_type("DatedClaim"):
            date = record.one("date") or record.one("edtf")
            if date and record.evidence:
                evidence = record.evidence[0]
                events.append(svg.Event("claim", date, record.one("statement") or "",
                                        links.href(here, evidence.document, evidence.anchor)))
        lanes = {lane for lane, _ in LANES}  # an entity kind with a lane of its own
        for entity in graph.entities.values():
            if entity.kind not in lanes:
                continue
            for date in entity.node.get(f"{DCTERMS}created", []) + entity.node.get(
                    f"{SCHEMA}startDate", []):
                events.append(svg.Event(entity.kind, date, entity.label,
                                        links.href(here, entity.iri)))
        events.sort(key=lambda e: (e.date, e.lane, e.label, e.href))
        by_year: dict[str, list[svg.Event]] = {}
        for event in events:
            by_year.setdefault(event.date[:4], []).append(event)
        groups = [{"heading": year, "count": len(items),
                   "items": [{"date": e.date, "label": f"{e.label} ({e.lane})", "href": e.href}
                             for e in items[:LIMIT]]}
                  for year, items in sorted(by_year.items())]
        self.page(here, "chart.html", title="Timeline", svg=Markup(svg.timeline(events)),
                  description="Dated claims, works and meetings on one axis of years; each "
                  "mark links to its evidence (a claim to its sentence in the document, a work "
                  "or meeting to its page).", groups=groups)

    def network(self) -> None:
        graph, links, here = self.site.graph, self.site.links, "network"
        together: Counter[tuple[str, str]] = Counter()
        for iri, document in graph.documents.items():
            raw = self.site.texts[iri].raw
            breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(raw)]
            paragraphs: dict[int, set[str]] = {}
            for mention in document.mentions:
                entity = graph.entities.get(mention.body)
                if entity is not None and entity.kind == "person":
                    paragraphs.setdefault(bisect.bisect(breaks, mention.start), set()).add(
                        entity.iri)
            for persons in paragraphs.values():
                together.update(combinations(sorted(persons), 2))
        quotes: Counter[tuple[str, str]] = Counter()
        for record in graph.by_type("Quotation"):
            speaker, document = record.one("spokenBy"), record.one("quotedIn")
            author = graph.documents[document].node.get(f"{SCHEMA}author", [None])[0] if (
                document in graph.documents) else None
            if speaker and author and speaker != author:
                quotes[(author, speaker)] += 1
        degree: Counter[str] = Counter()
        for (a, b), count in (together + quotes).items():
            degree[a] += count
            degree[b] += count
        chosen = sorted((iri for iri in degree if iri in graph.entities),
                        key=lambda iri: (-degree[iri], iri))[:NETWORK_SIZE]
        persons = [svg.Person(i, graph.entities[i].label, links.href(here, i),
                              len(graph.entities[i].mentions)) for i in chosen]

        def pairs(counter: Counter[tuple[str, str]], word: str) -> list[dict[str, object]]:
            return [{"date": None, "href": links.href(here, a),
                     "label": f"{self.site.label(a)} {word} {self.site.label(b)} ({n})"}
                    for (a, b), n in sorted(counter.items(), key=lambda p: (-p[1], p[0]))
                    [:LIMIT]]

        groups = [{"heading": "Named together in a paragraph", "count": len(together),
                   "items": pairs(together, "and")},
                  {"heading": "Who quotes whom", "count": len(quotes),
                   "items": pairs(quotes, "quotes")}]
        drawing = Markup(svg.network(persons, together, quotes))
        self.page(here, "chart.html", title="Network", svg=drawing,
                  description=f"The {len(persons)} most connected persons: a line joins two "
                  "named in one paragraph (wider, more often); a dashed arrow goes from a "
                  "document's author to whom they quote.", groups=groups)

    def static(self) -> None:
        for file in sorted((HERE / "static").iterdir()):
            if file.is_file():
                self.write(f"static/{file.name}", file.read_bytes())


def wanted_subjects(graph: Graph) -> set[str]:
    """The subjects whose exact triples the RDF files need."""
    wanted = set(graph.entities) | set(graph.documents)
    for document in graph.documents.values():
        wanted.update(s.iri for s in document.sections)
    for entity in graph.entities.values():
        wanted.update(m.annotation for m in entity.mentions[:LIMIT])
    return wanted


