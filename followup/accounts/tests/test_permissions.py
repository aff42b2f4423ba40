"""Every account page × every persona, with the status each must get.

Anonymous visitors are sent to sign in (302) wherever an account is needed; signed-in people
without the permission are refused (403); someone else's API token is "not found" (404),
like a missing one. Invitation links are open to anyone holding them.
"""

from collections.abc import Callable

import pytest
from django.urls import reverse
from django.utils import translation

from followup.accounts import permissions, services
from followup.accounts.models import User
from followup.accounts.roles import FOCAL_POINT
from followup.accounts.tests.factories import UserFactory, focal_point, reviewer, secretariat
from followup.accounts.urls import urlpatterns
from followup.program.models import Actor

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "focal_point", "reviewer", "secretariat"]


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def world(mailoutbox):
    """One pending invitation (with its link) and one API token of a bystander."""
    by = secretariat()
    invitation = services.invite_user(
        by=by,
        email="maria.lopez@example.org",
        first_name="María",
        last_name="López",
        role=FOCAL_POINT,
        actors=Actor.objects.filter(slug="iin"),
        language="en",
        site_url="http://testserver",
    )
    link = mailoutbox[0].body.split("http://testserver", 1)[1].split()[0]
    bystander_token, _raw = services.issue_api_token(UserFactory(), name="theirs")
    return {"invitation": invitation, "link": link, "bystander_token": bystander_token}


# page → (method, address builder)
PAGES = {
    "login": ("get", lambda w: url("accounts:login")),
    "logout (confirm)": ("get", lambda w: url("accounts:logout")),
    "password reset": ("get", lambda w: url("accounts:password_reset")),
    "password reset sent": ("get", lambda w: url("accounts:password_reset_done")),
    "password reset confirm": (
        "get",
        lambda w: url("accounts:password_reset_confirm", "MQ", "bad-token"),
    ),
    "password reset complete": ("get", lambda w: url("accounts:password_reset_complete")),
    "password change": ("get", lambda w: url("accounts:password_change")),
    "password change done": ("get", lambda w: url("accounts:password_change_done")),
    "profile": ("get", lambda w: url("accounts:profile")),
    "tokens": ("get", lambda w: url("accounts:tokens")),
    "revoke another's token": (
        "post",
        lambda w: url("accounts:token_revoke", w["bystander_token"].pk),
    ),
    "invite": ("get", lambda w: url("accounts:invite")),
    "invitations": ("get", lambda w: url("accounts:invitations")),
    "resend invitation": ("post", lambda w: url("accounts:invitation_resend", w["invitation"].pk)),
    "cancel invitation": ("post", lambda w: url("accounts:invitation_cancel", w["invitation"].pk)),
    "accept invitation": ("get", lambda w: w["link"]),
    "unknown invitation": ("get", lambda w: url("accounts:accept_invitation", "unknown")),
}

#                           anonymous, focal point, reviewer, secretariat
EXPECTED = {
    "login": (200, 200, 200, 200),
    "logout (confirm)": (302, 200, 200, 200),
    "password reset": (200, 200, 200, 200),
    "password reset sent": (200, 200, 200, 200),
    "password reset confirm": (200, 200, 200, 200),
    "password reset complete": (200, 200, 200, 200),
    "password change": (302, 200, 200, 200),
    "password change done": (302, 200, 200, 200),
    "profile": (302, 200, 200, 200),
    "tokens": (302, 200, 200, 200),
    "revoke another's token": (302, 404, 404, 404),
    "invite": (302, 403, 403, 200),
    "invitations": (302, 403, 403, 200),
    "resend invitation": (302, 403, 403, 302),
    "cancel invitation": (302, 403, 403, 302),
    "accept invitation": (200, 200, 200, 200),
    "unknown invitation": (404, 404, 404, 404),
}

MAKERS: dict[str, Callable[[], User]] = {
    "focal_point": focal_point,
    "reviewer": reviewer,
    "secretariat": secretariat,
}


def test_every_page_is_in_the_matrix():
    names = {pattern.name for pattern in urlpatterns}
    covered = {
        "login", "logout", "password_reset", "password_reset_done", "password_reset_confirm",
        "password_reset_complete", "password_change", "password_change_done", "profile",
        "tokens", "token_revoke", "invite", "invitations", "invitation_resend",
        "invitation_cancel", "accept_invitation",
    }  # fmt: skip
    assert names == covered
    assert set(PAGES) == set(EXPECTED)


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(client, world, persona, page):
    if persona != "anonymous":
        client.force_login(MAKERS[persona]())
    method, address = PAGES[page]

    response = getattr(client, method)(address(world))

    assert response.status_code == EXPECTED[page][PERSONAS.index(persona)]
    if response.status_code == 302 and persona == "anonymous" and page != "logout (confirm)":
        assert response["Location"].startswith("/en/accounts/sign-in/?next=")


@pytest.mark.parametrize(
    ("make_user", "expected"),
    [(secretariat, True), (focal_point, False), (reviewer, False), (UserFactory, False)],
)
def test_can_invite_only_the_secretariat(make_user, expected):
    user = make_user()

    assert permissions.can_invite(user) is expected
    assert permissions.can_change_invitations(user) is expected
    assert permissions.can_view_invitations(user) is expected


def test_can_invite_refuses_an_inactive_secretariat_member():
    user = secretariat()
    user.is_active = False

    assert permissions.can_invite(user) is False
