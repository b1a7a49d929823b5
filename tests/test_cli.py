"""The command line, as a user runs it: each test is a documented use of `kgbuild`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kgbuild.cli import EXIT_INPUT, EXIT_INVALID_GRAPH, EXIT_USAGE, main
from kgbuild.project import default_name
from kgbuild.rdf.namespaces import KGO, OA
from kgbuild.resources import PROJECT_ROOT

SHORT_TEXT = """I. THE DEFINITION
“The dictatorship of the proletariat is the rule of the proletariat over the bourgeoisie,”
says Lenin. Kamenev, in one of his reports, states the opposite.
The Tenth Party Congress adopted the resolution of the Tenth Party Congress “On Party Unity.”
"""


def corpus_of(tmp_path: Path, files: dict[str, str]) -> Path:
    """A folder "corpus" holding these files (name → text)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_help_lists_the_commands() -> None:
    code, output = run("--help")
    assert code == 0
    for command in ("build", "validate", "stats"):
        assert command in output


def test_build_given_files_writes_every_dump(tmp_path: Path) -> None:
    text = tmp_path / "speech.txt"
    text.write_text(SHORT_TEXT, encoding="utf-8")
    (tmp_path / "speech.json").write_text(
        '{"title": "A Speech", "author": "Joseph Stalin", "date": "1924-05"}', encoding="utf-8")
    out = tmp_path / "out"
    code, output = run("build", str(text), "--out", str(out), "--base", "https://example.org/")
    assert code == 0, output
    assert sorted(p.name for p in out.iterdir()) == [
        "graph.jsonld", "graph.nq", "graph.nt", "graph.trig", "graph.ttl",
        "persons.jsonld", "validation-report.ttl", "void.ttl", "works.jsonld"]
    graph = Graph().parse(out / "graph.ttl")
    persons = {str(graph.value(s, RDFS.label)) for s in graph.subjects(RDF.type, KGO.Person)}
    assert {"Vladimir Lenin", "Lev Kamenev", "Joseph Stalin"} <= persons
    document = next(graph.subjects(RDF.type, KGO.Document))
    dataset = f"https://example.org/dataset/{default_name([text])}"  # the folder's name
    assert str(document) == f"{dataset}/document/speech"
    assert graph.value(document, RDFS.label) == Literal("A Speech")


def test_two_files_are_two_documents_in_one_graph(tmp_path: Path) -> None:
    for name in ("first", "second"):
        (tmp_path / f"{name}.txt").write_text(SHORT_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    code, output = run("build", str(tmp_path / "first.txt"), str(tmp_path / "second.txt"),
                       "--out", str(out))
    assert code == 0, output
    graph = Graph().parse(out / "graph.nt")
    assert len(set(graph.subjects(RDF.type, KGO.Document))) == 2
    lenin = [s for s in graph.subjects(RDFS.label, Literal("Vladimir Lenin"))]
    assert len(lenin) == 1


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    code, output = run("build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"))
    assert code == EXIT_INPUT
    assert "nope.txt: no such file" in output
    assert not (tmp_path / "o").exists()


def test_non_utf8_and_empty_files_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Lenin\x92s caf\xe9")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, output = run("build", str(latin), "--out", str(tmp_path / "o"))
    assert code == EXIT_INPUT and "not valid UTF-8" in output
    code, output = run("build", str(empty), "--out", str(tmp_path / "o"))
    assert code == EXIT_INPUT and "empty" in output


def test_bad_base_is_refused(tmp_path: Path) -> None:
    code, output = run("build", "--base", "not an iri", "--out", str(tmp_path / "o"))
    assert code == 2 and "--base" in output


def test_bad_metadata_date_and_bad_shapes_name_the_file(tmp_path: Path) -> None:
    text = tmp_path / "speech.txt"
    text.write_text(SHORT_TEXT, encoding="utf-8")
    (tmp_path / "speech.json").write_text('{"date": "spring 1926"}', encoding="utf-8")
    code, output = run("build", str(text), "--out", str(tmp_path / "o"))
    assert code == EXIT_INPUT and "speech.json" in output and "spring 1926" in output
    (tmp_path / "speech.json").write_text('{"date": "1926-01"}', encoding="utf-8")
    code, output = run("build", str(text), "--out", str(tmp_path / "o"), "--shapes", str(text))
    assert code == EXIT_INPUT and "cannot read SHACL shapes" in output
    code, output = run("build", str(text), "--reference", str(tmp_path / "nope"))
    assert code == 2 and "does not exist" in output


def test_a_number_after_no_is_not_an_endnote() -> None:
    from kgbuild.ocr import clean_text

    assert clean_text("(Kurskaya Pravda, No.5, December 8)")[0] == (
        "(Kurskaya Pravda, No.5, December 8)")


def test_a_violation_fails_the_build_and_keeps_the_previous_output(tmp_path: Path) -> None:
    text = tmp_path / "speech.txt"
    text.write_text(SHORT_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(text), "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    strict = tmp_path / "strict.ttl"
    strict.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kgo: <https://w3id.org/kgbuild/ontology#> .
<urn:shape> a sh:NodeShape ; sh:targetClass kgo:Person ;
  sh:property [ sh:path kgo:nickname ; sh:minCount 1 ; sh:message "needs a nickname" ] .
""", encoding="utf-8")
    code, output = run("build", str(text), "--out", str(out), "--shapes", str(strict))
    assert code == EXIT_INVALID_GRAPH
    assert "needs a nickname" in output and "does NOT conform" in output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert (tmp_path / "out.failed-validation-report.ttl").exists()


def test_validate_and_stats_on_a_published_graph(tmp_path: Path) -> None:
    text = tmp_path / "speech.txt"
    text.write_text(SHORT_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    run("build", str(text), "--out", str(out))
    code, output = run("validate", str(out / "graph.ttl"))
    assert code == 0 and "passes with warnings (0 violations" in output, output
    code, output = run("stats", str(out / "graph.jsonld"))
    assert code == 0
    assert any(line.split() == ["kgo:Person", "2"] for line in output.splitlines()), output
    # the named graphs of N-Quads and TriG are read together: the same graph, the same checks
    triples = run("stats", str(out / "graph.ttl"))[1].splitlines()[0]
    report = run("validate", str(out / "graph.ttl"))[1]
    for dump in ("graph.nq", "graph.trig"):
        assert run("stats", str(out / dump))[1].splitlines()[0] == triples, dump
        assert run("validate", str(out / dump))[1] == report, dump


def test_validate_reports_a_broken_graph(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("""@prefix kgo: <https://w3id.org/kgbuild/ontology#> .
<https://example.org/person/nobody> a kgo:Person .
""", encoding="utf-8")
    code, output = run("validate", str(broken))
    assert code == EXIT_INVALID_GRAPH
    assert "Violation" in output


def test_unparsable_graph_is_an_input_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    code, output = run("stats", str(broken))
    assert code == EXIT_INPUT and "cannot parse" in output
    # one line that says where and why, not rdflib's three with the file's bytes quoted
    broken.write_text('<https://example.org/a> <https://example.org/b> "an open\n', "utf-8")
    for command in ("stats", "validate"):
        code, output = run(command, str(broken))
        assert code == EXIT_INPUT, output
        assert output.strip().endswith("cannot parse as turtle: line 1: newline found in "
                                       "string literal"), output
        assert len(output.strip().splitlines()) == 1, output


def test_evaluate_scores_a_graph_against_annotations(tmp_path: Path) -> None:
    from .conftest import DEV_ANNOTATIONS

    out = tmp_path / "out"
    assert run("build", "--out", str(out))[0] == 0
    code, output = run("evaluate", str(out / "graph.nt"), *map(str, DEV_ANNOTATIONS))
    assert code == 0
    persons = next(line for line in output.splitlines() if line.startswith("persons"))
    assert persons.split()[1:3] == ["17", "17"]  # gold, found
    assert "citations" in output and "vol+pages right 1.000" in output


def test_a_folder_builds_every_text_in_it(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {"a.txt": SHORT_TEXT, "b.txt": SHORT_TEXT})
    code, output = run("build", str(corpus), "--out", str(tmp_path / "out"))
    assert code == 0, output
    assert "built 2 document(s)" in output


def test_encoding_option_and_bom_and_crlf(tmp_path: Path) -> None:
    cp1251 = tmp_path / "cp.txt"
    cp1251.write_bytes((SHORT_TEXT.replace("“", '"').replace("”", '"') + "Ленин.\n")
                       .encode("cp1251"))
    code, output = run("build", str(cp1251), "--out", str(tmp_path / "o1"))
    assert code == EXIT_INPUT and "--encoding" in output
    assert run("build", str(cp1251), "--encoding", "cp1251", "--out",
               str(tmp_path / "o2"))[0] == 0
    windows = tmp_path / "win.txt"
    raw = SHORT_TEXT.replace("\n", "\r\n")
    windows.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    assert run("build", str(windows), "--out", str(tmp_path / "o3"))[0] == 0
    graph = Graph().parse(tmp_path / "o3" / "graph.nt")
    for position in graph.subjects(RDF.type, OA.TextPositionSelector):
        start, end = int(graph.value(position, OA.start)), int(graph.value(position, OA.end))
        quote = URIRef(str(position).replace("#position", "#quote"))
        assert raw[start:end] == str(graph.value(quote, OA.exact))


def test_a_folder_with_a_manifest_takes_the_metadata_from_it(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {
        "speech.txt": SHORT_TEXT,
        "manifest.json": '[{"file": "speech.txt", "title": "Speech at the Plenum", '
                         '"author": "Joseph Stalin", "date": "1925-04"}]'})
    out = tmp_path / "out"
    assert run("build", str(corpus), "--out", str(out))[0] == 0
    graph = Graph().parse(out / "graph.nt")
    document = next(graph.subjects(RDF.type, KGO.Document))
    assert graph.value(document, RDFS.label) == Literal("Speech at the Plenum")
    # a file it names that is not there, a text it does not name: built, with a warning
    (corpus / "letter.txt").write_text(SHORT_TEXT, encoding="utf-8")
    (corpus / "manifest.json").write_text(
        '[{"file": "speech.txt", "title": "Speech"}, {"file": "speach.txt", "title": "S"}]',
        encoding="utf-8")
    code, output = run("build", str(corpus), "--out", str(out), "-q")
    assert code == 0
    assert "manifest.json: names speach.txt, not in its folder" in output
    assert "manifest.json: has no entry for letter.txt" in output
    (corpus / "manifest.json").write_text('[{"file": "speech.txt",,}]', encoding="utf-8")
    code, output = run("build", str(corpus), "--out", str(out))
    assert code == EXIT_INPUT and "manifest.json: line 1: malformed JSON" in output


def test_a_text_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    from kgbuild.document import MAX_DOCUMENT_BYTES

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: no disk or memory needed
    code, output = run("build", str(huge), "--out", str(tmp_path / "o"))
    assert code == EXIT_INPUT and "over the limit" in output and "huge.txt" in output


def test_explain_shows_each_span_its_recognizers_and_the_decision(tmp_path: Path) -> None:
    text = tmp_path / "letter.txt"
    text.write_text("Comrade Sorin wrote from Arras. By January Sorin was in Moscow.\n",
                    encoding="utf-8")
    code, output = run("explain", str(text), "--kind", "person")
    assert code == 0
    lines = [line for line in output.splitlines() if "person" in line]
    assert any("✓" in line and "'Sorin'" in line and "persons.cue.title-before" in line
               for line in lines)
    code, output = run("explain", str(text), "--refused")
    assert code == 0 and "✓" not in output


def test_explain_of_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    code, output = run("explain", str(tmp_path / "missing.txt"))
    assert code == EXIT_INPUT and "no such file" in output


def test_errata_option_repairs_every_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The victory of socalism was declared.\n", encoding="utf-8")
    errata = tmp_path / "ours.tsv"
    errata.write_text("socalism\tsocialism\n", encoding="utf-8")
    code, output = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                       "--errata", str(errata))
    assert code == 0, output
    errata.write_text("no tab\n", encoding="utf-8")
    code, output = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "p"),
                       "--errata", str(errata))
    assert code == EXIT_INPUT and "ours.tsv: line 1" in output


def test_the_version_is_printed_with_either_flag() -> None:
    for flag in ("-V", "--version"):
        code, output = run(flag)
        assert code == 0 and output.startswith("kgbuild, version ")


def test_metadata_misspelt_and_titles_from_file_names(tmp_path: Path) -> None:
    (tmp_path / "trotskyism-or-leninism.txt").write_text(SHORT_TEXT, encoding="utf-8")
    (tmp_path / "letter.txt").write_text(SHORT_TEXT, encoding="utf-8")
    (tmp_path / "letter.json").write_text('{"title": "A Letter", "autor": "Rykov"}',
                                          encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "out"),
                                       "-j", "1"])
    assert result.exit_code == 0, result.output
    assert (f"kgbuild: warning: {tmp_path / 'letter.json'}: unknown metadata key(s) autor "
            "ignored") in result.stderr
    graph = Graph().parse(tmp_path / "out" / "graph.nt")
    titles = {str(t) for d in graph.subjects(RDF.type, KGO.Document)
              for t in graph.objects(d, RDFS.label)}
    assert titles == {"A Letter", "Trotskyism or Leninism"}
    assert " []" not in result.output  # a result without a path prints none


@pytest.mark.parametrize(("args", "code", "message"), [
    (["stats", "{missing}"], 3, "{missing}: no such graph file"),
    (["validate", "{missing}"], 3, "{missing}: no such graph file"),
    (["for-reasoner", "{missing}", "--out", "{annotation}"], 3, "{missing}: no such graph file"),
    (["evaluate", "{missing}", "{annotation}"], 3, "{missing}: no such graph file"),
    (["query", "most-quoted", "--graph", "{missing}"], 3, "{missing}: no such graph file"),
    (["load", "--graph-file", "{missing}", "--endpoint", "http://127.0.0.1:9/query"], 3,
     "{missing}: no such graph file"),
    (["stats", "{text}"], 3, "{text}: unknown RDF format (use one of .json, .jsonld"),
    (["validate", "{text}"], 3, "{text}: unknown RDF format (use one of .json, .jsonld"),
    (["query", "most-quoted", "--graph", "{text}"], 3, "{text}: unknown RDF format (use one"),
    (["query", "most-quoted", "--endpoint", "notaurl"], 2, "notaurl: not an http(s) URL"),
    (["load", "--endpoint", "notaurl"], 2, "notaurl: cannot tell the Graph Store"),
    (["unload", "--endpoint", "notaurl", "--dataset", "https://example.org/dataset/x"], 2,
     "notaurl: cannot tell the Graph Store"),
])
def test_one_mistake_one_exit_code_and_one_wording_in_every_command(
        tmp_path: Path, args: list[str], code: int, message: str) -> None:
    """The exit-code table of the README, command by command."""
    names = {"missing": str(tmp_path / "missing.ttl"), "text": str(tmp_path / "graph.txt"),
             "annotation": str(tmp_path / "annotation.json")}
    (tmp_path / "graph.txt").write_text("not RDF\n", encoding="utf-8")
    (tmp_path / "annotation.json").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(main, [a.format(**names) for a in args])
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("kgbuild: error: " + message.format(**names)), result.stderr
    assert "Traceback" not in result.output


def test_a_build_says_what_it_found_and_its_progress_only_on_a_terminal(tmp_path: Path) -> None:
    from kgbuild.pipeline import build
    from kgbuild.timing import Stopwatch

    text = tmp_path / "speech.txt"
    text.write_text(SHORT_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(text), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    found = next(line for line in result.stdout.splitlines() if line.startswith("found "))
    assert "2 persons" in found and "stances" in found
    assert "kgbuild: read and extract" not in result.stderr  # not a terminal: no progress
    stages: list[str] = []
    (tmp_path / "second.txt").write_text(SHORT_TEXT, encoding="utf-8")
    build([text, tmp_path / "second.txt"], tmp_path / "again", watch=Stopwatch(stages.append))
    assert stages[:4] == ["read and extract …", "  1 of 2 documents read",
                          "  2 of 2 documents read", "resolve …"]
    assert "  2 of 2 documents mapped and validated" in stages and "describe …" in stages


def test_an_out_folder_that_is_a_file_or_cannot_be_made_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "speech.txt"
    text.write_text(SHORT_TEXT, encoding="utf-8")
    a_file = tmp_path / "a-file"
    a_file.write_text("keep me", encoding="utf-8")
    for out, message in ((a_file, "--out is a file, not a folder"),
                         (a_file / "below", "--out cannot be written here")):
        code, output = run("build", str(text), "--out", str(out), "-q")
        assert code == EXIT_INPUT and message in output and "Traceback" not in output
    assert a_file.read_text(encoding="utf-8") == "keep me"


def test_a_usage_error_is_one_line_with_exit_code_2() -> None:
    for args, message in ((["build", "--jobs", "0"], "Invalid value for '--jobs'"),
                          (["frob"], "No such command 'frob'"),
                          (["query"], "Missing argument")):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == EXIT_USAGE, args
        (line,) = result.output.strip().splitlines()
        assert line.startswith("kgbuild: error: ") and message in line, line


def test_sigterm_leaves_no_scratch_files_and_no_output(tmp_path: Path) -> None:
    """A build stopped with SIGTERM while its scratch folder exists removes it, writes no
    --out and exits 128 + 15, as Ctrl-C would."""
    import os
    import signal
    import subprocess
    import time

    corpus, scratch = tmp_path / "corpus", tmp_path / "tmp"
    corpus.mkdir()
    scratch.mkdir()
    text = (PROJECT_ROOT / "corpus" / "concerning-questions-of-leninism.txt").read_text(
        encoding="utf-8")
    for number in range(3):
        (corpus / f"part-{number}.txt").write_text(text, encoding="utf-8")
    build = subprocess.Popen(
        [sys.executable, "-m", "kgbuild.cli", "build", str(corpus), "--out",
         str(tmp_path / "out"), "--no-cache", "-q", "-j", "1"],
        env={**os.environ, "TMPDIR": str(scratch)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not any(scratch.iterdir()) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert build.poll() is None, "the build ended before its scratch folder was seen"
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=120) == 128 + signal.SIGTERM
    assert list(scratch.iterdir()) == [] and not (tmp_path / "out").exists()


def test_a_body_as_the_author_is_no_person(tmp_path: Path) -> None:
    """Metadata naming a body as the author ("Executive Committee of …") makes no person of
    it: the build warns and records no author; a person's name with a note stays a person."""
    from kgbuild.names import names_a_body

    assert names_a_body("Executive Committee of the Communist International")
    assert not names_a_body("G. Zinoviev (report for the International)")
    corpus = corpus_of(tmp_path, {
        "theses.txt": SHORT_TEXT,
        "theses.json": '{"title": "Theses", "author": "Executive Committee of the Communist '
                       'International", "date": "1927-05"}'})
    code, output = run("build", str(corpus), "--out", str(tmp_path / "out"), "-q")
    assert code == 0 and "is a body, not a person" in output
    graph = Graph().parse(tmp_path / "out" / "graph.nt")
    persons = {str(graph.value(s, RDFS.label)) for s in graph.subjects(RDF.type, KGO.Person)}
    assert not [p for p in persons if "Committee" in p]
    assert not list(graph.objects(None, URIRef("http://schema.org/author")))
