#!/usr/bin/env python3
"""Normalised stress of a layout against graph distances, the same measure for every layout tool.

    scripts/stress.py EDGES.csv POSITIONS.csv [--sources 200] [--seed 1]

EDGES.csv holds `source,target[,weight]` lines (a header allowed); POSITIONS.csv holds `id,x,y` lines (a header
allowed). From each of up to 200 sampled nodes, breadth-first search gives the graph distance (in links, weights
ignored) to every node it reaches. With e the distance in the plane and d the graph distance of each such pair,
the layout is first scaled by the factor a that best fits d (a = sum(e/d) / sum(e^2/d^2)), then

    stress = mean over the pairs of ((a*e - d) / d)^2

0 is a layout whose distances are the graph's exactly; lower is better. Standard library only, so that it runs
wherever the benchmark does.
"""
import argparse
import csv
import math
import random
from collections import deque


def read_edges(path):
    neighbours = {}
    with open(path, newline="") as file:
        for row in csv.reader(file):
            if len(row) < 2 or (row[0].strip().lower(), row[1].strip().lower()) == ("source", "target"):
                continue
            a, b = row[0].strip(), row[1].strip()
            if a == b:
                continue
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
    return neighbours


def read_positions(path):
    positions = {}
    with open(path, newline="") as file:
        for row in csv.reader(file):
            if len(row) < 3 or row[0].strip().lower() == "id":
                continue
            positions[row[0].strip()] = (float(row[1]), float(row[2]))
    return positions


def distances_from(start, neighbours):
    distance = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for other in neighbours[node]:
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    return distance


def stress(neighbours, positions, sources, seed):
    nodes = sorted(node for node in neighbours if node in positions)
    sampled = random.Random(seed).sample(nodes, min(sources, len(nodes)))
    pairs = []
    for source in sampled:
        sx, sy = positions[source]
        for target, d in distances_from(source, neighbours).items():
            if d > 0 and target in positions:
                tx, ty = positions[target]
                pairs.append((math.hypot(sx - tx, sy - ty), d))
    fit = sum(e / d for e, d in pairs)
    spread = sum((e / d) ** 2 for e, d in pairs)
    scale = fit / spread if spread > 0 else 1.0
    return sum(((scale * e - d) / d) ** 2 for e, d in pairs) / max(len(pairs), 1), len(pairs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("edges")
    parser.add_argument("positions")
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    value, pairs = stress(read_edges(arguments.edges), read_positions(arguments.positions), arguments.sources,
                          arguments.seed)
    print(f"{value:.4f} over {pairs} pairs")


if __name__ == "__main__":
    main()
