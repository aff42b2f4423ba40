import math
import re
from collections import Counter
from xml.etree import ElementTree

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from followup.maps import build_choropleth, equal_breaks, quantile_breaks
from followup.maps.choropleth import Choropleth, bin_of
from followup.maps.geometry import americas
from followup.program.registry.states import MEMBER_STATES
from tools import make_americas_map

SVG = "{http://www.w3.org/2000/svg}"
PERCENT_BREAKS = [0, 20, 40, 60, 80, 100]
MEMBER_CODES = {state["country"] for state in MEMBER_STATES}
SMALL_STATES = {"ATG", "BHS", "BRB", "DMA", "GRD", "JAM", "KNA", "LCA", "TTO", "VCT"}


def percent(value: float) -> str:
    return f"{value:g} %"


def percent_map(values, **options) -> Choropleth:
    options.setdefault("title", "Recommendations implemented")
    return build_choropleth(values, breaks=PERCENT_BREAKS, formatter=percent, **options)


def areas_by_code(choropleth: Choropleth):
    return {area.code: area for area in choropleth.areas}


def view_box_size() -> tuple[float, float]:
    _, _, width, height = (float(number) for number in americas().view_box.split())
    return width, height


def svg_of(html: str, slug: str) -> ElementTree.Element:
    match = re.search(rf'<figure class="map" id="{slug}">\s*(<svg.*?</svg>)', html, re.DOTALL)
    assert match is not None
    # Our own template's output, not untrusted input.
    return ElementTree.fromstring(match.group(1))  # noqa: S314


def drawn_areas(svg: ElementTree.Element) -> list[ElementTree.Element]:
    return [element for element in svg.iter() if "map-area" in element.get("class", "").split()]


# The geometry file


def test_geometry_holds_exactly_the_member_states():
    assert americas().codes == MEMBER_CODES
    assert len(MEMBER_CODES) == 35


def test_geometry_paths_are_closed_outlines():
    for shape in americas().shapes:
        assert re.fullmatch(r"(M[^MZ]+l[^MZ]+Z)+", shape.path), shape.code


def test_geometry_centroids_and_markers_lie_inside_the_view_box():
    width, height = view_box_size()
    for shape in americas().shapes:
        for x, y in [shape.centroid, *([shape.marker] if shape.marker else [])]:
            assert 0 < x < width, shape.code
            assert 0 < y < height, shape.code


def test_geometry_marks_the_caribbean_islands_small():
    assert {shape.code for shape in americas().shapes if shape.small} == SMALL_STATES
    assert {shape.code for shape in americas().shapes if shape.marker} == SMALL_STATES


def test_geometry_markers_do_not_overlap():
    geometry = americas()
    markers = [shape.marker for shape in geometry.shapes if shape.marker]
    closest = min(
        math.dist(first, second)
        for index, first in enumerate(markers)
        for second in markers[index + 1 :]
    )
    assert closest >= 2 * geometry.marker_radius


# Binning


def test_build_choropleth_bins_values_with_a_break_going_up():
    values = {
        "ARG": 0,
        "BRA": 19.9,
        "CAN": 20,
        "CHL": 59.99,
        "COL": 60,
        "PER": 45,
        "MEX": 80,
        "USA": 100,
    }

    areas = areas_by_code(percent_map(values))

    assert {code: areas[code].bin for code in values} == {
        "ARG": 0,
        "BRA": 0,
        "CAN": 1,
        "CHL": 2,
        "COL": 3,
        "PER": 2,
        "MEX": 4,
        "USA": 4,
    }
    assert areas["CAN"].css_class == "map-bin-1"
    assert areas["USA"].css_class == "map-bin-4"


def test_bin_of_puts_the_top_break_in_the_last_bin():
    assert [bin_of(value, [10, 20, 30]) for value in (10, 15, 20, 29.9, 30)] == [0, 0, 1, 1, 1]


@pytest.mark.parametrize(
    ("breaks", "classes"),
    [
        ([0, 100], ["map-bin-2"]),
        ([0, 50, 100], ["map-bin-0", "map-bin-4"]),
        ([0, 30, 60, 100], ["map-bin-0", "map-bin-2", "map-bin-4"]),
        ([0, 25, 50, 75, 100], ["map-bin-0", "map-bin-1", "map-bin-3", "map-bin-4"]),
    ],
)
def test_build_choropleth_spreads_fewer_bins_over_the_whole_ramp(breaks, classes):
    choropleth = build_choropleth({"ARG": 1}, breaks=breaks, formatter=percent, title="Map")

    assert [entry.css_class for entry in choropleth.legend][: len(classes)] == classes


def test_build_choropleth_labels_areas_and_legend_with_the_formatter():
    choropleth = percent_map({"ARG": 45})

    assert areas_by_code(choropleth)["ARG"].label == "Argentina: 45 %"
    assert areas_by_code(choropleth)["ARG"].value == 45.0
    assert [(entry.label, entry.css_class) for entry in choropleth.legend] == [
        ("0 % – 20 %", "map-bin-0"),
        ("20 % – 40 %", "map-bin-1"),
        ("40 % – 60 %", "map-bin-2"),
        ("60 % – 80 %", "map-bin-3"),
        ("80 % – 100 %", "map-bin-4"),
        ("No data", "map-no-data"),
    ]


def test_build_choropleth_shows_states_without_a_value_as_no_data():
    areas = areas_by_code(percent_map({"ARG": None, "BRA": 10}))

    assert (areas["ARG"].value, areas["ARG"].bin, areas["ARG"].css_class) == (
        None,
        None,
        "map-no-data",
    )
    assert areas["ARG"].label == "Argentina: no data"
    assert areas["CHL"].label == "Chile: no data"
    assert Counter(area.css_class for area in areas.values()) == {"map-no-data": 34, "map-bin-0": 1}


def test_build_choropleth_leaves_no_data_out_of_the_legend_when_every_state_has_a_value():
    choropleth = percent_map(dict.fromkeys(MEMBER_CODES, 50))

    assert [entry.label for entry in choropleth.legend][-1] == "80 % – 100 %"


def test_build_choropleth_ignores_codes_of_non_member_states():
    choropleth = percent_map({"FRA": 10, "ESP": float("nan"), "XXX": 500, "ARG": 10})

    assert {area.code for area in choropleth.areas} == MEMBER_CODES
    assert areas_by_code(choropleth)["ARG"].bin == 0


def test_build_choropleth_lists_one_area_per_member_state_by_name():
    choropleth = percent_map({})

    names = [area.name for area in choropleth.areas]
    assert len(names) == 35
    assert names[:3] == ["Antigua and Barbuda", "Argentina", "Bahamas"]
    assert names[-1] == "Venezuela"


def test_build_choropleth_links_every_area_when_given_a_link():
    areas = areas_by_code(percent_map({"ARG": 10}, link=lambda code: f"/states/{code}/"))

    assert areas["ARG"].href == "/states/ARG/"
    assert areas["CHL"].href == "/states/CHL/"
    assert percent_map({}).areas[0].href is None


def test_build_choropleth_makes_its_slug_from_the_title():
    assert percent_map({}, title="Migración en 2024").slug == "map-migracion-en-2024"
    assert percent_map({}, title="Progress", slug="progress-2").slug == "progress-2"


# Bad input


@pytest.mark.parametrize(
    ("breaks", "message"),
    [
        ([0], "breaks need 2 to 6 numbers (1 to 5 bins), got 1"),
        ([0, 1, 2, 3, 4, 5, 6], "breaks need 2 to 6 numbers (1 to 5 bins), got 7"),
        ([0, 40, 20, 100], "breaks must be strictly ascending, got 0, 40, 20, 100"),
        ([0, 20, 20, 100], "breaks must be strictly ascending, got 0, 20, 20, 100"),
        ([0, float("nan"), 100], "breaks must be finite numbers, got 0, nan, 100"),
    ],
)
def test_build_choropleth_rejects_bad_breaks(breaks, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        build_choropleth({}, breaks=breaks, formatter=percent, title="Map")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), "the value for ARG is not a number"),
        (120, "the value for ARG, 120, is outside the breaks (0 to 100)"),
        (-5, "the value for ARG, -5, is outside the breaks (0 to 100)"),
    ],
)
def test_build_choropleth_rejects_bad_values(value, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        percent_map({"ARG": value})


def test_build_choropleth_rejects_a_slug_that_cannot_be_an_id():
    message = (
        "slug must be lowercase letters, digits and hyphens, starting with a letter, got '2 maps'"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        percent_map({}, slug="2 maps")


# Breaks for statistics


def test_equal_breaks_divides_the_range_evenly():
    assert equal_breaks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert equal_breaks(-10, 10, count=4) == [-10, -5, 0, 5, 10]
    assert equal_breaks(0, 1, count=1) == [0, 1]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((10, 10), "high (10) must be greater than low (10)"),
        ((10, 0), "high (0) must be greater than low (10)"),
        ((0, float("inf")), "low and high must be finite numbers, got 0 and inf"),
        ((0, 100, 6), "count must be between 1 and 5, got 6"),
        ((0, 100, 0), "count must be between 1 and 5, got 0"),
    ],
)
def test_equal_breaks_rejects_bad_input(arguments, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        equal_breaks(*arguments)


def test_quantile_breaks_put_as_many_values_in_each_bin():
    # Inclusive quantiles of 1..10 fall at 1 + 9 * k / 5.
    assert quantile_breaks([*range(1, 11), None]) == pytest.approx([1, 2.8, 4.6, 6.4, 8.2, 10])


def test_quantile_breaks_merge_bins_on_ties():
    # Cuts at 1 + 4 * 0.2 = 1.8 of the sorted values: 1 + 0.8 * (5 - 1), then 5, 5 and 5.
    assert quantile_breaks([5, 5, 1, 5, 5]) == pytest.approx([1, 4.2, 5])
    assert quantile_breaks([1, 5, 5, 5, 5], count=2) == [1, 5]


def test_quantile_breaks_give_one_value_a_bin_from_zero():
    assert quantile_breaks([7, None, 7]) == [0, 7]
    assert quantile_breaks([-3]) == [-3, 0]
    assert quantile_breaks([0]) == [0, 1]


def test_quantile_breaks_work_with_build_choropleth():
    values = {"ARG": 1200, "BRA": 85000, "CAN": 410000, "CHL": 1200, "MEX": 9300}

    choropleth = build_choropleth(
        values, breaks=quantile_breaks(values.values()), formatter=str, title="Migrants"
    )

    assert areas_by_code(choropleth)["CAN"].bin == len(choropleth.legend) - 2


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([], "quantile breaks need at least one value"),
        ([None], "quantile breaks need at least one value"),
        ([1, float("nan")], "quantile breaks need finite numbers, got NaN or infinity"),
    ],
)
def test_quantile_breaks_reject_bad_input(values, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        quantile_breaks(values)


# The template


def test_template_draws_an_accessible_svg_with_one_titled_area_per_state():
    choropleth = percent_map({"ARG": 45, "CAN": 100}, description="Share implemented")

    html = render_to_string("maps/choropleth.html", {"map": choropleth})

    svg = svg_of(html, choropleth.slug)
    assert svg.get("role") == "img"
    assert svg.get("viewBox") == americas().view_box
    assert svg.get("aria-labelledby") == (
        "map-recommendations-implemented-title map-recommendations-implemented-desc"
    )
    assert svg.find(f"{SVG}title").text == "Recommendations implemented"
    assert svg.find(f"{SVG}desc").text == "Share implemented"
    areas = {area.get("data-code"): area for area in drawn_areas(svg)}
    assert len(areas) == 35
    assert areas["ARG"].get("class") == "map-area map-bin-2"
    assert areas["ARG"].find(f"{SVG}title").text == "Argentina: 45 %"
    assert areas["CAN"].get("class") == "map-area map-bin-4"
    assert areas["CHL"].get("class") == "map-area map-no-data"
    assert areas["CHL"].find(f"{SVG}title").text == "Chile: no data"
    assert areas["ARG"].find(f"{SVG}path").get("d") == areas_by_code(choropleth)["ARG"].path


def test_template_hatches_no_data_with_its_own_pattern():
    choropleth = percent_map({"ARG": 45})

    svg = svg_of(render_to_string("maps/choropleth.html", {"map": choropleth}), choropleth.slug)

    areas = {area.get("data-code"): area for area in drawn_areas(svg)}
    assert areas["CHL"].get("fill") == "url(#map-recommendations-implemented-no-data)"
    assert areas["ARG"].get("fill") is None
    pattern = svg.find(f"{SVG}defs/{SVG}pattern")
    assert pattern.get("id") == "map-recommendations-implemented-no-data"


def test_template_draws_circles_for_small_states_on_top():
    choropleth = percent_map({"BRB": 80})

    svg = svg_of(render_to_string("maps/choropleth.html", {"map": choropleth}), choropleth.slug)

    areas = drawn_areas(svg)
    with_circle = [area.get("data-code") for area in areas if area.find(f"{SVG}circle") is not None]
    assert set(with_circle) == SMALL_STATES
    assert with_circle == [area.get("data-code") for area in areas[-len(SMALL_STATES) :]]
    barbados = next(area for area in areas if area.get("data-code") == "BRB")
    assert barbados.get("class") == "map-area map-bin-4"


def test_template_wraps_areas_in_links_out_of_the_tab_order_and_lists_them():
    choropleth = percent_map({"ARG": 45}, link=lambda code: f"/states/{code.lower()}/")

    html = render_to_string("maps/choropleth.html", {"map": choropleth})

    areas = {area.get("data-code"): area for area in drawn_areas(svg_of(html, choropleth.slug))}
    assert areas["ARG"].tag == f"{SVG}a"
    assert (areas["ARG"].get("href"), areas["ARG"].get("tabindex")) == ("/states/arg/", "-1")
    assert '<li><a href="/states/arg/">Argentina: 45 %</a></li>' in html


def test_template_lists_the_legend_in_the_caption():
    choropleth = percent_map({"ARG": 45})

    html = render_to_string("maps/choropleth.html", {"map": choropleth})

    caption = re.search(r"<figcaption.*</figcaption>", html, re.DOTALL).group(0)
    legend = re.findall(
        r'<span class="map-swatch ([\w-]+)" aria-hidden="true"></span>([^<]+)<', caption
    )
    assert legend == [
        ("map-bin-0", "0 % – 20 %"),
        ("map-bin-1", "20 % – 40 %"),
        ("map-bin-2", "40 % – 60 %"),
        ("map-bin-3", "60 % – 80 %"),
        ("map-bin-4", "80 % – 100 %"),
        ("map-no-data", "No data"),
    ]


def test_template_keeps_ids_unique_with_two_maps_on_a_page():
    first = percent_map({"ARG": 45}, title="Progress", description="By state")
    second = percent_map({"ARG": 45}, title="Migrants", description="By country")

    html = render_to_string("maps/choropleth.html", {"map": first}) + render_to_string(
        "maps/choropleth.html", {"map": second}
    )

    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == 8
    assert len(set(ids)) == len(ids)
    for choropleth in (first, second):
        svg = svg_of(html, choropleth.slug)
        assert svg.get("aria-labelledby").split() == [
            element.get("id") for element in (svg.find(f"{SVG}title"), svg.find(f"{SVG}desc"))
        ]


def test_template_writes_coordinates_unlocalized_in_spanish():
    translation.activate("es")
    choropleth = percent_map({"BRB": 80})

    svg = svg_of(render_to_string("maps/choropleth.html", {"map": choropleth}), choropleth.slug)

    circles = list(svg.iter(f"{SVG}circle"))
    assert len(circles) == len(SMALL_STATES)
    for circle in circles:
        assert re.fullmatch(r"\d+(\.\d+)?", circle.get("cx"))
        assert re.fullmatch(r"\d+(\.\d+)?", circle.get("r"))
    assert "Brasil" in {area.name for area in choropleth.areas}


# The generator (tools/make_americas_map.py)


def test_generator_decodes_delta_encoded_arcs_and_reverses_negative_references():
    topology = {
        "transform": {"scale": [0.5, 2], "translate": [-10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 1]], [[2, 1], [-2, -1]]],
    }

    arcs = make_americas_map.decode_arcs(topology)

    assert arcs == {0: [(-10, 20), (-9, 20), (-9, 22)], 1: [(-9, 22), (-10, 20)]}
    assert make_americas_map.join_arcs([0, ~1], {0: "abc", 1: "dc"}) == list("abcd")
    assert make_americas_map.join_arcs([0, 1], arcs) == [(-10, 20), (-9, 20), (-9, 22), (-10, 20)]


def test_generator_simplifies_arcs_but_keeps_their_ends():
    line = [(0, 0), (10, 1), (20, 0), (30, 40), (40, 0), (50, 0)]

    assert make_americas_map.simplify(line) == [(0, 0), (20, 0), (30, 40), (40, 0), (50, 0)]


def test_generator_writes_compact_relative_paths_and_drops_empty_rings():
    points = [(100, 200), (100, 200), (115, 200), (115, 180), (100, 200)]

    ring = make_americas_map.clean_ring(points)

    assert make_americas_map.path_data([ring]) == "M10 20l1.5 0 0-2Z"
    assert make_americas_map.clean_ring([(0, 0), (10, 0), (20, 0), (0, 0)]) == []
