#!/usr/bin/env python3
"""Writes assets/world-50m.bin, the country outlines the map draws, from Natural Earth's 1:50m countries as
the npm package world-atlas 2.0.2 ships them (TopoJSON; Natural Earth is public domain, world-atlas is ISC,
see assets/README.md).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip install pycountry
    scripts/make_world_map.py package/countries-50m.json assets/world-50m.bin

The file, all numbers little-endian:
    b"GDWORLD1", u16 country count; then per country:
    3 bytes ISO 3166-1 alpha-3 id ("   " when the shape has none), u8 name length, the name (UTF-8),
    u16 polygon count; per polygon: u16 ring count (the outline first, then holes);
    per ring: u32 point count, then per point i16 longitude and i16 latitude in hundredths of a degree.
"""
import json
import struct
import sys

import pycountry

# Shapes Natural Earth gives no ISO numeric code. Kosovo has no ISO 3166-1 code; XKX is the id the European
# Commission and the bundled scenarios use for it. The others are left without an id (drawn, never an actor).
WITHOUT_NUMERIC = {"Kosovo": "XKX"}


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs, indices):
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    quantised = []
    for lon, lat in points:
        point = (round(lon * 100), round(lat * 100))
        if not quantised or quantised[-1] != point:
            quantised.append(point)
    return quantised


def alpha3(geometry):
    name = geometry["properties"]["name"]
    if "id" not in geometry:
        return WITHOUT_NUMERIC.get(name, "   ")
    country = pycountry.countries.get(numeric=geometry["id"])
    return country.alpha_3 if country else "   "


def main(source, out):
    topology = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topology)
    geometries = [g for g in topology["objects"]["countries"]["geometries"] if g.get("arcs")]
    data = bytearray(b"GDWORLD1")
    data += struct.pack("<H", len(geometries))
    for geometry in geometries:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        name = geometry["properties"]["name"].encode("utf-8")
        data += alpha3(geometry).encode("ascii") + struct.pack("<B", len(name)) + name
        data += struct.pack("<H", len(polygons))
        for polygon in polygons:
            rings = [ring(arcs, indices) for indices in polygon]
            rings = [points for points in rings if len(points) >= 3]
            data += struct.pack("<H", len(rings))
            for points in rings:
                data += struct.pack("<I", len(points))
                for lon, lat in points:
                    data += struct.pack("<hh", lon, lat)
    open(out, "wb").write(data)
    print(f"{out}: {len(geometries)} countries, {len(data)} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
