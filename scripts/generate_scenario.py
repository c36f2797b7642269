#!/usr/bin/env python3
"""Writes synthetic scenario files for the measurements in docs/reliability.md.

    scripts/generate_scenario.py valid MEGABYTES OUT.ron      # a valid scenario of about that size
    scripts/generate_scenario.py misspelt ACTORS REFS OUT.ron  # REFS energy flows naming misspelt suppliers
"""
import sys


def actor(index):
    return f'        Actor(id: "A{index:06}", name: "Actor number {index}", kind: State, sources: ["s"]),\n'


def flow(supplier, consumer, year):
    return (
        f'        EnergyFlow(supplier: "{supplier}", consumer: "{consumer}", commodity: Gas, share: 0.01, '
        f'year: {year}, sources: ["s"]),\n'
    )


def write(out, actors, flows):
    with open(out, "w") as file:
        file.write('Scenario(\n    format: 1,\n    title: "Synthetic",\n    actors: [\n')
        file.writelines(actors)
        file.write("    ],\n    energy: [\n")
        file.writelines(flows)
        file.write('    ],\n    sources: [\n        Source(id: "s", title: "Synthetic"),\n    ],\n)\n')


def valid(megabytes, out):
    count = max(10, int(megabytes * 1024 * 1024 / 125))
    actor_count = max(10, count // 20)
    actors = (actor(index) for index in range(actor_count))
    # Each consumer gets at most 20 suppliers at 0.01 a year, so no share sum exceeds one.
    flows = (
        flow(f"A{(index * 7 + 1) % actor_count:06}", f"A{index % actor_count:06}", 2000 + index // actor_count)
        for index in range(count)
    )
    write(out, actors, flows)


def misspelt(actor_count, reference_count, out):
    actors = (actor(index) for index in range(actor_count))
    flows = (
        flow(f"A{index % actor_count:06}x", f"A{(index + 1) % actor_count:06}", 2020)
        for index in range(reference_count)
    )
    write(out, actors, flows)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "valid":
        valid(float(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "misspelt":
        misspelt(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
