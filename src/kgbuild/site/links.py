"""Where each resource's page is: the path of its IRI relative to the base, so that the
site's folders mirror the IRIs (``{base}person/vladimir-lenin`` →
``person/vladimir-lenin/index.html``, its RDF beside it as ``person/vladimir-lenin.ttl``)
and a w3id.org or server rewrite maps one onto the other. Links are relative, so the site
works under any host path."""

from __future__ import annotations

from dataclasses import dataclass

MARKER = ".kgbuild-site"  # in every site folder: what `kgbuild site` may replace

RDF_FILES = {  # extension → media type, for the files beside each page and `kgbuild serve`
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
RDF_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples"}  # for people


@dataclass(frozen=True)
class Links:
    base: str

    def path(self, iri: str) -> str | None:
        """The folder of an IRI's page, relative to the site's root; None outside the base."""
        if not iri.startswith(self.base) or len(iri) == len(self.base):
            return None
        rest = iri[len(self.base):]
        return rest if "#" not in rest and "?" not in rest else None

    def href(self, here: str, iri: str, anchor: str = "") -> str:
        """A link from the page in folder ``here`` ("" for the root) to an IRI's page
        (the IRI itself when it has no page here, e.g. Wikidata)."""
        target = self.path(iri)
        if target is None:
            return iri
        return self.to(here, target + "/") + (f"#{anchor}" if anchor else "")

    @staticmethod
    def to(here: str, target: str) -> str:
        """A relative link from folder ``here`` to a path under the root."""
        depth = here.count("/") + 1 if here else 0
        return "../" * depth + target if (target or depth) else "./"
