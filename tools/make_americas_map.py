"""Write followup/maps/americas.json: the 35 OAS member states as SVG paths, for the choropleths.

The geometry is Natural Earth's 1:50m countries (public domain) as the npm package world-atlas
2.0.2 ships it, in TopoJSON. It is fetched only to regenerate the file, never at run time:

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz && pwd
    cd -  # back to the repository
    .venv/bin/python tools/make_americas_map.py THAT_FOLDER/package/countries-50m.json

What it does, in order:
1. decodes the TopoJSON (quantized, delta-encoded arcs; a reference ~i is arc i backwards);
2. keeps the member states (ISO 3166-1 numeric ids mapped to alpha-3 with pycountry), leaving
   out parts across the antimeridian (the western Aleutians) or west of 170°W, and the islands
   centred north of 74°N (Canada's Queen Elizabeth Islands, which the projection stretches and
   which would make the map an eighth taller);
3. projects with Miller's cylindrical projection, which keeps the shapes familiar from
   north of Canada to Cape Horn, into a 1,000-unit-wide viewBox;
4. rounds to 0.1 unit, simplifies each shared arc once with Douglas–Peucker (so neighbours
   keep identical borders), drops repeated points and rings that round to nothing;
5. marks as "small" the states whose area would be too small to see or hover, and places a
   circle marker for each at its centroid, moved just enough that no two markers overlap.

Each state gets its path, the centroid of its largest part, "small" and, if small, "marker".
"""

import itertools
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pycountry

from followup.program.registry.states import MEMBER_STATES

OUTPUT = Path(__file__).resolve().parent.parent / "followup" / "maps" / "americas.json"
SOURCE = "Natural Earth 1:50m countries via the npm package world-atlas 2.0.2, public domain"
PROJECTION = "Miller cylindrical; parts west of 170°W and islands north of 74°N left out"

WIDTH = 1000.0
MARGIN = 5.0
WEST_LIMIT = -170.0
ARCTIC_LIMIT = 74.0
# Coordinates are kept as integers in tenths of a unit until written out.
PRECISION = 10
# Simplification drops points off the line by less than this (in tenths: a quarter unit, well
# under a pixel on any screen), which halves the file (85 KB instead of 190 KB).
TOLERANCE = 2.5
# Below this area (in square units) a state is a few pixels wide on a page: the Bahamas are
# about 63 and Jamaica 52, while El Salvador, at 92, can still be seen and hovered.
SMALL_AREA = 80.0
# Small states get a circle this big (in units) to be seen and hovered; circles closer than
# MARKER_GAP to each other are pushed apart (the Lesser Antilles lie 5 to 15 units apart).
MARKER_RADIUS = 6.0
MARKER_GAP = 2.0

LonLat = tuple[float, float]
Point = tuple[int, int]
T = TypeVar("T")


def decode_arcs(topology: dict[str, Any]) -> dict[int, list[LonLat]]:
    (scale_x, scale_y) = topology["transform"]["scale"]
    (shift_x, shift_y) = topology["transform"]["translate"]
    arcs = {}
    for index, arc in enumerate(topology["arcs"]):
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs[index] = points
    return arcs


def join_arcs(refs: Iterable[int], arcs: Mapping[int, Sequence[T]]) -> list[T]:
    """One ring from its arc references: each arc starts where the previous one ended."""
    points: list[T] = []
    for ref in refs:
        arc = list(arcs[ref]) if ref >= 0 else list(arcs[~ref])[::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """A geometry's polygons, each a list of rings (outer ring first), each a list of arc refs."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def in_frame(outer: Sequence[LonLat]) -> bool:
    longitudes = [lon for lon, _ in outer]
    latitudes = [lat for _, lat in outer]
    if min(longitudes) < WEST_LIMIT or max(longitudes) > 0:
        return False
    return (min(latitudes) + max(latitudes)) / 2 <= ARCTIC_LIMIT


def miller(lon: float, lat: float) -> tuple[float, float]:
    """Miller's projection in radians, y growing northwards."""
    return math.radians(lon), 1.25 * math.log(math.tan(math.pi / 4 + 0.4 * math.radians(lat)))


def simplify(points: Sequence[Point]) -> list[Point]:
    """Douglas–Peucker: keep the point farthest from the chord while it is farther than
    TOLERANCE. Both ends stay, as the neighbouring arcs share them."""
    keep = {0, len(points) - 1}
    spans = [(0, len(points) - 1)]
    while spans:
        first, last = spans.pop()
        farthest, distance = None, float(TOLERANCE)
        for index in range(first + 1, last):
            offset = chord_distance(points[index], points[first], points[last])
            if offset > distance:
                farthest, distance = index, offset
        if farthest is not None:
            keep.add(farthest)
            spans += [(first, farthest), (farthest, last)]
    return [points[index] for index in sorted(keep)]


def chord_distance(point: Point, start: Point, end: Point) -> float:
    """Distance from the point to the line through start and end (to start if they coincide)."""
    (x, y), (x0, y0), (x1, y1) = point, start, end
    length = math.dist(start, end)
    if length == 0:
        return math.dist(point, start)
    return abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length


def clean_ring(points: Sequence[Point]) -> list[Point]:
    """The ring without repeated points or its closing point; empty if it encloses nothing."""
    ring: list[Point] = []
    for point in points:
        if not ring or point != ring[-1]:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring if len(ring) >= 3 and signed_area(ring) != 0 else []


def signed_area(ring: Sequence[Point]) -> float:
    return sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True)
    ) / (2 * PRECISION * PRECISION)


def centroid(ring: Sequence[Point]) -> tuple[float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (round(cx / (3 * area) / PRECISION, 1), round(cy / (3 * area) / PRECISION, 1))


def number(tenths: int) -> str:
    whole, tenth = divmod(abs(tenths), PRECISION)
    text = f"{whole}.{tenth}" if tenth else str(whole)
    return f"-{text}" if tenths < 0 else text


def path_data(rings: Sequence[Sequence[Point]]) -> str:
    """An absolute move to each ring's start, then relative lines: short, and free of drift
    because the deltas are taken between already rounded points."""
    parts = []
    for ring in rings:
        deltas = []
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            deltas += [number(x1 - x0), number(y1 - y0)]
        parts.append(f"M{joined([number(ring[0][0]), number(ring[0][1])])}l{joined(deltas)}Z")
    return "".join(parts)


def joined(tokens: Sequence[str]) -> str:
    """Numbers separated by a space, or by nothing before a minus sign, as SVG paths allow."""
    text = tokens[0]
    for token in tokens[1:]:
        text += token if token.startswith("-") else f" {token}"
    return text


def place_markers(centroids: Mapping[str, tuple[float, float]]) -> dict[str, list[float]]:
    """Marker positions near each centroid, no two overlapping: overlapping pairs are pushed
    apart along the line joining them until none overlap (the template draws a leader line
    from the centroid to a moved marker)."""
    spacing = 2 * MARKER_RADIUS + MARKER_GAP
    codes = sorted(centroids)
    position = {code: list(centroids[code]) for code in codes}
    for _ in range(500):
        moved = False
        for first, second in itertools.combinations(codes, 2):
            (x0, y0), (x1, y1) = position[first], position[second]
            distance = math.dist((x0, y0), (x1, y1))
            if distance >= spacing - 0.01:
                continue
            # Coincident markers part vertically, the direction the Antilles chain runs.
            dx, dy = ((x1 - x0) / distance, (y1 - y0) / distance) if distance else (0.0, 1.0)
            push = (spacing - distance) / 2
            position[first] = [x0 - dx * push, y0 - dy * push]
            position[second] = [x1 + dx * push, y1 + dy * push]
            moved = True
        if not moved:
            break
    return {code: [round(x, 1), round(y, 1)] for code, (x, y) in position.items()}


def outline(
    shape: Sequence[Sequence[Sequence[int]]], arcs: Mapping[int, Sequence[Point]]
) -> list[tuple[list[Point], bool]]:
    """The rings that survive rounding, each with whether it is an outer ring."""
    rings = []
    for polygon in shape:
        outer = clean_ring(join_arcs(polygon[0], arcs))
        if not outer:
            continue
        rings.append((outer, True))
        for hole_refs in polygon[1:]:
            hole = clean_ring(join_arcs(hole_refs, arcs))
            if hole:
                rings.append((hole, False))
    return rings


def build(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    numeric_to_code = {
        pycountry.countries.get(alpha_3=state["country"]).numeric: state["country"]  # type: ignore[union-attr]
        for state in MEMBER_STATES
    }
    shapes: dict[str, list[list[list[int]]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = numeric_to_code.get(geometry.get("id", ""))
        if code is not None:
            shapes[code] = [
                polygon for polygon in polygons(geometry) if in_frame(join_arcs(polygon[0], arcs))
            ]
    missing = sorted(set(numeric_to_code.values()) - set(shapes))
    if missing:
        raise SystemExit(f"no geometry for {', '.join(missing)}")

    used = {
        ref if ref >= 0 else ~ref
        for rings in shapes.values()
        for ring in rings
        for refs in ring
        for ref in refs
    }
    projected = {index: [miller(lon, lat) for lon, lat in arcs[index]] for index in used}
    xs = [x for points in projected.values() for x, _ in points]
    ys = [y for points in projected.values() for _, y in points]
    scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
    height = math.ceil((max(ys) - min(ys)) * scale + 2 * MARGIN)

    def to_units(point: tuple[float, float]) -> Point:
        x, y = point
        return (
            round(((x - min(xs)) * scale + MARGIN) * PRECISION),
            round(((max(ys) - y) * scale + MARGIN) * PRECISION),
        )

    exact = {index: [to_units(point) for point in points] for index, points in projected.items()}
    simplified = {index: simplify(points) for index, points in exact.items()}

    paths, centroids, small = {}, {}, set()
    for code in sorted(shapes):
        rings = outline(shapes[code], simplified) or outline(shapes[code], exact)
        outers = [ring for ring, is_outer in rings if is_outer]
        area = sum(abs(signed_area(ring)) * (1 if is_outer else -1) for ring, is_outer in rings)
        paths[code] = path_data([ring for ring, _ in rings])
        centroids[code] = centroid(max(outers, key=lambda ring: abs(signed_area(ring))))
        if area < SMALL_AREA:
            small.add(code)
    markers = place_markers({code: centroids[code] for code in small})
    countries = {
        code: {"path": paths[code], "centroid": centroids[code], "small": code in small}
        | ({"marker": markers[code]} if code in small else {})
        for code in paths
    }
    return {
        "source": SOURCE,
        "projection": PROJECTION,
        "viewBox": f"0 0 {round(WIDTH)} {height}",
        "markerRadius": MARKER_RADIUS,
        "countries": countries,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    data = build(topology)
    OUTPUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(data['countries'])} states, {OUTPUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
