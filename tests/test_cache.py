"""The extraction cache: a rebuild takes what an earlier build made of unchanged texts, and
gives byte for byte the output of a clean build."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kgbuild.pipeline
from kgbuild.cli import main

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
    entry.write_bytes(b"not a pickle")
    build(corpus, tmp_path / "again")
    assert (tmp_path / "again" / "graph.nt").read_bytes() == (
        tmp_path / "first" / "graph.nt").read_bytes()
