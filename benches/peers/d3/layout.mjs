// d3-force on an edge list (source,target[,weight] CSV), for scripts/bench-peers.sh: d3's default forces (link,
// many-body, centre), 300 ticks, positions written as id,x,y. The time printed is the simulation's alone, from
// the loaded graph to the last tick, like the figure GeoDep's `layout` command prints.
import { readFileSync, writeFileSync } from "node:fs";
import { forceSimulation, forceLink, forceManyBody, forceCenter } from "d3-force";

const [input, output, ticksArgument] = process.argv.slice(2);
const ticks = Number(ticksArgument ?? 300);
const lines = readFileSync(input, "utf8").split("\n").filter((line) => line.trim() !== "");
const start = lines[0].toLowerCase().startsWith("source,target") ? 1 : 0;
const index = new Map();
const nodes = [];
const links = [];
const node = (id) => {
  if (!index.has(id)) {
    index.set(id, nodes.length);
    nodes.push({ id });
  }
  return index.get(id);
};
for (const line of lines.slice(start)) {
  const [source, target] = line.split(",");
  links.push({ source: node(source), target: node(target) });
}
const began = process.hrtime.bigint();
const simulation = forceSimulation(nodes)
  .force("link", forceLink(links))
  .force("charge", forceManyBody())
  .force("center", forceCenter(0, 0))
  .stop();
for (let tick = 0; tick < ticks; tick += 1) simulation.tick();
const milliseconds = Number(process.hrtime.bigint() - began) / 1e6;
writeFileSync(output, "id,x,y\n" + nodes.map((n) => `${n.id},${n.x.toFixed(3)},${n.y.toFixed(3)}`).join("\n") + "\n");
console.error(`d3-force: laid out ${nodes.length} nodes and ${links.length} links in ${milliseconds.toFixed(1)} ms`);
