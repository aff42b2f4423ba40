"""Line charts of figures over the years, drawn on the server as inline SVG by the template
statistics/includes/line_chart.html: no script library, nothing fetched, and a picture that
prints and scales like text. Every chart goes beside a table of the same figures, which is
what a screen reader reads; the SVG is one image with a title and a description.

Geometry, in the SVG's own units (its viewBox):
- x: years, evenly spaced from the first to the last year of the chart; a single year sits in
  the middle.
- y: from the lower to the upper "nice" tick (1, 2 or 5 × a power of ten apart). Zero is always
  inside the axis, so that a line's height compares with the others' honestly; all-equal or
  all-zero values still get an axis.
- A series is drawn as one polyline per run of consecutive years of the chart: it breaks
  where it has no figure for a year the chart shows, rather than drawing across the gap. Each
  figure is also a marker with its own <title> (the tooltip).
- Series differ by colour, dash pattern and marker shape together (STYLES), so the legend
  does not rely on colour alone.
- The axis spans figures up to LARGEST in size, in steps of at least FINEST. A figure beyond
  LARGEST (or not a number) is left out of the drawing and counted in `left_out`, for the
  template to say so: the table beside gives it. Figures closer to zero than FINEST are drawn
  as zero.
"""

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext as _

from followup.statistics.formatting import tick_labels

MAX_SERIES = 8
# (dash pattern, marker shape, hollow marker), one per series in order; colours are the CSS
# classes chart-series-0 … chart-series-7 (site.css, from the Okabe–Ito palette).
STYLES: tuple[tuple[str, str, bool], ...] = (
    ("", "circle", False),
    ("7 3", "square", False),
    ("2 3", "triangle", False),
    ("10 3 2 3", "diamond", False),
    ("4 4", "triangle-down", False),
    ("12 4 2 4 2 4", "circle", True),
    ("1 3", "square", True),
    ("6 2 2 2", "triangle", True),
)
MARKER_SIZE = 3.5
# Room left for the axes' labels: an estimate of a character's width at the chart's font size.
CHAR_WIDTH = 7.0
# The axis's bounds. Larger figures would need labels wider than the plot (and overflow floats
# near 1e308); finer steps, labels of more decimals than any indicator shows. Imports refuse
# figures beyond these; older stored figures must still not break a page.
LARGEST = 1e15
FINEST = 1e-9


@dataclass(frozen=True)
class ChartSeries:
    """What to draw: a label and a figure per year (a year without a figure is left out)."""

    label: str
    values: Mapping[int, float]


@dataclass(frozen=True)
class Tick:
    position: float
    label: str
    zero: bool = False


@dataclass(frozen=True)
class Point:
    year: int
    value: float
    x: float
    y: float
    marker: str  # the marker's SVG path
    label: str  # "Mexico, 2020: 61,000,000 persons"


@dataclass(frozen=True)
class Line:
    label: str
    css_class: str
    dash: str
    hollow: bool
    runs: tuple[str, ...]  # polyline `points`, one per run of consecutive years (2+ figures)
    points: tuple[Point, ...]
    legend_marker: str  # the marker's path in the legend's 30 × 12 sample


@dataclass(frozen=True)
class LineChart:
    # Prefix of the chart's ids, so that several charts can share a page.
    slug: str
    title: str
    description: str
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    lines: tuple[Line, ...] = field(default_factory=tuple)
    left_out: int = 0  # figures too large to draw (see LARGEST)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def is_empty(self) -> bool:
        return not any(line.points for line in self.lines)

    @property
    def y_label_x(self) -> float:
        return self.left - 6

    @property
    def x_label_y(self) -> float:
        return self.bottom + 18

    @property
    def x_tick_end(self) -> float:
        return self.bottom + 5


def build_line_chart(
    series: Sequence[ChartSeries],
    *,
    formatter: Callable[[float], str],
    title: str,
    description: str = "",
    years: Iterable[int] = (),
    unit: str = "",
    slug: str | None = None,
    width: int = 640,
    height: int = 300,
) -> LineChart:
    """A chart of up to MAX_SERIES series over `years` and every year a series has a figure
    for. `formatter` writes a figure for a marker's tooltip ("61,000,000 persons"); axis
    ticks use the short forms of formatting.tick_labels with `unit`. Figures beyond LARGEST
    are left out (their years stay on the axis) and counted in `left_out`."""
    if len(series) > MAX_SERIES:
        raise ValueError(f"a chart draws at most {MAX_SERIES} series, got {len(series)}")
    axis_years = sorted(set(years).union(*(s.values for s in series)))
    drawn = [
        ChartSeries(one.label, {year: v for year, v in one.values.items() if drawable(v)})
        for one in series
    ]
    left_out = sum(len(one.values) for one in series) - sum(len(one.values) for one in drawn)
    values = [value for s in drawn for value in s.values.values()]
    y_values, step = nice_ticks(min(values, default=0.0), max(values, default=0.0))
    y_labels = tick_labels(y_values, step, unit)
    left = 12 + CHAR_WIDTH * max(len(label) for label in y_labels)
    top, right, bottom = 12.0, width - 16.0, height - 30.0
    low, high = y_values[0], y_values[-1]

    def x_of(year: int) -> float:
        if len(axis_years) < 2:
            return (left + right) / 2
        first, last = axis_years[0], axis_years[-1]
        return left + (year - first) / (last - first) * (right - left)

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    def make_point(shape: str, label: str, year: int, value: float) -> Point:
        x, y = round(x_of(year), 1), round(y_of(value), 1)
        return Point(
            year,
            value,
            x,
            y,
            marker_path(shape, x, y),
            _("%(series)s, %(year)s: %(value)s")
            % {"series": label, "year": year, "value": formatter(value)},
        )

    lines = []
    for index, one in enumerate(drawn):
        dash, shape, hollow = STYLES[index]
        points = tuple(
            make_point(shape, one.label, year, one.values[year])
            for year in axis_years
            if year in one.values
        )
        lines.append(
            Line(
                label=one.label,
                css_class=f"chart-series-{index}",
                dash=dash,
                hollow=hollow,
                runs=tuple(
                    " ".join(f"{point.x},{point.y}" for point in run)
                    for run in _runs(points, axis_years)
                    if len(run) > 1
                ),
                points=points,
                legend_marker=marker_path(shape, 15, 6),
            )
        )
    return LineChart(
        slug=slug or f"chart-{slugify(title)}".rstrip("-"),
        title=title,
        description=description,
        width=width,
        height=height,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        x_ticks=tuple(Tick(round(x_of(year), 1), str(year)) for year in year_ticks(axis_years)),
        y_ticks=tuple(
            Tick(round(y_of(value), 1), label, zero=value == 0)
            for value, label in zip(y_values, y_labels, strict=True)
        ),
        lines=tuple(lines),
        left_out=left_out,
    )


def drawable(value: float) -> bool:
    """Whether the axis can hold the figure: a number no larger than LARGEST in size."""
    return math.isfinite(value) and abs(value) <= LARGEST


def _runs(points: Sequence[Point], axis_years: Sequence[int]) -> list[list[Point]]:
    """The points cut where the series skips a year of the axis."""
    position = {year: index for index, year in enumerate(axis_years)}
    runs: list[list[Point]] = []
    for point in points:
        if runs and position[point.year] == position[runs[-1][-1].year] + 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


def nice_step(rough: float) -> float:
    """The smallest of 1, 2 and 5 × a power of ten that is at least `rough`, which is first
    brought within FINEST to LARGEST: beyond them, log10 and powers of ten fail or overflow,
    and labels would run to hundreds of digits."""
    if math.isnan(rough):
        raise ValueError("a step is a number, got NaN")
    rough = min(max(rough, FINEST), LARGEST)
    exponent = math.floor(math.log10(rough))
    for mantissa in (1, 2, 5, 10):
        step = mantissa * 10.0**exponent
        if step >= rough * (1 - 1e-9):
            return _clean(step, exponent)
    raise AssertionError("unreachable: 10 × 10^e is always ≥ rough")


def _clean(number: float, exponent: int) -> float:
    """Binary floats write 0.1 × 3 as 0.30000000000000004; round to the step's decimals."""
    return round(number, max(0, -exponent + 1))


def nice_ticks(low: float, high: float, count: int = 5) -> tuple[list[float], float]:
    """About `count` + 1 ticks a nice step apart, covering low, high and zero; and the step.
    The axis stops at ±LARGEST; values all closer to zero than FINEST get the axis of zero,
    from 0 to 1."""
    if math.isnan(low) or math.isnan(high):
        raise ValueError("an axis covers numbers, got NaN")
    low, high = max(min(low, 0.0), -LARGEST), min(max(high, 0.0), LARGEST)
    if high - low < FINEST:
        low, high = 0.0, 1.0
    step = nice_step((high - low) / count)
    exponent = math.floor(math.log10(step))
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    return [_clean(k * step, exponent) for k in range(first, last + 1)], step


YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)
MAX_YEAR_TICKS = 9


def year_ticks(years: Sequence[int]) -> list[int]:
    """The years to label: every year when few, else the multiples of a round step."""
    if not years:
        return []
    first, last = years[0], years[-1]
    for step in YEAR_STEPS:
        ticks = [year for year in range(first, last + 1) if year % step == 0]
        if len(ticks) <= MAX_YEAR_TICKS:
            return ticks or [first]
    return [first, last]


# Polygons as offsets from the centre, in marker sizes; any other shape is a circle.
POLYGONS: dict[str, tuple[tuple[float, float], ...]] = {
    "square": ((-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)),
    "triangle": ((0, -1.2), (1.1, 0.8), (-1.1, 0.8)),
    "triangle-down": ((0, 1.2), (1.1, -0.8), (-1.1, -0.8)),
    "diamond": ((0, -1.25), (1.25, 0), (0, 1.25), (-1.25, 0)),
}


def marker_path(shape: str, x: float, y: float, size: float = MARKER_SIZE) -> str:
    """An SVG path of the marker centred on (x, y)."""
    corners = POLYGONS.get(shape)
    if corners is None:
        return (
            f"M{x - size:.1f} {y:.1f}a{size:.1f} {size:.1f} 0 1 0 {2 * size:.1f} 0"
            f"a{size:.1f} {size:.1f} 0 1 0 {-2 * size:.1f} 0z"
        )
    return "M" + "L".join(f"{x + dx * size:.1f} {y + dy * size:.1f}" for dx, dy in corners) + "z"
