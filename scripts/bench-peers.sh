#!/usr/bin/env bash
# GeoDep's layout against graphviz sfdp and d3-force, side by side on the same generated graphs (see
# scripts/bench_peers.py for what is measured and how). Installs what it needs from the package registries:
# graphviz from Debian's packages (as root, or through sudo), d3-force from the npm registry; builds GeoDep in
# release mode. Prints a Markdown table of times, stresses and ratios; docs/performance.md quotes it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v sfdp >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y graphviz >/dev/null; else sudo apt-get install -y graphviz >/dev/null; fi
fi
command -v node >/dev/null || { echo "bench-peers: Node.js is needed for d3-force (apt-get install nodejs npm)" >&2; exit 1; }
(cd benches/peers/d3 && npm ci --no-audit --no-fund --silent)
cargo build --release --quiet
nproc_note=$(nproc)
echo "$(uname -m), ${nproc_note} cores; $(sfdp -V 2>&1 | head -1); d3-force $(node -p "require('./benches/peers/d3/node_modules/d3-force/package.json').version"); node $(node --version)"
python3 scripts/bench_peers.py --geodep target/release/geodep "$@"
