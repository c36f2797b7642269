#!/usr/bin/env python3
"""Loads GeoDep's GraphML and GEXF exports in networkx and checks them against the expected counts.

Usage: check_exports.py FOLDER EXPECTED.json
EXPECTED.json maps a scenario name to {"nodes": N, "edges": M}; FOLDER holds NAME.graphml and NAME.gexf for each.
Every exported record is an edge (parallel edges are kept: networkx reads both files as multigraphs), every
node carries kind and name, every edge its record type. Exits 1 with a message per failed check.
"""

import json
import sys
from pathlib import Path

import networkx as nx

RECORDS = {"energy", "sanction", "tie"}


def check(path, expected, failures):
    if path.suffix == ".graphml":
        graph = nx.read_graphml(path, force_multigraph=True)
    else:
        graph = nx.read_gexf(path)
    if graph.number_of_nodes() != expected["nodes"]:
        failures.append(f"{path}: {graph.number_of_nodes()} nodes, expected {expected['nodes']}")
    # Each record is one edge with its own id (GraphML's ids are not kept by networkx: count the edges).
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    ids = {edge[-1].get("id", edge[:-1]) for edge in edges}
    if graph.number_of_edges() != expected["edges"] or len(ids) != expected["edges"]:
        failures.append(f"{path}: {graph.number_of_edges()} edges with {len(ids)} ids, expected {expected['edges']}")
    for node, values in graph.nodes(data=True):
        if not values.get("kind") or not values.get("name"):
            failures.append(f"{path}: node {node} has no kind or name: {values}")
            break
    for source, target, values in graph.edges(data=True):
        if values.get("record") not in RECORDS:
            failures.append(f"{path}: edge {source} -> {target} has record {values.get('record')!r}")
            break
        if values["record"] == "energy" and not 0 <= float(values.get("share", -1)) <= 1:
            failures.append(f"{path}: energy edge {source} -> {target} has share {values.get('share')!r}")
            break


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    expected = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    failures = []
    checked = 0
    for name, counts in sorted(expected.items()):
        for suffix in (".graphml", ".gexf"):
            path = folder / f"{name}{suffix}"
            if not path.exists():
                failures.append(f"{path}: missing")
                continue
            try:
                check(path, counts, failures)
            except Exception as error:  # a reader's refusal is a failed check, reported with the file
                failures.append(f"{path}: networkx {nx.__version__} could not read it: {error}")
            checked += 1
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"networkx {nx.__version__}: {checked} files checked, {len(failures)} problem(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
