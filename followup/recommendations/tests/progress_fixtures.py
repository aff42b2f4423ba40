"""A small ledger whose figures are computed by hand in test_progress.py, and a large one for
the query-count tests.

Three recommendations of one source (two in Panel 1, one in Panel 2), four states, two
cycles. Published unless said otherwise:

    R1 (Panel 1; human rights)          to ARG, BRA, CHL, MEX
        ARG  2018–2019 pending, 2019–2020 total  → total (the later cycle overrides)
        BRA  2018–2019 partial, 2019–2020 total as a DRAFT → partial
        CHL  2018–2019 not applicable            → out of the share
        MEX  nothing                             → no answer
    R2 (Panel 1; human rights, health)  to ARG, BRA
        ARG  2019–2020 non-compliance
        BRA  2019–2020 total, SUBMITTED only     → no answer
    R3 (Panel 2; health)                to CHL, MEX
        CHL  2018–2019 total                     → total
        MEX  2019–2020 partial                   → partial
"""

import datetime
from dataclasses import dataclass

from followup.program.models import Actor
from followup.recommendations.models import FollowUp, Recommendation, Source
from followup.recommendations.tests.factories import (
    make_cycle,
    make_follow_up,
    make_recommendation,
    make_source,
)
from followup.reporting.models import ReportingCycle

# Texts of follow-ups that are not published: no public page may ever show them.
DRAFT_NARRATIVE = "Draft only: the ministry is still drafting its asylum decree"
SUBMITTED_NARRATIVE = "Submitted, not yet validated: shelters opened in three provinces"
PUBLISHED_NARRATIVE = "The national asylum commission opened offices at four border posts."
SUBMITTED_INSTITUTION = "Unvalidated Ministry of Borders"


@dataclass(frozen=True)
class World:
    source: Source
    r1: Recommendation
    r2: Recommendation
    r3: Recommendation
    first: ReportingCycle
    second: ReportingCycle
    draft: FollowUp
    submitted: FollowUp


def build_world() -> World:
    first = make_cycle(
        "2018–2019",
        datetime.date(2018, 9, 1),
        deadline=datetime.date(2018, 12, 1),
        status=ReportingCycle.Status.CLOSED,
    )
    second = make_cycle(
        "2019–2020",
        datetime.date(2019, 9, 1),
        deadline=datetime.date(2019, 12, 1),
        status=ReportingCycle.Status.OPEN,
    )
    source = make_source(title="Forced migration of Venezuelans", reference="Resolution 2/18")
    r1 = make_recommendation(
        source,
        group="Panel 1",
        number=1,
        text="Guarantee access to asylum procedures at every border post.",
        addressees=["arg", "bra", "chl", "mex"],
        themes=["human-rights"],
    )
    r2 = make_recommendation(
        source,
        group="Panel 1",
        number=2,
        text="Accept expired passports as identity documents.",
        addressees=["arg", "bra"],
        themes=["human-rights", "health"],
    )
    r3 = make_recommendation(
        source,
        group="Panel 2",
        number=3,
        text="Give migrants access to emergency health care.",
        addressees=["chl", "mex"],
        themes=["health"],
    )
    make_follow_up(r1, "arg", first, "pending")
    make_follow_up(
        r1,
        "arg",
        second,
        "total",
        narrative=PUBLISHED_NARRATIVE,
        responsible_institution="National Commission for Refugees",
    )
    make_follow_up(r1, "bra", first, "partial")
    draft = make_follow_up(
        r1, "bra", second, "total", status=FollowUp.Status.DRAFT, narrative=DRAFT_NARRATIVE
    )
    make_follow_up(r1, "chl", first, "not-applicable")
    make_follow_up(r2, "arg", second, "non-compliance")
    submitted = make_follow_up(
        r2,
        "bra",
        second,
        "total",
        status=FollowUp.Status.SUBMITTED,
        narrative=SUBMITTED_NARRATIVE,
        responsible_institution=SUBMITTED_INSTITUTION,
    )
    make_follow_up(r3, "chl", first, "total")
    make_follow_up(r3, "mex", second, "partial")
    return World(source, r1, r2, r3, first, second, draft, submitted)


def grow_world(world: World, recommendations: int = 27) -> None:
    """More of everything: recommendations to all member states (35) and to an actor, each
    with published, submitted and draft follow-ups in both cycles, and one more cycle."""
    levels = ("total", "partial", "pending", "not-applicable", "non-compliance")
    states = list(Actor.objects.filter(category=Actor.Category.MEMBER_STATE).order_by("slug"))
    third = make_cycle(
        "2020–2021",
        datetime.date(2020, 9, 1),
        deadline=datetime.date(2020, 12, 1),
        status=ReportingCycle.Status.OPEN,
    )
    for index in range(recommendations):
        source = world.source if index % 2 else make_source()
        recommendation = make_recommendation(
            source,
            group=f"Panel {index % 3 + 1}",
            number=10 + index,
            all_member_states=True,
            addressees=["iom"] if index % 4 == 0 else [],
            themes=["health", "education"] if index % 2 else ["gender"],
        )
        for offset, state in enumerate(states[index % 5 :: 3]):
            cycle = (world.first, world.second, third)[offset % 3]
            status = (
                FollowUp.Status.PUBLISHED,
                FollowUp.Status.PUBLISHED,
                FollowUp.Status.SUBMITTED,
                FollowUp.Status.DRAFT,
            )[offset % 4]
            make_follow_up(recommendation, state, cycle, levels[offset % 5], status=status)
