"""The figures of the public pages against hand-computed ones (public_world.py), and the
Program's record in a country as an anonymous visitor sees it."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from followup.program.models import Actor
from followup.recommendations.models import FollowUp
from followup.recommendations.tests.factories import (
    make_cycle,
    make_follow_up,
    make_recommendation,
)
from followup.reporting.models import ActorReport, EntryCountry
from followup.reporting.tests.factories import EntryFactory, ReportFactory
from followup.statistics import queries
from followup.statistics.queries.figures import (
    Observed,
    RankRow,
    RegionalTotal,
    change,
    default_year,
    largest,
    previous_year,
    rank_of,
    ranking,
    regional_totals,
    series_rows,
)
from followup.statistics.tests.factories import IndicatorFactory, ObservationFactory
from followup.statistics.tests.public_world import AMERICAS_NOTE, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


# The computations


def test_ranking_shares_a_rank_between_equal_figures_and_skips_the_next():
    rows = ranking({"USA": 5.0, "MEX": 3.0, "CAN": 3.0, "ARG": 1.0, "XAM": 99.0}, {})

    assert [(row.rank, row.area) for row in rows] == [
        (1, "USA"),
        (2, "CAN"),  # ties by name
        (2, "MEX"),
        (4, "ARG"),
    ]


def test_rank_of_agrees_with_the_ranking_and_ignores_regions():
    values = {"USA": 5.0, "MEX": 3.0, "CAN": 3.0, "ARG": 1.0, "XAM": 99.0}

    assert [rank_of(area, values) for area in ("USA", "MEX", "CAN", "ARG")] == [1, 2, 2, 4]
    assert rank_of("XAM", values) is None
    assert rank_of("BRA", values) is None


def test_change_is_in_per_cent_of_the_previous_figure():
    assert change(1200, 1000) == 20.0
    assert change(1200, 2000) == -40.0
    assert change(-50, -100) == 50.0  # from −100 up to −50 is a rise
    assert change(300, 0) is None
    assert change(300, None) is None


def test_change_that_overflows_is_none():
    assert change(1.5e308, -1.5e308) is None
    assert change(1e308, 1e-300) is None


def figures_in(*years: int, area: str = "MEX") -> list[Observed]:
    return [Observed(area, year, 1.0) for year in years]


def test_previous_year_is_the_series_previous_year_not_the_calendar_one():
    assert previous_year(figures_in(1990, 1995, 2000, 2005), 2005) == 2000
    assert previous_year(figures_in(2018, 2019, 2020), 2020) == 2019
    assert previous_year(figures_in(2020), 2020) is None


def test_previous_year_counts_the_countries_years_only():
    figures = figures_in(2015, 2020) + figures_in(2019, area="XAM")

    assert previous_year(figures, 2020) == 2015
    assert previous_year(figures_in(2019, area="XAM"), 2020) is None


def test_indicator_page_compares_with_a_countrys_year_not_a_regions():
    indicator = IndicatorFactory()
    for area, year, value in [
        ("MEX", 2015, 100),
        ("MEX", 2020, 150),
        ("USA", 2015, 200),
        ("USA", 2020, 100),
        ("XAM", 2019, 999),
    ]:
        ObservationFactory(indicator=indicator, area=area, year=year, value=value)

    page = queries.indicator_page(indicator)

    assert (page.year, page.previous_year) == (2020, 2015)
    assert [(row.area, row.previous, row.change) for row in page.ranking] == [
        ("MEX", 100.0, 50.0),
        ("USA", 200.0, -50.0),
    ]


def test_an_indicator_known_only_for_regions_charts_the_regions():
    indicator = IndicatorFactory()
    ObservationFactory(indicator=indicator, area="XWD", year=2016, value=244e6)
    ObservationFactory(indicator=indicator, area="XAM", year=2016, value=61e6)

    page = queries.indicator_page(indicator)

    assert not page.ranking
    assert page.chosen == ("XAM", "XWD")
    assert page.series == {"XAM": {2016: 61e6}, "XWD": {2016: 244e6}}


def test_default_year_is_the_latest_with_a_countrys_figure():
    figures = [Observed("MEX", 2015, 1.0), Observed("XAM", 2022, 9.0)]

    assert default_year(figures) == 2015
    assert default_year([Observed("XAM", 2022, 9.0)]) == 2022
    assert default_year([]) is None


def test_regional_totals_add_up_countries_only_and_say_how_many():
    figures = [
        Observed("MEX", 2015, 1.0),
        Observed("USA", 2015, 2.0),
        Observed("USA", 2020, 4.0),
        Observed("CAN", 2020, 8.0),
        Observed("XAM", 2020, 1000.0),
    ]

    assert regional_totals(figures) == (
        RegionalTotal(2015, 3.0, 2, 3),
        RegionalTotal(2020, 12.0, 2, 3),
    )


def test_regional_totals_leave_out_a_year_whose_sum_overflows():
    figures = [
        Observed("MEX", 2019, 1.5e308),
        Observed("MEX", 2020, 1.5e308),
        Observed("USA", 2020, 1.5e308),
    ]

    assert regional_totals(figures) == (RegionalTotal(2019, 1.5e308, 1, 2),)


def test_largest_are_the_countries_with_the_largest_figures():
    values = {"USA": 5.0, "MEX": 3.0, "CAN": 3.0, "ARG": 1.0, "XAM": 99.0}

    assert largest(values, 3) == ("USA", "CAN", "MEX")


def test_series_rows_are_a_table_of_years_by_series():
    assert series_rows({"MEX": {2015: 1.0, 2020: 2.0}, "ARG": {2020: 3.0}}) == [
        (2015, [1.0, None]),
        (2020, [2.0, 3.0]),
    ]


# The indicator page


def test_get_indicator_reads_the_code_in_any_case(world):
    assert queries.get_indicator(" mig_stock ") == world.stock


@pytest.mark.parametrize("code", ["MIG_STOCK\x00", "\x00", "", "MIG STOCK", "_MIG", "MÉX"])
def test_get_indicator_refuses_a_malformed_code_without_a_query(
    world, code, django_assert_num_queries
):
    # PostgreSQL refuses text with NUL: such a code must not reach the database.
    with django_assert_num_queries(0), pytest.raises(Http404):
        queries.get_indicator(code)


def test_indicator_page_defaults_to_the_latest_year_of_totals(world):
    page = queries.indicator_page(world.stock)

    assert page.breakdown == ""
    assert page.breakdowns == ("", "sex:female")
    assert page.years == (2015, 2020)
    assert (page.year, page.previous_year) == (2020, 2015)
    assert page.notices == ()


def test_indicator_page_ranks_the_countries_with_their_change(world):
    page = queries.indicator_page(world.stock)

    assert page.ranking == (
        RankRow(1, "USA", "United States", 5000.0, 5000.0, 0.0),
        RankRow(2, "CAN", "Canada", 1200.0, 2000.0, -40.0),
        RankRow(2, "MEX", "Mexico", 1200.0, 1000.0, 20.0),
        RankRow(4, "ARG", "Argentina", 800.0, None, None),
        RankRow(5, "BRA", "Brazil", 300.0, 0.0, None),
    )
    assert page.map_values == {"USA": 5000, "CAN": 1200, "MEX": 1200, "ARG": 800, "BRA": 300}


def test_indicator_page_totals_the_countries_with_their_coverage(world):
    page = queries.indicator_page(world.stock)

    assert page.totals == (
        RegionalTotal(2015, 8400.0, 5, 6),
        RegionalTotal(2020, 8500.0, 5, 6),
    )


def test_indicator_page_shows_regions_figures_apart_as_recorded(world):
    page = queries.indicator_page(world.stock)

    assert page.recorded == (Observed("XAM", 2020, 61_000_000.0, AMERICAS_NOTE, "IOM", 1),)
    assert "XAM" not in [row.area for row in page.ranking]


def test_indicator_page_draws_the_five_largest_countries_by_default(world):
    page = queries.indicator_page(world.stock)

    assert page.chosen == ("USA", "CAN", "MEX", "ARG", "BRA")
    assert page.series["ARG"] == {2020: 800.0}
    assert page.table == [
        (2015, [5000.0, 2000.0, 1000.0, None, 0.0]),
        (2020, [5000.0, 1200.0, 1200.0, 800.0, 300.0]),
    ]
    assert page.areas == ("ARG", "BRA", "CAN", "CHL", "MEX", "USA", "XAM")


def test_indicator_page_of_an_earlier_year_has_no_change(world):
    page = queries.indicator_page(world.stock, year=2015)

    assert page.year == 2015
    assert page.previous_year is None
    assert [(row.rank, row.area, row.change) for row in page.ranking] == [
        (1, "USA", None),
        (2, "CAN", None),
        (3, "MEX", None),
        (4, "CHL", None),
        (5, "BRA", None),
    ]
    assert page.chosen == ("USA", "CAN", "MEX", "CHL", "BRA")


def test_indicator_page_draws_the_areas_asked_for_in_their_order(world):
    page = queries.indicator_page(world.stock, areas=["MEX", "XAM", "CHL"])

    assert page.chosen == ("MEX", "XAM", "CHL")
    assert page.series == {
        "MEX": {2015: 1000.0, 2020: 1200.0},
        "XAM": {2020: 61_000_000.0},
        "CHL": {2015: 400.0},
    }


def test_indicator_page_of_a_breakdown_reads_only_its_figures(world):
    page = queries.indicator_page(world.stock, breakdown="sex:female")

    assert page.breakdown_label == "Sex: female"
    assert page.ranking == (RankRow(1, "MEX", "Mexico", 600.0, None, None),)
    assert page.totals == (RegionalTotal(2020, 600.0, 1, 1),)
    assert page.recorded == ()


def test_indicator_page_falls_back_to_the_total_for_a_breakdown_without_figures(world):
    page = queries.indicator_page(world.stock, breakdown="age:15-24")

    assert page.breakdown == ""
    assert page.notices == (
        "This indicator has no figures for the breakdown “Age group: 15-24”: “Total” is shown.",
    )


def test_indicator_page_of_an_indicator_without_totals_shows_its_first_breakdown():
    indicator = IndicatorFactory.create()
    for breakdown, value in [("sex:male", 4.0), ("sex:female", 6.0)]:
        ObservationFactory.create(indicator=indicator, breakdown=breakdown, value=value)

    page = queries.indicator_page(indicator)

    assert (page.breakdown, page.breakdowns) == ("sex:female", ("sex:female", "sex:male"))
    assert [row.value for row in page.ranking] == [6.0]
    assert page.notices == ()
    asked = queries.indicator_page(indicator, breakdown="age:0-14")
    assert asked.breakdown == "sex:female"
    assert asked.notices == (
        "This indicator has no figures for the breakdown “Age group: 0-14”: “Sex: female” "
        "is shown.",
    )


def test_indicator_page_falls_back_to_the_default_year_for_a_year_without_figures(world):
    page = queries.indicator_page(world.stock, year=1999)

    assert page.year == 2020
    assert page.notices == ("This indicator has no figures for 1999: 2020 is shown.",)


def test_indicator_page_of_a_rate_has_no_total(world):
    page = queries.indicator_page(world.share)

    assert page.totals == ()
    assert [(row.rank, row.area, row.value) for row in page.ranking] == [
        (1, "USA", 15.3),
        (2, "MEX", 0.9),
    ]


def test_indicator_page_without_figures_is_empty():
    page = queries.indicator_page(IndicatorFactory.create())

    assert (page.years, page.year, page.ranking, page.chosen) == ((), None, (), ())


# The country profile


def test_profile_ranks_the_country_in_each_indicators_latest_year(world):
    profile = queries.profile("MEX")

    assert (profile.name, profile.region) == ("Mexico", False)
    stock, share = sorted(profile.indicators, key=lambda item: item.indicator.code != "MIG_STOCK")
    assert [(f.year, f.value) for f in stock.figures] == [(2015, 1000.0), (2020, 1200.0)]
    assert (stock.latest.year, stock.rank, stock.ranked) == (2020, 2, 5)
    assert (share.latest.value, share.rank, share.ranked) == (0.9, 2, 2)


def test_profile_ranks_in_the_countrys_own_latest_year(world):
    profile = queries.profile("CHL")

    (stock,) = profile.indicators
    assert (stock.latest.year, stock.rank, stock.ranked) == (2015, 4, 5)


def test_profile_of_a_region_shows_its_recorded_figures_unranked(world):
    profile = queries.profile("XAM")

    assert (profile.name, profile.region) == ("The Americas", True)
    (stock,) = profile.indicators
    assert stock.figures == (Observed("XAM", 2020, 61_000_000.0, AMERICAS_NOTE, "IOM", 1),)
    assert stock.rank is None


def test_profile_leaves_out_breakdowns(world):
    profile = queries.profile("MEX")

    assert all(figure.value != 600 for item in profile.indicators for figure in item.figures)


def test_profile_of_a_country_without_figures_is_empty(world):
    assert queries.profile("PER").indicators == ()


# The front page and the comparison


def test_overview_gives_each_indicators_latest_year_and_countries(world):
    overview = queries.overview()

    assert [(s.indicator.code, s.latest_year, s.countries) for s in overview.indicators] == [
        ("MIG_SHARE", 2020, 2),
        ("MIG_STOCK", 2020, 6),
    ]
    assert overview.countries == ("ARG", "BRA", "CAN", "CHL", "MEX", "USA")


def test_overview_gives_each_regions_latest_recorded_figure(world):
    ObservationFactory.create(indicator=world.stock, area="XAM", year=2015, value=58_000_000)
    ObservationFactory.create(indicator=world.share, area="XLC", year=2019, value=2.3)

    overview = queries.overview()

    assert [
        (region.area, [(f.indicator.code, f.figure.year, f.figure.value) for f in region.figures])
        for region in overview.regions
    ] == [
        ("XAM", [("MIG_STOCK", 2020, 61_000_000.0)]),
        ("XLC", [("MIG_SHARE", 2019, 2.3)]),
    ]


def test_areas_with_totals_lists_countries_then_regions(world):
    assert queries.areas_with_totals(queries.all_indicators()) == [
        "ARG",
        "BRA",
        "CAN",
        "CHL",
        "MEX",
        "USA",
        "XAM",
    ]


def test_comparison_reads_the_areas_totals_in_the_years_asked_for(world):
    result = queries.comparison(world.stock, ["USA", "MEX"], year_from=2016, year_to=2020)

    assert result.series == {"USA": {2020: 5000.0}, "MEX": {2020: 1200.0}}
    assert result.table == [(2020, [5000.0, 1200.0])]


def test_comparison_without_year_bounds_reads_every_year(world):
    result = queries.comparison(world.stock, ["CHL", "ARG"])

    assert result.table == [(2015, [400.0, None]), (2020, [None, 800.0])]


# The Program in a country


def _published_report(actor: str, cycle):
    return ReportFactory.create(
        actor=Actor.objects.get(slug=actor),
        cycle=cycle,
        status=ActorReport.Status.PUBLISHED,
        published_at=timezone.now(),
    )


def _entry_about(report, *codes, **fields):
    entry = EntryFactory.create(report=report, **fields)
    for code in codes:
        EntryCountry.objects.create(entry=entry, code=code)
    return entry


def test_program_in_country_lists_only_published_entries_about_it():
    cycle = make_cycle("2030–2031", datetime.date(2030, 1, 1))
    published = _published_report("iin", cycle)
    shown = _entry_about(published, "MEX", "CAN", title="Course for consular officials")
    _entry_about(published, "CAN", title="About Canada only")
    _entry_about(published, "MEX", title="Deleted", deleted_at=timezone.now())
    draft = ReportFactory.create(actor=Actor.objects.get(slug="cim"), cycle=cycle)
    _entry_about(draft, "MEX", title="Draft entry about Mexico")

    program = queries.program_in_country("MEX")

    assert [entry.title for entry in program.entries] == [shown.title]
    assert program.entry_count == 1


def test_program_in_country_caps_the_entries_and_counts_them_all():
    cycle = make_cycle("2030–2031", datetime.date(2030, 1, 1))
    report = _published_report("iin", cycle)
    for number in range(4):
        _entry_about(report, "MEX", title=f"Entry {number}", order=number)

    program = queries.program_in_country("MEX", shown=3)

    assert [entry.title for entry in program.entries] == ["Entry 0", "Entry 1", "Entry 2"]
    assert program.entry_count == 4


def test_program_in_country_lists_recommendations_to_the_state_with_published_standing():
    old = make_cycle("2030–2031", datetime.date(2030, 1, 1))
    new = make_cycle("2031–2032", datetime.date(2031, 1, 1))
    to_all = make_recommendation(all_member_states=True, number=1, text="To every state.")
    to_mexico = make_recommendation(addressees=["mex"], number=2, text="To Mexico.")
    make_recommendation(addressees=["can"], number=3, text="To Canada.")
    make_follow_up(to_mexico, "mex", old, "pending")
    make_follow_up(to_mexico, "mex", new, "partial")
    make_follow_up(to_all, "mex", new, "total", status=FollowUp.Status.SUBMITTED)

    program = queries.program_in_country("MEX")

    assert program.state == Actor.objects.get(slug="mex")
    assert program.recommendation_count == 2
    standings = {item.recommendation.text: item.standing for item in program.recommendations}
    assert set(standings) == {"To every state.", "To Mexico."}
    assert standings["To Mexico."].code == "partial"
    assert standings["To every state."] is None  # only submitted, not published


def test_program_in_country_caps_the_recommendations_and_counts_them_all():
    for number in range(4):
        make_recommendation(addressees=["mex"], number=number, text=f"Recommendation {number}")

    program = queries.program_in_country("MEX", shown=2)

    assert len(program.recommendations) == 2
    assert program.recommendation_count == 4


def test_program_in_a_country_that_is_not_a_member_state_has_no_recommendations():
    make_recommendation(all_member_states=True)

    program = queries.program_in_country("ESP")

    assert program.state is None
    assert (program.recommendations, program.recommendation_count) == ((), 0)
