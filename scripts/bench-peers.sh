#!/usr/bin/env bash
# GeoDep against its peers, side by side on the same generated inputs in one run:
#   1. the layout against graphviz sfdp and d3-force (scripts/bench_peers.py says what is measured and how);
#   2. graph frames against egui_graphs' default view (scripts/bench_frames_peers.sh).
# Installs what it needs from the package registries: graphviz and Node.js from Debian's packages (as root, or
# through sudo), d3-force from the npm registry, egui_graphs from crates.io; builds GeoDep in release mode.
# Prints two Markdown tables of times, stresses and ratios; docs/performance.md quotes them.
#
# Usage: scripts/bench-peers.sh [options of scripts/bench_peers.py, e.g. --runs 1 --sizes 1000x5000]
# Set BENCH_PEERS_FRAMES=0 to leave out the frames (the layout table alone takes a minute; the frames, which
# build egui_graphs, several).
set -euo pipefail
cd "$(dirname "$0")/.."

install_packages() {
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y "$@" >/dev/null
    else
        sudo apt-get install -y "$@" >/dev/null
    fi
}
command -v sfdp >/dev/null || install_packages graphviz
command -v node >/dev/null && command -v npm >/dev/null || install_packages nodejs npm
(cd benches/peers/d3 && npm ci --no-audit --no-fund --silent)
cargo build --release --quiet --bin geodep
geodep="${CARGO_TARGET_DIR:-target}/release/geodep"
echo "$(uname -m), $(nproc) cores; $(sfdp -V 2>&1 | head -1); d3-force $(node -p "require('./benches/peers/d3/node_modules/d3-force/package.json').version"); node $(node --version)"
echo
python3 scripts/bench_peers.py --geodep "$geodep" "$@"
if [ "${BENCH_PEERS_FRAMES:-1}" != 0 ]; then
    echo
    scripts/bench_frames_peers.sh
fi
