#!/usr/bin/env bash
# GeoDep's graph frames against egui_graphs' default graph view, on the same generated graphs, in one run.
#
# For each size (states / ties), `geodep generate` writes a scenario and `geodep layout` its node positions and
# links; GeoDep's view (benches/graph_frame_peers.rs, the nodes pinned at those positions) and egui_graphs'
# (benches/peers/egui_graphs, the same nodes at the same positions, the same links) are then timed frame by frame
# in the same way (benches/peers/egui_graphs/src/frames.rs): CPU time of egui's run and tessellation on a
# 1920 × 1080 screen, median of 50 frames after 10 of warm-up, for an idle, a hover and a pan frame.
# Prints a Markdown table with the ratio egui_graphs / GeoDep; docs/performance.md quotes it.
#
# Everything comes from crates.io through cargo. Usage: scripts/bench_frames_peers.sh [STATES:TIES …]
# (default: 200:2000 2000:20000 10000:100000). CARGO_TARGET_DIR is GeoDep's build directory as usual;
# PEER_TARGET_DIR is egui_graphs' (default: benches/peers/egui_graphs/target).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200:2000 2000:20000 10000:100000)
target_dir=${CARGO_TARGET_DIR:-target}
peer_manifest=benches/peers/egui_graphs/Cargo.toml
peer_target_dir=${PEER_TARGET_DIR:-benches/peers/egui_graphs/target}

echo "bench_frames_peers: building GeoDep and the egui_graphs peer (release)" >&2
cargo build --release --quiet --bin geodep
cargo bench --quiet --bench graph_frame_peers --no-run
cargo build --release --quiet --locked --manifest-path "$peer_manifest" --target-dir "$peer_target_dir"
geodep="$target_dir/release/geodep"
peer="$peer_target_dir/release/geodep-peer-egui-graphs"

# The version of a package in a Cargo.lock.
locked_version() { awk -v name="$2" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$1"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results.txt"
for size in "${sizes[@]}"; do
    states=${size%:*}
    ties=${size#*:}
    dir="$work/$states"
    mkdir -p "$dir"
    "$geodep" generate --actors "$states" --ties "$ties" --flows 0 --seed 1 --out "$dir/g.ron" >&2
    "$geodep" layout "$dir/g.ron" --out "$dir/pos.csv" --edges-out "$dir/edges.csv"
    echo "bench_frames_peers: $states states, $ties ties: GeoDep" >&2
    cargo bench --quiet --bench graph_frame_peers -- "$dir/g.ron" "$dir/pos.csv" | sed "s/^/size=$states:$ties /" | tee -a "$results" >&2
    echo "bench_frames_peers: $states states, $ties ties: egui_graphs" >&2
    "$peer" "$dir/pos.csv" "$dir/edges.csv" | sed "s/^/size=$states:$ties /" | tee -a "$results" >&2
done

echo "$(uname -m), $(nproc) cores; GeoDep $(git rev-parse --short HEAD) with egui $(locked_version Cargo.lock egui);" \
    "egui_graphs $(locked_version benches/peers/egui_graphs/Cargo.lock egui_graphs)" \
    "with egui $(locked_version benches/peers/egui_graphs/Cargo.lock egui); $(rustc --version)"
echo
# One row per size and kind of frame: GeoDep's default view (thinned links) and with every link, egui_graphs',
# and the ratios. Times are the median CPU time of a frame, in milliseconds.
awk '
    function field(name,   i, pair) {
        for (i = 1; i <= NF; i++) { split($i, pair, "="); if (pair[1] == name) return pair[2] }
        return ""
    }
    function thousands(n,   text) {
        text = n ""
        while (text ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", text)
        return text
    }
    $2 == "scene" {
        key = field("size") SUBSEP field("variant")
        drawn[key] = thousands(field("nodes")) " / " thousands(field("edges_shown"))
        next
    }
    $2 == "frame" {
        size = field("size")
        if (!(size in seen)) { seen[size] = 1; order[++sizes] = size }
        ms[size, field("tool"), field("variant"), field("kind")] = field("cpu_median_ms")
        if (field("tool") == "egui_graphs") given[size] = thousands(field("nodes")) " / " thousands(field("edges"))
    }
    END {
        print "| states / ties | frame | GeoDep default ms | GeoDep all links ms | egui_graphs ms | egui_graphs / GeoDep default | egui_graphs / GeoDep all links |"
        print "|---|---|---:|---:|---:|---:|---:|"
        split("idle hover pan", kinds, " ")
        for (s = 1; s <= sizes; s++) {
            size = order[s]
            split(size, parts, ":")
            for (k = 1; k <= 3; k++) {
                kind = kinds[k]
                base = ms[size, "geodep", "default", kind]
                all = ms[size, "geodep", "all-links", kind]
                peer = ms[size, "egui_graphs", "default", kind]
                printf "| %s / %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", thousands(parts[1]), thousands(parts[2]), kind, base, all, peer, peer / base, peer / all
            }
        }
        print ""
        print "Nodes / links drawn (GeoDep default; GeoDep all links; egui_graphs):"
        for (s = 1; s <= sizes; s++) {
            size = order[s]
            split(size, parts, ":")
            printf "- %s / %s: %s; %s; %s\n", thousands(parts[1]), thousands(parts[2]), drawn[size, "default"], drawn[size, "all-links"], given[size]
        }
    }
' "$results"
