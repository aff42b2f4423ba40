"""Account pages: what each shows, what bad input says, and how many queries it runs."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from followup.accounts import services
from followup.accounts.models import ApiToken, SignInFailure, User, UserInvitation
from followup.accounts.roles import FOCAL_POINT, REVIEWER
from followup.accounts.tests.factories import (
    PASSWORD,
    UserFactory,
    focal_point,
    reviewer,
    secretariat,
)
from followup.program.models import Actor

pytestmark = pytest.mark.django_db

STRONG = "migrant rights 2016 follow-up"
NO_MATCH = "That username and password do not match."
INVITATION_LINK = re.compile(r"http://testserver(/(?:en|es)/accounts/invitation/[\w-]+/)")
RESET_LINK = re.compile(r"http://testserver(/en/accounts/password/reset/[\w-]+/[\w-]+/)")


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def signed_in(client, user):
    client.force_login(user)
    return client


def invite(by=None, **fields):
    values = {
        "email": "maria.lopez@example.org",
        "first_name": "María",
        "last_name": "López",
        "role": FOCAL_POINT,
        "actors": Actor.objects.filter(slug="iin"),
        "language": "en",
        "site_url": "http://testserver",
    }
    values.update(fields)
    return services.invite_user(by=by or secretariat(), **values)


def link_in(message, pattern=INVITATION_LINK) -> str:
    match = pattern.search(message.body)
    assert match is not None, message.body
    return match[1]


def content(response) -> str:
    return response.content.decode()


# Sign in ---------------------------------------------------------------------------------


def test_login_page_shows_the_form_with_next(client):
    response = client.get(url("accounts:login") + "?next=/en/accounts/tokens/")

    assert response.status_code == 200
    page = content(response)
    assert "<h1>Sign in</h1>" in page
    assert '<input type="hidden" name="next" value="/en/accounts/tokens/">' in page
    assert '<label for="id_username">Username</label>' in page
    assert 'href="/en/accounts/password/reset/"' in page


def test_login_redirects_to_next(client):
    user = UserFactory(username="alice")

    response = client.post(
        url("accounts:login"),
        {"username": "alice", "password": PASSWORD, "next": "/en/accounts/tokens/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/tokens/"
    assert int(client.session["_auth_user_id"]) == user.pk


def test_login_ignores_a_next_on_another_site(client):
    UserFactory(username="alice")

    response = client.post(
        url("accounts:login"),
        {"username": "alice", "password": PASSWORD, "next": "https://evil.example/"},
    )

    assert response.status_code == 302
    assert response["Location"] == url("reporting:workspace")


def test_login_after_login_required_page_returns_there(client):
    UserFactory(username="alice")
    sent_to = client.get(url("accounts:tokens"))["Location"]
    assert sent_to == "/en/accounts/sign-in/?next=/en/accounts/tokens/"

    response = client.post(sent_to, {"username": "alice", "password": PASSWORD})

    assert response["Location"] == "/en/accounts/tokens/"


def test_login_wrong_password_and_unknown_user_read_the_same(client):
    UserFactory(username="alice")

    wrong = client.post(url("accounts:login"), {"username": "alice", "password": "nope"})
    unknown = client.post(url("accounts:login"), {"username": "nobody", "password": "nope"})

    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].non_field_errors() == [NO_MATCH]
    assert unknown.context["form"].non_field_errors() == [NO_MATCH]
    assert f'<div class="error" role="alert"><p>{NO_MATCH}</p></div>' in content(wrong)
    assert 'value="nobody"' in content(unknown)
    assert "_auth_user_id" not in client.session


def test_login_refuses_an_inactive_user(client):
    UserFactory(username="alice", is_active=False)

    response = client.post(url("accounts:login"), {"username": "alice", "password": PASSWORD})

    assert response.context["form"].non_field_errors() == [NO_MATCH]


def test_login_is_throttled_after_five_failures_with_the_exact_message(client):
    UserFactory(username="alice")
    for _attempt in range(5):
        client.post(url("accounts:login"), {"username": "alice", "password": "nope"})

    response = client.post(url("accounts:login"), {"username": "alice", "password": PASSWORD})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Too many failed sign-ins. Try again in 15 minutes."
    ]
    assert "_auth_user_id" not in client.session
    assert SignInFailure.objects.count() == 5


def test_login_requires_both_fields(client):
    response = client.post(url("accounts:login"), {"username": "", "password": ""})

    form = response.context["form"]
    assert form.errors == {
        "username": ["This field is required."],
        "password": ["This field is required."],
    }
    assert 'aria-describedby="id_username_error"' in content(response)
    assert 'aria-invalid="true"' in content(response)
    assert SignInFailure.objects.count() == 0


# Sign out --------------------------------------------------------------------------------


def test_logout_get_asks_to_confirm_and_keeps_the_session(client):
    user = UserFactory(username="alice")
    signed_in(client, user)

    response = client.get(url("accounts:logout"))

    assert response.status_code == 200
    assert "You are signed in as alice. Sign out now?" in content(response)
    assert '<form class="lookup" method="post" action="/en/accounts/sign-out/">' in content(
        response
    )
    assert int(client.session["_auth_user_id"]) == user.pk


def test_logout_post_signs_out_and_goes_home(client):
    signed_in(client, UserFactory())

    response = client.post(url("accounts:logout"))

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "_auth_user_id" not in client.session


def test_logout_post_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    user = UserFactory()
    client.force_login(user)

    response = client.post(url("accounts:logout"))

    assert response.status_code == 403
    assert int(client.session["_auth_user_id"]) == user.pk


def test_logout_refuses_other_methods(client):
    signed_in(client, UserFactory())

    assert client.put(url("accounts:logout")).status_code == 405


# Password reset and change ---------------------------------------------------------------


def test_password_reset_mails_a_link_that_sets_a_new_password(client, mailoutbox):
    user = UserFactory(username="alice", email="alice@example.org")

    response = client.post(url("accounts:password_reset"), {"email": "alice@example.org"})

    assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["alice@example.org"]
    assert message.subject == "Reset your Follow-up password"
    assert 'the password of the Follow-up account "alice".' in message.body
    form_page = client.get(link_in(message, RESET_LINK), follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": STRONG, "new_password2": STRONG},
    )
    assert done["Location"] == "/en/accounts/password/reset/complete/"
    user.refresh_from_db()
    assert user.check_password(STRONG)


def test_password_reset_for_an_unknown_email_sends_nothing_and_says_the_same(client, mailoutbox):
    response = client.post(url("accounts:password_reset"), {"email": "nobody@example.org"})

    assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert mailoutbox == []


def test_password_reset_link_in_spanish_keeps_the_language(client, mailoutbox):
    UserFactory(email="alice@example.org")

    client.post(url("accounts:password_reset", language="es"), {"email": "alice@example.org"})

    assert "http://testserver/es/accounts/password/reset/" in mailoutbox[0].body


def test_password_reset_with_a_bad_link_says_so(client):
    response = client.get(url("accounts:password_reset_confirm", "MQ", "bad-token"))

    assert response.status_code == 200
    assert "This link to reset a password is not valid" in content(response)


def test_password_change_needs_the_old_password(client):
    user = UserFactory()
    signed_in(client, user)

    wrong = client.post(
        url("accounts:password_change"),
        {"old_password": "nope", "new_password1": STRONG, "new_password2": STRONG},
    )
    right = client.post(
        url("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": STRONG, "new_password2": STRONG},
    )

    assert wrong.context["form"].errors == {
        "old_password": ["Your old password was entered incorrectly. Please enter it again."]
    }
    assert right["Location"] == "/en/accounts/password/change/done/"
    user.refresh_from_db()
    assert user.check_password(STRONG)


# Invitations -----------------------------------------------------------------------------


def test_invite_page_offers_actors_grouped_by_category(client):
    signed_in(client, secretariat())

    response = client.get(url("accounts:invite"))

    assert response.status_code == 200
    page = content(response)
    groups = re.findall(r'<optgroup label="([^"]+)">', page)
    assert groups == [
        "OAS organs, agencies and entities",
        "Specialized organizations",
        "Member states",
        "Multilateral organizations",
        "Other actors",
    ]
    assert "<legend>Role</legend>" in page
    assert 'aria-describedby="id_actors_helptext"' in page


def test_invite_page_sends_the_invitation(client, mailoutbox):
    signed_in(client, secretariat())
    iin = Actor.objects.get(slug="iin")

    response = client.post(
        url("accounts:invite"),
        {
            "email": "maria.lopez@example.org",
            "first_name": "María",
            "last_name": "López",
            "role": FOCAL_POINT,
            "actors": [iin.pk],
            "language": "es",
        },
    )

    assert response["Location"] == "/en/accounts/invitations/"
    invitation = UserInvitation.objects.get()
    assert list(invitation.actors.all()) == [iin]
    assert mailoutbox[0].to == ["maria.lopez@example.org"]
    assert link_in(mailoutbox[0]).startswith("/es/accounts/invitation/")
    listing = client.get(response["Location"])
    assert "Invitation sent to maria.lopez@example.org." in content(listing)


def test_invite_page_requires_actors_for_a_focal_point_and_keeps_the_input(client, mailoutbox):
    signed_in(client, secretariat())

    response = client.post(
        url("accounts:invite"),
        {
            "email": "maria.lopez@example.org",
            "first_name": "María",
            "last_name": "López",
            "role": FOCAL_POINT,
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "actors": ["Choose at least one actor for a focal point."]
    }
    page = content(response)
    assert '<p class="error" id="id_actors_error">' in page
    assert 'value="maria.lopez@example.org"' in page
    assert 'value="María"' in page
    assert mailoutbox == []


def test_invite_page_refuses_a_bad_email(client):
    signed_in(client, secretariat())

    response = client.post(
        url("accounts:invite"),
        {
            "email": "maria@",
            "first_name": "María",
            "last_name": "López",
            "role": REVIEWER,
            "language": "en",
        },
    )

    assert response.context["form"].errors == {"email": ["Enter a valid email address."]}
    assert UserInvitation.objects.count() == 0


def test_invite_page_refuses_an_email_with_an_active_account(client):
    UserFactory(email="maria.lopez@example.org")
    signed_in(client, secretariat())

    response = client.post(
        url("accounts:invite"),
        {
            "email": "maria.lopez@example.org",
            "first_name": "María",
            "last_name": "López",
            "role": REVIEWER,
            "language": "en",
        },
    )

    assert response.context["form"].errors == {
        "email": ["An active account already uses this e-mail address; it needs no invitation."]
    }


def test_invitations_page_lists_pending_and_accepted(client, mailoutbox):
    by = secretariat()
    invite(by=by, email="pending@example.org")
    invite(by=by, email="done@example.org", role=REVIEWER)
    services.accept_invitation(
        link_in(mailoutbox[1]).split("/")[-2], username="done", password=STRONG
    )
    signed_in(client, by)

    response = client.get(url("accounts:invitations"))

    assert [i.email for i in response.context["pending"]] == ["pending@example.org"]
    assert [i.email for i in response.context["accepted"]] == ["done@example.org"]
    page = content(response)
    assert "pending@example.org" in page
    assert '<span class="tag">IIN</span>' in page
    assert "<td>done</td>" in page


def test_invitations_page_marks_expired_invitations(client):
    by = secretariat()
    invite(by=by)
    UserInvitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    signed_in(client, by)

    response = client.get(url("accounts:invitations"))

    assert '<span class="error">expired</span>' in content(response)


def test_invitations_page_resend_sends_a_new_link(client, mailoutbox):
    by = secretariat()
    invitation = invite(by=by)
    signed_in(client, by)

    response = client.post(url("accounts:invitation_resend", invitation.pk), follow=True)

    assert len(mailoutbox) == 2
    assert link_in(mailoutbox[0]) != link_in(mailoutbox[1])
    assert client.get(link_in(mailoutbox[0])).status_code == 404
    assert client.get(link_in(mailoutbox[1])).status_code == 200
    assert "Invitation sent again to maria.lopez@example.org with a new link." in content(response)


def test_invitations_page_cancel_voids_the_link(client, mailoutbox):
    by = secretariat()
    invitation = invite(by=by)
    signed_in(client, by)

    response = client.post(url("accounts:invitation_cancel", invitation.pk), follow=True)

    assert "The invitation to maria.lopez@example.org is cancelled." in content(response)
    assert response.context["pending"].count() == 0
    assert client.get(link_in(mailoutbox[0])).status_code == 410


def test_invitations_page_resend_of_an_accepted_invitation_explains(client, mailoutbox):
    by = secretariat()
    invitation = invite(by=by)
    services.accept_invitation(link_in(mailoutbox[0]).split("/")[-2], username="m", password=STRONG)
    signed_in(client, by)

    response = client.post(url("accounts:invitation_resend", invitation.pk), follow=True)

    assert (
        '<p class="error">Only an invitation that is neither accepted nor cancelled can be '
        "resent.</p>"
    ) in content(response)
    assert len(mailoutbox) == 1


def test_invitations_resend_and_cancel_refuse_get(client):
    by = secretariat()
    invitation = invite(by=by)
    signed_in(client, by)

    assert client.get(url("accounts:invitation_resend", invitation.pk)).status_code == 405
    assert client.get(url("accounts:invitation_cancel", invitation.pk)).status_code == 405


def test_invitations_resend_of_a_missing_invitation_is_404(client):
    signed_in(client, secretariat())

    assert client.post(url("accounts:invitation_resend", 999999)).status_code == 404


def add_pending_and_accepted(by, n, mailoutbox):
    actors = Actor.objects.filter(slug__in=["iin", "cim"])
    invite(by=by, email=f"pending{n}@example.org", actors=actors)
    invite(by=by, email=f"accepted{n}@example.org", actors=actors)
    token = link_in(mailoutbox[-1]).split("/")[-2]
    services.accept_invitation(token, username=f"accepted{n}", password=STRONG)


def test_invitations_page_query_count_does_not_grow(client, mailoutbox, django_assert_num_queries):
    by = secretariat()
    signed_in(client, by)
    add_pending_and_accepted(by, 1, mailoutbox)
    with django_assert_num_queries(11) as one:
        client.get(url("accounts:invitations"))
    add_pending_and_accepted(by, 2, mailoutbox)
    add_pending_and_accepted(by, 3, mailoutbox)

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url("accounts:invitations"))
    assert (len(response.context["pending"]), len(response.context["accepted"])) == (3, 3)


# Accepting an invitation -----------------------------------------------------------------


def test_accept_page_prefills_the_username(client, mailoutbox):
    invite()

    response = client.get(link_in(mailoutbox[0]))

    assert response.status_code == 200
    page = content(response)
    assert 'value="maria.lopez"' in page
    assert "Inter-American Children&#x27;s Institute (IIN)" in page
    assert 'autocomplete="new-password"' in page


def test_accept_page_creates_the_account_and_signs_in(client, mailoutbox):
    invite()

    response = client.post(
        link_in(mailoutbox[0]),
        {"username": "mlopez", "password": STRONG, "password_again": STRONG},
    )

    assert response["Location"] == "/en/accounts/"
    user = User.objects.get(username="mlopez")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert list(user.memberships.values_list("actor__slug", flat=True)) == ["iin"]
    profile = client.get(response["Location"])
    assert "Welcome! Your account is ready." in content(profile)


def test_accept_page_refuses_mismatched_passwords(client, mailoutbox):
    invite()

    response = client.post(
        link_in(mailoutbox[0]),
        {"username": "mlopez", "password": STRONG, "password_again": STRONG + "x"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "password_again": ["The two passwords do not match."]
    }
    assert not User.objects.filter(username="mlopez").exists()


def test_accept_page_refuses_a_weak_password_and_keeps_the_username(client, mailoutbox):
    invite()

    response = client.post(
        link_in(mailoutbox[0]),
        {"username": "mlopez", "password": "password", "password_again": "password"},
    )

    assert response.context["form"].errors == {"password": ["This password is too common."]}
    page = content(response)
    assert 'value="mlopez"' in page
    assert '<p class="error" id="id_password_error">This password is too common.</p>' in page


def test_accept_page_for_a_used_link_is_gone(client, mailoutbox):
    invite()
    link = link_in(mailoutbox[0])
    client.post(link, {"username": "mlopez", "password": STRONG, "password_again": STRONG})

    response = Client().get(link)

    assert response.status_code == 410
    assert "This invitation has already been used." in content(response)


def test_accept_page_for_an_expired_link_is_gone(client, mailoutbox):
    invite()
    UserInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    response = client.post(
        link_in(mailoutbox[0]),
        {"username": "mlopez", "password": STRONG, "password_again": STRONG},
    )

    assert response.status_code == 410
    assert "This invitation has expired. Ask the CAM secretariat to send it again." in content(
        response
    )
    assert not User.objects.filter(username="mlopez").exists()


def test_accept_page_for_an_unknown_link_is_not_found(client):
    response = client.get(url("accounts:accept_invitation", "abc-DEF_123"))

    assert response.status_code == 404
    assert "This invitation link is not valid." in content(response)


# API tokens ------------------------------------------------------------------------------


def test_tokens_page_lists_only_own_tokens(client):
    user = UserFactory()
    services.issue_api_token(user, name="annual script")
    services.issue_api_token(UserFactory(), name="someone else's")
    signed_in(client, user)

    response = client.get(url("accounts:tokens"))

    assert [token.name for token in response.context["tokens"]] == ["annual script"]
    assert "someone else" not in content(response)


def test_tokens_page_shows_a_new_token_once(client):
    user = UserFactory()
    signed_in(client, user)

    response = client.post(url("accounts:tokens"), {"name": "annual script"})

    assert response.status_code == 200
    raw = response.context["raw"]
    page = content(response)
    assert f"<code>{raw}</code>" in page
    assert "it will not be shown again" in page
    assert services.user_for_api_token(raw) == user
    assert raw not in content(client.get(url("accounts:tokens")))


def test_tokens_page_requires_a_name(client):
    signed_in(client, UserFactory())

    response = client.post(url("accounts:tokens"), {"name": ""})

    assert response.context["form"].errors == {"name": ["This field is required."]}
    assert ApiToken.objects.count() == 0


def test_token_revoke_revokes_an_own_token(client):
    user = UserFactory()
    token, raw = services.issue_api_token(user, name="annual script")
    signed_in(client, user)

    response = client.post(url("accounts:token_revoke", token.pk), follow=True)

    assert services.user_for_api_token(raw) is None
    assert "The token “annual script” is revoked." in content(response)


def test_token_revoke_of_another_users_token_is_404(client):
    token, raw = services.issue_api_token(UserFactory(), name="theirs")
    signed_in(client, UserFactory())

    response = client.post(url("accounts:token_revoke", token.pk))

    assert response.status_code == 404
    assert services.user_for_api_token(raw) is not None


def test_tokens_page_query_count_does_not_grow(client, django_assert_num_queries):
    user = UserFactory()
    signed_in(client, user)
    services.issue_api_token(user, name="one")
    with django_assert_num_queries(8) as one:
        client.get(url("accounts:tokens"))
    token, _raw = services.issue_api_token(user, name="two")
    services.issue_api_token(user, name="three")
    services.revoke_api_token(token)

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url("accounts:tokens"))
    assert len(response.context["tokens"]) == 3


# My account ------------------------------------------------------------------------------


def test_profile_shows_roles_and_actors(client):
    user = focal_point("iin", "cim")
    signed_in(client, user)

    response = client.get(url("accounts:profile"))

    assert response.context["profile"].roles == ["Focal point"]
    assert [actor.slug for actor in response.context["profile"].actors] == ["iin", "cim"]
    page = content(response)
    assert '<a href="/en/accounts/password/change/">' in page
    assert '<a href="/en/accounts/tokens/">' in page
    assert "/en/accounts/invitations/" not in page


def test_profile_of_the_secretariat_links_to_invitations(client):
    signed_in(client, secretariat())

    response = client.get(url("accounts:profile"))

    assert response.context["profile"].roles == ["CAM secretariat"]
    assert '<a href="/en/accounts/invitations/">' in content(response)


def test_profile_of_a_reviewer_has_no_actor(client):
    signed_in(client, reviewer())

    response = client.get(url("accounts:profile"))

    assert "You are not focal point for any actor." in content(response)
