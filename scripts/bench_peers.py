#!/usr/bin/env python3
"""GeoDep's force layout against graphviz sfdp and d3-force, on the same generated graphs, in the same run.

    scripts/bench_peers.py --geodep target/release/geodep [--sizes 1000x5000,5000x25000] [--runs 3]

For each size, `geodep generate` writes a scenario of that many actors and ties, and `geodep layout --edges-out`
writes the graph GeoDep lays out for it as an edge list; that one edge list is the input of every tool. Each tool
runs --runs times (the layouts are deterministic; the fastest run counts): GeoDep's `layout` command, `sfdp
-Tplain` on the same graph in DOT, and d3-force (default forces, 300 ticks) under Node.js. Times are wall-clock
times of the whole process (reading, laying out, writing), and the layout's own time where the tool prints it
(GeoDep and d3; sfdp prints none). Stress is scripts/stress.py's normalised stress against graph distances.
scripts/bench-peers.sh installs the peers and runs this.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import stress  # noqa: E402


def timed(command, **options):
    began = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **options)
    elapsed = (time.perf_counter() - began) * 1000.0
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed, result


def inner_milliseconds(stderr):
    found = re.search(r"in ([0-9.]+) ms", stderr)
    return float(found.group(1)) if found else None


def write_dot(edges_csv, dot_path):
    with open(edges_csv) as source, open(dot_path, "w") as dot:
        dot.write("graph G {\n")
        for line in source.read().splitlines()[1:]:
            a, b = line.split(",")[:2]
            dot.write(f'  "{a}" -- "{b}";\n')
        dot.write("}\n")


def plain_to_positions(plain_text, positions_path):
    with open(positions_path, "w") as out:
        out.write("id,x,y\n")
        for line in plain_text.splitlines():
            if line.startswith("node "):
                fields = line.split()
                out.write(f"{fields[1].strip(chr(34))},{fields[2]},{fields[3]}\n")


def best_of(runs, run_once):
    results = [run_once() for _ in range(runs)]
    return min(results, key=lambda result: result[0])


def bench_size(geodep, actors, ties, runs, work):
    scenario = os.path.join(work, f"generated-{actors}.ron")
    edges = os.path.join(work, f"edges-{actors}.csv")
    timed([geodep, "generate", "--actors", str(actors), "--ties", str(ties), "--seed", "1", "--out", scenario,
           "--overwrite"])
    first_step = os.path.join(work, "first-step.csv")
    timed([geodep, "layout", scenario, "--out", first_step, "--edges-out", edges, "--iterations", "1"])
    neighbours = stress.read_edges(edges)
    links = sum(1 for _ in open(edges)) - 1
    rows = []

    geodep_out = os.path.join(work, f"geodep-{actors}.csv")
    wall, result = best_of(runs, lambda: timed([geodep, "layout", edges, "--out", geodep_out]))
    rows.append(("GeoDep", wall, inner_milliseconds(result.stderr), geodep_out))

    dot = os.path.join(work, f"edges-{actors}.dot")
    write_dot(edges, dot)
    wall, result = best_of(runs, lambda: timed(["sfdp", "-Tplain", dot]))
    sfdp_out = os.path.join(work, f"sfdp-{actors}.csv")
    plain_to_positions(result.stdout, sfdp_out)
    rows.append(("sfdp", wall, None, sfdp_out))

    d3_out = os.path.join(work, f"d3-{actors}.csv")
    d3_script = os.path.join(ROOT, "benches", "peers", "d3", "layout.mjs")
    wall, result = best_of(runs, lambda: timed(["node", d3_script, edges, d3_out, "300"]))
    rows.append(("d3-force (300 ticks)", wall, inner_milliseconds(result.stderr), d3_out))

    measured = []
    for name, wall, inner, positions in rows:
        value, _ = stress.stress(neighbours, stress.read_positions(positions), 200, 1)
        measured.append((name, wall, inner, value))
    return len(neighbours), links, measured


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geodep", default=os.path.join(ROOT, "target", "release", "geodep"))
    parser.add_argument("--sizes", default="1000x5000,5000x25000")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    print("| graph (nodes / links) | tool | wall ms | layout ms | stress | time vs GeoDep | stress vs GeoDep |")
    print("|---|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        for size in arguments.sizes.split(","):
            actors, ties = (int(part) for part in size.split("x"))
            nodes, links, measured = bench_size(arguments.geodep, actors, ties, arguments.runs, work)
            _, geodep_wall, _, geodep_stress = measured[0]
            for name, wall, inner, value in measured:
                inner_text = f"{inner:.0f}" if inner is not None else "–"
                print(f"| {nodes:,} / {links:,} | {name} | {wall:.0f} | {inner_text} | {value:.4f} | "
                      f"{wall / geodep_wall:.2f} | {value / geodep_stress:.3f} |", flush=True)


if __name__ == "__main__":
    main()
