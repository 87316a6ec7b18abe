"""The task-tracking graph: a networkx MultiDiGraph, and exports to GraphML, JSON and CSV.

Nodes (attribute ``type``): Document (stored or placeholder), Agency (a body or, kind
``admin_unit``, a province), Task, Indicator. Edges (the edge key and attribute ``type``):
ISSUED_BY, PARENT_OF, ADDRESSED_TO, COPIED_TO, HAS_TASK, ASSIGNED_TO (``role`` lead | coordinate),
CITES, IMPLEMENTS, SUCCEEDED_BY (``date``, ``basis``), HAS_INDICATOR and ABOUT (indicator → province).
Resolution methods and fuzzy scores ride on the edges they produced (``method``, ``score``).

The CSV export streams from the database (``nodes.csv`` and ``edges.csv`` with neo4j-admin import
headers: ``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``), so it works for archives too
big to hold as a networkx graph.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cells import safe_cell, xml_text
from ..names.bodies import place_phrase
from ..names.keys import fold_key
from .deps import require
from .store import ArchiveError, Store

if TYPE_CHECKING:
    import networkx

Attrs = dict[str, Any]
FORMATS = ("graphml", "json", "csv")
NODE_FIELDS = (
    "name", "kind", "province", "level", "collective", "dissolved_on", "status", "doc_type", "number_symbol",
    "issue_date", "subject", "versions", "path", "text", "deadline", "what", "value", "unit", "year",
    "indicator_kind",
)  # fmt: skip
EDGE_FIELDS = ("role", "date", "basis", "method", "score", "text", "document")


def _clean(attrs: Attrs) -> Attrs:
    return {k: v for k, v in attrs.items() if v is not None}


def iter_nodes(store: Store) -> Iterator[tuple[str, Attrs]]:
    """(node id, attributes) of every node, streamed."""
    for agency_id, name, province, level, kind, collective, dissolved in store.stream(
        "SELECT id, name, province, level, kind, collective, dissolved_on FROM agencies"
    ):
        yield f"agency:{agency_id}", _clean(
            {"type": "Agency", "name": name, "kind": kind, "province": province, "level": level,
             "collective": bool(collective), "dissolved_on": dissolved}
        )  # fmt: skip
    for doc_id, status, doc_type, number, issued, subject, province, versions in store.stream(
        "SELECT id, status, doc_type, number_symbol, issue_date, subject, province, versions FROM documents"
    ):
        yield f"doc:{doc_id}", _clean(
            {"type": "Document", "status": status, "doc_type": doc_type, "number_symbol": number,
             "issue_date": issued, "subject": subject, "province": province, "versions": versions}
        )  # fmt: skip
    for task_id, path, text, deadline in store.stream("SELECT id, path, text, deadline_date FROM tasks"):
        yield f"task:{task_id}", _clean({"type": "Task", "path": path, "text": text, "deadline": deadline})
    for row in store.stream("SELECT id, what, value, unit, year, kind, province, text FROM indicators"):
        indicator_id, what, value, unit, year, kind, province, text = row
        yield f"indicator:{indicator_id}", _clean(
            {"type": "Indicator", "what": what, "value": value, "unit": unit, "year": year,
             "indicator_kind": kind, "province": province, "text": text}
        )  # fmt: skip


def iter_edges(store: Store) -> Iterator[tuple[str, str, str, Attrs]]:
    """(source, target, type, attributes) of every edge, streamed."""
    for src, dst, kind, doc_id, role, method, score, text in store.stream(
        "SELECT src, dst, type, document_id, role, method, score, text FROM edges"
    ):
        yield (
            src,
            dst,
            kind,
            _clean(
                {
                    "type": kind,
                    "document": doc_id,
                    "role": role,
                    "method": method,
                    "score": score,
                    "text": text,
                }
            ),
        )
    for src, dst, kind, date, basis in store.stream("SELECT src, dst, type, date, basis FROM agency_links"):
        yield f"agency:{src}", f"agency:{dst}", kind, _clean({"type": kind, "date": date, "basis": basis})
    units = {str(r[0]) for r in store.rows("SELECT id FROM agencies WHERE kind = 'admin_unit'")}
    for indicator_id, doc_id, province in store.stream("SELECT id, document_id, province FROM indicators"):
        node = f"indicator:{indicator_id}"
        yield f"doc:{doc_id}", node, "HAS_INDICATOR", {"type": "HAS_INDICATOR"}
        unit = fold_key(place_phrase(province)) if province else None
        if unit in units:
            yield node, f"agency:{unit}", "ABOUT", {"type": "ABOUT"}


def build_graph(store: Store) -> networkx.MultiDiGraph:
    """The whole graph in memory."""
    nx = require("networkx", "archive")
    graph = nx.MultiDiGraph()
    for node, attrs in iter_nodes(store):
        graph.add_node(node, **attrs)
    for src, dst, kind, attrs in iter_edges(store):
        graph.add_edge(src, dst, key=kind if not graph.has_edge(src, dst, kind) else None, **attrs)
    return graph


def _export_csv(store: Store, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "nodes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id:ID", ":LABEL", *NODE_FIELDS])
        for node, attrs in iter_nodes(store):
            writer.writerow(
                [safe_cell(v) for v in (node, attrs["type"], *(attrs.get(f, "") for f in NODE_FIELDS))]
            )
    with (out / "edges.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", *EDGE_FIELDS])
        for src, dst, kind, attrs in iter_edges(store):
            writer.writerow(
                [safe_cell(v) for v in (src, dst, kind, *(attrs.get(f, "") for f in EDGE_FIELDS))]
            )
    return out


def export(store: Store, out: Path, fmt: str) -> Path:
    """Write the graph: ``graphml`` and ``json`` (node-link) to a file, ``csv`` to a folder."""
    if fmt not in FORMATS:
        raise ArchiveError(str(out), f"unknown graph format {fmt!r} (use {', '.join(FORMATS)})")
    if fmt == "csv":
        return _export_csv(store, out)
    nx = require("networkx", "archive")
    graph = build_graph(store)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")  # a failed export leaves no half-written file
    try:
        if fmt == "graphml":
            nx.write_graphml(_xml_safe(nx, graph), partial)
        else:
            data = nx.node_link_data(graph, edges="edges")
            partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def _xml_safe(nx: Any, graph: Any) -> Any:
    """A copy of the graph whose ids and attributes XML can hold (control characters dropped)."""
    safe = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        safe.add_node(xml_text(node), **{k: xml_text(v) for k, v in attrs.items()})
    for src, dst, key, attrs in graph.edges(keys=True, data=True):
        safe.add_edge(xml_text(src), xml_text(dst), key=key, **{k: xml_text(v) for k, v in attrs.items()})
    return safe
