"""Choropleth maps of the member states, drawn by the template maps/choropleth.html.

Values are sorted into at most five bins between `breaks`: a value equal to a break belongs to
the bin above it, and the top break to the last bin. Bins are coloured with ColorBrewer's
YlGnBu ramp (sequential and colour-blind safe), whose colours live in site.css as the classes
map-bin-0 (lightest) to map-bin-4 (darkest); a state without data is hatched, so that it is
not told apart by colour alone.

Bad arguments are a programming error, so they raise ValueError with a message for the
developer; everything a visitor reads is translated.
"""

import bisect
import itertools
import math
import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _

from followup.countries import country_name
from followup.i18n import collation_key
from followup.maps.geometry import americas

MAX_BINS = 5
NO_DATA_CLASS = "map-no-data"
SLUG_PATTERN = re.compile(r"[a-z][a-z0-9-]*")


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    path: str
    centroid: tuple[float, float]
    small: bool
    # Where a small state's circle goes: its centroid, moved off a neighbour's circle if need be.
    marker: tuple[float, float] | None
    value: float | None
    bin: int | None
    css_class: str
    label: str
    href: str | None

    @property
    def marker_moved(self) -> bool:
        return self.marker is not None and self.marker != self.centroid


@dataclass(frozen=True)
class LegendEntry:
    label: str
    css_class: str


@dataclass(frozen=True)
class Choropleth:
    # Prefix of every id in the map, so that two maps can share a page.
    slug: str
    view_box: str
    marker_radius: float
    title: str
    description: str
    # By name in the current language.
    areas: tuple[Area, ...]
    # One entry per bin, lowest first, then "No data" if any state has none.
    legend: tuple[LegendEntry, ...]


def build_choropleth(
    values: Mapping[str, float | None],
    *,
    breaks: Sequence[float],
    formatter: Callable[[float], str],
    title: str,
    description: str = "",
    link: Callable[[str], str] | None = None,
    slug: str | None = None,
) -> Choropleth:
    """A map of `values` by ISO 3166-1 alpha-3 code; codes of non-member states are ignored.

    `breaks` are the bins' bounds, ascending: [0, 20, 40, 60, 80, 100] makes five bins.
    `formatter` writes a value for a person ("45 %"); `link` gives a state's page, if any.
    `slug` prefixes the map's ids; it defaults to one made from the title.
    """
    edges = _checked_breaks(breaks)
    slug = _checked_slug(slug) if slug is not None else f"map-{slugify(title)}".rstrip("-")
    classes = _bin_classes(len(edges) - 1)
    geometry = americas()
    areas = []
    for shape in geometry.shapes:
        value = _checked_value(shape.code, values.get(shape.code), edges)
        name = country_name(shape.code)
        bin_ = None if value is None else bin_of(value, edges)
        areas.append(
            Area(
                code=shape.code,
                name=name,
                path=shape.path,
                centroid=shape.centroid,
                small=shape.small,
                marker=shape.marker,
                value=value,
                bin=bin_,
                css_class=NO_DATA_CLASS if bin_ is None else classes[bin_],
                label=(
                    _("%(name)s: no data") % {"name": name}
                    if value is None
                    else _("%(name)s: %(value)s") % {"name": name, "value": formatter(value)}
                ),
                href=link(shape.code) if link is not None else None,
            )
        )
    legend = [
        LegendEntry(
            label=_("%(low)s – %(high)s") % {"low": formatter(low), "high": formatter(high)},
            css_class=css_class,
        )
        for low, high, css_class in zip(edges, edges[1:], classes, strict=False)
    ]
    if any(area.bin is None for area in areas):
        legend.append(LegendEntry(label=_("No data"), css_class=NO_DATA_CLASS))
    return Choropleth(
        slug=slug,
        view_box=geometry.view_box,
        marker_radius=geometry.marker_radius,
        title=title,
        description=description,
        areas=tuple(sorted(areas, key=lambda area: collation_key(area.name))),
        legend=tuple(legend),
    )


def equal_breaks(low: float, high: float, count: int = MAX_BINS) -> list[float]:
    """Bounds of `count` bins of equal width from `low` to `high`."""
    _checked_count(count)
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"low and high must be finite numbers, got {low} and {high}")
    if high <= low:
        raise ValueError(f"high ({high}) must be greater than low ({low})")
    return [low + (high - low) * step / count for step in range(count)] + [high]


def quantile_breaks(values: Iterable[float | None], count: int = MAX_BINS) -> list[float]:
    """Bounds of up to `count` bins holding about as many of `values` each (None is skipped).

    Ties can merge bins, so there may be fewer. A single distinct value gets one bin from zero
    to it, so that a map of one reporting state still draws.
    """
    _checked_count(count)
    numbers = sorted(float(value) for value in values if value is not None)
    if not numbers:
        raise ValueError("quantile breaks need at least one value")
    if not all(math.isfinite(number) for number in numbers):
        raise ValueError("quantile breaks need finite numbers, got NaN or infinity")
    if numbers[0] == numbers[-1]:
        only = numbers[0]
        return [min(only, 0.0), max(only, 0.0)] if only else [0.0, 1.0]
    cuts = statistics.quantiles(numbers, n=count, method="inclusive") if count > 1 else []
    edges = [numbers[0]]
    for edge in [*cuts, numbers[-1]]:
        if edge > edges[-1]:
            edges.append(edge)
    return edges


def bin_of(value: float, breaks: Sequence[float]) -> int:
    """The bin holding the value: a value on a break goes up, the top break to the last bin."""
    return min(bisect.bisect_right(breaks, value) - 1, len(breaks) - 2)


def _bin_classes(count: int) -> list[str]:
    """CSS classes for `count` bins, spread over the whole ramp so that few bins still contrast."""
    if count == 1:
        return ["map-bin-2"]
    return [f"map-bin-{round(step * (MAX_BINS - 1) / (count - 1))}" for step in range(count)]


def _checked_breaks(breaks: Sequence[float]) -> list[float]:
    edges = [float(edge) for edge in breaks]
    if not 2 <= len(edges) <= MAX_BINS + 1:
        raise ValueError(
            f"breaks need 2 to {MAX_BINS + 1} numbers (1 to {MAX_BINS} bins), got {len(edges)}"
        )
    if not all(math.isfinite(edge) for edge in edges):
        raise ValueError(f"breaks must be finite numbers, got {_format_numbers(edges)}")
    if any(low >= high for low, high in itertools.pairwise(edges)):
        raise ValueError(f"breaks must be strictly ascending, got {_format_numbers(edges)}")
    return edges


def _checked_value(code: str, value: float | None, breaks: Sequence[float]) -> float | None:
    if value is None:
        return None
    number = float(value)
    if math.isnan(number):
        raise ValueError(f"the value for {code} is not a number")
    if not breaks[0] <= number <= breaks[-1]:
        raise ValueError(
            f"the value for {code}, {number:g}, is outside the breaks "
            f"({breaks[0]:g} to {breaks[-1]:g})"
        )
    return number


def _checked_count(count: int) -> None:
    if not 1 <= count <= MAX_BINS:
        raise ValueError(f"count must be between 1 and {MAX_BINS}, got {count}")


def _checked_slug(slug: str) -> str:
    if not SLUG_PATTERN.fullmatch(slug):
        raise ValueError(
            f"slug must be lowercase letters, digits and hyphens, starting with a letter, "
            f"got {slug!r}"
        )
    return slug


def _format_numbers(numbers: Iterable[float]) -> str:
    return ", ".join(f"{number:g}" for number in numbers)
