"""The public statistics pages: what they show in both languages, how they answer bad input,
and in how many queries (the same with 2 and with 20 countries and indicators)."""

import datetime
import html
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from followup.program.models import Actor
from followup.recommendations.tests.factories import (
    make_cycle,
    make_follow_up,
    make_recommendation,
)
from followup.reporting.models import ActorReport, EntryCountry
from followup.reporting.tests.factories import EntryFactory, ReportFactory
from followup.statistics.breakdowns import normalize_breakdown
from followup.statistics.tests.factories import IndicatorFactory, ObservationFactory
from followup.statistics.tests.public_world import AMERICAS_NOTE, build_world

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
MINUS = "\u2212"


@pytest.fixture
def world():
    return build_world()


def url(name, *args, language="en", query=""):
    with translation.override(language):
        return reverse(f"statistics:{name}", args=args) + query


def main_html(response) -> str:
    content = response.content.decode()
    return content.split('id="main"', 1)[1].split("</main>", 1)[0]


def text_of(response) -> str:
    """The page's main content as a reader sees it: no tags, no drawings, spaces folded (but
    not the no-break spaces of figures)."""
    content = re.sub(r"<svg.*?</svg>", " ", main_html(response), flags=re.S)
    content = re.sub(r"<[^>]+>", " ", content)
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(content))


class _Tables(HTMLParser):
    """Every table of a page as rows of cell texts; the cells of an SVG are ignored."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            text = re.sub(r"[ \t\r\n]+", " ", "".join(self.cell)).strip()
            self.tables[-1][-1].append(text)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables_of(response) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(re.sub(r'<span class="visually-hidden">.*?</span>', "", main_html(response)))
    return parser.tables


def table_headed(response, *headers: str) -> list[list[str]]:
    """The rows of the one table whose header row starts with `headers`, header row first."""
    found = [
        table
        for table in tables_of(response)
        if table and table[0][: len(headers)] == list(headers)
    ]
    assert len(found) == 1, [table[0] for table in tables_of(response)]
    return found[0]


def problems_of(response) -> list[str]:
    summary = re.search(r'<div class="error-summary".*?</div>', main_html(response), re.S)
    if summary is None:
        return []
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", summary.group(0))]


# The front page


def test_index_lists_indicators_countries_and_regional_figures(client, world):
    response = client.get(url("index"))

    assert response.status_code == 200
    assert table_headed(response, "Indicator", "Unit") == [
        ["Indicator", "Unit", "Latest year", "Countries with figures"],
        ["Immigrants as a share of the population", "percent", "2020", "2"],
        ["International migrant stock", "persons", "2020", "6"],
    ]
    content = main_html(response)
    assert re.findall(r'<a href="/en/statistics/countries/(\w+)/">', content) == [
        "ARG",
        "BRA",
        "CAN",
        "CHL",
        "MEX",
        "USA",
        "XAM",  # the region's heading
    ]
    assert "The Americas" in text_of(response)
    assert table_headed(response, "Indicator", "Year") == [
        ["Indicator", "Year", "Figure", "Source"],
        [
            "International migrant stock",
            "2020",
            "61,000,000 persons",
            f"IOM {AMERICAS_NOTE}",
        ],
    ]
    assert f'href="{url("compare")}"' in content
    assert "Illustrative" not in text_of(response)


def test_index_badges_illustrative_indicators(client, world):
    IndicatorFactory.create(code="GEN_01", name_en="Generated", illustrative=True)

    response = client.get(url("index"))

    assert (
        re.findall(r"<th scope=\"row\">.*?</th>", main_html(response)).count(
            '<th scope="row"><a href="/en/statistics/indicators/GEN_01/">Generated</a> '
            '<span class="badge badge-illustrative">Illustrative</span></th>'
        )
        == 1
    )


def test_index_in_spanish_names_and_numbers_in_spanish(client, world):
    response = client.get(url("index", language="es"))

    content = text_of(response)
    assert "Población inmigrante" in content
    assert "México" in content
    assert f"61{NBSP}000{NBSP}000" in content


def test_index_without_figures_says_so(client):
    response = client.get(url("index"))

    assert "No indicator has been defined yet." in text_of(response)
    assert "No country has figures yet." in text_of(response)


# The indicator page


def test_indicator_page_describes_the_indicator(client, world):
    response = client.get(url("indicator", "MIG_STOCK"))

    content = text_of(response)
    assert "People living in a country other than that of their birth." in content
    assert "Unit persons Across countries added up Source" in content
    assert '<a href="https://www.un.org/development/desa/pd/" rel="external">UN DESA</a>' in (
        main_html(response)
    )
    assert "Illustrative figures, not real data." not in content


def test_indicator_page_ranks_the_countries_of_the_latest_year(client, world):
    response = client.get(url("indicator", "MIG_STOCK"))

    assert table_headed(response, "Rank") == [
        ["Rank", "Country", "Figure (persons)", "Change since 2015"],
        ["1", "United States", "5,000", f"0.0{NBSP}%"],
        ["2", "Canada", "1,200", f"{MINUS}40.0{NBSP}%"],
        ["2", "Mexico", "1,200", f"+20.0{NBSP}%"],
        ["4", "Argentina", "800", "—"],
        ["5", "Brazil", "300", "—"],
    ]


def test_indicator_page_maps_the_year_with_links_to_profiles(client, world):
    response = client.get(url("indicator", "MIG_STOCK"))

    content = main_html(response)
    assert '<figure class="map" id="map-figures">' in content
    title = "International migrant stock, 2020 (persons)"
    assert f'<title id="map-figures-title">{title}</title>' in content
    assert re.search(
        r'<a href="/en/statistics/countries/MEX/" tabindex="-1" class="map-area map-bin-\d"',
        content,
    )
    assert '<a href="/en/statistics/countries/MEX/">Mexico: 1,200</a>' in content
    assert (
        '<li><span class="map-swatch map-bin-4" aria-hidden="true"></span>1,960 – 5,000</li>'
        in (content)
    )


def test_indicator_page_totals_the_countries_and_says_how_many(client, world):
    response = client.get(url("indicator", "MIG_STOCK"))

    assert table_headed(response, "Year", "Total (persons)") == [
        ["Year", "Total (persons)", "Countries added up"],
        ["2020", "8,500", "5 of 6 countries"],
        ["2015", "8,400", "5 of 6 countries"],
    ]


def test_indicator_page_shows_regions_recorded_figures_apart(client, world):
    response = client.get(url("indicator", "MIG_STOCK"))

    assert table_headed(response, "Region") == [
        ["Region", "Year", "Figure", "Source", "Note"],
        [
            "The Americas",
            "2020",
            "61,000,000 persons",
            "IOM",
            AMERICAS_NOTE,
        ],
    ]


def test_indicator_page_draws_the_largest_countries_over_the_years(client, world):
    response = client.get(url("indicator", "MIG_STOCK"))

    content = main_html(response)
    assert (
        '<title id="chart-series-title">International migrant stock over the years</title>'
        in content
    )
    assert content.count("<polyline ") == 4  # Argentina has one figure: a marker, no line
    tables = [table for table in tables_of(response) if table[0][0] == "Year"]
    assert tables[-1] == [
        ["Year", "United States", "Canada", "Mexico", "Argentina", "Brazil"],
        ["2015", "5,000", "2,000", "1,000", "—", "0"],
        ["2020", "5,000", "1,200", "1,200", "800", "300"],
    ]
    assert re.findall(r'value="(\w+)" checked', content) == ["ARG", "BRA", "CAN", "MEX", "USA"]


def test_indicator_page_follows_the_year_breakdown_and_countries_chosen(client, world):
    response = client.get(
        url(
            "indicator",
            "MIG_STOCK",
            query="?year=2015&breakdown=&countries=CHL&countries=XAM",
        )
    )

    content = main_html(response)
    assert '<option value="2015" selected>2015</option>' in content
    assert table_headed(response, "Rank")[1] == ["1", "United States", "5,000", "—"]
    assert re.findall(r'value="(\w+)" checked', content) == ["CHL", "XAM"]
    assert [table for table in tables_of(response) if table[0][0] == "Year"][-1] == [
        ["Year", "Chile", "The Americas"],
        ["2015", "400", "—"],
        ["2020", "—", "61,000,000"],
    ]


def test_indicator_page_of_a_breakdown(client, world):
    response = client.get(url("indicator", "MIG_STOCK", query="?breakdown=sex%3Afemale"))

    assert "Sex: female" in text_of(response)
    assert '<option value="sex:female" selected>Sex: female</option>' in main_html(response)
    assert table_headed(response, "Rank")[1:] == [["1", "Mexico", "600", "—"]]


def test_indicator_page_reads_a_breakdown_written_with_spaces(client, world):
    response = client.get(url("indicator", "MIG_STOCK", query="?breakdown=+sex+:++female+"))

    assert problems_of(response) == []
    assert '<option value="sex:female" selected>Sex: female</option>' in main_html(response)


def test_breakdowns_padded_with_spaces_are_one_entry_of_the_cache(client, world):
    before = normalize_breakdown.cache_info().currsize

    for spaces in range(1, 30):
        client.get(url("indicator", "MIG_STOCK", query="?breakdown=sex:" + "+" * spaces + "male"))

    assert normalize_breakdown.cache_info().currsize - before <= 1


def test_indicator_page_compares_with_the_countries_previous_year_not_a_regions(client):
    indicator = IndicatorFactory.create(code="MIG")
    for area, year, value in [
        ("MEX", 2015, 100),
        ("MEX", 2020, 150),
        ("USA", 2015, 200),
        ("USA", 2020, 100),
        ("XAM", 2019, 999),
    ]:
        ObservationFactory.create(indicator=indicator, area=area, year=year, value=value)

    response = client.get(url("indicator", "MIG"))

    assert table_headed(response, "Rank") == [
        ["Rank", "Country", "Figure (persons)", "Change since 2015"],
        ["1", "Mexico", "150", f"+50.0{NBSP}%"],
        ["2", "United States", "100", f"{MINUS}50.0{NBSP}%"],
    ]


@pytest.fixture
def huge():
    """Figures near the float limits, stored before imports refused them."""
    indicator = IndicatorFactory.create(code="BIG")
    for area in ["MEX", "USA", "CAN"]:
        ObservationFactory.create(indicator=indicator, area=area, year=2020, value=1.5e308)
    ObservationFactory.create(indicator=indicator, area="MEX", year=2019, value=-1.5e308)
    ObservationFactory.create(indicator=indicator, area="MEX", year=2018, value=5.0)
    return indicator


TOO_LARGE = "figures are too large to draw and are left out of the chart; the table gives them."


def test_indicator_page_of_figures_near_the_float_limits(client, huge):
    response = client.get(url("indicator", "BIG", query="?countries=MEX"))

    assert response.status_code == 200
    assert f"2 {TOO_LARGE}" in text_of(response)
    # 2020's sum overflows: that year has no total.
    assert [row[0] for row in table_headed(response, "Year", "Total (persons)")] == [
        "Year",
        "2019",
        "2018",
    ]
    # From −1.5e308 to 1.5e308 is no number: no change.
    assert table_headed(response, "Rank")[1][0] == "1"
    assert all(row[3] == "—" for row in table_headed(response, "Rank")[1:])


def test_country_profile_and_comparison_of_figures_near_the_float_limits(client, huge):
    profile = client.get(url("country", "MEX"))
    compared = client.get(url("compare", query="?indicator=BIG&countries=MEX,USA"))

    assert profile.status_code == compared.status_code == 200
    assert f"2 {TOO_LARGE}" in text_of(profile)
    assert f"3 {TOO_LARGE}" in text_of(compared)


def test_indicator_page_of_figures_all_but_zero(client):
    indicator = IndicatorFactory.create(code="TINY")
    ObservationFactory.create(indicator=indicator, area="MEX", year=2019, value=5e-324)
    ObservationFactory.create(indicator=indicator, area="MEX", year=2020, value=1e-300)

    response = client.get(url("indicator", "TINY"))

    assert response.status_code == 200
    labels = re.findall(r'text-anchor="end">([^<]*)</text>', main_html(response))
    assert labels == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"]


def test_indicator_page_links_its_downloads_with_the_same_filters(client, world):
    response = client.get(url("indicator", "MIG_STOCK", query="?breakdown=sex%3Afemale"))

    content = main_html(response)
    base = "/en/statistics/indicators/MIG_STOCK/data"
    assert f'href="{base}.csv?breakdown=sex%3Afemale"' in content
    assert f'href="{base}.json?breakdown=sex%3Afemale&amp;year=2020"' in content
    assert f'href="{base}.csv?breakdown=sex%3Afemale&amp;countries=MEX"' in content


def test_indicator_page_warns_that_illustrative_figures_are_not_real(client):
    generated = IndicatorFactory.create(code="GEN_01", illustrative=True)
    ObservationFactory.create(indicator=generated, area="MEX", year=2020, value=5)

    response = client.get(url("indicator", "GEN_01"))

    assert '<p class="illustrative-banner" role="note">' in main_html(response)
    assert "Illustrative figures, not real data." in text_of(response)


def test_indicator_page_in_spanish(client, world):
    response = client.get(url("indicator", "MIG_STOCK", language="es"))

    content = text_of(response)
    assert "Población inmigrante" in content
    assert "Personas que viven en un país distinto del de su nacimiento." in content
    rows = next(table for table in tables_of(response) if len(table[0]) == 4)
    assert rows[2][1:] == ["Canadá", f"1{NBSP}200", f"{MINUS}40,0{NBSP}%"]
    assert "/es/statistics/countries/MEX/" in main_html(response)


def test_indicator_page_of_a_rate_has_no_total(client, world):
    response = client.get(url("indicator", "MIG_SHARE"))

    assert "Total of the countries" not in text_of(response)
    assert "Across countries not added up (rates and shares)" in text_of(response)
    assert table_headed(response, "Rank")[1] == ["1", "United States", "15.3", "—"]


def test_indicator_page_without_figures_says_so(client):
    IndicatorFactory.create(code="EMPTY")

    response = client.get(url("indicator", "EMPTY"))

    assert "This indicator has no figures yet." in text_of(response)


def test_indicator_page_of_an_unknown_indicator_is_not_found(client, world):
    assert client.get(url("indicator", "NOPE")).status_code == 404


def test_indicator_page_reads_the_code_in_any_case(client, world):
    assert client.get(url("indicator", "mig_stock")).status_code == 200


@pytest.mark.parametrize("code", ["%00", "MIG_STOCK%00", "MIG%20STOCK", "M%C3%89X"])
def test_indicator_page_of_a_malformed_code_is_not_found_without_a_query(
    client, world, code, django_assert_num_queries
):
    # PostgreSQL refuses text with NUL: such a code must not reach the database.
    with django_assert_num_queries(0):
        response = client.get(url("indicator", "MIG_STOCK").replace("MIG_STOCK", code))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("query", "problems"),
    [
        ("?year=abc", ["“abc” is not a year: write four digits, such as 2015."]),
        ("?year=٢٠٢٠", ["“٢٠٢٠” is not a year: write four digits, such as 2015."]),
        ("?year=²", ["“²” is not a year: write four digits, such as 2015."]),
        ("?year=0", ["“0” is not a year: write four digits, such as 2015."]),
        ("?year=99999", ["“99999” is not a year: write four digits, such as 2015."]),
        ("?year=1999", ["This indicator has no figures for 1999: 2020 is shown."]),
        (
            "?breakdown=" + "x" * 5000,
            ["The breakdown asked for is 5000 characters long: a breakdown has at most 100."],
        ),
        (
            "?breakdown=colour%3Ared",
            [
                "“colour:red” is not a breakdown: write dimension:value, with the dimension "
                "one of sex, age, origin (for example sex:female or age:15-24)."
            ],
        ),
        (
            "?breakdown=age%3A15-24",
            [
                "This indicator has no figures for the breakdown “Age group: 15-24”: “Total” "
                "is shown."
            ],
        ),
        (
            "?countries=ZZZ&countries=MEX",
            [
                "“ZZZ” is neither an ISO 3166-1 alpha-3 country code (such as MEX or CAN) nor "
                "a region code (XAM, XLC, XWD)."
            ],
        ),
        (
            "?countries=ARG,BRA,CAN,CHL,MEX,USA,XAM,PER,COL",
            ["Choose at most 8 countries: 9 were chosen."],
        ),
    ],
)
def test_indicator_page_explains_what_it_cannot_show(client, world, query, problems):
    response = client.get(url("indicator", "MIG_STOCK", query=query))

    assert response.status_code == 200
    assert problems_of(response) == problems
    assert table_headed(response, "Rank")[1][1] == "United States"


# The country profile


@pytest.fixture
def program_in_mexico():
    cycle = make_cycle("2030–2031", datetime.date(2030, 1, 1))
    report = ReportFactory.create(
        actor=Actor.objects.get(slug="iin"),
        cycle=cycle,
        status=ActorReport.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    entry = EntryFactory.create(report=report, title="Course for consular officials")
    EntryCountry.objects.create(entry=entry, code="MEX")
    draft = ReportFactory.create(actor=Actor.objects.get(slug="cim"), cycle=cycle)
    hidden = EntryFactory.create(report=draft, title="Draft plan for Mexico")
    EntryCountry.objects.create(entry=hidden, code="MEX")
    recommendation = make_recommendation(addressees=["mex"], number=4, text="Regularize.")
    make_follow_up(recommendation, "mex", cycle, "partial")
    return entry, recommendation


def test_country_profile_shows_each_indicator_with_its_rank(client, world):
    response = client.get(url("country", "MEX"))

    assert response.status_code == 200
    content = text_of(response)
    assert "Mexico Country profile" in content
    assert "1,200 persons (2020) · rank 2 of 5 countries in 2020" in content
    assert f"0.9{NBSP}% (2020) · rank 2 of 2 countries in 2020" in content
    assert [table for table in tables_of(response) if table[0][1] == "Figure (persons)"] == [
        [["Year", "Figure (persons)", "Note"], ["2020", "1,200", ""], ["2015", "1,000", ""]]
    ]
    chart = f"chart-{world.stock.pk}"
    title = "International migrant stock in Mexico"
    assert f'<title id="{chart}-title">{title}</title>' in main_html(response)


def test_country_profile_names_each_table_of_figures_by_year(client, world):
    content = main_html(client.get(url("country", "MEX")))

    caption = "International migrant stock: figures by year"
    assert f'<caption class="visually-hidden">{caption}</caption>' in content
    assert f'<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}">' in (
        content
    )
    assert "Immigrants as a share of the population: figures by year" in content


@pytest.mark.parametrize(
    ("page", "args"), [("index", ()), ("indicator", ("MIG_STOCK",)), ("country", ("MEX",))]
)
def test_every_scrolling_table_can_be_reached_with_the_keyboard_and_is_named(
    client, world, page, args
):
    content = main_html(client.get(url(page, *args)))

    wrappers = re.findall(r'<div class="table-scroll"[^>]*>', content)
    assert wrappers
    for wrapper in wrappers:
        assert re.fullmatch(
            r'<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+">', wrapper
        ), wrapper


def test_indicator_page_names_its_scrolling_tables(client, world):
    content = main_html(client.get(url("indicator", "MIG_STOCK")))

    assert re.findall(r'<div class="table-scroll"[^>]*aria-label="([^"]+)">', content) == [
        "Countries in 2020",
        "Total of the countries",
        "Figures recorded for regions",
        "Figures by year (persons)",
    ]


def test_country_profile_shows_the_program_in_the_country(client, world, program_in_mexico):
    entry, recommendation = program_in_mexico

    response = client.get(url("country", "MEX"))

    content = text_of(response)
    assert "The Program in Mexico" in content
    assert "Course for consular officials · Inter-American Children's Institute" in content
    assert "Draft plan for Mexico" not in content
    assert "1 of 1 published entry." in content
    assert "4. Regularize. · Resolution" in content
    assert "Partial compliance" in content
    assert "1 of 1 recommendation." in content
    page = main_html(response)
    assert f"#entry-{entry.pk}" in page
    assert 'href="/en/entries/?country=MEX"' in page
    assert f'href="{recommendation.get_absolute_url()}"' in page
    with translation.override("en"):
        addressee = reverse("recommendations:addressee_progress", args=["mex"])
    assert f'href="{addressee}"' in page


def test_country_profile_of_a_region_has_no_program_section(client, world):
    response = client.get(url("country", "XAM"))

    content = text_of(response)
    assert "The Americas Regional figures" in content
    assert "61,000,000 persons (2020)" in content
    assert "rank" not in content
    assert "The Program in" not in content
    # "… in The Americas" would not read well ("… en Las Américas").
    chart = f"chart-{world.stock.pk}"
    title = "International migrant stock: The Americas"
    assert f'<title id="{chart}-title">{title}</title>' in main_html(response)


def test_country_profile_without_figures_still_shows_the_program(client, world):
    response = client.get(url("country", "PER"))

    content = text_of(response)
    assert "There are no figures for Peru yet." in content
    assert "The Program in Peru" in content
    assert "No published report entry concerns this country." in content


def test_country_profile_of_a_country_outside_the_oas(client, world):
    response = client.get(url("country", "ESP"))

    assert "This country is not a member state of the OAS" in text_of(response)


def test_country_profile_warns_about_illustrative_figures(client):
    generated = IndicatorFactory.create(code="GEN_01", illustrative=True)
    ObservationFactory.create(indicator=generated, area="MEX", year=2020, value=5)

    response = client.get(url("country", "MEX"))

    assert "Illustrative figures, not real data." in text_of(response)


def test_country_profile_in_spanish(client, world):
    response = client.get(url("country", "MEX", language="es"))

    content = text_of(response)
    assert "México" in content
    assert f"0,9{NBSP}%" in content
    assert next(table for table in tables_of(response) if len(table) == 3)[1][:2] == [
        "2020",
        f"1{NBSP}200",
    ]


@pytest.mark.parametrize("area", ["ZZZ", "XXX", "MEXICO", "12"])
def test_country_profile_of_an_unknown_area_is_not_found(client, world, area):
    assert client.get(url("country", area)).status_code == 404


def test_country_profile_reads_the_code_in_any_case(client, world):
    assert "Mexico" in text_of(client.get(url("country", "mex")))


# The comparison


def test_compare_starts_with_an_empty_form_without_problems(client, world):
    response = client.get(url("compare"))

    assert response.status_code == 200
    assert problems_of(response) == []
    assert "<svg" not in main_html(response)
    assert re.findall(r'name="countries" value="(\w+)"', main_html(response)) == [
        "ARG",
        "BRA",
        "CAN",
        "CHL",
        "MEX",
        "USA",
        "XAM",
    ]


def test_compare_draws_and_tabulates_the_countries_chosen(client, world):
    query = "?indicator=MIG_STOCK&countries=MEX&countries=USA&year_from=2015&year_to=2020"

    response = client.get(url("compare", query=query))

    content = main_html(response)
    assert problems_of(response) == []
    assert content.count("<polyline ") == 2
    assert [table for table in tables_of(response) if table[0][0] == "Year"] == [
        [
            ["Year", "Mexico", "United States"],
            ["2015", "1,000", "5,000"],
            ["2020", "1,200", "5,000"],
        ]
    ]
    assert f'href="{url("compare_csv")}{query.replace("&", "&amp;")}"' in content
    assert f'href="{url("compare_json")}{query.replace("&", "&amp;")}"' in content
    assert '<option value="MIG_STOCK" selected>' in content


def test_compare_in_spanish(client, world):
    response = client.get(
        url("compare", language="es", query="?indicator=MIG_STOCK&countries=MEX,USA")
    )

    assert next(table for table in tables_of(response) if len(table) == 3) == [
        ["Año", "México", "Estados Unidos"],
        ["2015", f"1{NBSP}000", f"5{NBSP}000"],
        ["2020", f"1{NBSP}200", f"5{NBSP}000"],
    ]


@pytest.mark.parametrize(
    ("query", "problems"),
    [
        ("?indicator=&countries=MEX&countries=USA", ["Choose an indicator."]),
        (
            "?indicator=NOPE&countries=MEX&countries=USA",
            ["“NOPE” is not an indicator: choose one from the list."],
        ),
        (
            "?indicator=MIG_STOCK&countries=MEX&countries=QQQ",
            [
                "“QQQ” is neither an ISO 3166-1 alpha-3 country code (such as MEX or CAN) nor "
                "a region code (XAM, XLC, XWD).",
                "Choose at least two countries to compare.",
            ],
        ),
        ("?indicator=MIG_STOCK&countries=MEX", ["Choose at least two countries to compare."]),
        (
            "?indicator=MIG_STOCK&countries=ARG,BRA,CAN,CHL,MEX,USA,XAM,PER,COL",
            ["Choose at most 8 countries: 9 were chosen."],
        ),
        (
            "?indicator=MIG_STOCK&countries=MEX&countries=USA&year_from=2020&year_to=2010",
            ["The first year, 2020, comes after the last year, 2010."],
        ),
        (
            "?indicator=MIG_STOCK&countries=MEX&countries=USA&year_from=abc&year_to=20.5",
            [
                "“abc” is not a year: write four digits, such as 2015.",
                "“20.5” is not a year: write four digits, such as 2015.",
            ],
        ),
        (
            "?indicator=MIG_STOCK&countries=MEX&countries=USA&year_from=٢٠١٥&year_to=202",
            [
                "“٢٠١٥” is not a year: write four digits, such as 2015.",
                "“202” is not a year: write four digits, such as 2015.",
            ],
        ),
    ],
)
def test_compare_names_each_problem_and_keeps_what_was_entered(client, world, query, problems):
    response = client.get(url("compare", query=query))

    assert response.status_code == 200
    assert problems_of(response) == problems
    assert "<svg" not in main_html(response)


def test_compare_keeps_the_values_entered(client, world):
    query = "?indicator=MIG_STOCK&countries=MEX&countries=ZZZ&year_from=abc&year_to=2020"

    response = client.get(url("compare", query=query))

    content = main_html(response)
    assert '<option value="MIG_STOCK" selected>' in content
    assert re.findall(r'value="(\w+)" checked', content) == ["MEX"]
    assert 'name="year_from" type="text" inputmode="numeric" size="6" value="abc"' in content
    assert 'name="year_to" type="text" inputmode="numeric" size="6" value="2020"' in content


# Queries


def grow(world):
    """Twenty countries and twenty indicators, with the Program's entries and
    recommendations about Mexico, from the world's two of each."""
    codes = ["COL", "PER", "ECU", "URY", "PRY", "BOL", "VEN", "GTM", "HND", "SLV", "NIC",
             "PAN", "CRI", "DOM"]  # fmt: skip
    for index, code in enumerate(codes):
        ObservationFactory.create(indicator=world.stock, area=code, year=2020, value=index)
        ObservationFactory.create(indicator=world.stock, area=code, year=2015, value=index)
    for number in range(18):
        indicator = IndicatorFactory.create(code=f"MORE_{number}")
        for year in (2010, 2015, 2020):
            ObservationFactory.create(indicator=indicator, area="MEX", year=year, value=number)
            ObservationFactory.create(indicator=indicator, area="USA", year=year, value=number)
    cycle = make_cycle("2032–2033", datetime.date(2032, 1, 1))
    report = ReportFactory.create(
        actor=Actor.objects.get(slug="cim"),
        cycle=cycle,
        status=ActorReport.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    for number in range(20):
        entry = EntryFactory.create(report=report)
        EntryCountry.objects.create(entry=entry, code="MEX")
        recommendation = make_recommendation(addressees=["mex"], number=number)
        make_follow_up(recommendation, "mex", cycle, "pending")


PAGES = {
    # The indicators; the (indicator, area) pairs' latest years; the regions' figures.
    "index": (("index",), "", 3),
    # The indicator; its breakdowns; its figures.
    "indicator": (("indicator", "MIG_STOCK"), "", 3),
    "indicator, chosen": (("indicator", "MIG_STOCK"), "?year=2015&countries=MEX,USA", 3),
    # The area's totals; their indicators; the figures of the ranks; the entries and their
    # count; the member state; its recommendations and their count; the ledger (addressing
    # (2), levels, follow-ups).
    "country": (("country", "MEX"), "", 12),
    # The indicators; the areas with figures; the figures compared.
    "compare": (("compare",), "?indicator=MIG_STOCK&countries=MEX&countries=USA", 3),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_query_count_is_the_same_with_2_and_with_20_countries_and_indicators(
    client, world, program_in_mexico, django_assert_num_queries, page
):
    route, query, expected = PAGES[page]
    with django_assert_num_queries(expected):
        small = client.get(url(*route, query=query))
    grow(world)

    with django_assert_num_queries(expected):
        large = client.get(url(*route, query=query))

    assert small.status_code == large.status_code == 200
    assert len(large.content) > len(small.content)
