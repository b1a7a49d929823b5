"""The commands over SPARQL and triplestores: saved queries, remote endpoints, loading and
unloading a dataset (registered on ``kgbuild.cli.main``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kgbuild.cli import (
    EXIT_COUNT_MISMATCH,
    EXIT_INPUT,
    EXIT_REMOTE,
    EXIT_USAGE,
    _fail,
    main,
)

if TYPE_CHECKING:
    from kgbuild.sparql import RemoteError, Results, SavedQuery, Term


def _fail_remote(error: RemoteError) -> None:
    """A bad endpoint URL is a usage error (2); anything the server did, exit code 4."""
    _fail(str(error), EXIT_USAGE if error.kind == "url" else EXIT_REMOTE)


def store_options(command: Callable[..., None]) -> Callable[..., None]:
    """--endpoint and --graph-store, of the commands that write to a triplestore."""
    command = click.option(
        "--graph-store",
        default=None,
        help="Graph Store Protocol URL (default: derived from --endpoint).",
    )(command)
    return click.option(
        "--endpoint",
        required=True,
        help="SPARQL query endpoint of the store, e.g. http://localhost:7878/query.",
    )(command)


TIMEOUT_OPTION = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    help="Seconds to wait for each request to a remote endpoint.",
)


@main.command("queries")
@click.option("--long", "long_", is_flag=True, help="Also print the question each answers.")
def list_saved_queries(long_: bool) -> None:
    """List the saved queries (queries/*.rq): name, parameters and title."""
    from kgbuild.sparql import QueryError, list_queries

    try:
        saved = list_queries()
    except QueryError as error:
        _fail(str(error), EXIT_INPUT)
    rows = [
        (
            query.name,
            " ".join(f"{p.name}=" for p in query.parameters) or "-",
            query.title + ("  [network]" if query.network else ""),
        )
        for query in saved
    ]
    name_width = max((len(row[0]) for row in rows), default=4)
    param_width = max([len("parameters")] + [len(row[1]) for row in rows])
    click.echo(f"{'name':<{name_width}}  {'parameters':<{param_width}}  title")
    for (name, parameters, title), query in zip(rows, saved, strict=True):
        click.echo(f"{name:<{name_width}}  {parameters:<{param_width}}  {title}")
        if long_:
            click.echo(f"{'':<{name_width}}  {query.question}")
            for parameter in query.parameters:
                click.echo(f"{'':<{name_width}}  {parameter.name}: {parameter.description}")


@main.command("query")
@click.argument("query_ref", metavar="NAME|FILE")
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("output/graph.ttl"),
    show_default=True,
    help="Local graph file to query (ignored with --endpoint).",
)
@click.option("--endpoint", default=None, help="Query this SPARQL 1.1 endpoint instead.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help='Bind a parameter: <IRI>, prefix:name, "literal", a number, or plain text.',
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
)
@TIMEOUT_OPTION
@click.option(
    "--default-graph",
    "default_graphs",
    multiple=True,
    metavar="IRI",
    help="Remote only: query these named graphs as the default graph.",
)
@click.option(
    "--dataset",
    metavar="IRI",
    default=None,
    help="Remote only: query this dataset's named graphs (its IRI, as void.ttl names it).",
)
@click.option(
    "--max-width",
    type=int,
    default=80,
    show_default=True,
    help="Table only: cut longer cells (0: never).",
)
def run_query(
    query_ref: str,
    graph_file: Path,
    endpoint: str | None,
    params: tuple[str, ...],
    fmt: str,
    timeout: float,
    default_graphs: tuple[str, ...],
    dataset: str | None,
    max_width: int,
) -> None:
    """Run a saved query NAME (see `kgbuild queries`) or a query FILE.

    Locally on --graph with pyoxigraph, or on a remote --endpoint (HTTP basic auth from
    KGBUILD_USER/KGBUILD_PASSWORD or ~/.netrc). Parameters are bound as RDF terms, never
    pasted into the query. Exit codes: 3 bad query or graph file, 4 endpoint failure.
    """
    from kgbuild.sparql import (
        ParameterError,
        QueryError,
        RemoteError,
        bind_parameters,
        find_query,
        looks_like_bare_iri,
        parse_assignments,
        render,
        run_local,
        run_remote,
    )

    try:
        saved = find_query(query_ref)
    except QueryError as error:
        _fail(str(error), EXIT_INPUT)
    try:
        values = parse_assignments(params)
        bindings = bind_parameters(saved, values)
    except ParameterError as error:
        raise click.BadParameter(str(error), param_hint="--param") from None
    for name, value in values.items():
        if looks_like_bare_iri(value):
            click.echo(
                f"kgbuild: note: {name}={value} is bound as a string; "
                f"write {name}=<{value}> for an IRI",
                err=True,
            )
    try:
        if endpoint:
            named = _graphs_of(endpoint, dataset, timeout) if dataset else ()
            results = run_remote(
                saved, endpoint, bindings, timeout=timeout,
                default_graphs=(*default_graphs, *named), named_graphs=named,
            )
            if not default_graphs and not dataset and not _answered(results):
                results = _on_named_graphs(saved, endpoint, bindings, timeout) or results
        else:
            results = run_local(saved, graph_file, bindings)
    except ParameterError as error:
        raise click.BadParameter(str(error), param_hint="--param") from None
    except QueryError as error:
        _fail(str(error), EXIT_INPUT)
    except RemoteError as error:
        _fail_remote(error)
    click.echo(render(results, fmt, prefixes=saved.prefixes, max_width=max_width or None), nl=False)


def _graphs_of(endpoint: str, dataset: str, timeout: float) -> tuple[str, ...]:
    """The named graphs the store holds of a dataset; none is an error, said in one line."""
    from kgbuild.store import dataset_graphs

    graphs = dataset_graphs(endpoint, dataset, timeout=timeout, credentials=None)
    if not graphs:
        _fail(f"the store holds no graph of the dataset <{dataset}>", EXIT_INPUT)
    return tuple(graphs)


def _answered(results: Results) -> bool:
    """Rows or true, and not only a count of nothing (a COUNT without GROUP BY gives 0)."""
    rows = results.get("results", {}).get("bindings") or []
    zero = all(term.get("value") == "0" for row in rows for term in row.values())
    return bool(results.get("boolean") or (rows and not zero))


def _on_named_graphs(
    saved: SavedQuery, endpoint: str, bindings: dict[str, Term], timeout: float
) -> Results | None:
    """An empty answer from a store whose default graph leaves out its named graphs (where
    `kgbuild load` puts everything): the query again, over those graphs, with a note."""
    from kgbuild.sparql import run_remote
    from kgbuild.store import holds_triples, named_graphs_apart

    graphs = named_graphs_apart(endpoint, timeout=timeout)
    if not graphs:
        if not holds_triples(endpoint, timeout=timeout):
            click.echo("kgbuild: note: the endpoint holds no triples (load a build with "
                       "`kgbuild load`)", err=True)
        return None
    click.echo(
        f"kgbuild: note: the endpoint's default graph leaves out its {len(graphs)} named "
        "graph(s); they were queried as the default graph (choose with --default-graph)",
        err=True,
    )
    return run_remote(saved, endpoint, bindings, timeout=timeout, default_graphs=graphs)


@main.command("load")
@store_options
@click.option(
    "--graph-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("output/graph.nq"),
    show_default=True,
    help="N-Quads or TriG: loaded graph by graph as named; a file of triples is split "
    "into one graph per document.",
)
@TIMEOUT_OPTION
def load_store(endpoint: str, graph_store: str | None, graph_file: Path, timeout: float) -> None:
    """Upload --graph-file to a triplestore, one named graph per document (plus the shared
    and reference graphs), replacing its dataset as a whole, and verify it.

    Each graph is replaced (HTTP PUT, SPARQL 1.1 Graph Store Protocol), so loading twice
    changes nothing; the dataset's graphs the file no longer has are deleted, other
    datasets' graphs are left alone; then the server's triple count of each graph is
    checked with a SPARQL COUNT query. Exit codes: 3 bad graph file, 4 endpoint failure,
    5 counts differ.
    """
    from kgbuild.sparql import RemoteError
    from kgbuild.store import LoadError, load

    try:
        report = load(graph_file, endpoint, graph_store, timeout=timeout)
    except LoadError as error:
        _fail(str(error), EXIT_INPUT)
    except RemoteError as error:
        _fail_remote(error)
    click.echo(f"loaded {report.graph_file} into {report.store}")
    for count in report.graphs:
        mark = "ok" if count.ok else "MISMATCH"
        click.echo(f"  <{count.graph}>: sent {count.sent}, server has {count.on_server}  {mark}")
    for graph in report.deleted:
        click.echo(f"  <{graph}>: deleted (no longer needed)")
    if not report.ok:
        _fail(
            f"the server holds {report.on_server} triples in these graphs, {report.sent} were sent",
            EXIT_COUNT_MISMATCH,
        )
    click.echo(
        f"verified on {report.endpoint}: {report.on_server} triples in "
        f"{len(report.graphs)} named graph(s)"
    )
    if not report.union_default_graph:
        click.echo(
            "note: this endpoint's default graph does not include the named graphs; "
            "`kgbuild query` queries them when the default graph answers nothing, other "
            "clients need them as default graphs or the union default graph (see README)"
        )


@main.command("unload")
@store_options
@click.option(
    "--dataset",
    required=True,
    metavar="IRI",
    help="The dataset to remove (its IRI, as void.ttl names it).",
)
@TIMEOUT_OPTION
def unload_store(endpoint: str, graph_store: str | None, dataset: str, timeout: float) -> None:
    """Remove one dataset's named graphs from a triplestore, leaving every other dataset's.

    Exit codes: 3 no graph of the dataset in the store, 4 endpoint failure.
    """
    from kgbuild.sparql import RemoteError
    from kgbuild.store import unload

    try:
        deleted = unload(endpoint, dataset, graph_store, timeout=timeout)
    except RemoteError as error:
        _fail_remote(error)
    if not deleted:
        _fail(f"the store holds no graph of the dataset <{dataset}>", EXIT_INPUT)
    for graph in deleted:
        click.echo(f"  <{graph}>: deleted")
    click.echo(f"unloaded <{dataset}>: {len(deleted)} named graph(s)")
