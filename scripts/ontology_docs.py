"""Write docs/ontology.html, the HTML documentation of ontology/kgbuild.ttl, with pyLODE.

Run ``bash scripts/docs.sh``, or ``python scripts/ontology_docs.py [--output PATH]`` with the
``docs`` extra installed (``pip install -e '.[docs]'``). The page is reproducible byte for
byte; tests/test_ontology.py regenerates it and fails when the committed one is stale.

pyLODE (the version pinned in pyproject.toml, PYLODE_VERSION below) is used as it is, with
four adjustments, so that the page documents the kgo: terms once each and comes out the same
on every run:

- The ontology declares the external terms it specialises (``schema:Person a owl:Class``)
  for OWL tools; pyLODE would document those as if they were terms of the ontology, under
  clashing HTML ids (schema:Person, foaf:Person and kgo:Person). They are left out of the
  graph given to pyLODE; links to them remain.
- pyLODE lists the members of an ``owl:unionOf`` from a Python set of HTML elements, whose
  order changes from run to run. They are listed sorted.
- pyLODE shows nothing for a property expression such as ``[ owl:inverseOf oa:hasBody ]``
  (the superproperty of ``kgo:evidence``); it is shown as "inverse of oa:hasBody".
- pyLODE's "Functional Properties" section repeats properties already documented under
  "Object Properties" or "Datatype Properties", with the same HTML ids. The repeated entries
  get ids of their own (``quotedIn-functional``), so that every id is unique and a link to
  ``#quotedIn`` reaches the property's main entry.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kgbuild.ttl"
OUTPUT = ROOT / "docs" / "ontology.html"
ONTOLOGY_NS = "https://w3id.org/kgbuild/ontology"  # the ontology IRI and its kgo: terms
PYLODE_VERSION = "3.3.4"


def _patch_pylode() -> None:
    import pylode.profiles.ontpub as ontpub
    import pylode.utils as utils
    from dominate.tags import li, span, ul
    from rdflib import RDF, BNode, URIRef
    from rdflib.namespace import OWL

    if getattr(ontpub, "_kgbuild_patched", False):
        return
    ontpub._kgbuild_patched = True

    intersperse = utils.intersperse

    def sorted_intersperse(items, separator):
        if isinstance(items, set):
            items = sorted(items, key=str)
        return intersperse(items, separator)

    utils.intersperse = sorted_intersperse

    section_html = ontpub.section_html

    def unique_ids_section_html(title, ont, back_onts, ns, obj_class, *rest):
        *before, fids, props_labeled = rest
        if obj_class == OWL.FunctionalProperty:
            fids = {
                iri: f"{fid}-functional"
                if (URIRef(iri), RDF.type, OWL.FunctionalProperty) in ont
                else fid
                for iri, fid in fids.items()
            }
        return section_html(title, ont, back_onts, ns, obj_class, *before, fids, props_labeled)

    ontpub.section_html = unique_ids_section_html

    rdf_obj_html = utils.rdf_obj_html

    def rdf_obj_html_with_inverses(ont, back_onts, ns, obj, fids, rdf_type=None, prop=None):
        inverses = [ont.value(o, OWL.inverseOf) if isinstance(o, BNode) else None for o in obj]
        if not any(inverses):
            return rdf_obj_html(ont, back_onts, ns, obj, fids, rdf_type, prop)
        cells = [
            span(
                span("inverse of", _class="cardinality"),
                rdf_obj_html(ont, back_onts, ns, [inverse], fids, None, prop),
            )
            if inverse is not None
            else rdf_obj_html(ont, back_onts, ns, [o], fids, rdf_type, prop)
            for o, inverse in zip(obj, inverses, strict=True)
        ]
        return cells[0] if len(cells) == 1 else ul(*(li(cell) for cell in cells))

    utils.rdf_obj_html = rdf_obj_html_with_inverses


def ontology_html(ontology: Path = ONTOLOGY) -> str:
    """The HTML page documenting ``ontology``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("pylode")
    except PackageNotFoundError:
        installed = None
    if installed != PYLODE_VERSION:
        raise SystemExit(
            f"pyLODE {PYLODE_VERSION} makes the documentation, {installed or 'none'} is "
            "installed: pip install -e '.[docs]'"
        )
    import pylode
    from rdflib import Graph, URIRef

    logging.getLogger().setLevel(logging.WARNING)  # pyLODE sets the root logger to DEBUG
    _patch_pylode()
    graph = Graph(bind_namespaces="core").parse(ontology, format="turtle")
    for subject in set(graph.subjects()):
        if isinstance(subject, URIRef) and not str(subject).startswith(ONTOLOGY_NS):
            graph.remove((subject, None, None))
    return pylode.OntPub(graph).make_html().rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"default: {OUTPUT}")
    args = parser.parse_args(argv)
    args.output.write_text(ontology_html(), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
