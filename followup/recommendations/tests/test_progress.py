"""The progress figures against the ones computed by hand in progress_fixtures.py."""

import datetime

import pytest
from django.http import Http404

from followup.program.models import Actor, Theme
from followup.recommendations.models import FollowUp, Recommendation
from followup.recommendations.progress import answers, lists, pages
from followup.recommendations.progress.ledger import Ledger, Progress, ledger_for
from followup.recommendations.tests.factories import (
    make_cycle,
    make_follow_up,
    make_recommendation,
    make_source,
)
from followup.recommendations.tests.progress_fixtures import PUBLISHED_NARRATIVE, build_world
from followup.reporting.models import ReportingCycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def figures(p: Progress) -> dict[str, object]:
    """The figures, with the non-zero counts per level by code."""
    return {
        "addressed": p.addressed,
        "implemented": p.implemented,
        "applicable": p.applicable,
        "not_applicable": p.not_applicable,
        "unanswered": p.unanswered,
        "share": p.share,
        "levels": {c.level.code: c.count for c in p.by_level if c.count},
    }


def ledger_of(*recommendations: Recommendation) -> Ledger:
    return ledger_for(Recommendation.objects.filter(pk__in=[r.pk for r in recommendations]))


def test_recommendation_figures_match_the_hand_computed_ones(world):
    ledger = ledger_of(world.r1, world.r2, world.r3)

    assert figures(ledger.progress_of(world.r1.pk)) == {
        "addressed": 4,
        "implemented": 1,
        "applicable": 2,
        "not_applicable": 1,
        "unanswered": 1,
        "share": 50.0,
        "levels": {"total": 1, "partial": 1, "not-applicable": 1},
    }
    assert figures(ledger.progress_of(world.r2.pk)) == {
        "addressed": 2,
        "implemented": 0,
        "applicable": 1,
        "not_applicable": 0,
        "unanswered": 1,
        "share": 0.0,
        "levels": {"non-compliance": 1},
    }
    assert figures(ledger.progress_of(world.r3.pk)) == {
        "addressed": 2,
        "implemented": 1,
        "applicable": 2,
        "not_applicable": 0,
        "unanswered": 0,
        "share": 50.0,
        "levels": {"total": 1, "partial": 1},
    }


def test_a_later_cycle_overrides_an_earlier_one(world):
    ledger = ledger_of(world.r1)
    arg = Actor.objects.get(slug="arg")

    standing = ledger.standings[(world.r1.pk, arg.pk)]

    assert (standing.level.code, standing.cycle_id) == ("total", world.second.pk)
    assert {c: level.code for c, level in ledger.cells[(world.r1.pk, arg.pk)].items()} == {
        world.first.pk: "pending",
        world.second.pk: "total",
    }


def test_drafts_and_submitted_follow_ups_do_not_count(world):
    ledger = ledger_of(world.r1, world.r2)
    bra = Actor.objects.get(slug="bra")

    # BRA's total for R1 is a draft and its total for R2 only submitted.
    assert ledger.standings[(world.r1.pk, bra.pk)].level.code == "partial"
    assert (world.r2.pk, bra.pk) not in ledger.standings
    assert (world.r2.pk, bra.pk) not in ledger.cells


def test_a_published_follow_up_without_a_level_states_no_standing(world):
    mex = Actor.objects.get(slug="mex")
    make_follow_up(world.r3, "mex", make_cycle("2020–2021", datetime.date(2020, 9, 1)), None)

    ledger = ledger_of(world.r3)

    assert ledger.standings[(world.r3.pk, mex.pk)].level.code == "partial"


def test_share_is_none_when_nothing_counts():
    recommendation = make_recommendation(addressees=["arg", "bra"])
    make_follow_up(
        recommendation, "arg", make_cycle("2018–2019", datetime.date(2018, 9, 1)), "not-applicable"
    )

    result = ledger_of(recommendation).progress_of(recommendation.pk)

    assert (result.share, result.not_applicable, result.unanswered) == (None, 1, 1)


def test_all_member_states_counts_each_of_the_35_states_once():
    recommendation = make_recommendation(all_member_states=True, addressees=["mex", "iom"])

    ledger = ledger_of(recommendation)

    states = Actor.objects.filter(category=Actor.Category.MEMBER_STATE)
    assert states.count() == 35
    assert sorted(ledger.addressees[recommendation.pk]) == sorted(
        [*states.values_list("pk", flat=True), Actor.objects.get(slug="iom").pk]
    )
    assert ledger.progress_of(recommendation.pk).addressed == 36


def test_addressees_are_in_name_order_in_the_active_language():
    recommendation = make_recommendation(addressees=["usa", "bra", "dom"])

    ledger = ledger_of(recommendation)

    names = [ledger.actors[pk].name_en for pk in ledger.addressees[recommendation.pk]]
    assert names == ["Brazil", "Dominican Republic", "United States"]


def test_state_figures_match_the_hand_computed_ones(world):
    overview = pages.overview()

    by_state = {row.actor.country: row for row in overview.states}
    assert len(by_state) == 35
    assert {
        code: (row.recommendations, row.progress.share, row.progress.unanswered)
        for code, row in by_state.items()
        if row.recommendations
    } == {
        "ARG": (2, 50.0, 0),
        "BRA": (2, 0.0, 1),
        "CHL": (2, 100.0, 0),
        "MEX": (2, 0.0, 1),
    }
    assert by_state["URY"].progress.share is None
    assert overview.share_by_country()["CHL"] == 100.0
    assert overview.others == ()


def test_theme_figures_match_the_hand_computed_ones(world):
    overview = pages.overview()

    rows = {row.theme.slug: row for row in overview.themes}
    assert sorted(rows) == ["health", "human-rights"]
    assert figures(rows["human-rights"].progress) == {
        "addressed": 6,
        "implemented": 1,
        "applicable": 3,
        "not_applicable": 1,
        "unanswered": 2,
        "share": pytest.approx(100 / 3),
        "levels": {"total": 1, "partial": 1, "non-compliance": 1, "not-applicable": 1},
    }
    assert figures(rows["health"].progress) == {
        "addressed": 4,
        "implemented": 1,
        "applicable": 3,
        "not_applicable": 0,
        "unanswered": 1,
        "share": pytest.approx(100 / 3),
        "levels": {"total": 1, "partial": 1, "non-compliance": 1},
    }
    assert (rows["health"].recommendations, rows["human-rights"].recommendations) == (2, 2)


def test_total_figures_match_the_hand_computed_ones(world):
    total = pages.overview().total

    assert (total.addressed, total.implemented, total.applicable, total.share) == (8, 2, 5, 40.0)


def test_theme_page_has_its_recommendations_and_figures(world):
    page = pages.theme_page("health")

    assert [item.recommendation for item in page.items] == [world.r2, world.r3]
    assert page.progress.share == pytest.approx(100 / 3)


def test_source_page_groups_by_panel_with_each_panels_figures(world):
    page = lists.source_page(world.source.pk)

    assert [(panel.group, [i.recommendation for i in panel.items]) for panel in page.panels] == [
        ("Panel 1", [world.r1, world.r2]),
        ("Panel 2", [world.r3]),
    ]
    # Panel 1: R1 (1 of 2) and R2 (0 of 1).
    assert page.panels[0].progress.share == pytest.approx(100 / 3)
    assert page.panels[1].progress.share == 50.0
    assert page.progress.share == 40.0


def test_matrix_shows_every_addressee_in_every_cycle(world):
    make_cycle("2030–2031", datetime.date(2030, 9, 1), status=ReportingCycle.Status.PLANNED)

    page = pages.recommendation_page(world.r1.pk)

    assert page.cycles == (world.first, world.second)
    assert [
        (
            row.addressee.slug,
            [c.code if c else None for c in row.cells],
            row.standing and row.standing.code,
        )
        for row in page.rows
    ] == [
        ("arg", ["pending", "total"], "total"),
        ("bra", ["partial", None], "partial"),
        ("chl", ["not-applicable", None], "not-applicable"),
        ("mex", [None, None], None),
    ]
    assert page.rows[0].evidence.narrative == PUBLISHED_NARRATIVE
    assert page.rows[0].evidence.cycle == world.second
    assert page.rows[3].evidence is None


def test_matrix_leaves_out_cycles_that_closed_before_the_recommendation(world):
    later = make_recommendation(world.source, date="2019-06", addressees=["arg"])

    page = pages.recommendation_page(later.pk)

    assert page.cycles == (world.second,)


def test_matrix_keeps_an_early_cycle_with_an_answer(world):
    later = make_recommendation(world.source, date="2019-06", addressees=["arg"])
    make_follow_up(later, "arg", world.first, "partial")

    page = pages.recommendation_page(later.pk)

    assert page.cycles == (world.first, world.second)


def test_addressee_page_lists_direct_and_all_member_states_recommendations(world):
    to_all = make_recommendation(world.source, group="Panel 3", number=4, all_member_states=True)
    make_recommendation(world.source, addressees=["iom"])

    page = pages.addressee_page("chl")

    assert [
        (row.recommendation, row.standing and row.standing.code, row.cycle, row.through_all_states)
        for row in page.rows
    ] == [
        (world.r1, "not-applicable", world.first, False),
        (world.r3, "total", world.first, False),
        (to_all, None, None, True),
    ]
    assert (page.progress.addressed, page.progress.share, page.progress.unanswered) == (3, 100.0, 1)


@pytest.mark.parametrize(("key", "slug"), [("arg", "arg"), ("ARG", "arg"), ("iom", "iom")])
def test_get_addressee_takes_a_code_or_an_iso_code(key, slug):
    assert pages.get_addressee(key).slug == slug


@pytest.mark.parametrize("key", ["", "xyz", "IOM"])
def test_get_addressee_refuses_what_is_not_an_actor(key):
    with pytest.raises(Http404):
        pages.get_addressee(key)


def numbers(found) -> list[int]:
    return [recommendation.number for recommendation in found]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [1, 2, 3]),
        ({"group": "Panel 1"}, [1, 2]),
        ({"theme": "health"}, [2, 3]),
        ({"addressee": "chl"}, [1, 3]),
        ({"text": "PASSPORTS"}, [2]),
        ({"text": "resolution 2/18"}, [1, 2, 3]),
        ({"group": "Panel 1", "theme": "health"}, [2]),
    ],
)
def test_filter_recommendations(world, filters, expected):
    if "theme" in filters:
        filters["theme"] = Theme.objects.get(slug=filters["theme"])
    if "addressee" in filters:
        filters["addressee"] = Actor.objects.get(slug=filters["addressee"])

    found = lists.filter_recommendations(lists.RecommendationFilters(**filters))

    assert numbers(found) == expected


def test_filter_by_source_and_by_a_state_reached_through_all_member_states(world):
    other = make_recommendation(make_source(), number=9, all_member_states=True)

    by_source = lists.filter_recommendations(lists.RecommendationFilters(source=other.source))
    by_state = lists.filter_recommendations(
        lists.RecommendationFilters(addressee=Actor.objects.get(slug="ury"))
    )

    assert (numbers(by_source), numbers(by_state)) == ([9], [9])


def test_unanswered_in_the_second_cycle(world):
    missing = answers.unanswered_in(world.second)

    # ARG answered both; BRA's R1 is only a draft (R2 submitted counts as answered).
    assert {item.addressee.slug: numbers(item.recommendations) for item in missing} == {
        "bra": [1],
        "chl": [1, 3],
        "mex": [1],
    }


def test_unanswered_in_the_first_cycle(world):
    missing = answers.unanswered_in(world.first)

    assert {item.addressee.slug: numbers(item.recommendations) for item in missing} == {
        "arg": [2],
        "bra": [2],
        "mex": [1, 3],
    }


def test_a_recommendation_is_not_due_before_its_date(world):
    make_recommendation(world.source, number=7, date="2019-06", addressees=["ury"])

    first = {item.addressee.slug for item in answers.unanswered_in(world.first)}
    second = {item.addressee.slug for item in answers.unanswered_in(world.second)}

    assert ("ury" in first, "ury" in second) == (False, True)


def test_default_cycle_is_the_latest_with_an_answer(world):
    third = make_cycle("2020–2021", datetime.date(2020, 9, 1))
    make_follow_up(world.r1, "mex", third, "total", status=FollowUp.Status.DRAFT)

    assert answers.default_answer_cycle() == world.second


def test_default_cycle_without_answers_is_the_latest_open_cycle():
    make_cycle("2018–2019", datetime.date(2018, 9, 1), status=ReportingCycle.Status.CLOSED)
    open_cycle = make_cycle("2019–2020", datetime.date(2019, 9, 1))
    make_cycle("2020–2021", datetime.date(2020, 9, 1), status=ReportingCycle.Status.PLANNED)

    assert answers.default_answer_cycle() == open_cycle
