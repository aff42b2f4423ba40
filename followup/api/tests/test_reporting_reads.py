"""Reading cycles, reports and entries: content, filters, privacy of what is not published,
and the number of queries each list runs."""

import pytest
from django.utils import timezone

from followup.api.tests.conftest import Api, World, persona
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting.models import (
    ActorReport,
    Entry,
    EntryCountry,
    Figure,
    Invitation,
    Link,
    PlannedFollowUp,
    ReviewComment,
)
from followup.reporting.tests.factories import CycleFactory, EntryFactory, ReportFactory

pytestmark = pytest.mark.django_db


def test_cycle_lists_its_invited_actors_with_the_required_flag(api: Api):
    cycle = CycleFactory(label="2019–2020", slug="2019-2020")
    Invitation.objects.create(cycle=cycle, actor=Actor.objects.get(slug="iin"), required=True)
    Invitation.objects.create(cycle=cycle, actor=Actor.objects.get(slug="mex"), required=False)

    response = api.get("/api/v1/cycles/2019-2020/")

    assert response.status_code == 200
    assert response.json() == {
        "url": "http://testserver/api/v1/cycles/2019-2020/",
        "slug": "2019-2020",
        "label": "2019–2020",
        "status": "open",
        "opens_on": cycle.opens_on.isoformat(),
        "deadline": cycle.deadline.isoformat(),
        "version": "2016",
        "invitations": [
            {"actor": "iin", "required": True},
            {"actor": "mex", "required": False},
        ],
    }


def test_report_detail_shows_alive_entries_with_everything_they_hold(api: Api):
    report = ReportFactory(status=ActorReport.Status.PUBLISHED)
    entry = EntryFactory(report=report, title="Course", starts="2019-07", ends="2019")
    entry.activities.set([ProgramActivity.objects.get(code="2016-iin-a")])
    entry.themes.set([Theme.objects.get(slug="health")])
    entry.population_groups.set([PopulationGroup.objects.get(slug="migrant-workers")])
    entry.partners.set([Actor.objects.get(slug="iom")])
    EntryCountry.objects.create(entry=entry, code="GTM")
    Figure.objects.create(entry=entry, value="120.50", counts="officials trained")
    Link.objects.create(entry=entry, url="https://www.iin.oea.org/", title="IIN")
    EntryFactory(report=report, title="Deleted", deleted_at=timezone.now())

    body = api.get(f"/api/v1/reports/{report.pk}/").json()

    assert (body["status"], body["revision"], body["cycle"], body["actor"]) == (
        "published",
        1,
        report.cycle.slug,
        "iin",
    )
    assert body["entries"] == [
        {
            "url": f"http://testserver/api/v1/entries/{entry.pk}/",
            "id": entry.pk,
            "report": report.pk,
            "cycle": report.cycle.slug,
            "actor": "iin",
            "report_revision": 1,
            "kind": "carried_out",
            "title": "Course",
            "narrative": entry.narrative,
            "language": "en",
            "starts": "2019-07",
            "ends": "2019",
            "activities": ["2016-iin-a"],
            "themes": ["health"],
            "population_groups": ["migrant-workers"],
            "partners": ["iom"],
            "countries": ["GTM"],
            "figures": [{"value": 120.5, "counts": "officials trained"}],
            "links": [{"url": "https://www.iin.oea.org/", "title": "IIN"}],
        }
    ]


def test_public_follow_ups_keep_the_plans_of_unpublished_reports_private(api: Api):
    """The previous report was accepted, not published: its planned entry is not public, so
    the public sees the new report without that follow-up; the secretariat sees it."""
    previous = ReportFactory(status=ActorReport.Status.ACCEPTED)
    planned = EntryFactory(report=previous, kind=Entry.Kind.PLANNED, title="Private plan")
    report = ReportFactory(status=ActorReport.Status.PUBLISHED)
    PlannedFollowUp.objects.create(report=report, planned=planned, outcome="done")
    secretariat = api.as_(persona("secretariat"))

    public = api.get(f"/api/v1/reports/{report.pk}/").json()
    internal = secretariat.get(f"/api/v1/reports/{report.pk}/").json()

    assert public["followups"] == []
    assert [(f["planned_title"], f["outcome"]) for f in internal["followups"]] == [
        ("Private plan", "done")
    ]


def test_deleted_entries_are_gone_from_lists_and_details(api: Api, world: World):
    world.cim_published_entry.deleted_at = timezone.now()
    world.cim_published_entry.save()

    listed = api.get("/api/v1/entries/").json()["results"]
    detail = api.get(f"/api/v1/entries/{world.cim_published_entry.pk}/")

    assert [e["title"] for e in listed] == ["Regional course for judges"]
    assert detail.status_code == 404


@pytest.fixture
def tagged_entries(world: World) -> dict:
    """Three published entries that differ in one tag each."""
    report = world.cim_published
    mexico = EntryFactory(report=report, title="Mexico")
    EntryCountry.objects.create(entry=mexico, code="MEX")
    health = EntryFactory(report=report, title="Health", kind=Entry.Kind.BEST_PRACTICE)
    health.themes.set([Theme.objects.get(slug="health")])
    workers = EntryFactory(report=report, title="Workers")
    workers.population_groups.set([PopulationGroup.objects.get(slug="migrant-workers")])
    return {"mexico": mexico, "health": health, "workers": workers}


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("country=mex", ["Mexico"]),
        ("theme=health", ["Health"]),
        ("group=migrant-workers", ["Workers"]),
        ("kind=best_practice", ["Health"]),
        ("actor=iin", ["Regional course for judges"]),
        ("kind=planned&actor=iin", ["Regional course for judges"]),
    ],
)
def test_entries_filter(api: Api, tagged_entries, query: str, titles: list[str]):
    listed = api.get(f"/api/v1/entries/?{query}").json()["results"]

    assert [entry["title"] for entry in listed] == titles


def test_entries_filter_by_cycle(api: Api, world: World, tagged_entries):
    listed = api.get(f"/api/v1/entries/?cycle={world.cim_published.cycle.slug}").json()

    assert [e["title"] for e in listed["results"]] == [
        "CIM published entry",
        "Mexico",
        "Health",
        "Workers",
    ]


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        (
            "country=XXX",
            {"country": ["“XXX” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN)."]},
        ),
        ("theme=nope", {"theme": ["“nope” is not a theme."]}),
        ("group=nope", {"group": ["“nope” is not a population group."]}),
        ("cycle=1999-2000", {"cycle": ["“1999-2000” is not a reporting cycle."]}),
        ("actor=nobody", {"actor": ["“nobody” is not an actor of the Program."]}),
        ("kind=rumour", {"kind": ['"rumour" is not a valid choice.']}),
        ("theme=%00", {"theme": ["Null characters are not allowed."]}),
    ],
)
def test_entries_refuse_filters_they_cannot_apply(api: Api, query: str, errors: dict):
    response = api.get(f"/api/v1/entries/?{query}")

    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid input.", "errors": errors}


def test_reports_filter_by_cycle_actor_and_status(api: Api, world: World):
    who = api.as_(persona("secretariat"))
    cycle = world.iin_draft.cycle.slug

    by_cycle = who.get(f"/api/v1/reports/?cycle={cycle}").json()["results"]
    by_status = who.get("/api/v1/reports/?actor=cim&status=accepted").json()["results"]

    assert {r["id"] for r in by_cycle} == {world.iin_draft.pk, world.cim_submitted.pk}
    assert [r["id"] for r in by_status] == [world.cim_accepted.pk]


def test_reports_refuse_an_unknown_status(api: Api):
    response = api.get("/api/v1/reports/?status=lost")

    assert response.status_code == 400
    assert response.json()["errors"] == {"status": ['"lost" is not a valid choice.']}


# Query counts: each list runs the same number of queries for one item as for three.


def published_entries(count: int) -> None:
    report = ReportFactory(status=ActorReport.Status.PUBLISHED)
    for _ in range(count):
        entry = EntryFactory(report=report)
        entry.themes.set([Theme.objects.get(slug="health")])
        EntryCountry.objects.create(entry=entry, code="MEX")
        Figure.objects.create(entry=entry, value=1, counts="thing")


def published_reports(count: int) -> None:
    for _ in range(count):
        published_entries(1)


def cycles(count: int) -> None:
    for _ in range(count):
        cycle = CycleFactory()
        Invitation.objects.create(cycle=cycle, actor=Actor.objects.get(slug="iin"))


@pytest.mark.parametrize(
    ("path", "make", "anonymous", "with_token"),
    [
        # count, page, and one query per prefetched relation (7 for entries); a token adds
        # its look-up and last-use stamp, and reading reports the user's permissions (2) and
        # memberships (1).
        ("/api/v1/entries/", published_entries, 9, 14),
        ("/api/v1/reports/", published_reports, 2, 7),
        ("/api/v1/cycles/", cycles, 3, 5),
    ],
)
@pytest.mark.parametrize("who", ["anonymous", "iin focal point"])
@pytest.mark.parametrize("items", [1, 3])
def test_reporting_lists_run_the_same_queries_for_one_or_three_items(
    client, django_assert_num_queries, path, make, anonymous, with_token, who, items
):
    caller = Api(client, persona(who))
    make(items)

    with django_assert_num_queries(anonymous if who == "anonymous" else with_token):
        response = caller.get(path)

    assert response.json()["count"] == items


@pytest.mark.parametrize("items", [1, 3])
@pytest.mark.parametrize(("who", "queries"), [("anonymous", 11), ("cim focal point", 18)])
def test_report_detail_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, items, who, queries
):
    """Entries (with their seven relations), follow-ups and comments, one to three of each."""
    report = ReportFactory(actor=Actor.objects.get(slug="cim"), status=ActorReport.Status.PUBLISHED)
    previous = ReportFactory(actor=report.actor, status=ActorReport.Status.PUBLISHED)
    reviewer = persona("reviewer").user
    for number in range(items):
        EntryFactory(report=report)
        planned = EntryFactory(report=previous, kind=Entry.Kind.PLANNED)
        PlannedFollowUp.objects.create(report=report, planned=planned, outcome="done")
        ReviewComment.objects.create(report=report, author=reviewer, text=f"Comment {number}")
    caller = Api(client, persona(who))

    with django_assert_num_queries(queries):
        body = caller.get(f"/api/v1/reports/{report.pk}/").json()

    assert (len(body["entries"]), len(body["followups"])) == (items, items)
