"""The line charts' geometry and drawing, and the figures' formatting they and the pages use."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from followup.statistics.charts import (
    LARGEST,
    MAX_SERIES,
    ChartSeries,
    build_line_chart,
    marker_path,
    nice_step,
    nice_ticks,
    year_ticks,
)
from followup.statistics.formatting import (
    format_change,
    format_number,
    format_value,
    tick_labels,
)
from followup.statistics.models import Indicator

NBSP = "\u00a0"


def plain(value: float) -> str:
    return f"{value:g}"


def chart(*series: ChartSeries, **options):
    options.setdefault("formatter", plain)
    options.setdefault("title", "Immigrants")
    return build_line_chart(list(series), **options)


# Nice numbers


@pytest.mark.parametrize(
    ("rough", "step"),
    [(0.06, 0.1), (0.2, 0.2), (0.3, 0.5), (1.0, 1.0), (1.2, 2.0), (3.0, 5.0), (12.2e6, 2e7)],
)
def test_nice_step_is_the_next_one_two_or_five(rough, step):
    assert nice_step(rough) == step


@pytest.mark.parametrize(
    ("low", "high", "ticks", "step"),
    [
        (0, 5000, [0, 1000, 2000, 3000, 4000, 5000], 1000),
        (1000, 5000, [0, 1000, 2000, 3000, 4000, 5000], 1000),  # zero always on the axis
        (-3, -1, [-3, -2, -1, 0], 1),  # negatives: zero at the top
        (-250, 400, [-400, -200, 0, 200, 400], 200),
        (0.1, 0.3, [0, 0.1, 0.2, 0.3], 0.1),  # no 0.30000000000000004
        (5, 5, [0, 1, 2, 3, 4, 5], 1),  # equal values
        (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1.0], 0.2),  # all zero, or no data
        (0, 6.5e10, [0, 2e10, 4e10, 6e10, 8e10], 2e10),  # very large
    ],
)
def test_nice_ticks_cover_the_values_and_zero_with_round_steps(low, high, ticks, step):
    assert nice_ticks(low, high) == (ticks, step)


@pytest.mark.parametrize(
    ("rough", "step"),
    [(0.0, 1e-9), (5e-324, 1e-9), (1e-300, 1e-9), (1.5e308, 1e15), (float("inf"), 1e15)],
)
def test_nice_step_stays_within_the_axis_bounds(rough, step):
    """No math domain error at zero, no overflow near the float limits."""
    assert nice_step(rough) == step


@pytest.mark.parametrize(
    ("low", "high", "ticks", "step"),
    [
        (0, 5e-324, [0, 0.2, 0.4, 0.6, 0.8, 1.0], 0.2),  # drawn as zero
        (-1e-300, 1e-300, [0, 0.2, 0.4, 0.6, 0.8, 1.0], 0.2),
        (0, 1.5e308, [0, 2e14, 4e14, 6e14, 8e14, 1e15], 2e14),  # stops at LARGEST
        (-1.5e308, 1.5e308, [-1e15, -5e14, 0, 5e14, 1e15], 5e14),
        (0, 3e-9, [0, 1e-9, 2e-9, 3e-9], 1e-9),  # the finest step
    ],
)
def test_nice_ticks_of_figures_near_the_float_limits(low, high, ticks, step):
    assert nice_ticks(low, high) == (ticks, step)


def test_nice_ticks_refuse_nan():
    with pytest.raises(ValueError, match="an axis covers numbers, got NaN"):
        nice_ticks(float("nan"), 1.0)


def test_year_ticks_label_every_year_when_few_else_round_years():
    assert year_ticks([2015, 2016, 2017, 2018, 2019, 2020]) == [2015, 2016, 2017, 2018, 2019, 2020]
    assert year_ticks(list(range(1975, 2025))) == [1980, 1990, 2000, 2010, 2020]
    assert year_ticks([2020]) == [2020]
    assert year_ticks([]) == []


# Geometry


def test_chart_maps_zero_to_the_bottom_and_the_top_tick_to_the_top():
    drawn = chart(ChartSeries("Mexico", {2015: 0.0, 2020: 5000.0}))

    first, last = drawn.lines[0].points
    assert (first.x, first.y) == (drawn.left, drawn.bottom)
    assert (last.x, last.y) == (drawn.right, drawn.top)
    assert [tick.label for tick in drawn.y_ticks] == ["0", *(f"{n}{NBSP}k" for n in range(1, 6))]
    assert [tick.position for tick in drawn.y_ticks] == [270.0, 218.4, 166.8, 115.2, 63.6, 12.0]
    assert [tick.label for tick in drawn.x_ticks] == [
        "2015",
        "2016",
        "2017",
        "2018",
        "2019",
        "2020",
    ]


def test_chart_of_one_point_puts_it_in_the_middle_without_a_line():
    drawn = chart(ChartSeries("Mexico", {2020: 61_000_000.0}))

    (line,) = drawn.lines
    (point,) = line.points
    assert point.x == round((drawn.left + drawn.right) / 2, 1)
    # 61 million on an axis from 0 to 80 million.
    assert point.y == pytest.approx(
        drawn.top + (drawn.bottom - drawn.top) * (1 - 61 / 80), abs=0.05
    )
    assert line.runs == ()
    assert [tick.label for tick in drawn.x_ticks] == ["2020"]
    assert not drawn.is_empty


def test_chart_breaks_a_line_where_a_year_of_the_chart_is_missing():
    drawn = chart(
        ChartSeries("Mexico", {2000: 1.0, 2001: 2.0, 2003: 3.0, 2004: 4.0}),
        ChartSeries("Canada", {2000: 1.0, 2001: 1.0, 2002: 1.0, 2003: 1.0, 2004: 1.0}),
    )

    mexico, canada = drawn.lines
    assert len(mexico.runs) == 2
    assert [run.count(",") for run in mexico.runs] == [2, 2]
    assert len(canada.runs) == 1
    assert canada.runs[0].count(",") == 5


def test_chart_joins_figures_of_consecutive_years_of_a_sparse_series():
    """A series every five years is one line: its years are the chart's years."""
    drawn = chart(ChartSeries("Mexico", {1990: 1.0, 1995: 2.0, 2000: 3.0}))

    assert len(drawn.lines[0].runs) == 1
    assert drawn.lines[0].runs[0].count(",") == 3


def test_chart_breaks_lines_at_years_asked_for_even_without_figures():
    drawn = chart(ChartSeries("Mexico", {1990: 1.0, 2000: 3.0}), years=[1990, 1995, 2000])

    assert drawn.lines[0].runs == ()
    assert len(drawn.lines[0].points) == 2


def test_chart_of_equal_values_draws_a_flat_line_inside_the_plot():
    drawn = chart(ChartSeries("Mexico", {2018: 7.0, 2019: 7.0, 2020: 7.0}))

    heights = {point.y for point in drawn.lines[0].points}
    assert len(heights) == 1
    assert drawn.top <= heights.pop() < drawn.bottom


def test_chart_of_negative_values_marks_the_zero_line_above_them():
    drawn = chart(ChartSeries("Net migration", {2019: -3.0, 2020: -1.0}))

    zero = [tick for tick in drawn.y_ticks if tick.zero]
    assert [tick.position for tick in zero] == [drawn.top]
    assert all(point.y > drawn.top for point in drawn.lines[0].points)
    assert [tick.label for tick in drawn.y_ticks] == ["-3", "-2", "-1", "0"]


def test_chart_of_very_large_values_labels_its_axis_in_billions():
    drawn = chart(ChartSeries("Remittances", {2014: 6.0e10, 2015: 6.5e10}))

    assert [tick.label for tick in drawn.y_ticks] == [
        "0",
        f"20{NBSP}bn",
        f"40{NBSP}bn",
        f"60{NBSP}bn",
        f"80{NBSP}bn",
    ]


def test_chart_without_figures_is_empty():
    drawn = chart(ChartSeries("Mexico", {}))

    assert drawn.is_empty
    assert drawn.lines[0].points == ()
    assert drawn.x_ticks == ()


def test_chart_titles_each_point_with_the_formatter():
    drawn = chart(
        ChartSeries("Mexico", {2020: 1200.0}),
        formatter=lambda value: format_value(value, Indicator.Unit.PERSONS),
    )

    assert drawn.lines[0].points[0].label == "Mexico, 2020: 1,200 persons"


def test_chart_tells_series_apart_by_dash_and_marker_not_colour_alone():
    drawn = chart(*(ChartSeries(f"Country {n}", {2020: float(n)}) for n in range(MAX_SERIES)))

    styles = {(line.dash, line.legend_marker, line.hollow) for line in drawn.lines}
    assert len(styles) == MAX_SERIES
    assert len({line.dash for line in drawn.lines}) == MAX_SERIES
    assert len({line.css_class for line in drawn.lines}) == MAX_SERIES


def test_chart_refuses_more_series_than_it_can_tell_apart():
    with pytest.raises(ValueError, match="at most 8 series, got 9"):
        chart(*(ChartSeries(str(n), {2020: 1.0}) for n in range(9)))


def test_chart_leaves_out_figures_too_large_to_draw_and_counts_them():
    drawn = chart(
        ChartSeries("Mexico", {2018: 1.0e6, 2019: 1.5e308, 2020: 2.0e6}),
        ChartSeries("Canada", {2019: -1.5e308, 2020: float("nan")}),
        ChartSeries("Peru", {2020: float("inf")}),
    )

    assert drawn.left_out == 4
    assert [point.year for point in drawn.lines[0].points] == [2018, 2020]
    assert drawn.lines[0].runs == ()  # 2019 is on the axis without a drawn figure
    assert drawn.lines[1].points == drawn.lines[2].points == ()
    assert [tick.label for tick in drawn.x_ticks] == ["2018", "2019", "2020"]
    assert drawn.y_ticks[-1].label == f"2.0{NBSP}M"  # the axis of the figures drawn


def test_chart_draws_the_largest_figure_it_allows():
    drawn = chart(ChartSeries("Mexico", {2020: LARGEST, 2021: -LARGEST}))

    assert drawn.left_out == 0
    assert [tick.label for tick in drawn.y_ticks] == [
        label.replace(" ", NBSP) for label in ("-1,000 tn", "-500 tn", "0", "500 tn", "1,000 tn")
    ]


def test_chart_of_figures_all_but_zero_draws_them_on_the_axis_of_zero():
    drawn = chart(ChartSeries("Mexico", {2019: 5e-324, 2020: 1e-300}))

    assert drawn.left_out == 0
    assert [tick.label for tick in drawn.y_ticks] == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"]
    assert {point.y for point in drawn.lines[0].points} == {drawn.bottom}


def test_marker_paths_are_closed_shapes_centred_on_the_point():
    assert marker_path("square", 10, 10) == "M6.8 6.8L13.2 6.8L13.2 13.2L6.8 13.2z"
    assert marker_path("circle", 10, 10) == "M6.5 10.0a3.5 3.5 0 1 0 7.0 0a3.5 3.5 0 1 0 -7.0 0z"


# Drawing


def test_template_draws_an_image_with_title_description_lines_and_legend():
    drawn = chart(
        ChartSeries("Mexico", {2015: 1000.0, 2020: 1200.0}),
        ChartSeries("Canada", {2015: 2000.0, 2020: 1200.0}),
        description="Total",
        slug="chart-test",
    )

    html = render_to_string("statistics/includes/line_chart.html", {"chart": drawn})

    assert 'role="img" aria-labelledby="chart-test-title chart-test-desc"' in html
    assert '<title id="chart-test-title">Immigrants</title>' in html
    assert '<desc id="chart-test-desc">Total</desc>' in html
    assert html.count("<polyline ") == 2
    assert html.count('stroke-dasharray="7 3"') == 2  # Canada's line and its legend sample
    assert html.count('class="chart-marker"') == 6  # 4 points, 2 legend samples
    assert "<title>Canada, 2020: 1200</title>" in html
    assert re.findall(r"</svg>([^<]+)</li>", html) == ["Mexico", "Canada"]


def test_template_writes_coordinates_unlocalized_in_spanish():
    drawn = chart(ChartSeries("México", {2015: 1.5, 2020: 2.5}))

    with translation.override("es"):
        html = render_to_string("statistics/includes/line_chart.html", {"chart": drawn})

    coordinates = re.findall(r'(?:x|y|x1|x2|y1|y2)="([^"]+)"', html)
    assert coordinates
    assert all("," not in value for value in coordinates)
    assert 'points="' in html
    assert "," in re.search(r'points="([^"]+)"', html).group(1)  # x,y pairs


def test_template_says_when_there_is_nothing_to_draw():
    html = render_to_string(
        "statistics/includes/line_chart.html", {"chart": chart(ChartSeries("Mexico", {}))}
    )

    assert "No figures to draw." in html
    assert "<svg" not in html


def test_template_says_how_many_figures_are_too_large_to_draw():
    one = chart(ChartSeries("Mexico", {2019: 1.0, 2020: 1.5e308}))
    two = chart(ChartSeries("Mexico", {2019: 1.5e308, 2020: 1.5e308}))

    html = render_to_string("statistics/includes/line_chart.html", {"chart": one})
    assert "1 figure is too large to draw and is left out of the chart; the table gives it." in html
    assert "<svg" in html
    html = render_to_string("statistics/includes/line_chart.html", {"chart": two})
    assert (
        "2 figures are too large to draw and are left out of the chart; the table gives them."
        in html
    )
    assert "No figures to draw." in html
    html = render_to_string(
        "statistics/includes/line_chart.html", {"chart": chart(ChartSeries("Mexico", {2020: 1.0}))}
    )
    assert "too large" not in html


def test_template_leaves_out_the_legend_of_a_single_series():
    html = render_to_string(
        "statistics/includes/line_chart.html",
        {"chart": chart(ChartSeries("Mexico", {2015: 1.0, 2020: 2.0}))},
    )

    assert "chart-legend" not in html


# Formatting


def test_format_number_groups_digits_in_the_visitors_language():
    assert format_number(61_000_000) == "61,000,000"
    assert format_number(1234.56, 1) == "1,234.6"
    with translation.override("es"):
        assert format_number(61_000_000) == f"61{NBSP}000{NBSP}000"
        assert format_number(1234.56, 1) == f"1{NBSP}234,6"


def test_format_number_never_writes_minus_zero():
    assert format_number(-0.4) == "0"
    assert format_number(-0.04, 1) == "0.0"


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "expected"),
    [
        (61_000_000, Indicator.Unit.PERSONS, 0, "61,000,000 persons"),
        (1, Indicator.Unit.PERSONS, 0, "1 person"),
        (6.5e10, Indicator.Unit.US_DOLLARS, 0, "US$ 65,000,000,000"),
        (12.46, Indicator.Unit.PERCENT, 1, f"12.5{NBSP}%"),
        (3.14, Indicator.Unit.PER_THOUSAND, 2, "3.14 per 1,000"),
        (42, Indicator.Unit.NUMBER, 0, "42"),
    ],
)
def test_format_value_writes_the_unit(value, unit, decimals, expected):
    assert format_value(value, unit, decimals) == expected


def test_format_change_writes_the_sign():
    assert format_change(20) == f"+20.0{NBSP}%"
    assert format_change(-40) == f"\u221240.0{NBSP}%"
    assert format_change(0.01) == f"0.0{NBSP}%"


@pytest.mark.parametrize(
    ("ticks", "step", "unit", "labels"),
    [
        ([0, 2e7, 4e7, 6e7], 2e7, "", ["0", "20 M", "40 M", "60 M"]),
        ([0, 5e5, 1e6, 1.5e6], 5e5, "", ["0", "0.5 M", "1.0 M", "1.5 M"]),
        ([0, 250, 500], 250, "", ["0", "250", "500"]),
        ([0, 0.2, 0.4], 0.2, "", ["0", "0.2", "0.4"]),
        ([0, 2e12, 4e12], 2e12, "", ["0", "2 tn", "4 tn"]),
        ([0, 20, 40], 20, Indicator.Unit.PERCENT, ["0", "20 %", "40 %"]),
        ([0, 2000, 4000], 2000, Indicator.Unit.PERCENT, ["0", "2,000 %", "4,000 %"]),
    ],
)
def test_tick_labels_share_one_scale_per_axis(ticks, step, unit, labels):
    assert tick_labels(ticks, step, unit) == [label.replace(" ", NBSP) for label in labels]


def test_tick_labels_use_the_languages_decimal_mark():
    with translation.override("es"):
        labels = tick_labels([0, 5e5, 1e6], 5e5)

    assert labels[1].startswith("0,5")
