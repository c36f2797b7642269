#!/usr/bin/env python3
"""Writes synthetic scenario files for the measurements in docs/reliability.md.

    scripts/generate_scenario.py valid MEGABYTES OUT.ron      # a valid scenario of about that size
    scripts/generate_scenario.py misspelt ACTORS REFS OUT.ron  # REFS energy flows naming misspelt suppliers
    scripts/generate_scenario.py crowd ACTORS FLOWS TIES OUT.ron  # states in regions and blocs, to judge
                                                                  # how readable the views stay at scale
"""
import random
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


REGIONS = {
    "Africa": ["Northern Africa", "Western Africa", "Eastern Africa"],
    "Americas": ["South America", "Caribbean", "Northern America"],
    "Asia": ["Eastern Asia", "Southern Asia", "Western Asia"],
    "Europe": ["Eastern Europe", "Western Europe", "Southern Europe"],
    "Oceania": ["Melanesia", "Polynesia"],
}


def crowd(actor_count, flow_count, tie_count, out):
    """States spread over five regions, eleven sub-regions and four blocs; each consumer's supplies sum to at
    most one, ties have strengths from -1 to 1, and a fixed seed makes the file the same every time."""
    rng = random.Random(2023)
    regions = list(REGIONS)
    lines = []
    for index in range(actor_count):
        region = regions[index % len(regions)]
        subregion = REGIONS[region][(index // len(regions)) % len(REGIONS[region])]
        lines.append(
            f'        Actor(id: "S{index}", name: "State {index}", kind: State, region: "{region}", '
            f'subregion: "{subregion}", sources: ["s"]),\n'
        )
    for bloc in range(4):
        members = ", ".join(f'"S{index}"' for index in range(bloc, actor_count, 9))
        lines.append(f'        Actor(id: "B{bloc}", name: "Bloc {bloc}", kind: Bloc, members: [{members}]),\n')
    flows, left = [], [1.0] * actor_count
    for index in range(flow_count):
        consumer = index % actor_count
        supplier = (consumer + 1 + rng.randrange(actor_count - 1)) % actor_count
        share = round(min(left[consumer], rng.uniform(0.01, 0.4)), 3)
        if share < 0.005:
            continue
        left[consumer] -= share
        flows.append(
            f'        EnergyFlow(supplier: "S{supplier}", consumer: "S{consumer}", commodity: '
            f'{rng.choice(["Gas", "Oil", "Coal"])}, share: {share}, year: 2023, sources: ["s"]),\n'
        )
    ties = []
    for index in range(tie_count):
        a = index % actor_count
        b = (a + 1 + rng.randrange(actor_count - 1)) % actor_count
        strength = round(rng.uniform(-1, 1), 2)
        kind = "Partnership" if strength >= 0 else "Dispute"
        ties.append(f'        Tie(a: "S{a}", b: "S{b}", kind: {kind}, strength: {strength}, sources: ["s"]),\n')
    with open(out, "w") as file:
        file.write('Scenario(\n    format: 1,\n    title: "Crowd",\n    actors: [\n')
        file.writelines(lines)
        file.write("    ],\n    energy: [\n")
        file.writelines(flows)
        file.write("    ],\n    ties: [\n")
        file.writelines(ties)
        file.write('    ],\n    sources: [\n        Source(id: "s", title: "Synthetic"),\n    ],\n)\n')


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "valid":
        valid(float(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "misspelt":
        misspelt(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) == 6 and sys.argv[1] == "crowd":
        crowd(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    else:
        sys.exit(__doc__)
