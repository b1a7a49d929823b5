"""The build cache: a rebuild takes what an earlier build made of unchanged texts (their
extraction) and of unchanged units of the graph (serialised and validated), and gives
byte for byte the output of a clean build."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kgbuild.cache
import kgbuild.pipeline
from kgbuild.cli import main
from kgbuild.resources import shapes_path
from kgbuild.validate import Validator

TEXT = "A SPEECH\n\nComrade Rykov spoke on the land question at the congress in {year}.\n"


def build(corpus: Path, out: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "-j", "1",
                                       *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_unchanged_texts_come_from_the_cache_and_the_output_is_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGBUILD_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "speeches"
    corpus.mkdir()
    for year in (1921, 1922):
        (corpus / f"s{year}.txt").write_text(TEXT.format(year=year), encoding="utf-8")
    build(corpus, tmp_path / "first")
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2
    extracted: list[str] = []
    real = kgbuild.pipeline.extract_all
    monkeypatch.setattr(kgbuild.pipeline, "extract_all",
                        lambda doc, reference: extracted.append(doc.meta.slug)
                        or real(doc, reference))
    (corpus / "s1923.txt").write_text(TEXT.format(year=1923), encoding="utf-8")
    build(corpus, tmp_path / "cached")
    assert extracted == ["s1923"]  # the one new text only
    build(corpus, tmp_path / "clean", "--no-cache")
    assert extracted == ["s1923", "s1921", "s1922", "s1923"]
    for name in ("graph.nt", "graph.nq", "graph.jsonld", "persons.jsonld", "void.ttl"):
        assert (tmp_path / "cached" / name).read_bytes() == (
            tmp_path / "clean" / name).read_bytes(), name
    (corpus / "s1921.txt").write_text(TEXT.format(year=1920), encoding="utf-8")
    build(corpus, tmp_path / "changed")
    assert extracted[-1] == "s1921"  # a changed text is read again


def test_a_broken_cache_entry_is_made_again(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGBUILD_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "speeches"
    corpus.mkdir()
    (corpus / "s.txt").write_text(TEXT.format(year=1921), encoding="utf-8")
    build(corpus, tmp_path / "first")
    [entry] = (tmp_path / "cache").glob("*.pickle")
    [unit] = (tmp_path / "cache" / "units").glob("*/entry.pickle")
    for broken in (entry, unit):
        broken.write_bytes(b"not a pickle")
    build(corpus, tmp_path / "again")
    assert (tmp_path / "again" / "graph.nt").read_bytes() == (
        tmp_path / "first" / "graph.nt").read_bytes()
    assert unit.read_bytes() != b"not a pickle"  # made again


def validated_units(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The documents whose units each validation saw (by the documents their annotations
    point into), recorded as they are validated."""
    seen: list[set[str]] = []
    real = Validator.issues

    def issues(self: Validator, data, shapes=None):  # type: ignore[no-untyped-def]
        seen.append({str(o).rsplit("/", 1)[1] for o in data.objects(None, None)
                     if "/document/" in str(o) and "/section/" not in str(o)})
        return real(self, data, shapes)

    monkeypatch.setattr(Validator, "issues", issues)
    return seen


def test_a_unit_whose_triples_did_not_change_is_not_validated_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGBUILD_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "letters"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Comrade Rykov wrote to the Central Committee.\n", "utf-8")
    (corpus / "b.txt").write_text("Comrade Tomsky spoke at the Fourteenth Congress.\n", "utf-8")
    build(corpus, tmp_path / "first")
    seen = validated_units(monkeypatch)
    build(corpus, tmp_path / "again")
    assert seen == []  # every document's unit from the cache
    assert (tmp_path / "again" / "graph.nt").read_bytes() == (
        tmp_path / "first" / "graph.nt").read_bytes()
    # A new text naming Tomsky makes him a shared entity: b's unit changes (his
    # description leaves it) and is validated again; a's does not.
    (corpus / "c.txt").write_text("Tomsky was not alone.\n", "utf-8")
    build(corpus, tmp_path / "cached")
    assert {"b", "c"} <= set().union(*seen) and "a" not in set().union(*seen)
    build(corpus, tmp_path / "clean", "--no-cache")
    for name in ("graph.nt", "graph.nq", "graph.ttl", "graph.jsonld", "void.ttl",
                 "validation-report.ttl"):
        assert (tmp_path / "cached" / name).read_bytes() == (
            tmp_path / "clean" / name).read_bytes(), name


def test_a_cached_units_violations_still_stop_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGBUILD_CACHE", str(tmp_path / "cache"))
    (tmp_path / "a.txt").write_text("Comrade Rykov wrote to the Central Committee.\n", "utf-8")
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(shapes_path().read_text(encoding="utf-8") + """
        <https://example.org/shapes#NoRykov> a sh:NodeShape ; sh:targetClass kgo:Person ;
            sh:property [ sh:path rdfs:label ; sh:maxCount 0 ; sh:message "no persons" ] .""")
    for attempt in ("first", "again"):
        result = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--out",
                                           str(tmp_path / attempt), "--shapes", str(shapes)])
        assert result.exit_code == 1, result.output
        assert "no persons" in (tmp_path / f"{attempt}.failed-validation-report.ttl").read_text(
            encoding="utf-8")
    assert list((tmp_path / "cache" / "units").glob("*/entry.pickle"))


def unit_keys_and_triples(texts: dict[str, str], tmp_path: Path) -> dict[str, tuple[str, str]]:
    """Per document of a corpus: its unit's cache key and its triples (N-Triples, sorted).
    Every text gets the same SHA-256, as if its bytes were the same and only their decoding
    differed, so that the document's sha256 triple does not tell texts apart."""
    from kgbuild.document import DocumentMeta, make_document
    from kgbuild.extract import extract_all
    from kgbuild.publish import canonical_lines, load_context
    from kgbuild.rdf.iris import IriMinter
    from kgbuild.rdf.mapping import GraphMapper
    from kgbuild.reference import load_reference
    from kgbuild.resolve import resolve

    reference = load_reference()
    documents = [make_document(text, DocumentMeta(name, name.title(), None, None, "en",
                                                  f"{name}.txt"), sha256="0" * 64)
                 for name, text in texts.items()]
    kb = resolve([(doc, extract_all(doc, reference)) for doc in documents], reference)
    mapper = GraphMapper(kb, IriMinter("https://example.org/"))
    cache = kgbuild.cache.UnitCache(tmp_path, "shapes", load_context())
    return {name: (cache.key(mapper, name),
                   "\n".join(sorted(f"{graph} {line}" for graph, triple in mapper.unit(name)
                                    for line in canonical_lines([triple]))))
            for name in texts}


def test_a_units_key_changes_exactly_when_its_triples_do(tmp_path: Path) -> None:
    """The key is made from the unit's sketch (annotations as pins), not its triples: it
    must still tell apart every change of the triples, including those only the
    annotations show (a quote's context, a span's section), and no more."""
    letter = ("I. THE LETTER\n\nComrade Rykov wrote to the Central Committee in 1921.\n\n"
              "II. THE REPLY\n\nComrade Tomsky answered him.\n")
    variants = {
        "same": letter,
        "offsets": letter.replace("wrote to", "sent a note to"),  # every later span moves
        "context": letter.replace("answered him", "answered her"),  # only a quote's suffix
        "section": letter.replace("II. THE REPLY", "II. THE ANSWER"),
        "bounds": letter.replace("\n\nII. THE REPLY\n\n", "\n\n"),  # one section, not two
        "shared": letter,  # Tomsky named by a second document too: his description moves
    }
    base = unit_keys_and_triples({"a": letter}, tmp_path)["a"]
    for variant, text in variants.items():
        corpus = {"a": text} | ({"b": "Comrade Tomsky spoke.\n"} if variant == "shared" else {})
        key, triples = unit_keys_and_triples(corpus, tmp_path)["a"]
        assert (key == base[0]) == (triples == base[1]), variant
        assert (key == base[0]) == (variant == "same"), variant
