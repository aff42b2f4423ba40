import pytest
from django.urls import reverse
from django.utils import translation

from followup.meetings.models import CalendarRow, Meeting, WorkPlan
from followup.program.models import Actor, Mandate
from followup.program.tests.factories import ActivityFactory, ActorFactory, MandateFactory
from followup.recommendations.models import Recommendation, Source

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def test_root_redirects_to_a_language(client):
    response = client.get("/", headers={"accept-language": "es"})

    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_home_shows_program_actors_by_category_and_mandates(client):
    response = client.get(url("program:home"))

    assert response.status_code == 200
    content = response.content.decode()
    assert '<h2 id="actors-heading">Its actors</h2>' in content
    assert "Specialized organizations" in content
    assert 'Member states <span class="count">(35)</span>' in content
    assert "Inter-American Commission on Human Rights</a> (IACHR)" in content
    assert "AG/RES. 2883 (XLVI-O/16)</a>" in content


def test_home_in_spanish_shows_spanish_names(client):
    response = client.get(url("program:home", language="es"))

    content = response.content.decode()
    assert '<html lang="es">' in content
    assert "Comisión Interamericana de Derechos Humanos</a> (CIDH)" in content
    assert "Organizaciones especializadas" in content


def test_home_lists_actors_in_the_visitors_alphabetical_order(client):
    groups = client.get(url("program:home", language="es")).context["categories"]

    states = next(g for g in groups if g.category == "member_state").actors
    names = [state.name_es for state in states]
    assert names.index("Ecuador") < names.index("El Salvador") < names.index("Estados Unidos")
    assert names.index("Haití") < names.index("Honduras")


def test_home_query_count_does_not_grow_with_actors(client, django_assert_num_queries):
    with django_assert_num_queries(4) as before:
        client.get(url("program:home"))
    ActorFactory.create_batch(3)
    MandateFactory.create_batch(3)

    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url("program:home"))


def test_version_page_lists_objectives_and_each_actor_with_its_activities(client):
    response = client.get(url("program:version_detail", "2016"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h3>General objective</h3>" in content
    assert "<h3>Specific objectives</h3>" in content
    assert 'id="activity-2016-iachr-e"' in content
    assert 'id="activity-2016-member-states"' in content
    assert [a.actor.slug for a in response.context["assignments"] if a.actor] == [
        "gs",
        "cam",
        "iachr",
        "cim",
        "iin",
        "paho",
    ]


def test_version_page_query_count_does_not_grow_with_activities(client, django_assert_num_queries):
    with django_assert_num_queries(7) as before:
        client.get(url("program:version_detail", "2016"))
    ActivityFactory.create_batch(3)

    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url("program:version_detail", "2016"))


def test_version_page_for_unknown_version_is_404(client):
    assert client.get(url("program:version_detail", "1999")).status_code == 404


def test_actor_page_shows_assigned_activities_and_mandates(client):
    response = client.get(url("program:actor_detail", "iin"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Inter-American Children&#x27;s Institute (IIN)</h1>" in content
    assert 'id="activity-2016-iin-a"' in content
    assert 'id="activity-2016-iin-b"' in content
    assert 'id="activity-2016-iachr-a"' not in content


def test_member_state_page_shows_the_lines_addressed_to_member_states(client):
    response = client.get(url("program:actor_detail", "mex"))

    content = response.content.decode()
    assert "MEX" in content
    assert 'id="activity-2016-member-states"' in content


def test_actor_page_shows_parent_and_units(client):
    dps = client.get(url("program:actor_detail", "dps")).content.decode()
    sms = client.get(url("program:actor_detail", "sms")).content.decode()

    assert reverse("program:actor_detail", args=["sms"]) in dps
    assert reverse("program:actor_detail", args=["dps"]) in sms


def test_actor_page_query_count_does_not_grow(client, django_assert_num_queries):
    actor = Actor.objects.get(slug="cim")
    with django_assert_num_queries(7) as before:
        client.get(url("program:actor_detail", "cim"))
    ActivityFactory.create_batch(3, actor=actor)
    ActorFactory.create_batch(3, parent=actor)

    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url("program:actor_detail", "cim"))


def test_actor_page_for_unknown_actor_is_404(client):
    assert client.get(url("program:actor_detail", "nobody")).status_code == 404


def test_mandate_page_shows_paragraphs_and_the_activities_resting_on_it(client):
    mandate = Mandate.objects.get(symbol="AG/RES. 2738 (XLII-O/12)")

    response = client.get(mandate.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Operative paragraphs" in content
    assert "<dt>1.</dt>" in content
    assert "CAM a</strong>" in content


def test_mandate_page_of_the_program_resolution_says_what_it_adopts(client):
    mandate = Mandate.objects.get(symbol="AG/RES. 2883 (XLVI-O/16)")

    content = client.get(mandate.get_absolute_url()).content.decode()

    assert "Adopts" in content
    assert reverse("program:version_detail", args=["2016"]) in content


def test_mandate_page_lists_the_meetings_rows_and_recommendations_resting_on_it(client):
    mandate = Mandate.objects.get(symbol="AG/RES. 2883 (XLVI-O/16)")
    rests_on_it(mandate)
    other = Meeting.objects.create(kind="event", title="Forum on another mandate")
    other.mandates.add(Mandate.objects.get(symbol="AG/RES. 2738 (XLII-O/12)"))

    content = client.get(mandate.get_absolute_url()).content.decode()

    assert "Meetings of the CAM that rest on it" in content
    assert "Meeting of the Working Group</a>" in content
    assert "Forum on another mandate" not in content
    assert "In the CAM's work plans" in content
    assert "Participation in the CIDI meeting on migration</a>" in content
    assert "Work plan 2016–2017" in content
    assert "Recommendations that rest on it" in content
    assert "Ratify the Convention on migrant workers.</a>" in content


def test_mandate_page_without_meetings_says_nothing_of_them(client):
    mandate = Mandate.objects.get(symbol="AG/RES. 2738 (XLII-O/12)")

    content = client.get(mandate.get_absolute_url()).content.decode()

    assert "Meetings of the CAM that rest on it" not in content
    assert "Recommendations that rest on it" not in content


def rests_on_it(mandate):
    """A meeting, a calendar row and a recommendation resting on `mandate`."""
    meeting = Meeting.objects.create(
        kind="working_group", title="Meeting of the Working Group", date="2016-10"
    )
    meeting.mandates.add(mandate)
    plan = WorkPlan.objects.create(title="Work plan 2016–2017")
    row = CalendarRow.objects.create(
        work_plan=plan, date="2016-12", activity="Participation in the CIDI meeting on migration"
    )
    row.mandates.add(mandate)
    source = Source.objects.create(kind=Source.Kind.FORUM, title="Forum")
    recommendation = Recommendation.objects.create(
        source=source, text="Ratify the Convention on migrant workers.", all_member_states=True
    )
    recommendation.mandates.add(mandate)


def test_mandate_page_query_count_does_not_grow(client, django_assert_num_queries):
    mandate = Mandate.objects.get(symbol="AG/RES. 2883 (XLVI-O/16)")
    rests_on_it(mandate)
    with django_assert_num_queries(12) as before:
        client.get(mandate.get_absolute_url())
    for activity in ActivityFactory.create_batch(3):
        activity.mandates.add(mandate)
    rests_on_it(mandate)
    rests_on_it(mandate)

    with django_assert_num_queries(len(before.captured_queries)):
        client.get(mandate.get_absolute_url())


@pytest.mark.parametrize(
    "symbol", ["AG/RES. 2816 (XLIV-OR/14)", "ag/res 2816 (xliv-o/14)", "AG/RES.2816(XLIV-O/2014)"]
)
def test_mandate_lookup_finds_any_spelling(client, symbol):
    response = client.get(url("program:mandate_lookup"), {"symbol": symbol})

    assert response.status_code == 302
    assert response["Location"] == url("program:mandate_detail", "ag-res-2816-xliv-o-14")


def test_mandate_lookup_explains_a_malformed_symbol_and_keeps_it(client):
    response = client.get(url("program:mandate_lookup"), {"symbol": "AG/RES. 2883 (XLVI-O/17)"})

    content = response.content.decode()
    assert response.status_code == 400
    assert "The General Assembly&#x27;s regular session XLVI was held in 2016, not 2017." in content
    assert 'value="AG/RES. 2883 (XLVI-O/17)"' in content
    assert 'aria-invalid="true"' in content


def test_mandate_lookup_says_when_a_valid_symbol_is_not_in_the_registry(client):
    response = client.get(url("program:mandate_lookup"), {"symbol": "AG/RES. 1 (I-O/71)"})

    assert response.status_code == 404
    assert "No mandate with the symbol AG/RES. 1 (I-O/71) is in the registry." in (
        response.content.decode()
    )


def test_mandate_lookup_in_spanish_explains_in_spanish(client):
    response = client.get(url("program:mandate_lookup", language="es"), {"symbol": "XX/RES. 1"})

    assert response.status_code == 400
    assert "no es un órgano" in response.content.decode()


def test_language_switch_keeps_the_visitor_on_the_same_page(client):
    response = client.post(
        reverse("set_language"), {"language": "es", "next": url("program:actor_detail", "cim")}
    )

    assert response.status_code == 302
    assert response["Location"] == "/es/actors/cim/"
    assert "Comisión Interamericana de Mujeres" in client.get(response["Location"]).content.decode()


def test_stylesheet_is_served_by_the_project(client):
    response = client.get("/static/followup/css/site.css")

    assert response.status_code == 200
    assert b"--accent" in b"".join(response.streaming_content)


def test_pages_have_one_h1_landmarks_and_a_labelled_language_switch(client):
    for address in [
        url("program:home"),
        url("program:version_detail", "2016"),
        url("program:actor_detail", "iachr"),
        url("program:mandate_lookup"),
    ]:
        content = client.get(address).content.decode()
        assert content.count("<h1") == 1, address
        assert '<main id="main"' in content
        assert "<nav aria-label=" in content
        assert '<label for="language-select">' in content


def test_mandates_page_from_the_menu_lists_them_without_an_error(client):
    response = client.get(url("program:mandate_lookup"))

    assert response.status_code == 200
    assert "AG/RES. 2883 (XLVI-O/16)" in response.content.decode()
    assert 'class="error' not in response.content.decode()
