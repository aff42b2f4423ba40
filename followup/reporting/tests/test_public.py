import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone, translation

from followup.accounts.tests.factories import UserFactory
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting.models import (
    ActorReport,
    Attachment,
    Entry,
    EntryCountry,
    Figure,
    Link,
    PlannedFollowUp,
    ReportingCycle,
)
from followup.reporting.templatetags.reporting_public import (
    format_date_range,
    format_partial_date,
)
from followup.reporting.tests.factories import (
    CycleFactory,
    EntryFactory,
    ReportFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

# Text of reports that are not published: no public page may ever show it.
IIN_DRAFT = "Confidential draft: shelter protocol for unaccompanied children"
CIM_SUBMITTED = "Submitted but unpublished: gender-based violence survey"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def publish(report):
    report.status = ActorReport.Status.PUBLISHED
    report.published_at = datetime.datetime(2018, 3, 15, 12, tzinfo=datetime.UTC)
    report.save()
    return report


def cycle(label, year, status=ReportingCycle.Status.CLOSED):
    return CycleFactory(
        label=label,
        slug=label.replace("–", "-"),
        opens_on=datetime.date(year, 9, 1),
        deadline=datetime.date(year, 12, 1),
        status=status,
    )


@pytest.fixture
def world():
    """Three cycles of IIN reports (two published, the newest a draft), a submitted CIM
    report, and a published IACHR report, with every kind of detail an entry can carry."""
    iin, cim, iachr = (Actor.objects.get(slug=slug) for slug in ("iin", "cim", "iachr"))
    first, second, third = (
        cycle("2016–2017", 2016),
        cycle("2017–2018", 2017),
        cycle("2018–2019", 2018, ReportingCycle.Status.OPEN),
    )
    iin_first = publish(ReportFactory(cycle=first, actor=iin, original_file="reports/iin.pdf"))
    course = EntryFactory(
        report=iin_first,
        title="Course on the rights of migrant children",
        narrative="Officials from twelve countries took the course.",
        starts="2016-10",
        order=1,
    )
    course.countries.set([EntryCountry(code="MEX"), EntryCountry(code="GTM")], bulk=False)
    course.themes.set([Theme.objects.get(slug="education")])
    course.population_groups.set([PopulationGroup.objects.get(slug="children-adolescents")])
    course.activities.set([ProgramActivity.objects.get(code="2016-iin-a")])
    course.partners.set([cim])
    Figure.objects.create(entry=course, value=Decimal("1500"), counts="officials trained")
    Link.objects.create(entry=course, url="https://iin.oas.org/course", title="Course page")
    attachment = Attachment.objects.create(
        entry=course,
        file="attachments/2017/syllabus.pdf",
        name="Syllabus.pdf",
        content_type="application/pdf",
        size=1000,
        sha256="0" * 64,
        uploaded_by=UserFactory(),
    )
    seminar = EntryFactory(
        report=iin_first,
        kind=Entry.Kind.PLANNED,
        title="Regional seminar on child protection",
        starts="2017",
        order=2,
    )
    forum = EntryFactory(
        report=iin_first, kind=Entry.Kind.PLANNED, title="Forum of child ombudspersons", order=3
    )
    EntryFactory(
        report=iin_first, kind=Entry.Kind.BEST_PRACTICE, title="Child-friendly interviews", order=4
    )
    EntryFactory(report=iin_first, kind=Entry.Kind.PROPOSAL, title="A network of shelters", order=5)
    EntryFactory(
        report=iin_first,
        title="A deleted entry",
        deleted_at=timezone.now(),
    )
    iin_second = publish(ReportFactory(cycle=second, actor=iin))
    EntryFactory(
        report=iin_second,
        title="Seminar held in Lima",
        starts="2017-11-20",
        ends="2017-11-22",
    )
    PlannedFollowUp.objects.create(
        report=iin_second,
        planned=seminar,
        outcome=PlannedFollowUp.Outcome.PARTLY,
        reason="Held online for half the countries",
    )
    iin_draft = ReportFactory(cycle=third, actor=iin)
    EntryFactory(report=iin_draft, kind=Entry.Kind.PLANNED, title=IIN_DRAFT)
    cim_submitted = ReportFactory(cycle=second, actor=cim, status=ActorReport.Status.SUBMITTED)
    EntryFactory(report=cim_submitted, title=CIM_SUBMITTED)
    iachr_first = publish(ReportFactory(cycle=first, actor=iachr))
    EntryFactory(report=iachr_first, title="Hearing on migrants in transit", order=1)
    return {
        "cycles": (first, second, third),
        "iin first": iin_first,
        "iin second": iin_second,
        "iin draft": iin_draft,
        "cim submitted": cim_submitted,
        "seminar": seminar,
        "attachment": attachment,
        "forum": forum,
    }


PERSONAS = {
    "anonymous": AnonymousUser,
    "iin focal point": lambda: focal_point_of("iin"),
    "cim focal point": lambda: focal_point_of("cim"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}

PUBLIC_PAGES = {
    "cycle list": ("reporting:cycle_list",),
    "cycle 2016–2017": ("reporting:cycle_detail", "2016-2017"),
    "cycle 2017–2018": ("reporting:cycle_detail", "2017-2018"),
    "iin report 2016–2017": ("reporting:report_detail", "2016-2017", "iin"),
    "iin report 2017–2018": ("reporting:report_detail", "2017-2018", "iin"),
    "entry list": ("reporting:entry_list",),
    "iin record": ("reporting:actor_record", "iin"),
    "cim record": ("reporting:actor_record", "cim"),
    "iin registry page": ("program:actor_detail", "iin"),
}


def sign_in(client, persona):
    user = PERSONAS[persona]()
    if user.is_authenticated:
        client.force_login(user)


@pytest.mark.parametrize("page", sorted(PUBLIC_PAGES))
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_public_page_shows_only_published_content_to_every_persona(client, world, persona, page):
    sign_in(client, persona)

    response = client.get(url(*PUBLIC_PAGES[page]))

    content = response.content.decode()
    assert response.status_code == 200
    assert IIN_DRAFT not in content
    assert CIM_SUBMITTED not in content
    assert "2018–2019" not in content
    assert "A deleted entry" not in content


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_public_lists_are_identical_for_every_persona(client, world, persona):
    sign_in(client, persona)

    cycles = client.get(url("reporting:cycle_list")).context["cycles"]
    entries = client.get(url("reporting:entry_list")).context["page"].object_list

    assert [c.label for c in cycles] == ["2017–2018", "2016–2017"]
    assert [e.title for e in entries] == [
        "Seminar held in Lima",
        "Course on the rights of migrant children",
        "Regional seminar on child protection",
        "Forum of child ombudspersons",
        "Child-friendly interviews",
        "A network of shelters",
        "Hearing on migrants in transit",
    ]


UNPUBLISHED = {
    "iin draft report": ("reporting:report_detail", "2018-2019", "iin"),
    "cim submitted report": ("reporting:report_detail", "2017-2018", "cim"),
    "cycle with only a draft": ("reporting:cycle_detail", "2018-2019"),
    "missing cycle": ("reporting:cycle_detail", "1999-2000"),
    "missing report": ("reporting:report_detail", "2016-2017", "cim"),
    "missing actor": ("reporting:actor_record", "nobody"),
}


@pytest.mark.parametrize("page", sorted(UNPUBLISHED))
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_unpublished_or_missing_answers_404_for_every_persona(client, world, persona, page):
    sign_in(client, persona)

    response = client.get(url(*UNPUBLISHED[page]))

    assert response.status_code == 404
    assert IIN_DRAFT not in response.content.decode()


def test_report_leaves_public_pages_when_reopened(client, world):
    report = world["iin second"]
    report.status = ActorReport.Status.RETURNED
    report.save()

    assert client.get(url("reporting:report_detail", "2017-2018", "iin")).status_code == 404
    assert "Seminar held in Lima" not in client.get(url("reporting:entry_list")).content.decode()


def test_cycle_list_counts_published_reports_and_alive_entries(client, world):
    response = client.get(url("reporting:cycle_list"))

    counts = [(c.label, c.report_count, c.entry_count) for c in response.context["cycles"]]
    assert counts == [("2017–2018", 1, 1), ("2016–2017", 2, 6)]
    content = response.content.decode()
    assert f'<a href="{url("reporting:cycle_detail", "2016-2017")}">2016–2017</a>' in content


def test_cycle_list_without_published_reports_says_so(client):
    ReportFactory()

    response = client.get(url("reporting:cycle_list"))

    assert list(response.context["cycles"]) == []
    assert "No report has been published yet." in response.content.decode()


def test_cycle_detail_lists_published_reports_by_actor_category(client, world):
    response = client.get(url("reporting:cycle_detail", "2016-2017"))

    groups = [
        (group.category.value, [r.actor.slug for r in group.reports])
        for group in response.context["groups"]
    ]
    assert groups == [("oas_organ", ["iachr"]), ("specialized_organization", ["iin"])]
    content = response.content.decode()
    assert '<h2 id="category-oas_organ">OAS organs, agencies and entities</h2>' in content
    assert url("reporting:report_detail", "2016-2017", "iachr") in content
    assert url("reporting:cycle_export", "2016-2017", "xlsx") in content


def test_report_detail_groups_entries_by_kind_in_the_programs_order(client, world):
    response = client.get(url("reporting:report_detail", "2016-2017", "iin"))

    by_kind = [
        (group.kind.value, [entry.title for entry in group.entries])
        for group in response.context["by_kind"]
    ]
    assert by_kind == [
        ("carried_out", ["Course on the rights of migrant children"]),
        ("planned", ["Regional seminar on child protection", "Forum of child ombudspersons"]),
        ("best_practice", ["Child-friendly interviews"]),
        ("proposal", ["A network of shelters"]),
    ]
    content = response.content.decode()
    assert "<h1>Report of Inter-American Children&#x27;s Institute, 2016–2017</h1>" in content
    assert '<h2 id="kind-planned">Planned for the next period <span class="count">(2)' in content


def test_report_detail_shows_every_detail_of_an_entry(client, world):
    content = client.get(url("reporting:report_detail", "2016-2017", "iin")).content.decode()

    assert "<dt>When</dt><dd>October 2016</dd>" in content
    assert '<span class="tag">Guatemala</span><span class="tag">Mexico</span>' in content
    assert '<span class="tag">Education</span>' in content
    assert '<span class="tag">Migrant children and adolescents</span>' in content
    activity = url("program:version_detail", "2016") + "#activity-2016-iin-a"
    assert f'<a href="{activity}">IIN a</a>' in content
    assert "<li><strong>1,500</strong> officials trained</li>" in content
    assert f'<a href="{url("program:actor_detail", "cim")}">Inter-American Commission of Women' in (
        content
    )
    assert '<a href="https://iin.oas.org/course" rel="external nofollow">Course page</a>' in content
    attachment = url("reporting:attachment_download", world["attachment"].pk)
    assert f'<li><a href="{attachment}">Syllabus.pdf</a></li>' in content
    original = url("reporting:original_download", world["iin first"].pk)
    assert f'<a href="{original}">Download the complete original report</a>' in content


def test_report_detail_in_spanish_shows_spanish_dates_countries_and_labels(client, world):
    content = client.get(
        url("reporting:report_detail", "2016-2017", "iin", language="es")
    ).content.decode()

    assert "octubre de 2016" in content
    assert '<span class="tag">Guatemala</span><span class="tag">México</span>' in content
    assert '<span class="tag">Educación</span>' in content


def test_report_detail_shows_what_became_of_last_periods_plans(client, world):
    response = client.get(url("reporting:report_detail", "2017-2018", "iin"))

    followups = [(f.planned.title, f.outcome, f.reason) for f in response.context["followups"]]
    assert followups == [
        (
            "Regional seminar on child protection",
            "partly",
            "Held online for half the countries",
        )
    ]
    content = response.content.decode()
    planned = url("reporting:report_detail", "2016-2017", "iin") + f"#entry-{world['seminar'].pk}"
    assert f'<a href="{planned}">Regional seminar on child protection</a>' in content
    assert '<span class="outcome outcome-partly">Partly done</span>' in content
    assert "<dt>When</dt><dd>Nov. 20, 2017 – Nov. 22, 2017</dd>" in content


def test_report_detail_checklist_keeps_plans_of_unpublished_reports_private(client, world):
    """The previous report may have been accepted but never published; its plans stay private
    even though a published report answers them."""
    cim = Actor.objects.get(slug="cim")
    accepted = ReportFactory(
        cycle=world["cycles"][0], actor=cim, status=ActorReport.Status.ACCEPTED
    )
    secret_plan = EntryFactory(report=accepted, kind=Entry.Kind.PLANNED, title="Private plan")
    answer = publish(ReportFactory(cycle=world["cycles"][2], actor=cim))
    EntryFactory(report=answer, title="Public work")
    PlannedFollowUp.objects.create(
        report=answer, planned=secret_plan, outcome=PlannedFollowUp.Outcome.DONE
    )

    response = client.get(url("reporting:report_detail", "2018-2019", "cim"))

    assert response.context["followups"] == []
    assert "Private plan" not in response.content.decode()


def test_entry_list_links_each_entry_to_its_report(client, world):
    content = client.get(url("reporting:entry_list")).content.decode()

    link = url("reporting:report_detail", "2017-2018", "iin")
    assert f'<a href="{link}#entry-' in content
    assert "Entries found: 7" in content


FILTERS = {
    "cycle": ("cycle=2017-2018", ["Seminar held in Lima"]),
    "actor": ("actor=iachr", ["Hearing on migrants in transit"]),
    "country": ("country=GTM", ["Course on the rights of migrant children"]),
    "country in lower case": ("country=mex", ["Course on the rights of migrant children"]),
    "theme": ("theme=education", ["Course on the rights of migrant children"]),
    "group": ("group=children-adolescents", ["Course on the rights of migrant children"]),
    "kind": (
        "kind=planned",
        ["Regional seminar on child protection", "Forum of child ombudspersons"],
    ),
    "two filters": ("actor=iin&kind=proposal", ["A network of shelters"]),
}


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_entry_list_filters(client, world, name):
    query, expected = FILTERS[name]

    response = client.get(f"{url('reporting:entry_list')}?{query}")

    assert response.status_code == 200
    assert [entry.title for entry in response.context["page"].object_list] == expected


BAD_FILTERS = {
    "country": (
        "country=XYZ",
        "“XYZ” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).",
    ),
    "cycle": ("cycle=2018-2019", "“2018-2019” is not a reporting cycle with published reports."),
    "actor": ("actor=cim", "“cim” is not an actor with published reports."),
    "theme": ("theme=astrology", "“astrology” is not a theme of the Program."),
    "group": ("group=martians", "“martians” is not a population group of the Program."),
    "kind": ("kind=rumour", "“rumour” is not a kind of entry."),
}


@pytest.mark.parametrize("name", sorted(BAD_FILTERS))
def test_entry_list_explains_a_bad_filter_beside_its_field(client, world, name):
    query, message = BAD_FILTERS[name]
    field = query.split("=")[0]

    response = client.get(f"{url('reporting:entry_list')}?{query}")

    assert response.status_code == 400
    assert response.context["form"].errors == {field: [message]}
    assert response.context["page"] is None
    content = response.content.decode()
    assert f'<p class="error" id="id_{field}_error">{message}</p>'.replace("“", "&ldquo;") in (
        content.replace("“", "&ldquo;")
    )
    assert f'aria-describedby="id_{field}_error"' in content
    assert 'aria-invalid="true"' in content
    assert "Correct the filters marked above to see the entries." in content


def test_entry_list_keeps_what_was_typed_in_a_bad_filter(client, world):
    response = client.get(f"{url('reporting:entry_list')}?kind=planned&country=XYZ")

    assert response.context["form"]["kind"].value() == "planned"
    assert response.context["form"]["country"].value() == "XYZ"


def test_entry_list_paginates_by_25_and_keeps_the_filters(client, world):
    EntryFactory.create_batch(30, report=world["iin second"], kind=Entry.Kind.PROPOSAL)

    first = client.get(f"{url('reporting:entry_list')}?kind=proposal&actor=iin")
    second = client.get(f"{url('reporting:entry_list')}?kind=proposal&actor=iin&page=2")

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 6
    assert 'href="?kind=proposal&amp;actor=iin&amp;page=2" rel="next"' in first.content.decode()
    assert 'href="?kind=proposal&amp;actor=iin&amp;page=1" rel="prev"' in second.content.decode()
    assert "Page 2 of 2" in second.content.decode()


def test_entry_list_page_out_of_range_shows_the_last_page(client, world):
    response = client.get(f"{url('reporting:entry_list')}?page=99")

    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_actor_record_shows_reports_and_what_became_of_each_plan(client, world):
    response = client.get(url("reporting:actor_record", "iin"))

    records = [
        (
            record.report.cycle.label,
            [
                (item.planned.title, item.followup.outcome if item.followup else None)
                for item in record.planned
            ],
        )
        for record in response.context["records"]
    ]
    assert records == [
        ("2017–2018", []),
        (
            "2016–2017",
            [
                ("Regional seminar on child protection", "partly"),
                ("Forum of child ombudspersons", None),
            ],
        ),
    ]
    content = response.content.decode()
    assert '<span class="outcome outcome-partly">Partly done</span>' in content
    assert "(reported in 2017–2018)" in content
    assert "Held online for half the countries" in content
    assert "No published report has said yet." in content
    assert "This report planned nothing for the next period." in content


def test_actor_record_of_an_actor_without_published_reports_says_so(client, world):
    response = client.get(url("reporting:actor_record", "cim"))

    assert response.context["records"] == []
    assert "This actor has no published report yet." in response.content.decode()


def test_registry_actor_page_links_to_the_actors_reports(client):
    content = client.get(url("program:actor_detail", "iin")).content.decode()

    assert f'<a href="{url("reporting:actor_record", "iin")}">' in content


PARTIAL_DATES = [
    ("2019", "en", "2019"),
    ("2016-10", "en", "October 2016"),
    ("2016-10-20", "en", "Oct. 20, 2016"),
    ("2019", "es", "2019"),
    ("2016-10", "es", "octubre de 2016"),
    ("2016-10-20", "es", "20 de octubre de 2016"),
    ("", "en", ""),
    ("around 2016", "en", "around 2016"),
]


@pytest.mark.parametrize(("text", "language", "expected"), PARTIAL_DATES)
def test_partial_date_is_shown_in_its_precision(text, language, expected):
    with translation.override(language):
        assert format_partial_date(text) == expected


def test_date_range_joins_two_dates_and_skips_a_repeated_one():
    with translation.override("en"):
        assert format_date_range("2016-10", "2017") == "October 2016 – 2017"
        assert format_date_range("2016", "2016") == "2016"
        assert format_date_range("", "2017-03") == "until March 2017"


# Query counts: every list page runs the same number of queries with 1 and 3 items.


def published_reports(count, *, first_year, entries_each=1):
    """`count` cycles from `first_year`, each with a published report of a different member
    state, with entries tagged with two themes, two groups and the state's country."""
    states = Actor.objects.filter(category=Actor.Category.MEMBER_STATE).order_by("slug")
    for offset, state in enumerate(states[:count]):
        year = first_year + offset
        report = publish(ReportFactory(cycle=cycle(f"{year}–{year + 1}", year), actor=state))
        for _ in range(entries_each):
            entry = EntryFactory(report=report)
            entry.themes.set(Theme.objects.all()[:2])
            entry.population_groups.set(PopulationGroup.objects.all()[:2])
            EntryCountry.objects.create(entry=entry, code=state.country)


LIST_PAGES = {
    # One query: cycles with their counts.
    "cycle list": ("reporting:cycle_list", "", 1),
    # Choices of cycle, actor, theme and group; the count; the page; its countries, themes
    # and groups.
    "entry list": ("reporting:entry_list", "", 9),
    # The same, with the theme and group looked up to validate the filters.
    "filtered entry list": (
        "reporting:entry_list",
        "?theme=human-rights&group=migrant-workers&country=ARG",
        11,
    ),
}


@pytest.mark.parametrize("page", sorted(LIST_PAGES))
def test_list_page_query_count_is_the_same_with_1_and_3_items(
    client, django_assert_num_queries, page
):
    name, query, expected = LIST_PAGES[page]
    published_reports(1, first_year=2040)
    with django_assert_num_queries(expected):
        one = client.get(url(name) + query)
    published_reports(3, first_year=2050, entries_each=3)

    with django_assert_num_queries(expected):
        three = client.get(url(name) + query)

    assert one.status_code == three.status_code == 200


def test_cycle_detail_query_count_does_not_grow(client, django_assert_num_queries):
    # The cycle, its published reports, and whether its annual report is published.
    first = cycle("2040–2041", 2040)
    actors = Actor.objects.filter(category=Actor.Category.MEMBER_STATE).order_by("slug")
    EntryFactory(report=publish(ReportFactory(cycle=first, actor=actors[0])))
    with django_assert_num_queries(3):
        client.get(url("reporting:cycle_detail", "2040-2041"))
    for actor in actors[1:3]:
        EntryFactory.create_batch(3, report=publish(ReportFactory(cycle=first, actor=actor)))

    with django_assert_num_queries(3):
        client.get(url("reporting:cycle_detail", "2040-2041"))


def test_report_detail_query_count_does_not_grow(client, world, django_assert_num_queries):
    # The report; its entries with countries, figures, links, attachments, themes, groups,
    # activities and partners; the checklist; where imported entries were read from.
    with django_assert_num_queries(12):
        client.get(url("reporting:report_detail", "2016-2017", "iin"))
    report = world["iin first"]
    for _ in range(2):
        entry = EntryFactory(report=report)
        EntryCountry.objects.create(entry=entry, code="PER")
        entry.activities.set([ProgramActivity.objects.get(code="2016-iin-b")])
        Figure.objects.create(entry=entry, value=3, counts="workshops")
        Link.objects.create(entry=entry, url="https://example.org")

    with django_assert_num_queries(12):
        client.get(url("reporting:report_detail", "2016-2017", "iin"))


def test_actor_record_query_count_does_not_grow(client, django_assert_num_queries):
    iin = Actor.objects.get(slug="iin")
    EntryFactory(report=publish(ReportFactory(cycle=cycle("2040–2041", 2040), actor=iin)))
    # The actor; its reports; the answers to its plans; its plans.
    with django_assert_num_queries(4):
        client.get(url("reporting:actor_record", "iin"))
    previous = None
    for year in (2041, 2042):
        report = publish(ReportFactory(cycle=cycle(f"{year}–{year + 1}", year), actor=iin))
        plans = EntryFactory.create_batch(2, report=report, kind=Entry.Kind.PLANNED)
        if previous:
            for plan in previous:
                PlannedFollowUp.objects.create(
                    report=report, planned=plan, outcome=PlannedFollowUp.Outcome.DONE
                )
        previous = plans

    with django_assert_num_queries(4):
        client.get(url("reporting:actor_record", "iin"))
