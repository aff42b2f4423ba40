"""The back office for accounts: memberships on the user page, read-only invitations and
tokens, and never a token digest on screen."""

import pytest
from django.urls import reverse

from followup.accounts import services
from followup.accounts.models import Membership, User, UserInvitation
from followup.accounts.roles import REVIEWER
from followup.accounts.tests.factories import UserFactory, focal_point, secretariat
from followup.program.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def invitation(mailoutbox):
    return services.invite_user(
        by=secretariat(),
        email="rev@example.org",
        first_name="Rita",
        last_name="Revisora",
        role=REVIEWER,
        actors=[],
        language="en",
        site_url="http://testserver",
    )


def test_user_page_shows_focal_point_memberships(client, superuser):
    user = focal_point("iin")
    client.force_login(superuser)

    response = client.get(reverse("admin:accounts_user_change", args=[user.pk]))

    assert response.status_code == 200
    assert "Focal point memberships" in response.content.decode()
    assert response.context["inline_admin_formsets"][0].formset.queryset.get().actor.slug == "iin"


def test_user_page_adds_a_membership(client, superuser):
    user = focal_point("iin")
    client.force_login(superuser)
    page = reverse("admin:accounts_user_change", args=[user.pk])
    form = client.get(page).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "username": user.username,
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "groups": list(user.groups.values_list("pk", flat=True)),
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": str(Membership.objects.get(user=user).pk),
            "memberships-0-user": str(user.pk),
            "memberships-0-actor": str(Actor.objects.get(slug="iin").pk),
            "memberships-1-user": str(user.pk),
            "memberships-1-actor": str(Actor.objects.get(slug="cim").pk),
        }
    )
    data.pop("password", None)
    data.pop("last_login", None)
    data.pop("user_permissions", None)

    response = client.post(page, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert sorted(user.memberships.values_list("actor__slug", flat=True)) == ["cim", "iin"]


def test_user_admin_creates_a_project_user(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "newbie",
            "usable_password": "false",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.get(username="newbie").has_usable_password() is False


def test_invitations_are_read_only_for_the_secretariat_and_hide_the_digest(client, invitation):
    client.force_login(secretariat())

    listing = client.get(reverse("admin:accounts_userinvitation_changelist"))
    detail = client.get(reverse("admin:accounts_userinvitation_change", args=[invitation.pk]))
    add = client.get(reverse("admin:accounts_userinvitation_add"))

    assert listing.status_code == 200
    assert "rev@example.org" in listing.content.decode()
    assert detail.status_code == 200
    assert invitation.token_digest not in detail.content.decode()
    assert add.status_code == 403
    assert UserInvitation.objects.count() == 1


def test_api_tokens_are_listed_for_superusers_without_the_digest(client, superuser):
    token, raw = services.issue_api_token(UserFactory(), name="annual script")
    client.force_login(superuser)

    listing = client.get(reverse("admin:accounts_apitoken_changelist"))
    detail = client.get(reverse("admin:accounts_apitoken_change", args=[token.pk]))

    assert listing.status_code == 200
    assert "annual script" in listing.content.decode()
    for page in (listing, detail):
        assert token.digest not in page.content.decode()
        assert raw not in page.content.decode()
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403


def test_api_tokens_are_not_shown_to_the_secretariat(client):
    client.force_login(secretariat())

    assert client.get(reverse("admin:accounts_apitoken_changelist")).status_code == 403
