"""The forum's recommendations (003), loaded through the import and its review, show in the
progress views: six panels on the source page, every member state as an addressee, and the
figures once a state's follow-up is published."""

import datetime

import pytest
from django.urls import reverse

from followup.ingest import review
from followup.ingest.services import ingest_path
from followup.program.models import Actor
from followup.recommendations.models import Recommendation, Source
from followup.recommendations.tests.factories import make_cycle, make_follow_up
from followup.reporting.tests.factories import secretariat_user

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]

FORUM = "003_077a9d78ab09ac6c.txt"
PANEL_SIZES = [6, 5, 8, 10, 7, 10]


@pytest.fixture
def forum(corpus):
    secretariat = secretariat_user()
    document = ingest_path(corpus / FORUM, by=secretariat).document
    accepted, left = review.accept_clean(document, by=secretariat, kind="recommendation")
    assert (accepted, left) == (sum(PANEL_SIZES), 0)
    return Source.objects.get()


def test_the_source_page_groups_003_by_its_six_panels(client, forum):
    response = client.get(reverse("recommendations:source_detail", args=[forum.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    for number in range(1, 7):
        assert f"PANEL {number}" in page
    sizes = [
        Recommendation.objects.filter(group__startswith=f"PANEL {number} ").count()
        for number in range(1, 7)
    ]
    assert sizes == PANEL_SIZES


def test_a_003_recommendation_is_addressed_to_every_member_state(client, forum):
    recommendation = Recommendation.objects.get(group__startswith="PANEL 2 ", number=2)

    response = client.get(recommendation.get_absolute_url())

    page = response.content.decode()
    assert "Enact legislative frameworks" in page
    for state in Actor.objects.filter(category=Actor.Category.MEMBER_STATE):
        assert state.name_en.replace("'", "&#x27;") in page


def test_published_follow_up_of_003_counts_in_the_progress_figures(client, forum):
    cycle = make_cycle("2017–2018", datetime.date(2017, 9, 1))
    first, second = Recommendation.objects.filter(group__startswith="PANEL 1 ")[:2]
    costa_rica = Actor.objects.get(slug="cri")
    make_follow_up(first, costa_rica, cycle, level_code="total")
    make_follow_up(second, costa_rica, cycle, level_code="partial")

    response = client.get(reverse("recommendations:addressee_progress", args=["CRI"]))

    assert response.status_code == 200
    assert response.context["page"].progress.share == 50
