#!/usr/bin/env bash
# Exports every bundled scenario as GraphML and GEXF with `geodep export`, then checks the files with real
# readers: networkx (node and edge counts, a few values) and jing (the GEXF 1.3 RelaxNG schema, kept beside
# this script). Needs python3 with networkx, and jing. Run from the repository root.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

expected="$out/expected.json"
echo "{" > "$expected"
first=1
for scenario in scenarios/*.ron; do
    name="$(basename "$scenario" .ron)"
    cargo run --quiet -- export "$scenario" --out "$out/$name.graphml"
    cargo run --quiet -- export "$scenario" --out "$out/$name.gexf"
    # The expected counts, from the scenario's own text (bundled scenarios are in canonical form: a record a
    # constructor); votes and events are not edges.
    nodes="$(grep -o 'Actor(' "$scenario" | wc -l)"
    edges="$(grep -oE '(EnergyFlow|SanctionStance|Tie)\(' "$scenario" | wc -l)"
    [ "$first" = 1 ] || echo "," >> "$expected"
    first=0
    printf '"%s": {"nodes": %s, "edges": %s}' "$name" "$nodes" "$edges" >> "$expected"
done
echo "}" >> "$expected"

python3 "$here/check_exports.py" "$out" "$expected"
for file in "$out"/*.gexf; do
    # Debian's jing warns about optional jars it does not need; its verdict is its exit status and stdout.
    jing "$here/gexf-1.3/gexf.rng" "$file" 2> >(grep -v "Unable to locate" >&2)
done
echo "GEXF 1.3 schema: every export valid"
