"""Framed JSON-LD (persons.jsonld, works.jsonld) on the real build of the bundled text.

An independent processor (pyld) reads every framed file back as RDF: every triple must be
in the graph, and the triples must cover what the file promises. The frame documents in
ontology/frames/ must give pyld the same triples, so that they describe the files honestly.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyld import jsonld as pyld

from kgbuild.framing import framed_documents, framed_from_nodes
from kgbuild.pipeline import BuildResult
from kgbuild.resources import context_path, frames_dir

KGO = "https://w3id.org/kgbuild/ontology#"
OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
FRAMES = frames_dir()
FILES = ["persons.jsonld", "works.jsonld"]
ADDED_TERMS = {"value", "quotations", "citations", "editionCitations", "stancesTaken", "stancesOn"}

Triples = set[ox.Triple]


def kgo(name: str) -> ox.NamedNode:
    return ox.NamedNode(KGO + name)


def oa(name: str) -> ox.NamedNode:
    return ox.NamedNode(OA + name)


def no_fetching(url: str, options: object = None) -> object:
    raise AssertionError(f"a JSON-LD processor had to fetch {url}: the file is not standalone")


def rdf_of(document: object) -> Triples:
    """The triples pyld reads from a JSON-LD document, without fetching anything."""
    nquads = pyld.to_rdf(document, {"format": "application/n-quads", "documentLoader": no_fetching})
    return set(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))


@pytest.fixture(scope="session")
def compacted(out_dir: Path) -> dict[str, object]:
    return json.loads((out_dir / "graph.jsonld").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def framed(compacted: dict[str, object]) -> dict[str, str]:
    return framed_documents(compacted)


@pytest.fixture(scope="session")
def documents(framed: dict[str, str]) -> dict[str, dict[str, object]]:
    return {name: json.loads(text) for name, text in framed.items()}


@pytest.fixture(scope="session")
def triples(out_dir: Path) -> Triples:
    """The graph as published, term for term (canonical N-Triples)."""
    return set(ox.parse(path=str(out_dir / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))


@pytest.fixture(scope="session")
def framed_triples(documents: dict[str, dict[str, object]]) -> dict[str, Triples]:
    return {name: rdf_of(document) for name, document in documents.items()}


def objects(triples: Triples, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[ox.Term]:
    return [t.object for t in triples if t.subject == subject and t.predicate == predicate]


def instances(triples: Triples, cls: str) -> set[ox.NamedNode]:
    return {t.subject for t in triples if t.predicate == RDF_TYPE and t.object == kgo(cls)}


def about(triples: Triples, subjects: set[ox.Term], *predicates: ox.NamedNode) -> Triples:
    """The graph's triples on ``subjects`` with one of ``predicates``."""
    return {t for t in triples if t.subject in subjects and t.predicate in predicates}


def evidence_triples(triples: Triples, records: set[ox.Term]) -> Triples:
    """Where the text states ``records``: annotation, target, source, selectors."""
    annotations = {t.object for t in about(triples, records, kgo("evidence"))}
    targets = {t.object for t in about(triples, annotations, oa("hasTarget"))}
    selectors = {t.object for t in about(triples, targets, oa("hasSelector"))}
    return (
        about(triples, records, kgo("evidence"))
        | about(triples, annotations, oa("hasTarget"), kgo("line"), kgo("inSection"))
        | about(triples, targets, oa("hasSource"), oa("hasSelector"))
        | about(triples, selectors, oa("start"), oa("end"), oa("exact"))
        | about(triples, annotations | targets | selectors, RDF_TYPE)
    )


def shipped_frame(name: str) -> dict[str, object]:
    """A frame document of ontology/frames/ ("persons.frame.jsonld")."""
    return json.loads((FRAMES / name).read_text(encoding="utf-8"))


def node(document: dict[str, object], label: str) -> dict[str, object]:
    found = [n for n in document["@graph"] if n.get("label") == label]
    assert len(found) == 1, label
    return found[0]


def as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def walk(value: object) -> Iterator[tuple[str, object]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


# --- the files are JSON-LD whose every triple is in the graph -----------------------


def test_the_framed_files_are_persons_and_works(framed: dict[str, str]) -> None:
    assert sorted(framed) == FILES


@pytest.mark.parametrize("name", FILES)
def test_every_triple_a_json_ld_processor_reads_is_in_the_graph(
    name: str, framed_triples: dict[str, Triples], triples: Triples
) -> None:
    read = framed_triples[name]
    assert len(read) > 1000, name
    assert read <= triples, sorted(map(str, read - triples))[:5]


@pytest.mark.parametrize("name", FILES)
def test_each_file_embeds_the_shipped_context_cut_down_to_what_it_uses(
    name: str, documents: dict[str, dict[str, object]]
) -> None:
    shipped = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    context = documents[name]["@context"]
    assert isinstance(context, dict)
    for term, definition in context.items():
        if term not in ADDED_TERMS:
            assert shipped[term] == definition, term
    graph = documents[name]["@graph"]
    used = {key for key, _ in walk(graph)}
    used |= {t for key, value in walk(graph) if key == "type" for t in as_list(value)}
    terms = {
        t
        for t, d in context.items()
        if not t.startswith("@") and not (isinstance(d, str) and d.endswith(("/", "#")))
    }
    assert terms == used & (set(shipped) | ADDED_TERMS), "every term used, no other"
    assert "Congress" not in context
    assert ("polarity" in context) == (name == "persons.jsonld")  # a person's stances


@pytest.mark.parametrize("name", FILES)
def test_nodes_are_plain_json_for_a_web_developer(
    name: str, documents: dict[str, dict[str, object]]
) -> None:
    graph = documents[name]["@graph"]
    keys = {key for key, _ in walk(graph)}
    assert not {key for key in keys if key.startswith("@")}, "keywords are aliased"
    ids = [n["id"] for n in graph]
    assert ids == sorted(ids)
    for entry in graph:
        assert list(entry)[:3] == ["id", "type", "label"]
    for key, value in walk(graph):
        if key in ("volume", "line", "start", "end", "endnote"):
            assert isinstance(value, int), (key, value)
        if key in ("emphasisAdded", "ibid"):
            assert isinstance(value, bool), (key, value)
        if key == "sameAs":
            assert all(v.startswith("http://www.wikidata.org/entity/") for v in as_list(value))


def test_two_calls_and_any_node_order_give_the_same_text(
    compacted: dict[str, object], framed: dict[str, str]
) -> None:
    assert framed_documents(compacted) == framed
    shuffled = {**compacted, "@graph": list(reversed(compacted["@graph"]))}
    assert framed_documents(shuffled) == framed


# --- coverage: the files hold what they promise -------------------------------------


def test_every_person_is_there_with_label_aliases_and_wikidata_link(
    triples: Triples, framed_triples: dict[str, Triples], documents: dict[str, dict[str, object]]
) -> None:
    persons = instances(triples, "Person")
    assert {n["id"] for n in documents["persons.jsonld"]["@graph"]} == {p.value for p in persons}
    owl_same_as = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
    skos_alt = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    expected = about(triples, persons, RDF_TYPE, LABEL, skos_alt, owl_same_as)
    assert expected <= framed_triples["persons.jsonld"]
    # each mention of a name stays in graph.jsonld: a collected-works edition names Lenin
    # tens of thousands of times, more than a web page wants nested under him
    assert not about(framed_triples["persons.jsonld"], persons, kgo("evidence"))


def test_every_quotation_with_a_speaker_is_under_the_speaker_with_citation_and_evidence(
    triples: Triples, framed_triples: dict[str, Triples], documents: dict[str, dict[str, object]]
) -> None:
    spoken = {t for t in triples if t.predicate == kgo("spokenBy")}
    quotations = {t.subject for t in spoken}
    assert len(quotations) > 100
    citations = {t.object for t in about(triples, quotations, kgo("hasCitation"))}
    cited = {t.object for t in about(triples, citations, kgo("cites"), kgo("citesEdition"))}
    cited |= {t.object for t in about(triples, quotations, kgo("quotedFrom"))}
    expected = (
        spoken
        | about(
            triples,
            quotations,
            RDF_TYPE,
            kgo("quotedText"),
            kgo("quotedFrom"),
            kgo("hasCitation"),
            kgo("emphasisAdded"),
            kgo("endnote"),
            kgo("quotedIn"),
        )
        | about(
            triples,
            citations,
            RDF_TYPE,
            kgo("rawCitation"),
            kgo("volume"),
            kgo("pages"),
            kgo("ibid"),
            kgo("cites"),
            kgo("citesEdition"),
        )
        | about(triples, cited, RDF_TYPE, LABEL)
        | evidence_triples(triples, quotations | citations)
    )
    assert expected <= framed_triples["persons.jsonld"]
    # and nested where a web developer looks: under the speaker, the citation inside
    by_person = {p["id"]: p for p in documents["persons.jsonld"]["@graph"]}
    for triple in spoken:
        nested = {q["id"]: q for q in by_person[triple.object.value].get("quotations", [])}
        quotation = nested[triple.subject.value]
        citations = [c.value for c in objects(triples, triple.subject, kgo("hasCitation"))]
        nested_citation = quotation.get("hasCitation")
        assert ([nested_citation["id"]] if nested_citation else []) == citations


def test_every_stance_is_under_its_holder_and_its_target(
    triples: Triples, documents: dict[str, dict[str, object]]
) -> None:
    """A person's page shows the stances they take and the stances taken on them, each
    with its polarity and thesis."""
    by_person = {p["id"]: p for p in documents["persons.jsonld"]["@graph"]}
    claims = {t.subject for t in triples if t.predicate == kgo("polarity")}
    assert claims
    for claim in claims:
        for predicate, key in ((kgo("assertedBy"), "stancesTaken"), (kgo("about"), "stancesOn")):
            for person in objects(triples, claim, predicate):
                if person.value not in by_person:
                    continue  # an unnamed group judged
                nested = {s["id"]: s for s in as_list(by_person[person.value].get(key, []))}
                stance = nested[claim.value]
                assert stance["polarity"] in {"endorses", "rejects"}
                thesis = [t.value for t in objects(triples, claim, kgo("thesis"))]
                assert ([stance["thesis"]] if "thesis" in stance else []) == thesis


def test_every_work_is_there_with_author_date_genre_and_the_citations_that_cite_it(
    triples: Triples, framed_triples: dict[str, Triples], documents: dict[str, dict[str, object]]
) -> None:
    works = instances(triples, "Work")
    assert {n["id"] for n in documents["works.jsonld"]["@graph"]} == {w.value for w in works}
    author = ox.NamedNode("http://schema.org/author")
    created = ox.NamedNode("http://purl.org/dc/terms/created")
    authors = {t.object for t in about(triples, works, author)}
    citing = {
        t
        for t in triples
        if t.predicate in (kgo("cites"), kgo("citesEdition")) and t.object in works
    }
    citations = {t.subject for t in citing}
    assert len(citations) > 60
    expected = (
        about(triples, works, RDF_TYPE, LABEL, author, created, kgo("genre"))
        | about(triples, authors, RDF_TYPE, LABEL)
        | citing
        | about(triples, citations, kgo("rawCitation"), kgo("volume"), kgo("pages"))
        | evidence_triples(triples, citations)
    )
    assert expected <= framed_triples["works.jsonld"]
    assert not about(framed_triples["works.jsonld"], works, kgo("evidence"))
    assert len(about(triples, works, author)) >= 19 and len(about(triples, works, created)) >= 17


# --- real facts of the bundled text -------------------------------------------------


def test_lenin_quoted_from_on_co_operation_with_volume_pages_and_the_span(
    documents: dict[str, dict[str, object]], built: BuildResult
) -> None:
    lenin = node(documents["persons.jsonld"], "Vladimir Lenin")
    assert lenin["type"] == "Person"
    assert lenin["sameAs"] == "http://www.wikidata.org/entity/Q1394"
    assert "Lenin" in lenin["altLabel"] and "Lenin’s" not in lenin["altLabel"]
    assert len(lenin["quotations"]) > 20
    from_co_operation = [
        q for q in lenin["quotations"] if q.get("quotedFrom", {}).get("label") == "On Co-operation"
    ]
    found = {(q["hasCitation"]["volume"], q["hasCitation"]["pages"]) for q in from_co_operation}
    assert {(26, "337"), (27, "396")} <= found
    quotation = next(q for q in from_co_operation if q["hasCitation"]["volume"] == 26)
    assert quotation["quotedFrom"] == {
        "id": "https://w3id.org/kgbuild/id/work/on-co-operation",
        "type": "Work",
        "label": "On Co-operation",
    }
    assert quotation["quotedText"].startswith("The transition from concessions to socialism")
    citation = quotation["hasCitation"]
    assert citation["rawCitation"] == "see Vol. XXVI, p. 337"
    assert citation["citesEdition"]["label"] == "Collected Works of V. I. Lenin"
    raw = built.documents[0].raw
    for record in (quotation, citation):
        (evidence,) = record["evidence"]
        target = evidence["hasTarget"]
        assert target["hasSource"] == (
            "https://w3id.org/kgbuild/id/dataset/concerning-questions-of-leninism"
            "/document/concerning-questions-of-leninism"
        )
        position, quote = target["hasSelector"]
        assert position["type"] == "TextPositionSelector" and quote["type"] == "TextQuoteSelector"
        assert raw[position["start"] : position["end"]] == quote["exact"]
        assert raw.count("\n", 0, position["start"]) + 1 == evidence["line"]
    assert citation["evidence"][0]["hasTarget"]["hasSelector"][1]["exact"] == (
        "see Vol. XXVI, p. 337"
    )


def test_quotations_come_in_reading_order(
    documents: dict[str, dict[str, object]],
) -> None:
    lenin = node(documents["persons.jsonld"], "Vladimir Lenin")
    firsts = [q["evidence"][0]["hasTarget"]["hasSelector"][0]["start"] for q in lenin["quotations"]]
    assert firsts == sorted(firsts)


def test_on_co_operation_has_its_author_date_and_genre(
    documents: dict[str, dict[str, object]],
) -> None:
    work = node(documents["works.jsonld"], "On Co-operation")
    assert work["author"] == {
        "id": "https://w3id.org/kgbuild/id/person/vladimir-lenin",
        "type": "Person",
        "label": "Vladimir Lenin",
        "sameAs": "http://www.wikidata.org/entity/Q1394",
    }
    assert work["created"] == {"value": "1923", "type": "xsd:gYear"}
    assert work["genre"] == "pamphlet"


def test_the_collected_works_carry_the_volume_references_into_them(
    documents: dict[str, dict[str, object]],
) -> None:
    edition = node(documents["works.jsonld"], "Collected Works of V. I. Lenin")
    references = {(c["volume"], c["pages"]) for c in edition["editionCitations"]}
    assert len(edition["editionCitations"]) == 61
    assert {(26, "337"), (27, "396"), (21, "386")} <= references


# --- the frame documents describe the same files ------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_a_framing_processor_with_the_shipped_frame_gives_the_same_triples(
    name: str, compacted: dict[str, object], framed_triples: dict[str, Triples]
) -> None:
    frame = shipped_frame(name.replace(".jsonld", ".frame.jsonld"))
    result = pyld.frame(compacted, frame, {"documentLoader": no_fetching})
    assert rdf_of(result) == framed_triples[name]


@pytest.mark.parametrize("name", FILES)
def test_the_frames_embed_the_shipped_context_and_the_added_terms(
    name: str, documents: dict[str, dict[str, object]]
) -> None:
    context = shipped_frame(name.replace(".jsonld", ".frame.jsonld"))["@context"]
    shipped = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    assert {t: d for t, d in context.items() if t not in ADDED_TERMS} == shipped
    for term, definition in documents[name]["@context"].items():
        assert context[term] == definition, term


def test_a_link_to_a_node_without_label_stays_a_link_in_both_the_function_and_the_frame(
    compacted: dict[str, object],
) -> None:
    """A framing processor embeds only nodes that match the subframe; the frames match any
    linked node ("@id": {}), as framed_documents does, so an unlabelled work stays linked."""
    unlabelled = json.loads(json.dumps(compacted))
    for entry in unlabelled["@graph"]:
        if entry["id"].endswith("/work/on-co-operation"):
            del entry["label"]
    ours = rdf_of(json.loads(framed_documents(unlabelled)["persons.jsonld"]))
    frame = shipped_frame("persons.frame.jsonld")
    theirs = rdf_of(pyld.frame(unlabelled, frame, {"documentLoader": no_fetching}))
    quoted_from = {t for t in ours if t.predicate == kgo("quotedFrom")}
    work = ox.NamedNode("https://w3id.org/kgbuild/id/work/on-co-operation")
    assert {t.subject for t in quoted_from if t.object == work}
    assert ours == theirs


# --- the frame files are the shapes -------------------------------------------------


def frames_with(tmp_path: Path, name: str, frame: dict[str, object]) -> Path:
    """A copy of the shipped frames folder with ``frame`` written as file ``name``."""
    folder = tmp_path / "frames"
    shutil.copytree(FRAMES, folder)
    (folder / name).write_text(json.dumps(frame, indent=2), encoding="utf-8")
    return folder


def test_a_key_added_to_a_frame_file_is_added_to_the_output_and_nothing_else(
    compacted: dict[str, object], documents: dict[str, dict[str, object]], tmp_path: Path
) -> None:
    frame = shipped_frame("persons.frame.jsonld")
    frame["quotations"]["quotedFrom"]["author"] = {"@embed": "@never", "@omitDefault": True}
    frames = frames_with(tmp_path, "persons.frame.jsonld", frame)
    framed = framed_documents(compacted, frames=frames)
    assert json.loads(framed["works.jsonld"]) == documents["works.jsonld"]
    persons = json.loads(framed["persons.jsonld"])
    lenin = node(persons, "Vladimir Lenin")
    from_co_operation = next(
        q for q in lenin["quotations"] if q.get("quotedFrom", {}).get("label") == "On Co-operation"
    )
    assert from_co_operation["quotedFrom"]["author"] == lenin["id"]
    assert persons["@context"]["author"] == {"@id": "schema:author", "@type": "@id"}
    assert "schema" in persons["@context"]
    authors = [value.pop("author") for key, value in walk(persons["@graph"]) if key == "quotedFrom"]
    assert len(authors) > 10
    assert persons["@graph"] == documents["persons.jsonld"]["@graph"]
    # and a framing processor, given the edited frame, reads the same triples
    theirs = rdf_of(pyld.frame(compacted, frame, {"documentLoader": no_fetching}))
    assert theirs == rdf_of(json.loads(framed["persons.jsonld"]))


def test_a_new_frame_file_gives_a_document_named_after_it(
    compacted: dict[str, object], triples: Triples, tmp_path: Path
) -> None:
    frame = {
        "@context": shipped_frame("persons.frame.jsonld")["@context"],
        "@type": "Organization",
        "@explicit": True,
        "label": {"@omitDefault": True},
    }
    frames = frames_with(tmp_path, "organizations.frame.jsonld", frame)
    framed = framed_documents(compacted, frames=frames)
    assert sorted(framed) == ["organizations.jsonld", *FILES]
    document = json.loads(framed["organizations.jsonld"])
    organizations = instances(triples, "Organization")
    assert len(organizations) > 10
    assert {n["id"] for n in document["@graph"]} == {o.value for o in organizations}
    assert all(list(n) == ["id", "type", "label"] for n in document["@graph"])
    assert rdf_of(document) == about(triples, organizations, RDF_TYPE, LABEL)


def test_framing_from_nodes_reads_only_what_the_frames_reach(out_dir: Path) -> None:
    """The build frames from the units' nodes without holding them all: the same files as
    framing the whole graph, in a couple of passes over the nodes, which may come in any
    order and in parts (the units each describe part of a shared entity)."""

    compacted = json.loads((out_dir / "graph.jsonld").read_text(encoding="utf-8"))
    nodes = []
    for node in compacted["@graph"]:
        keys = [key for key in node if key not in ("id", "type")]
        for part in (keys[::2], keys[1::2]) if len(keys) > 2 else (keys,):
            head = {k: node[k] for k in ("id", "type") if k in node}  # a part names the type
            text = json.dumps(head | {k: node[k] for k in part}, ensure_ascii=False)
            nodes.append((node["id"], text))
    assert len(nodes) > len(compacted["@graph"])
    random.Random(5).shuffle(nodes)
    passes = []

    def read_nodes() -> Iterator[tuple[str, str]]:
        passes.append(1)
        return iter(nodes)

    context = {"@context": compacted["@context"]}
    assert framed_from_nodes(read_nodes, context) == framed_documents(compacted)
    assert len(passes) <= 3
