"""The figures of each public page as files: CSV and JSON, with the same filters as the page.

Both formats hold the same rows, one per observation, under the same stable English keys
(COLUMNS); names are in the visitor's language. Numbers are plain machine numbers (a point
for decimals, no grouping; whole figures without ".0"). `source` is the figure's own source,
else its indicator's. `illustrative` says the figure is generated for demonstration (its
indicator is), whatever source it names: true or false, in CSV as in JSON. JSON has no NaN
or Infinity: a value that is not a finite number is null (an empty cell in CSV), and a
regional total that overflows is left out.

JSON documents:
- indicator: {"indicator": {...}, "breakdown", "breakdown_label", "year", "countries",
  "observations": [...], "regional_totals": [{"year", "value", "countries", "of"}]} (regional
  totals only for indicators that add up across countries, over the countries in the file);
- country: {"area": {"code", "name", "region"}, "indicators": [{...}], "observations": [...]};
- comparison: {"indicator": {...}, "areas": [{"code", "name"}], "year_from", "year_to",
  "observations": [...]}.

Malformed filters (a year that is not a number, an unknown country code, a bad breakdown, a
comparison without its indicator or countries) answer 400 with the messages as plain text;
well-formed filters that match nothing give a file without observations.
"""

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from followup.reporting.exports import spreadsheet_cells
from followup.statistics import queries
from followup.statistics.areas import area_name, is_region
from followup.statistics.breakdowns import TOTAL, breakdown_label
from followup.statistics.models import Indicator
from followup.statistics.queries.figures import Observed, regional_totals
from followup.statistics.views import params

COLUMNS = (
    "indicator",
    "area",
    "area_name",
    "year",
    "breakdown",
    "value",
    "unit",
    "note",
    "source",
    "revision",
    "illustrative",
)
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}

Row = dict[str, Any]


def machine_number(value: float) -> int | float | None:
    """Whole figures as integers (61000000, not 61000000.0) while a float holds them exactly;
    None for what is not a finite number, which JSON cannot write."""
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _finite(data: Any) -> Any:
    """`data` with every float that is not finite replaced by None."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


def json_text(document: Row) -> str:
    """The document as JSON, never with NaN or Infinity (not JSON, and refused by strict
    parsers): machine_number already writes them as null; any other one is nulled here rather
    than failing the download."""
    try:
        return json.dumps(document, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(document), ensure_ascii=False, allow_nan=False)


def observation_rows(
    indicator: Indicator, breakdown: str, figures: Iterable[Observed]
) -> list[Row]:
    return [
        {
            "indicator": indicator.code,
            "area": figure.area,
            "area_name": area_name(figure.area),
            "year": figure.year,
            "breakdown": breakdown,
            "value": machine_number(figure.value),
            "unit": indicator.unit,
            "note": figure.note,
            "source": figure.source or indicator.source,
            "revision": figure.revision,
            "illustrative": indicator.illustrative,
        }
        for figure in figures
    ]


def indicator_document(request: HttpRequest, indicator: Indicator) -> Row:
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "unit_label": str(indicator.get_unit_display()),
        "decimals": indicator.decimals,
        "aggregation": indicator.aggregation,
        "definition": indicator.definition,
        "source": indicator.source,
        "source_url": indicator.source_url,
        "illustrative": indicator.illustrative,
        "url": request.build_absolute_uri(indicator.get_absolute_url()),
    }


def _csv_text(rows: Sequence[Row]) -> str:
    buffer = io.StringIO()
    # The byte order mark tells Excel the file is UTF-8; the "excel" dialect writes RFC 4180.
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        # Only text typed by people can start like a spreadsheet formula; numbers stay numbers.
        area, note, source = spreadsheet_cells([row["area_name"], row["note"], row["source"]])
        writer.writerow(
            [
                row["indicator"],
                row["area"],
                area,
                row["year"],
                row["breakdown"],
                row["value"],
                row["unit"],
                note,
                source,
                row["revision"],
                # As JSON writes it (and the API export), so that both files read the same.
                "true" if row["illustrative"] else "false",
            ]
        )
    return buffer.getvalue()


def _file(fmt: str, rows: Sequence[Row], document: Row, filename: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    if fmt == "csv":
        content = _csv_text(rows)
    else:
        content = json_text({**document, "observations": list(rows)})
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=f"{filename}.{fmt}") or "attachment"
    )
    return response


def _bad_request(problems: Sequence[params.Problem]) -> HttpResponse:
    return HttpResponse(
        "\n".join(problem.message for problem in problems) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def _name(*parts: object) -> str:
    return "-".join(slugify(str(part)) for part in parts if part not in (None, ""))


def indicator_data(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The indicator's figures for a breakdown (the total by default), of every area and year,
    or of the year and the countries asked for."""
    indicator = queries.get_indicator(code)
    asked = params.read_figure_query(request.GET, limit_areas=False)
    if asked.problems:
        return _bad_request(asked.problems)
    figures = queries.figures_of(
        indicator, asked.breakdown, areas=asked.areas, year_from=asked.year, year_to=asked.year
    )
    document: Row = {
        "indicator": indicator_document(request, indicator),
        "breakdown": asked.breakdown,
        "breakdown_label": breakdown_label(asked.breakdown),
        "year": asked.year,
        "countries": list(asked.areas),
    }
    if indicator.aggregation == Indicator.Aggregation.SUM:
        document["regional_totals"] = [
            {
                "year": total.year,
                "value": machine_number(total.value),
                "countries": total.countries,
                "of": total.of,
            }
            for total in regional_totals(figures)
        ]
    filename = _name("statistics", indicator.code, asked.breakdown.replace(":", "-"), asked.year)
    return _file(fmt, observation_rows(indicator, asked.breakdown, figures), document, filename)


def country_data(request: HttpRequest, area: str, fmt: str) -> HttpResponse:
    """The area's totals of every indicator, as its profile shows them."""
    code = params.area_or_404(area)
    totals = queries.totals_of_area(code)
    rows = [row for item in totals for row in observation_rows(item.indicator, TOTAL, item.figures)]
    document: Row = {
        "area": {"code": code, "name": area_name(code), "region": is_region(code)},
        "indicators": [indicator_document(request, item.indicator) for item in totals],
    }
    return _file(fmt, rows, document, _name("statistics", code))


def compare_data(request: HttpRequest, fmt: str) -> HttpResponse:
    """The comparison's figures: the totals of the chosen areas, in the order chosen."""
    indicators = queries.all_indicators()
    asked = params.read_comparison_query(
        request.GET, {i.code: i for i in indicators}, required=True
    )
    if not asked.is_complete or asked.indicator is None:
        return _bad_request(asked.problems)
    result = queries.comparison(
        asked.indicator, asked.areas, year_from=asked.year_from, year_to=asked.year_to
    )
    order = {area: position for position, area in enumerate(result.areas)}
    figures = sorted(result.figures, key=lambda figure: (order[figure.area], figure.year))
    document: Row = {
        "indicator": indicator_document(request, asked.indicator),
        "areas": [{"code": area, "name": area_name(area)} for area in result.areas],
        "year_from": asked.year_from,
        "year_to": asked.year_to,
    }
    filename = _name("statistics", "compare", asked.indicator.code)
    return _file(fmt, observation_rows(asked.indicator, TOTAL, figures), document, filename)
