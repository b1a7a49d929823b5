"""The statistical recognizer with a real spaCy pipeline, and the build without one.

The pipeline here is spaCy's own blank English one with an entity ruler, written to a
folder and loaded as a model would be (KGBUILD_NER_MODEL); no model is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import recognize, statistical
from kgbuild.reference import ReferenceData

spacy = pytest.importorskip("spacy")

META = DocumentMeta("sample", "Sample", None, None, "en", "sample.txt")
TEXT = "At Halle the Spartakusbund met, and Heinz Neumann was elected to its Left."


@pytest.fixture
def ruler_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Heinz Neumann"},
        {"label": "ORG", "pattern": "Spartakusbund"},
        {"label": "GPE", "pattern": "Halle"},
    ])
    nlp.to_disk(tmp_path / "model")
    monkeypatch.setenv("KGBUILD_NER_MODEL", str(tmp_path / "model"))
    statistical.pipeline.cache_clear()
    yield tmp_path / "model"
    statistical.pipeline.cache_clear()


def decisions(kind: str) -> dict[str, tuple[bool, tuple[str, ...]]]:
    doc = make_document(TEXT, META)
    return {
        doc.span(d.start, d.end).text: (d.accepted, d.sources)
        for d in recognize(doc, ReferenceData()).decisions
        if d.kind == kind
    }


def test_a_full_name_from_the_model_is_accepted_a_lone_organization_is_not(ruler_model: Path
                                                                            ) -> None:
    assert statistical.model_name() is not None
    persons = decisions("person")
    assert persons["Heinz Neumann"][0]
    assert any(s.startswith("statistical.PERSON") for s in persons["Heinz Neumann"][1])
    accepted, sources = decisions("organization")["Spartakusbund"]
    assert not accepted and sources == ("statistical.ORG 0.30",)
    assert "Halle" not in decisions("organization")  # other labels are not proposed


def test_off_or_not_installed_means_no_statistical_candidates(
    ruler_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KGBUILD_NER", "off")
    statistical.pipeline.cache_clear()
    assert statistical.model_name() is None
    assert "Heinz Neumann" not in decisions("person")  # "Heinz" is not in the given names
    monkeypatch.setenv("KGBUILD_NER", "on")
    monkeypatch.setenv("KGBUILD_NER_MODEL", "no_such_pipeline_installed")
    statistical.pipeline.cache_clear()
    assert statistical.pipeline() is None and "Heinz Neumann" not in decisions("person")
