"""The back office: sources, recommendations and follow-up with their history, and status
levels frozen once a follow-up uses them."""

import datetime

import pytest
from django.urls import reverse

from followup.recommendations import services
from followup.recommendations.admin import LEVEL_IN_USE
from followup.recommendations.models import StatusLevel, StatusScale
from followup.recommendations.services import LevelSpec
from followup.recommendations.tests.factories import (
    iachr_scale,
    level_of,
    make_cycle,
    make_follow_up,
    make_recommendation,
)
from followup.reporting.tests.factories import secretariat_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    user = secretariat_user()
    client.force_login(user)
    return user


@pytest.fixture
def follow_up(secretariat):
    recommendation = make_recommendation(text=TEXT, addressees=["iin"])
    follow_up = make_follow_up(
        recommendation,
        "iin",
        make_cycle("2030–2031", datetime.date(2030, 1, 1)),
        level_code=None,
        status="draft",
    )
    services.save_follow_up(
        follow_up, {"level": level_of("partial"), "narrative": "Begun."}, by=secretariat
    )
    return follow_up


TEXT = "Protect unaccompanied children."
SOURCE = "Forced migration of Venezuelans"
SCALE = "IACHR levels of compliance"


@pytest.mark.parametrize(
    ("page", "target", "shown"),
    [
        ("admin:recommendations_source_changelist", None, SOURCE),
        ("admin:recommendations_source_change", "source", SOURCE),
        ("admin:recommendations_recommendation_changelist", None, TEXT),
        ("admin:recommendations_recommendation_change", "recommendation", TEXT),
        ("admin:recommendations_followup_changelist", None, TEXT),
        ("admin:recommendations_followup_change", "follow_up", TEXT),
        ("admin:recommendations_statusscale_changelist", None, SCALE),
        ("admin:recommendations_statusscale_change", "scale", "Substantial partial compliance"),
    ],
)
def test_admin_pages_show_the_records(client, follow_up, page, target, shown):
    objects = {
        "source": follow_up.recommendation.source,
        "recommendation": follow_up.recommendation,
        "follow_up": follow_up,
        "scale": iachr_scale(),
    }
    args = [objects[target].pk] if target else []

    response = client.get(reverse(page, args=args))

    assert response.status_code == 200
    assert shown in response.content.decode()


def test_admin_recommendation_search_reaches_the_source(client, follow_up):
    response = client.get(
        reverse("admin:recommendations_recommendation_changelist"),
        {"q": follow_up.recommendation.source.reference},
    )

    assert list(response.context["cl"].result_list) == [follow_up.recommendation]


def test_admin_follow_up_history_says_who_set_what(client, follow_up):
    response = client.get(reverse("admin:recommendations_followup_history", args=[follow_up.pk]))

    assert response.status_code == 200
    assert "saved: level,narrative" in response.content.decode()


def test_admin_follow_up_cannot_be_added_changed_or_deleted(client, follow_up):
    change = client.get(reverse("admin:recommendations_followup_change", args=[follow_up.pk]))
    add = client.get(reverse("admin:recommendations_followup_add"))
    delete = client.get(reverse("admin:recommendations_followup_delete", args=[follow_up.pk]))

    assert list(change.context["adminform"].form.fields) == []
    assert (add.status_code, delete.status_code) == (403, 403)


def level_rows(scale: StatusScale, **changes) -> dict:
    """The scale's change form as posted, with `changes` {level code: {field: value}}."""
    levels = list(scale.levels.order_by("order"))
    data = {
        "slug": scale.slug,
        "name_en": scale.name_en,
        "name_es": scale.name_es,
        "adopted_on": scale.adopted_on.isoformat(),
        "levels-TOTAL_FORMS": len(levels),
        "levels-INITIAL_FORMS": len(levels),
        "levels-MIN_NUM_FORMS": 0,
        "levels-MAX_NUM_FORMS": 1000,
    }
    for index, level in enumerate(levels):
        row = {
            "id": level.pk,
            "scale": scale.pk,
            "code": level.code,
            "label_en": level.label_en,
            "label_es": level.label_es,
            "order": level.order,
            "applicable": "on" if level.applicable else "",
            "implemented": "on" if level.implemented else "",
        } | changes.get(level.code, {})
        data |= {f"levels-{index}-{key}": value for key, value in row.items() if value != ""}
    return data


def test_admin_freezes_a_level_in_use_and_says_why(client, follow_up):
    scale = iachr_scale()
    url = reverse("admin:recommendations_statusscale_change", args=[scale.pk])

    page = client.get(url)
    response = client.post(
        url,
        level_rows(
            scale,
            partial={"label_en": "Rewritten past", "DELETE": "on"},
            total={"label_en": "Fully done"},
        ),
    )

    assert str(LEVEL_IN_USE) in page.content.decode()
    assert response.status_code == 302
    assert level_of("partial").label_en == "Partial compliance"
    # A level no follow-up ever had may still be corrected.
    assert level_of("total").label_en == "Fully done"
    assert page.context["has_delete_permission"] is False


def test_admin_make_current_action_switches_the_scale(client, secretariat, follow_up):
    new = services.add_scale(
        "cam-2032",
        "CAM 2032",
        "CAM 2032",
        [LevelSpec("done", "Done", "Hecho")],
        by=secretariat,
        make_current=False,
    )

    response = client.post(
        reverse("admin:recommendations_statusscale_changelist"),
        {"action": "make_current", "_selected_action": [new.pk]},
    )

    new.refresh_from_db()
    assert response.status_code == 302
    assert new.is_current is True
    assert StatusScale.objects.filter(is_current=True).count() == 1
    follow_up.refresh_from_db()
    assert (follow_up.scale, follow_up.level) == (iachr_scale(), level_of("partial"))


def test_admin_scale_without_follow_ups_can_be_deleted(client, secretariat):
    new = services.add_scale(
        "cam-2032",
        "CAM 2032",
        "CAM 2032",
        [LevelSpec("done", "Done", "Hecho")],
        by=secretariat,
        make_current=False,
    )

    page = client.get(reverse("admin:recommendations_statusscale_change", args=[new.pk]))

    assert page.context["has_delete_permission"] is True
    assert StatusLevel.objects.filter(scale=new).count() == 1


def recommendation_form(recommendation, **fields) -> dict:
    """The recommendation's change form as posted, with `fields` changed."""
    return {
        "source": recommendation.source.pk,
        "text": recommendation.text,
        "language": recommendation.language,
        "all_member_states": "on" if recommendation.all_member_states else "",
        "addressees": [actor.pk for actor in recommendation.addressees.all()],
    } | fields


def test_admin_refuses_a_recommendation_addressed_to_no_one(client, follow_up):
    recommendation = follow_up.recommendation
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])

    response = client.post(url, recommendation_form(recommendation, addressees=[]))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "addressees": [
            "Say who the recommendation is addressed to: all member states, or named states "
            "and actors."
        ]
    }
    assert [actor.slug for actor in recommendation.addressees.all()] == ["iin"]


def test_admin_saves_a_recommendation_to_all_member_states_without_named_ones(client, follow_up):
    recommendation = follow_up.recommendation
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])

    response = client.post(
        url, recommendation_form(recommendation, addressees=[], all_member_states="on")
    )

    recommendation.refresh_from_db()
    assert response.status_code == 302
    assert (recommendation.all_member_states, recommendation.addressees.count()) == (True, 0)
