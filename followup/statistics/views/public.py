"""Public pages of the migration statistics: the front page, an indicator's page, a country's
(or region's) profile and the comparison of countries. Everyone reads them
(permissions.can_read_statistics); figures come from `queries`, charts from `charts`, maps
from followup.maps, and each page links to its figures as CSV and JSON (views/data.py).
"""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from followup.maps import Choropleth, build_choropleth, quantile_breaks
from followup.maps.geometry import americas
from followup.statistics import queries
from followup.statistics.areas import area_name
from followup.statistics.breakdowns import TOTAL, breakdown_label
from followup.statistics.charts import ChartSeries, LineChart, build_line_chart
from followup.statistics.formatting import number_formatter, value_formatter
from followup.statistics.models import Indicator
from followup.statistics.views import params

# Sizes of the charts in SVG units: the profile's charts share the page with the Program's
# column, so they are drawn smaller (with the same font size) to stay legible.
LARGE_WIDTH, LARGE_HEIGHT = 640, 300
SMALL_WIDTH, SMALL_HEIGHT = 360, 210


def profile_link(code: str) -> str:
    return reverse("statistics:country", args=[code])


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "statistics/index.html", {"overview": queries.overview()})


def figure_map(page: queries.IndicatorPage) -> Choropleth | None:
    """The member states shaded by their figures in the year shown, in up to five bins of
    about as many states each; None when no member state has a figure."""
    members = americas().codes
    values = {area: value for area, value in page.map_values.items() if area in members}
    if not values:
        return None
    indicator = page.indicator
    return build_choropleth(
        values,
        breaks=quantile_breaks(values.values()),
        formatter=number_formatter(indicator),
        title=_("%(indicator)s, %(year)s (%(unit)s)")
        % {"indicator": indicator.name, "year": page.year, "unit": indicator.get_unit_display()},
        description=_("%(breakdown)s. Member states without a figure are hatched.")
        % {"breakdown": breakdown_label(page.breakdown)},
        link=profile_link,
        slug="map-figures",
    )


def series_chart(
    indicator: Indicator,
    series: dict[str, dict[int, float]],
    *,
    title: str,
    description: str = "",
    slug: str | None = None,
    small: bool = False,
) -> LineChart:
    return build_line_chart(
        [ChartSeries(area_name(area), values) for area, values in series.items()],
        formatter=value_formatter(indicator),
        title=title,
        description=description,
        unit=indicator.unit,
        slug=slug,
        width=SMALL_WIDTH if small else LARGE_WIDTH,
        height=SMALL_HEIGHT if small else LARGE_HEIGHT,
    )


def _query_string(**values: object) -> str:
    """A query string of the values given, lists as repeated keys, empty values left out."""
    query = QueryDict(mutable=True)
    for key, value in values.items():
        if isinstance(value, list | tuple):
            query.setlist(key, [str(item) for item in value])
        elif value not in (None, ""):
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def indicator(request: HttpRequest, code: str) -> HttpResponse:
    found = queries.get_indicator(code)
    asked = params.read_figure_query(request.GET)
    page = queries.indicator_page(
        found, breakdown=asked.breakdown, year=asked.year, areas=asked.areas
    )
    breakdown = "" if page.breakdown == TOTAL else page.breakdown
    return render(
        request,
        "statistics/indicator.html",
        {
            "page": page,
            "indicator": found,
            "problems": [problem.message for problem in asked.problems] + list(page.notices),
            "map": figure_map(page),
            "chart": series_chart(
                found,
                page.series,
                title=_("%(indicator)s over the years") % {"indicator": found.name},
                description=breakdown_label(page.breakdown),
                slug="chart-series",
            ),
            "downloads": {
                "all": _query_string(breakdown=breakdown),
                "year": _query_string(breakdown=breakdown, year=page.year),
                "chosen": _query_string(breakdown=breakdown, countries=page.chosen),
            },
        },
    )


def profile_chart_title(profile: queries.Profile, indicator: Indicator) -> str:
    """ "Immigrants in Mexico", but "Immigrants: World": a region's name does not read well
    after "in" in every language ("en Las Américas")."""
    names = {"indicator": indicator.name, "area": profile.name}
    if profile.region:
        return _("%(indicator)s: %(area)s") % names
    return _("%(indicator)s in %(area)s") % names


def country(request: HttpRequest, area: str) -> HttpResponse:
    code = params.area_or_404(area)
    profile = queries.profile(code)
    blocks = [
        (
            item,
            series_chart(
                item.indicator,
                {code: {figure.year: figure.value for figure in item.figures}},
                title=profile_chart_title(profile, item.indicator),
                slug=f"chart-{item.indicator.pk}",
                small=True,
            ),
        )
        for item in profile.indicators
    ]
    return render(
        request,
        "statistics/country.html",
        {
            "profile": profile,
            "blocks": blocks,
            "program": None if profile.region else queries.program_in_country(code),
        },
    )


def compare(request: HttpRequest) -> HttpResponse:
    indicators = queries.all_indicators()
    asked = params.read_comparison_query(request.GET, {i.code: i for i in indicators})
    result = None
    chart = None
    if asked.is_complete and asked.indicator is not None:
        result = queries.comparison(
            asked.indicator, asked.areas, year_from=asked.year_from, year_to=asked.year_to
        )
        chart = series_chart(
            asked.indicator,
            result.series,
            title=_("%(indicator)s: comparison") % {"indicator": asked.indicator.name},
            slug="chart-comparison",
        )
    return render(
        request,
        "statistics/compare.html",
        {
            "indicators": indicators,
            "areas": queries.areas_with_totals(indicators),
            "asked": asked,
            "entered": asked.entered,
            "checked": asked.entered_countries,
            "problems": [problem.message for problem in asked.problems],
            "result": result,
            "chart": chart,
            "query": request.GET.urlencode(),
        },
    )
