"""The graph: node and edge types, and exports to GraphML, JSON (node-link) and CSV."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from vbdieuhanh.archive import ArchiveError, open_archive

EDGE_TYPES = {
    "ISSUED_BY", "PARENT_OF", "ADDRESSED_TO", "COPIED_TO", "HAS_TASK", "ASSIGNED_TO", "IMPLEMENTS",
    "SUCCEEDED_BY", "HAS_INDICATOR", "ABOUT",
}  # fmt: skip


def test_graph_and_exports(archive_url: str, seed_paths: list[Path], tmp_path: Path) -> None:
    with open_archive(archive_url) as archive:
        for path in seed_paths:
            archive.add_file(path)
        graph = archive.graph()
        assert isinstance(graph, nx.MultiDiGraph)
        assert set(Counter(d["type"] for _, d in graph.nodes(data=True))) == {
            "Document",
            "Agency",
            "Task",
            "Indicator",
        }
        kinds = Counter(k for _, _, k in graph.edges(keys=True))
        assert set(kinds) >= EDGE_TYPES
        roles = {d["role"] for _, _, d in graph.edges(data=True) if d["type"] == "ASSIGNED_TO"}
        assert roles == {"lead", "coordinate"}
        graphml = archive.export_graph(tmp_path / "g.graphml", "graphml")
        back = nx.read_graphml(graphml, force_multigraph=True)
        assert (back.number_of_nodes(), back.number_of_edges()) == (
            graph.number_of_nodes(),
            graph.number_of_edges(),
        )
        data = json.loads(archive.export_graph(tmp_path / "g.json", "json").read_text(encoding="utf-8"))
        assert len(data["nodes"]) == graph.number_of_nodes() and len(data["edges"]) == graph.number_of_edges()
        folder = archive.export_graph(tmp_path / "csv", "csv")
        with (folder / "nodes.csv").open(encoding="utf-8") as handle:
            nodes = list(csv.DictReader(handle))
        with (folder / "edges.csv").open(encoding="utf-8") as handle:
            edges = list(csv.DictReader(handle))
        assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
        assert {"id:ID", ":LABEL"} <= set(nodes[0]) and {":START_ID", ":END_ID", ":TYPE"} <= set(edges[0])
        ids = {n["id:ID"] for n in nodes}
        assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)
        with pytest.raises(ArchiveError, match="unknown graph format"):
            archive.export_graph(tmp_path / "g.x", "dot")
