"""The public pages of the recommendations: what they show, in both languages, to whom, and in
how many queries."""

import csv
import html
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from followup.accounts.tests.factories import UserFactory
from followup.knowledge.tests.factories import ResourceFactory, published
from followup.meetings.models import Meeting
from followup.program.models import Actor, Mandate, PopulationGroup
from followup.recommendations import urls_public
from followup.recommendations.models import FollowUp, FollowUpAttachment, FollowUpLink
from followup.recommendations.templatetags.recommendations_progress import format_share
from followup.recommendations.tests.factories import (
    focal_point_of,
    make_recommendation,
    reviewer_user,
    secretariat_user,
)
from followup.recommendations.tests.progress_fixtures import (
    DRAFT_NARRATIVE,
    PUBLISHED_NARRATIVE,
    SUBMITTED_INSTITUTION,
    SUBMITTED_NARRATIVE,
    build_world,
    grow_world,
)
from followup.reporting.models import ActorReport
from followup.reporting.tests.factories import EntryFactory, ReportFactory

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"recommendations:{name}", args=args)


def text_of(response) -> str:
    """The page's main content as a reader sees it: no tags, no map drawing, spaces folded."""
    content = response.content.decode()
    content = content.split('id="main"', 1)[1].split("</main>", 1)[0]
    content = re.sub(r"<svg.*?</svg>", " ", content, flags=re.S)
    content = re.sub(r"<[^>]+>", " ", content)
    # Spaces folded, but not the no-break space of "45 %".
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(content))


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


@pytest.fixture
def world():
    return build_world()


def pages(world) -> dict[str, tuple[str, tuple]]:
    return {
        "list": ("recommendation_list", ()),
        "source": ("source_detail", (world.source.pk,)),
        "recommendation": ("recommendation_detail", (world.r1.pk,)),
        "state": ("addressee_progress", ("mex",)),
        "theme": ("theme_progress", ("human-rights",)),
        "progress": ("progress", ()),
        "unanswered": ("unanswered", ()),
    }


PAGE_NAMES = ["list", "source", "recommendation", "state", "theme", "progress", "unanswered"]


@pytest.mark.parametrize("page", PAGE_NAMES)
@pytest.mark.parametrize(
    ("language", "state_name", "level_label"),
    [("en", "Mexico", "Partial compliance"), ("es", "México", "Cumplimiento parcial")],
)
def test_page_renders_in_the_language_asked(client, world, page, language, state_name, level_label):
    name, args = pages(world)[page]

    response = client.get(url(name, *args, language=language))

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    text = text_of(response)
    if page != "list":  # the list names addressees but shows no state's name in its own
        assert state_name in text
    if page != "unanswered":  # who has not answered shows no status
        assert level_label in text


def test_list_shows_each_recommendation_with_its_addressees_and_progress(client, world):
    text = text_of(client.get(url("recommendation_list")))

    assert "Recommendations found: 3" in text
    assert (
        "1. Guarantee access to asylum procedures at every border post. "
        "Addressed to: Argentina ; Brazil ; Chile ; Mexico "
        "Share implemented: 50\u00a0% (1 implemented of 2 with a status that counts; 4 addressed)"
    ) in text
    assert "Panel 1" in text
    assert "Panel 2" in text


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("?theme=health", [2, 3]),
        ("?addressee=chl", [1, 3]),
        ("?panel=Panel+2", [3]),
        ("?q=passports", [2]),
        ("?group=migrant-workers", []),
    ],
)
def test_list_filters(client, world, query, shown):
    world.r2.population_groups.set([])
    response = client.get(url("recommendation_list") + query)

    listed = [
        item.recommendation.number
        for s in response.context["sections"]
        for p in s.panels
        for item in p.items
    ]
    assert (response.status_code, listed) == (200, shown)


def test_list_filters_by_source(client, world):
    other = make_recommendation(number=8, addressees=["arg"])

    response = client.get(url("recommendation_list") + f"?source={other.source.pk}")

    assert [s.source for s in response.context["sections"]] == [other.source]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?theme=nope", "“nope” is not a theme of the Program."),
        ("?addressee=nope", "“nope” is not an actor of the Program."),
        ("?source=abc", "“abc” is not a source of recommendations."),
        ("?panel=Panel+9", "“Panel 9” is not a group or panel of a source."),
    ],
)
def test_list_explains_a_filter_it_does_not_understand_and_leaves_it_out(
    client, world, query, message
):
    response = client.get(url("recommendation_list") + query)

    text = text_of(response)
    assert message in text
    assert "Recommendations found: 3" in text


def test_list_is_paginated(client, world):
    grow_world(world, 27)

    first = client.get(url("recommendation_list"))
    second = client.get(url("recommendation_list") + "?page=2")

    assert (first.context["page"].paginator.num_pages, len(first.context["page"])) == (2, 25)
    assert len(second.context["page"]) == 5


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("recommendation_detail", (9999,)),
        ("source_detail", (9999,)),
        ("addressee_progress", ("nowhere",)),
        ("theme_progress", ("no-such-theme",)),
        ("progress_export", ("everything",)),
        ("evidence_download", (9999,)),
    ],
)
def test_unknown_records_answer_404(client, world, name, args):
    assert client.get(url(name, *args)).status_code == 404


def test_state_page_takes_the_iso_code_in_any_case(client, world):
    response = client.get(url("addressee_progress", "MEX"))

    assert response.context["page"].actor.slug == "mex"


def test_recommendation_page_shows_the_matrix_and_the_latest_evidence(client, world):
    follow_up = FollowUp.objects.get(
        recommendation=world.r1, addressee__slug="arg", cycle=world.second
    )
    FollowUpLink.objects.create(
        follow_up=follow_up, url="https://example.org/decree", title="Decree 12/2019"
    )
    attachment = FollowUpAttachment.objects.create(
        follow_up=follow_up,
        file=ContentFile(b"%PDF-1.4 evidence", name="decree.pdf"),
        name="decree.pdf",
        content_type="application/pdf",
        size=17,
        sha256="0" * 64,
        uploaded_by=UserFactory(),
    )
    mandate = Mandate.objects.order_by("pk").first()
    world.r1.mandates.set([mandate])

    response = client.get(url("recommendation_detail", world.r1.pk))

    text = text_of(response)
    assert (
        "Addressee 2018–2019 2019–2020 Standing "
        "Argentina Pending compliance Total compliance Total compliance evidence · Argentina "
        "Brazil Partial compliance — No published status Partial compliance evidence · Brazil"
    ) in text
    assert "Mexico — No published status — No published status No answer" in text
    assert "Responsible institution National Commission for Refugees" in text
    assert PUBLISHED_NARRATIVE in text
    content = response.content.decode()
    assert 'href="https://example.org/decree"' in content
    assert url("evidence_download", attachment.pk) in content
    assert mandate.get_absolute_url() in content
    download = client.get(url("evidence_download", attachment.pk))
    body = b"".join(download.streaming_content)
    download.close()
    assert (download.status_code, download["Content-Type"], body) == (
        200,
        "application/pdf",
        b"%PDF-1.4 evidence",
    )


def test_evidence_links_published_entries_and_resources_only(client, world):
    follow_up = FollowUp.objects.get(
        recommendation=world.r1, addressee__slug="arg", cycle=world.second
    )
    report = ReportFactory(
        cycle=world.second, actor=Actor.objects.get(slug="arg"), status=ActorReport.Status.PUBLISHED
    )
    shown_entry = EntryFactory.create(report=report, title="Border posts opened asylum desks")
    draft_entry = EntryFactory.create(
        report=ReportFactory(cycle=world.first, actor=Actor.objects.get(slug="arg")),
        title="Unpublished entry about asylum desks",
    )
    shown_resource = published(title="Asylum desk protocol")
    draft_resource = ResourceFactory.create(title="Draft resource on asylum desks")
    follow_up.entries.set([shown_entry, draft_entry])
    follow_up.resources.set([shown_resource, draft_resource])

    response = client.get(url("recommendation_detail", world.r1.pk))

    text = text_of(response)
    assert (
        "Related report entries Border posts opened asylum desks (Argentina, 2019–2020) "
        "Related knowledge-base resources Asylum desk protocol"
    ) in text
    assert "Unpublished entry" not in text
    assert "Draft resource" not in text
    content = response.content.decode()
    assert f"/en/reports/2019-2020/arg/#entry-{shown_entry.pk}" in content
    assert shown_resource.get_absolute_url() in content


def test_recommendation_page_names_the_meeting_it_came_from(client, world):
    meeting = Meeting.objects.create(kind=Meeting.Kind.EVENT, title="High-level forum, 2019")
    world.r1.meeting = meeting
    world.r1.save()
    try:
        link = meeting.get_absolute_url()
    except NoReverseMatch:  # the meetings' pages are not mounted yet
        link = None

    response = client.get(url("recommendation_detail", world.r1.pk))

    assert "Meeting it came from High-level forum, 2019" in text_of(response)
    assert (link is not None and f'href="{link}"' in response.content.decode()) == bool(link)


def test_evidence_of_an_unpublished_follow_up_is_not_downloadable_by_the_public(client, world):
    attachment = FollowUpAttachment.objects.create(
        follow_up=world.submitted,
        file=ContentFile(b"%PDF-1.4 unvalidated", name="draft.pdf"),
        name="draft.pdf",
        content_type="application/pdf",
        size=20,
        sha256="0" * 64,
        uploaded_by=UserFactory(),
    )

    anonymous = client.get(url("evidence_download", attachment.pk))
    client.force_login(secretariat_user())
    secretariat = client.get(url("evidence_download", attachment.pk))
    secretariat.close()

    assert (anonymous.status_code, secretariat.status_code) == (404, 200)


def attach(follow_up, name):
    return FollowUpAttachment.objects.create(
        follow_up=follow_up,
        file=ContentFile(b"%PDF-1.4 " + name.encode(), name=name),
        name=name,
        content_type="application/pdf",
        size=20,
        sha256="0" * 64,
        uploaded_by=UserFactory(),
    )


PERSONAS = {
    "anonymous": None,
    "focal point of the addressee": lambda: focal_point_of("bra"),
    "focal point of another addressee": lambda: focal_point_of("arg"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}
# Who may download the evidence of BRA's submitted (unpublished) follow-up.
SEES_UNPUBLISHED = {"focal point of the addressee", "secretariat"}


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_every_public_route_answers_every_persona(client, world, persona):
    if PERSONAS[persona]:
        client.force_login(PERSONAS[persona]())
    published = attach(
        FollowUp.objects.get(recommendation=world.r1, addressee__slug="arg", cycle=world.second),
        "published.pdf",
    )
    unpublished = attach(world.submitted, "submitted.pdf")
    addresses = {name: url(name, *args) for name, args in pages(world).values()} | {
        "progress_export": url("progress_export", "states"),
        "evidence_download": url("evidence_download", published.pk),
    }

    responses = {name: client.get(address) for name, address in addresses.items()}
    hidden = client.get(url("evidence_download", unpublished.pk))
    for response in (*responses.values(), hidden):
        response.close()  # the downloads hold their file open until closed

    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(addresses, 200)
    assert hidden.status_code == (200 if persona in SEES_UNPUBLISHED else 404)


def test_every_public_route_is_in_the_matrix(world):
    covered = {name for name, _args in pages(world).values()}
    covered |= {"progress_export", "evidence_download"}

    assert {pattern.name for pattern in urls_public.urlpatterns} == covered


@pytest.mark.parametrize("signed_in", [False, True])
def test_unpublished_follow_ups_never_show_on_public_pages(client, world, signed_in):
    """Not for the public, and not for the secretariat either: these pages are the public view."""
    if signed_in:
        client.force_login(secretariat_user())
    addresses = [url(name, *args) for name, args in pages(world).values()]
    addresses += [
        url("recommendation_detail", world.r2.pk),
        url("addressee_progress", "bra"),
        url("unanswered") + f"?cycle={world.second.slug}",
    ]
    for address in addresses:
        content = client.get(address).content.decode()
        for secret in (DRAFT_NARRATIVE, SUBMITTED_NARRATIVE, SUBMITTED_INSTITUTION):
            assert secret not in content, (address, secret)
    for table in ("states", "recommendations"):
        content = b"".join(client.get(url("progress_export", table)).streaming_content).decode()
        assert DRAFT_NARRATIVE not in content
        assert SUBMITTED_NARRATIVE not in content

    # The draft's "total" and the submitted "total" stand nowhere: BRA still has partial and
    # no answer.
    bra = client.get(url("addressee_progress", "bra")).context["page"]
    assert [row.standing and row.standing.code for row in bra.rows] == ["partial", None]
    r2 = client.get(url("recommendation_detail", world.r2.pk)).context["page"]
    assert [(row.addressee.slug, row.standing and row.standing.code) for row in r2.rows] == [
        ("arg", "non-compliance"),
        ("bra", None),
    ]


def test_state_page_lists_its_recommendations_and_totals(client, world):
    text = text_of(client.get(url("addressee_progress", "chl")))

    assert "Recommendations addressed to Chile" in text
    assert (
        "Share implemented: 100\u00a0% (1 implemented of 1 with a status that counts; 2 addressed)"
        in text
    )
    assert (
        "1. Guarantee access to asylum procedures at every border post. "
        "Resolution 2/18 · Panel 1 Not applicable 2018–2019"
    ) in text


def test_theme_page_counts_per_level(client, world):
    text = text_of(client.get(url("theme_progress", "human-rights")))

    assert "Share implemented: 33\u00a0%" in text
    assert (
        "Total compliance (counts as implemented) 1 Substantial partial compliance 0 "
        "Partial compliance 1 Pending compliance 0 Non-compliance 1 "
        "Not applicable (left out of the share) 1 No answer (left out of the share) 2 "
        "Addressed in all 6 Share implemented 33\u00a0%"
    ) in text


def test_progress_page_map_has_the_same_figures_as_the_state_table(client, world):
    grow_world(world, 5)

    response = client.get(url("progress"))

    overview, choropleth = response.context["overview"], response.context["map"]
    table = {row.actor.country: row.progress.share for row in overview.states}
    drawn = {area.code: area.value for area in choropleth.areas}
    assert drawn == table
    assert len(table) == 35
    assert sum(value is not None for value in table.values()) > 4
    text = text_of(response)
    for row in overview.states:
        assert f"{row.actor.name} {row.recommendations} {format_share(row.progress.share)}" in text
    chile = next(area for area in choropleth.areas if area.code == "CHL")
    assert (chile.href, chile.label) == (url("addressee_progress", "chl"), "Chile: 100\u00a0%")


def test_progress_page_tables_by_theme_and_other_addressees(client, world):
    make_recommendation(world.source, addressees=["iom"], themes=["gender"])

    text = text_of(client.get(url("progress")))

    assert "Other addressees" in text
    assert "International Organization for Migration 1 no data" in text
    assert "Protection of human rights 2 33\u00a0%" in text
    assert "Gender perspective 1 no data" in text


def test_progress_page_offers_the_cycles_for_who_has_not_answered(client, world):
    content = client.get(url("progress")).content.decode()

    assert f'<option value="{world.second.slug}" selected>' in content
    assert f'<option value="{world.first.slug}">' in content


def test_unanswered_defaults_to_the_latest_cycle_with_answers(client, world):
    response = client.get(url("unanswered"))

    assert response.context["cycle"] == world.second
    text = text_of(response)
    assert "Addressees that have not answered in 2019–2020" in text
    assert "Brazil 1 Which ones Resolution 2/18, 1: Guarantee access" in text
    assert "Chile 2 Which ones" in text
    assert "Argentina" not in text


def test_unanswered_in_a_cycle_chosen(client, world):
    response = client.get(url("unanswered") + f"?cycle={world.first.slug}")

    assert [
        (item.addressee.slug, len(item.recommendations)) for item in response.context["missing"]
    ] == [
        ("arg", 1),
        ("bra", 1),
        ("mex", 2),
    ]


def test_unanswered_refuses_an_unknown_cycle(client, world):
    response = client.get(url("unanswered") + "?cycle=1999-2000")

    assert response.status_code == 400
    assert "“1999-2000” is not a reporting cycle that has opened." in text_of(response)
    assert response.context["missing"] == ()


def test_states_csv_has_the_figures_of_the_state_table(client, world):
    rows = csv_rows(client.get(url("progress_export", "states")))

    assert rows[0][:8] == [
        "country",
        "addressee",
        "recommendations",
        "implemented",
        "counted",
        "not applicable",
        "no answer",
        "share implemented (%)",
    ]
    by_code = {row[0]: row for row in rows[1:]}
    assert len(by_code) == 35
    assert by_code["CHL"][:8] == ["CHL", "Chile", "2", "1", "1", "1", "0", "100.0"]
    assert by_code["URY"][7] == ""


def test_recommendations_csv_keeps_formulas_as_text_and_follows_the_filters(client, world):
    make_recommendation(
        world.source,
        group="Panel 2",
        number=5,
        text='=HYPERLINK("https://evil.example")',
        addressees=["arg"],
        themes=["health"],
    )

    response = client.get(url("progress_export", "recommendations") + "?theme=health")

    assert response["Content-Disposition"] == (
        'attachment; filename="follow-up-recommendations-recommendations.csv"'
    )
    rows = csv_rows(response)
    assert [row[3] for row in rows[1:]] == ["2", "3", "5"]
    assert rows[3][4] == '\'=HYPERLINK("https://evil.example")'
    assert rows[2][5:13] == ["false", "2", "1", "2", "0", "0", "50.0", "1"]
    assert rows[2][-1] == f"http://testserver{url('recommendation_detail', world.r3.pk)}"


def test_csv_headers_follow_the_language(client, world):
    rows = csv_rows(client.get(url("progress_export", "states", language="es")))

    assert "Cumplimiento total" in rows[0]
    assert "México" in {row[1] for row in rows}


def detail_of_grown(world) -> tuple[str, tuple, str]:
    grown = (
        FollowUp.objects.filter(status=FollowUp.Status.PUBLISHED, recommendation__number__gte=10)
        .order_by("recommendation__number")
        .first()
    )
    FollowUpLink.objects.create(follow_up=grown, url="https://example.org/a")
    return ("recommendation_detail", (grown.recommendation_id,), "")


# Queries each page runs, the same with 3 recommendations to 4 states and with 30 to 35 states.
QUERIES = {
    # Choices of panel, source, theme, group and addressee; the count; the page and its
    # addressees; the addressing (2); the levels; the published follow-ups.
    "list": (lambda w: ("recommendation_list", (), ""), 12),
    # The same, with the source, theme, group and addressee looked up to check the filters.
    "filtered list": (
        lambda w: (
            "recommendation_list",
            (),
            f"?theme=health&addressee=chl&source={w.source.pk}&q=a&panel=Panel+2"
            "&group=migrant-workers",
        ),
        16,
    ),
    # The source; its recommendations and their addressees; addressing (2), levels,
    # follow-ups.
    "source": (lambda w: ("source_detail", (w.source.pk,), ""), 7),
    # The recommendation with its addressees, themes, groups and mandates; addressing (2),
    # levels, follow-ups; cycles; the latest follow-ups with links, documents, entries and
    # resources.
    "recommendation": (None, 15),
    # The actor; its recommendations and their addressees; addressing (2), levels,
    # follow-ups; cycles.
    "state": (lambda w: ("addressee_progress", ("mex",), ""), 8),
    # The theme; its recommendations and their addressees; addressing (2), levels,
    # follow-ups.
    "theme": (lambda w: ("theme_progress", ("health",), ""), 7),
    # Addressing (2), levels, follow-ups; the themes of each recommendation; the themes; the
    # cycles; the default cycle.
    "progress": (lambda w: ("progress", (), ""), 8),
    # The default cycle; the recommendations; addressing (2); who answered; the selector's
    # cycles (twice: Django's Select reads the first choice to decide on `required`).
    "unanswered": (lambda w: ("unanswered", (), ""), 7),
    # Addressing (2), levels, follow-ups; the themes of each recommendation; the themes.
    "states csv": (lambda w: ("progress_export", ("states",), ""), 6),
    # The panels (the filter form); the recommendations and their addressees; addressing (2),
    # levels, follow-ups.
    "recommendations csv": (lambda w: ("progress_export", ("recommendations",), ""), 7),
}


def _get(client, name, args, query):
    response = client.get(url(name, *args) + query)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response


@pytest.mark.parametrize("page", list(QUERIES))
def test_query_count_is_the_same_with_3_and_with_30_recommendations(
    client, world, django_assert_num_queries, page
):
    route, expected = QUERIES[page]
    world.r3.population_groups.set([PopulationGroup.objects.get(slug="migrant-workers")])
    small = route(world) if route else ("recommendation_detail", (world.r1.pk,), "")
    with django_assert_num_queries(expected):
        first = _get(client, *small)
    grow_world(world, 27)
    large = route(world) if route else detail_of_grown(world)
    assert Actor.objects.filter(category=Actor.Category.MEMBER_STATE).count() == 35

    with django_assert_num_queries(expected):
        second = _get(client, *large)

    assert first.status_code == second.status_code == 200
    if page == "filtered list":  # the filters match, so every query of the page runs
        assert len(first.context["page"]) == len(second.context["page"]) == 1
