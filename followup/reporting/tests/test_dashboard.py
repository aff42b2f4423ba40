import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone, translation

from followup.program.models import (
    Actor,
    PopulationGroup,
    ProgramActivity,
    ProgramVersion,
    Theme,
)
from followup.reporting.models import ActorReport, EntryCountry, Invitation, ReportingCycle
from followup.reporting.tests.factories import (
    CycleFactory,
    EntryFactory,
    ReportFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

S = ActorReport.Status


def url(name, query=""):
    with translation.override("en"):
        return reverse(name) + query


def actor(slug):
    return Actor.objects.get(slug=slug)


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def cycle(label, opens_on, deadline, status=ReportingCycle.Status.CLOSED, version="2016"):
    return CycleFactory(
        label=label,
        slug=label.replace("–", "-"),
        opens_on=opens_on,
        deadline=deadline,
        status=status,
        version=ProgramVersion.objects.get(slug=version),
    )


def invite(cycle, slug, *, required=True, status=None, **report_fields):
    """Invite an actor; with a status, also give it a report in that status."""
    Invitation.objects.create(cycle=cycle, actor=actor(slug), required=required)
    if status is not None:
        return ReportFactory(cycle=cycle, actor=actor(slug), status=status, **report_fields)
    return None


@pytest.fixture
def secretariat(client):
    client.force_login(secretariat_user())
    return client


@pytest.fixture
def open_cycle():
    """An open cycle whose deadline passed ten days ago, with actors in every situation."""
    current = cycle("2024–2025", days_ago(100), days_ago(10), status=ReportingCycle.Status.OPEN)
    invite(current, "iin", status=S.DRAFT)
    invite(current, "iachr", status=S.RETURNED)
    invite(current, "cim", status=S.SUBMITTED, submitted_at=timezone.now())
    invite(current, "paho", status=S.PUBLISHED)
    invite(current, "mex", required=False, status=S.DRAFT)
    invite(current, "arg", required=False)  # invited after the cycle opened: no report yet
    return current


# Permissions -------------------------------------------------------------------------------

PERSONAS = {
    "anonymous": AnonymousUser,
    "iin focal point": lambda: focal_point_of("iin"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}
EXPECTED_STATUS = {"anonymous": 302, "iin focal point": 403, "reviewer": 403, "secretariat": 200}


@pytest.mark.parametrize("page", ["reporting:dashboard", "reporting:coverage"])
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_dashboard_pages_are_for_the_secretariat_only(client, open_cycle, persona, page):
    user = PERSONAS[persona]()
    if user.is_authenticated:
        client.force_login(user)

    response = client.get(url(page))

    assert response.status_code == EXPECTED_STATUS[persona]
    if persona == "anonymous":
        with translation.override("en"):
            login = reverse("accounts:login")
        assert response["Location"] == f"{login}?next={url(page)}"


def test_dashboard_refuses_an_inactive_secretariat_account(client, open_cycle):
    user = secretariat_user()
    user.is_active = False
    user.save()
    client.force_login(user)

    assert client.get(url("reporting:dashboard")).status_code == 302


# Dashboard ---------------------------------------------------------------------------------


def test_dashboard_shows_the_open_cycle_by_default(secretariat, open_cycle):
    cycle("2030–2031", datetime.date(2030, 1, 1), datetime.date(2030, 3, 1), "planned")
    cycle("2020–2021", datetime.date(2020, 1, 1), datetime.date(2020, 3, 1))

    response = secretariat.get(url("reporting:dashboard"))

    assert response.context["progress"].cycle == open_cycle
    assert '<option value="2024-2025" selected>2024–2025</option>' in response.content.decode()


def test_dashboard_shows_the_newest_cycle_when_none_is_open(secretariat):
    cycle("2020–2021", datetime.date(2020, 1, 1), datetime.date(2020, 3, 1))
    newest = cycle("2030–2031", datetime.date(2030, 1, 1), datetime.date(2030, 3, 1), "planned")

    response = secretariat.get(url("reporting:dashboard"))

    assert response.context["progress"].cycle == newest


def test_dashboard_shows_the_cycle_picked(secretariat, open_cycle):
    older = cycle("2020–2021", datetime.date(2020, 1, 1), datetime.date(2020, 3, 1))

    response = secretariat.get(url("reporting:dashboard", "?cycle=2020-2021"))

    assert response.context["progress"].cycle == older
    assert response.context["progress"].rows == []
    assert "No actor has been asked to report in this cycle." in response.content.decode()


def test_dashboard_lists_every_invited_actor_with_status_and_lateness(secretariat, open_cycle):
    response = secretariat.get(url("reporting:dashboard"))

    rows = [
        (
            row.invitation.actor.slug,
            row.invitation.required,
            row.report.status if row.report else None,
            row.days_late,
        )
        for row in response.context["progress"].rows
    ]
    assert rows == [
        ("arg", False, None, 10),
        ("iin", True, "draft", 10),
        ("cim", True, "submitted", 0),
        ("iachr", True, "returned", 10),
        ("mex", False, "draft", 10),
        ("paho", True, "published", 0),
    ]


def test_dashboard_lists_late_reports_first_required_ones_on_top(secretariat, open_cycle):
    response = secretariat.get(url("reporting:dashboard"))

    late = [row.invitation.actor.slug for row in response.context["progress"].late]
    assert late == ["iin", "iachr", "arg", "mex"]
    content = response.content.decode()
    assert content.index('id="late-heading"') < content.index('id="invited-heading"')
    assert (
        '<tr class="late"><th scope="row">Inter-American Children&#x27;s Institute</th>'
        '<td>Required</td><td><span class="status status-draft">Draft</span></td>'
        '<td><span class="status status-late">10</span></td></tr>'
    ) in content


def test_dashboard_counts_reports_by_status(secretariat, open_cycle):
    response = secretariat.get(url("reporting:dashboard"))

    assert response.context["progress"].counts == {
        "draft": 2,
        "submitted": 1,
        "returned": 1,
        "accepted": 0,
        "published": 1,
        "none": 1,
    }
    assert '<dt>Not started</dt><dd class="count-none">1</dd>' in response.content.decode()


def test_dashboard_finds_nothing_late_before_the_deadline(secretariat):
    current = cycle("2024–2025", days_ago(10), days_ago(-5), status=ReportingCycle.Status.OPEN)
    invite(current, "iin", status=S.DRAFT)

    response = secretariat.get(url("reporting:dashboard"))

    assert response.context["progress"].late == []
    assert "No report is late." in response.content.decode()


def test_dashboard_ignores_deleted_reports(secretariat, open_cycle):
    ActorReport.objects.filter(actor__slug="iin").update(deleted_at=timezone.now())

    response = secretariat.get(url("reporting:dashboard"))

    iin = next(r for r in response.context["progress"].rows if r.invitation.actor.slug == "iin")
    assert iin.report is None


def test_dashboard_explains_an_unknown_cycle(secretariat, open_cycle):
    response = secretariat.get(url("reporting:dashboard", "?cycle=1999-2000"))

    assert response.status_code == 400
    assert response.context["form"].errors == {"cycle": ["“1999-2000” is not a reporting cycle."]}
    assert 'aria-describedby="id_cycle_error"' in response.content.decode()


def test_dashboard_without_cycles_says_so(secretariat):
    response = secretariat.get(url("reporting:dashboard"))

    assert response.status_code == 200
    assert "There is no reporting cycle yet." in response.content.decode()


def test_dashboard_query_count_is_the_same_with_1_and_3_actors(
    secretariat, django_assert_num_queries
):
    current = cycle("2024–2025", days_ago(100), days_ago(10), status=ReportingCycle.Status.OPEN)
    invite(current, "iin", status=S.DRAFT)
    # Session, user, the secretariat's permissions (2), the cycles, the invitations, the
    # reports; the session saved again (savepoint, update, release: its expiry slides).
    with django_assert_num_queries(10):
        secretariat.get(url("reporting:dashboard"))
    invite(current, "cim", status=S.SUBMITTED, submitted_at=timezone.now())
    invite(current, "paho")

    with django_assert_num_queries(10):
        secretariat.get(url("reporting:dashboard"))


# Coverage ----------------------------------------------------------------------------------


@pytest.fixture
def history():
    """Three closed cycles of the 2016 Program and a planned one, plus a 2005 cycle."""
    cycles = [
        cycle(f"{year}–{year + 1}", datetime.date(year, 1, 1), datetime.date(year, 3, 1))
        for year in (2017, 2018, 2019)
    ]
    cycle("2020–2021", datetime.date(2020, 1, 1), datetime.date(2020, 3, 1), "planned")
    cycle("2009–2010", datetime.date(2009, 1, 1), datetime.date(2009, 3, 1), version="2005")
    return cycles


def report_action(cycle, actor_slug, activity_code, status=S.SUBMITTED, **entry_fields):
    report, _ = ActorReport.objects.get_or_create(
        cycle=cycle, actor=actor(actor_slug), defaults={"status": status}
    )
    entry = EntryFactory(report=report, **entry_fields)
    entry.activities.set([ProgramActivity.objects.get(code=activity_code)])
    return entry


def cell(response, activity_code):
    for group in response.context["matrix"].groups:
        for row in group.rows:
            if row.activity.code == activity_code:
                return row
    raise AssertionError(activity_code)


def test_coverage_has_a_row_per_activity_assigned_to_one_actor(secretariat, history):
    response = secretariat.get(url("reporting:coverage"))

    matrix = response.context["matrix"]
    assert [c.label for c in matrix.cycles] == ["2017–2018", "2018–2019", "2019–2020"]
    assert [(g.actor.slug, [r.activity.code for r in g.rows]) for g in matrix.groups][:2] == [
        ("gs", ["2016-gs-a", "2016-gs-b", "2016-gs-c"]),
        ("cam", ["2016-cam-a", "2016-cam-b", "2016-cam-c"]),
    ]
    codes = [row.activity.code for group in matrix.groups for row in group.rows]
    assert "2016-member-states" not in codes
    assert "2005-cim-a" not in codes
    assert len(codes) == 20


def test_coverage_counts_entries_of_reports_that_reached_the_secretariat(secretariat, history):
    first, second, third = history
    report_action(first, "iin", "2016-iin-a", S.PUBLISHED)
    report_action(second, "iin", "2016-iin-a", S.RETURNED)
    report_action(third, "iin", "2016-iin-a", S.DRAFT)
    report_action(first, "iin", "2016-iin-b", S.ACCEPTED)
    report_action(second, "iin", "2016-iin-b", S.SUBMITTED, deleted_at=timezone.now())
    report_action(third, "cim", "2016-iin-b", S.PUBLISHED)  # another actor's report

    response = secretariat.get(url("reporting:coverage"))

    assert cell(response, "2016-iin-a").reported == [True, True, False]
    assert cell(response, "2016-iin-b").reported == [True, False, False]


def test_coverage_ignores_deleted_reports(secretariat, history):
    entry = report_action(history[2], "iin", "2016-iin-a", S.PUBLISHED)
    ActorReport.objects.filter(pk=entry.report_id).update(deleted_at=timezone.now())

    response = secretariat.get(url("reporting:coverage"))

    assert cell(response, "2016-iin-a").reported == [False, False, False]


def test_coverage_flags_activities_without_action_in_the_latest_cycles(secretariat, history):
    first, second, third = history
    report_action(first, "iin", "2016-iin-a")
    report_action(third, "iin", "2016-iin-b")
    report_action(second, "paho", "2016-paho-a")

    response = secretariat.get(url("reporting:coverage"))

    assert cell(response, "2016-iin-a").cycles_without_action == 2
    assert cell(response, "2016-iin-b").is_gap is False
    assert cell(response, "2016-paho-a").is_gap is False
    assert cell(response, "2016-paho-b").cycles_without_action == 3
    gaps = [row.activity.code for row in response.context["matrix"].gaps]
    assert "2016-iin-a" in gaps
    assert "2016-iin-b" not in gaps
    assert len(gaps) == 18
    content = response.content.decode()
    assert '<strong class="status status-late">No action for 2 cycles</strong>' in content
    assert '<strong class="status status-late">No action for 3 cycles</strong>' in content


def test_coverage_does_not_count_a_cycle_before_its_deadline(secretariat, history):
    first, _, third = history
    current = cycle("2024–2025", days_ago(30), days_ago(-30), ReportingCycle.Status.OPEN)
    report_action(first, "iin", "2016-iin-a")
    report_action(third, "iin", "2016-iin-b")

    response = secretariat.get(url("reporting:coverage", "?cycle=2024-2025"))

    assert response.context["matrix"].cycles[-1] == current
    assert cell(response, "2016-iin-a").cycles_without_action == 2
    assert cell(response, "2016-iin-b").cycles_without_action == 0
    assert cell(response, "2016-iin-b").cells[-2:] == [(True, True), (False, False)]
    assert '<td><span class="status">Not due yet</span></td>' in response.content.decode()


def test_coverage_counts_an_open_cycle_once_its_deadline_passed(secretariat, history):
    report_action(history[2], "iin", "2016-iin-b")
    cycle("2024–2025", days_ago(100), days_ago(10), ReportingCycle.Status.OPEN)

    response = secretariat.get(url("reporting:coverage"))

    assert cell(response, "2016-iin-b").cells[-2:] == [(True, True), (False, True)]
    assert cell(response, "2016-iin-b").cycles_without_action == 1


FILTERED = {
    "theme": ("?theme=education", [True, False, False]),
    "group": ("?group=children-adolescents", [False, True, False]),
    "country": ("?country=gtm", [False, False, True]),
    "no filter": ("", [True, True, True]),
}


@pytest.mark.parametrize("name", sorted(FILTERED))
def test_coverage_filters_restrict_which_entries_count(secretariat, history, name):
    query, expected = FILTERED[name]
    first, second, third = history
    report_action(first, "iin", "2016-iin-a").themes.set([Theme.objects.get(slug="education")])
    report_action(second, "iin", "2016-iin-a").population_groups.set(
        [PopulationGroup.objects.get(slug="children-adolescents")]
    )
    entry = report_action(third, "iin", "2016-iin-a")
    EntryCountry.objects.create(entry=entry, code="GTM")

    response = secretariat.get(url("reporting:coverage", query))

    assert response.status_code == 200
    assert cell(response, "2016-iin-a").reported == expected


BAD_FILTERS = {
    "country": (
        "country=QQQ",
        "“QQQ” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).",
    ),
    "theme": ("theme=astrology", "“astrology” is not a theme of the Program."),
    "group": ("group=martians", "“martians” is not a population group of the Program."),
    "cycle": ("cycle=1999-2000", "“1999-2000” is not a reporting cycle."),
}


@pytest.mark.parametrize("name", sorted(BAD_FILTERS))
def test_coverage_explains_a_bad_filter(secretariat, history, name):
    query, message = BAD_FILTERS[name]

    response = secretariat.get(url("reporting:coverage", f"?{query}"))

    assert response.status_code == 400
    assert response.context["form"].errors == {name: [message]}
    assert response.context["matrix"] is None
    assert f'aria-describedby="id_{name}_error"' in response.content.decode()


def test_coverage_of_a_cycle_picked_uses_its_program_version(secretariat, history):
    response = secretariat.get(url("reporting:coverage", "?cycle=2009-2010"))

    matrix = response.context["matrix"]
    assert [c.label for c in matrix.cycles] == ["2009–2010"]
    assert [row.activity.code for group in matrix.groups for row in group.rows] == [
        "2005-cim-a",
        "2005-cim-b",
        "2005-dsde-a",
        "2005-dsde-b",
        "2005-dsde-c",
    ]


def build_coverage(count, first_year):
    """`count` cycles, and in each a report of `count` actors with `count` entries each, every
    entry tagged with a theme, a group and a country."""
    actors = ["iin", "cim", "paho"][:count]
    codes = {"iin": "2016-iin-a", "cim": "2016-cim-a", "paho": "2016-paho-a"}
    for year in range(first_year, first_year + count):
        current = cycle(f"{year}–{year + 1}", datetime.date(year, 1, 1), datetime.date(year, 3, 1))
        for slug in actors:
            for _ in range(count):
                entry = report_action(current, slug, codes[slug])
                entry.themes.set([Theme.objects.get(slug="education")])
                entry.population_groups.set(
                    [PopulationGroup.objects.get(slug="children-adolescents")]
                )
                EntryCountry.objects.create(entry=entry, code="MEX")


COVERAGE_QUERIES = {
    # Session, user, permissions (2), the cycles, the theme and group choices; the matrix:
    # its columns, its rows and the covered cells; the session saved again (3).
    "no filter": ("", 13),
    # The theme and the group are looked up to validate them.
    "filtered": ("?theme=education&group=children-adolescents&country=MEX", 15),
}


@pytest.mark.parametrize("name", sorted(COVERAGE_QUERIES))
def test_coverage_query_count_is_the_same_with_1_and_3_cycles_actors_and_entries(
    secretariat, django_assert_num_queries, name
):
    query, expected = COVERAGE_QUERIES[name]
    build_coverage(1, 2040)
    with django_assert_num_queries(expected):
        one = secretariat.get(url("reporting:coverage", query))
    build_coverage(3, 2050)

    with django_assert_num_queries(expected):
        three = secretariat.get(url("reporting:coverage", query))

    assert len(one.context["matrix"].cycles) == 1
    assert len(three.context["matrix"].cycles) == 4
    assert cell(three, "2016-paho-a").reported == [False, True, True, True]
