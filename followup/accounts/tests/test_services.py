"""Account services: sign-in throttling, invitations, API tokens."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from followup.accounts import services
from followup.accounts.models import (
    ApiToken,
    Membership,
    SignInFailure,
    User,
    UserInvitation,
    token_digest,
)
from followup.accounts.roles import FOCAL_POINT, REVIEWER, ROLE_PERMISSIONS, SECRETARIAT
from followup.accounts.tests.factories import (
    PASSWORD,
    UserFactory,
    focal_point,
    reviewer,
    secretariat,
)
from followup.program.models import Actor

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
ADDRESS = "192.0.2.10"
STRONG = "migrant rights 2016 follow-up"
LINK = re.compile(r"http://testserver/(?P<lang>en|es)/accounts/invitation/(?P<token>[\w-]+)/")
THROTTLED = "Too many failed sign-ins. Try again in 15 minutes."
NO_MATCH = "That username and password do not match."


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down (Django's backend interface, not our code)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def refusal(**kwargs) -> str:
    with pytest.raises(services.AccountsError) as caught:
        services.sign_in(None, **kwargs)
    return str(caught.value)


def fail(username: str, times: int, address: str = ADDRESS) -> None:
    for _attempt in range(times):
        refusal(username=username, password="wrong password", address=address)


def invite(by=None, **fields) -> UserInvitation:
    values = {
        "email": "maria.lopez@example.org",
        "first_name": "María",
        "last_name": "López",
        "role": FOCAL_POINT,
        "actors": Actor.objects.filter(slug="iin"),
        "language": "en",
        "site_url": SITE,
    }
    values.update(fields)
    return services.invite_user(by=by or secretariat(), **values)


def link_part(message, part: str) -> str:
    match = LINK.search(message.body)
    assert match is not None, message.body
    return match[part]


def token_in(message) -> str:
    return link_part(message, "token")


def field_errors(caught) -> dict[str, list[str]]:
    return caught.value.message_dict


# Roles -----------------------------------------------------------------------------------


def test_sync_roles_gives_the_secretariat_the_invitation_permissions():
    services.sync_roles()

    codenames = set(
        Group.objects.get(name=SECRETARIAT)
        .permissions.filter(content_type__app_label="accounts")
        .values_list("codename", flat=True)
    )
    assert codenames == {
        "view_user",
        "view_membership",
        "add_userinvitation",
        "change_userinvitation",
        "view_userinvitation",
    }
    assert "accounts.add_userinvitation" not in ROLE_PERMISSIONS[FOCAL_POINT]


# Sign-in -------------------------------------------------------------------------------


def test_sign_in_returns_the_user_for_the_right_password():
    user = UserFactory(username="alice")

    assert services.sign_in(None, username="alice", password=PASSWORD, address=ADDRESS) == user


def test_sign_in_refuses_a_wrong_password_and_an_unknown_username_with_one_message():
    UserFactory(username="alice")

    wrong_password = refusal(username="alice", password="nope", address=ADDRESS)
    unknown_user = refusal(username="nobody", password="nope", address=ADDRESS)

    assert wrong_password == NO_MATCH
    assert unknown_user == NO_MATCH


def test_sign_in_refuses_an_inactive_user_with_the_same_message():
    UserFactory(username="alice", is_active=False)

    assert refusal(username="alice", password=PASSWORD, address=ADDRESS) == NO_MATCH


def test_sign_in_records_each_failure_without_the_password():
    fail("alice", 2)

    assert list(SignInFailure.objects.values_list("username", "address")) == [
        ("alice", ADDRESS),
        ("alice", ADDRESS),
    ]


def test_sign_in_pauses_a_username_after_the_limit_even_with_the_right_password():
    UserFactory(username="alice")
    fail("alice", 5, address="192.0.2.1")

    message = refusal(username="alice", password=PASSWORD, address="198.51.100.7")

    assert message == THROTTLED


def test_sign_in_pause_counts_usernames_without_case():
    UserFactory(username="alice")
    fail("Alice", 3)
    fail("ALICE", 2)

    assert refusal(username="alice", password=PASSWORD, address="198.51.100.7") == THROTTLED


def test_sign_in_pauses_an_address_after_the_limit_across_usernames():
    UserFactory(username="bob")
    for name in ["a", "b", "c", "d", "e"]:
        fail(name, 1)

    assert refusal(username="bob", password=PASSWORD, address=ADDRESS) == THROTTLED
    assert services.sign_in(None, username="bob", password=PASSWORD, address="198.51.100.7")


def test_sign_in_allows_attempts_below_the_limit():
    user = UserFactory(username="alice")
    fail("alice", 4)

    assert services.sign_in(None, username="alice", password=PASSWORD, address=ADDRESS) == user


def test_sign_in_success_clears_the_usernames_failures():
    UserFactory(username="alice")
    fail("alice", 4)
    services.sign_in(None, username="alice", password=PASSWORD, address=ADDRESS)
    fail("alice", 4)

    assert SignInFailure.objects.filter(username="alice").count() == 4
    assert services.sign_in(None, username="alice", password=PASSWORD, address=ADDRESS)


def test_sign_in_pause_ends_when_failures_leave_the_window():
    user = UserFactory(username="alice")
    fail("alice", 5)
    SignInFailure.objects.update(created_at=timezone.now() - timedelta(minutes=16))

    assert services.sign_in(None, username="alice", password=PASSWORD, address=ADDRESS) == user


def test_sign_in_pause_says_how_many_minutes_remain():
    fail("alice", 5)
    SignInFailure.objects.update(created_at=timezone.now() - timedelta(minutes=10, seconds=30))

    message = refusal(username="alice", password="anything", address=ADDRESS)

    assert message == "Too many failed sign-ins. Try again in 5 minutes."


def test_sign_in_follows_the_limit_setting(settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    UserFactory(username="alice")
    fail("alice", 2)

    assert refusal(username="alice", password=PASSWORD, address=ADDRESS) == THROTTLED


def test_sign_in_does_not_count_refused_attempts():
    fail("alice", 5)
    refusal(username="alice", password="wrong", address=ADDRESS)

    assert SignInFailure.objects.count() == 5


def test_sign_in_forgets_failures_older_than_the_window():
    fail("alice", 2)
    SignInFailure.objects.update(created_at=timezone.now() - timedelta(hours=1))

    fail("bob", 1)

    assert list(SignInFailure.objects.values_list("username", flat=True)) == ["bob"]


# Invitations: invite ---------------------------------------------------------------------


def test_invite_user_stores_the_invitation_with_only_a_digest_of_the_token(mailoutbox):
    by = secretariat()

    invitation = invite(by=by)

    raw = token_in(mailoutbox[0])
    assert invitation.token_digest == token_digest(raw)
    assert raw not in invitation.token_digest
    assert (invitation.email, invitation.first_name, invitation.role) == (
        "maria.lopez@example.org",
        "María",
        FOCAL_POINT,
    )
    assert [actor.slug for actor in invitation.actors.all()] == ["iin"]
    assert invitation.invited_by == by
    assert invitation.state == UserInvitation.State.PENDING
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)


def test_invite_user_sends_the_link_to_the_invitee(mailoutbox):
    invite()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["maria.lopez@example.org"]
    assert message.subject == (
        "Your invitation to Follow-up, the information system of the Inter-American Program "
        "on Migrants"
    )
    assert "Dear María López," in message.body
    assert "as focal point of:\n- Inter-American Children's Institute (IIN)\n" in message.body
    assert link_part(message, "lang") == "en"
    assert "Ana Secretaria\nCAM secretariat" in message.body


def test_invite_user_writes_in_the_language_chosen_for_the_invitee(mailoutbox):
    invite(language="es")

    message = mailoutbox[0]
    assert link_part(message, "lang") == "es"
    assert "Secretaría de la CAM" in message.body
    assert "Instituto Interamericano del Niño, la Niña y Adolescentes (IIN)" in message.body


def test_invite_user_ignores_actors_for_a_reviewer(mailoutbox):
    invitation = invite(role=REVIEWER)

    assert list(invitation.actors.all()) == []
    assert "as a reviewer of the reports of the Program's actors." in mailoutbox[0].body


def test_invite_user_requires_actors_for_a_focal_point(mailoutbox):
    with pytest.raises(ValidationError) as caught:
        invite(actors=[])

    assert field_errors(caught) == {"actors": ["Choose at least one actor for a focal point."]}
    assert UserInvitation.objects.count() == 0
    assert mailoutbox == []


def test_invite_user_refuses_a_bad_email_and_blank_names():
    with pytest.raises(ValidationError) as caught:
        invite(email="maria@", first_name=" ", last_name="", role="boss", language="fr")

    assert field_errors(caught) == {
        "email": ["Enter a valid e-mail address, such as name@example.org."],
        "first_name": ["Enter the invitee's first name."],
        "last_name": ["Enter the invitee's last name."],
        "role": ["Choose focal point or reviewer."],
        "language": ["Choose English or Spanish."],
    }


def test_invite_user_refuses_an_email_with_an_active_account():
    UserFactory(email="Maria.Lopez@example.org")

    with pytest.raises(ValidationError) as caught:
        invite(email="maria.lopez@EXAMPLE.org")

    assert field_errors(caught) == {
        "email": ["An active account already uses this e-mail address; it needs no invitation."]
    }


def test_invite_user_accepts_an_email_whose_account_is_inactive():
    UserFactory(email="maria.lopez@example.org", is_active=False)

    assert invite().state == UserInvitation.State.PENDING


def test_invite_user_replaces_a_pending_invitation_to_the_same_email(mailoutbox):
    first = invite(role=REVIEWER)
    old_token = token_in(mailoutbox[0])

    second = invite(email="MARIA.LOPEZ@example.org")

    first.refresh_from_db()
    assert first.state == UserInvitation.State.CANCELLED
    assert second.state == UserInvitation.State.PENDING
    with pytest.raises(services.InvitationUnavailable) as caught:
        services.usable_invitation(old_token)
    assert caught.value.state == UserInvitation.State.CANCELLED


@pytest.mark.parametrize("make_user", [focal_point, reviewer, UserFactory])
def test_invite_user_refuses_who_is_not_secretariat(make_user, mailoutbox):
    with pytest.raises(PermissionDenied):
        invite(by=make_user())

    assert mailoutbox == []


def test_invite_user_tells_when_the_mail_server_fails_and_keeps_the_invitation(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"

    with pytest.raises(services.AccountsError) as caught:
        invite()

    assert str(caught.value) == (
        "The invitation to maria.lopez@example.org was saved, but the e-mail could not be "
        "sent. Use “Resend” in the list of invitations to try again."
    )
    assert UserInvitation.objects.get().state == UserInvitation.State.PENDING


# Invitations: accept ---------------------------------------------------------------------


def test_accept_invitation_creates_an_active_focal_point_with_memberships(mailoutbox):
    invitation = invite(actors=Actor.objects.filter(slug__in=["iin", "cim"]))

    user = services.accept_invitation(token_in(mailoutbox[0]), username="mlopez", password=STRONG)

    assert (user.username, user.email, user.first_name, user.last_name, user.is_active) == (
        "mlopez",
        "maria.lopez@example.org",
        "María",
        "López",
        True,
    )
    assert user.check_password(STRONG)
    assert list(user.groups.values_list("name", flat=True)) == [FOCAL_POINT]
    assert sorted(Membership.objects.filter(user=user).values_list("actor__slug", flat=True)) == [
        "cim",
        "iin",
    ]
    invitation.refresh_from_db()
    assert invitation.state == UserInvitation.State.ACCEPTED
    assert invitation.user == user


def test_accept_invitation_creates_a_reviewer_without_memberships(mailoutbox):
    invite(role=REVIEWER)

    user = services.accept_invitation(token_in(mailoutbox[0]), username="mlopez", password=STRONG)

    assert list(user.groups.values_list("name", flat=True)) == [REVIEWER]
    assert list(user.memberships.all()) == []
    assert user.has_perm("reporting.view_actorreport")


def test_accept_invitation_refuses_a_weak_password(mailoutbox):
    invite()

    with pytest.raises(ValidationError) as caught:
        services.accept_invitation(token_in(mailoutbox[0]), username="mlopez", password="12345")

    assert field_errors(caught) == {
        "password": [
            "This password is too short. It must contain at least 8 characters.",
            "This password is too common.",
            "This password is entirely numeric.",
        ]
    }
    assert not User.objects.filter(username="mlopez").exists()


def test_accept_invitation_refuses_a_password_like_the_invitees_name(mailoutbox):
    invite(email="bartholomew@example.org", first_name="Bartholomew")

    with pytest.raises(ValidationError) as caught:
        services.accept_invitation(token_in(mailoutbox[0]), username="bart", password="bartholomew")

    assert field_errors(caught) == {"password": ["The password is too similar to the first name."]}


def test_accept_invitation_refuses_a_taken_or_malformed_username(mailoutbox):
    UserFactory(username="mlopez")
    invite()
    token = token_in(mailoutbox[0])

    with pytest.raises(ValidationError) as taken:
        services.accept_invitation(token, username="MLopez", password=STRONG)
    with pytest.raises(ValidationError) as malformed:
        services.accept_invitation(token, username="m lopez!", password=STRONG)
    with pytest.raises(ValidationError) as blank:
        services.accept_invitation(token, username="  ", password=STRONG)

    assert field_errors(taken) == {
        "username": ["That username is already taken. Choose another one."]
    }
    assert field_errors(malformed) == {
        "username": ["A username may contain only letters, digits and @ . + - _"]
    }
    assert field_errors(blank) == {"username": ["Choose a username."]}
    assert UserInvitation.objects.get().state == UserInvitation.State.PENDING


def test_accept_invitation_works_only_once(mailoutbox):
    invite()
    token = token_in(mailoutbox[0])
    services.accept_invitation(token, username="mlopez", password=STRONG)

    with pytest.raises(services.InvitationUnavailable) as caught:
        services.accept_invitation(token, username="other", password=STRONG)

    assert caught.value.state == UserInvitation.State.ACCEPTED
    assert str(caught.value) == (
        "This invitation has already been used. Sign in with the account it created."
    )
    assert not User.objects.filter(username="other").exists()


def test_accept_invitation_refuses_an_expired_link(mailoutbox):
    invite()
    UserInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    with pytest.raises(services.InvitationUnavailable) as caught:
        services.accept_invitation(token_in(mailoutbox[0]), username="mlopez", password=STRONG)

    assert str(caught.value) == (
        "This invitation has expired. Ask the CAM secretariat to send it again."
    )


def test_accept_invitation_refuses_an_unknown_token():
    with pytest.raises(services.InvitationUnavailable) as caught:
        services.accept_invitation("not-a-token", username="mlopez", password=STRONG)

    assert caught.value.state is None
    assert str(caught.value) == (
        "This invitation link is not valid. Check that you copied the whole link, or ask the "
        "CAM secretariat for a new invitation."
    )


def test_suggested_username_is_the_local_part_unless_taken(mailoutbox):
    invitation = invite()
    assert services.suggested_username(invitation) == "maria.lopez"

    UserFactory(username="maria.lopez")
    assert services.suggested_username(invitation) == "maria.lopez@example.org"


# Invitations: resend and cancel ----------------------------------------------------------


def test_resend_invitation_sends_a_new_link_and_voids_the_old_one(mailoutbox):
    invitation = invite()
    UserInvitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    invitation.refresh_from_db()
    old_token = token_in(mailoutbox[0])

    services.resend_invitation(invitation, by=secretariat(), site_url=SITE)

    assert len(mailoutbox) == 2
    assert mailoutbox[1].to == ["maria.lopez@example.org"]
    new_token = token_in(mailoutbox[1])
    assert services.usable_invitation(new_token) == invitation
    with pytest.raises(services.InvitationUnavailable) as caught:
        services.usable_invitation(old_token)
    assert caught.value.state is None
    assert invitation.expires_at > timezone.now() + timedelta(days=6)


def test_resend_invitation_refuses_an_accepted_invitation(mailoutbox):
    invitation = invite()
    services.accept_invitation(token_in(mailoutbox[0]), username="mlopez", password=STRONG)
    invitation.refresh_from_db()

    with pytest.raises(services.AccountsError) as caught:
        services.resend_invitation(invitation, by=secretariat(), site_url=SITE)

    assert str(caught.value) == (
        "Only an invitation that is neither accepted nor cancelled can be resent."
    )
    assert len(mailoutbox) == 1


def test_resend_and_cancel_invitation_refuse_who_is_not_secretariat(mailoutbox):
    invitation = invite()

    with pytest.raises(PermissionDenied):
        services.resend_invitation(invitation, by=reviewer(), site_url=SITE)
    with pytest.raises(PermissionDenied):
        services.cancel_invitation(invitation, by=focal_point())


def test_cancel_invitation_voids_the_link(mailoutbox):
    invitation = invite()

    services.cancel_invitation(invitation, by=secretariat())

    with pytest.raises(services.InvitationUnavailable) as caught:
        services.usable_invitation(token_in(mailoutbox[0]))
    assert str(caught.value) == (
        "This invitation was cancelled or replaced by a newer one. Use the latest invitation "
        "you received, or ask the CAM secretariat."
    )


def test_cancel_invitation_refuses_an_accepted_invitation(mailoutbox):
    invitation = invite()
    services.accept_invitation(token_in(mailoutbox[0]), username="mlopez", password=STRONG)
    invitation.refresh_from_db()

    with pytest.raises(services.AccountsError) as caught:
        services.cancel_invitation(invitation, by=secretariat())

    assert str(caught.value) == (
        "This invitation was already accepted. To remove the access, deactivate the account "
        "in the back office."
    )


# API tokens ------------------------------------------------------------------------------


def test_issue_api_token_stores_only_the_digest_and_finds_its_user():
    user = UserFactory()

    token, raw = services.issue_api_token(user, name="  script  ")

    assert raw.startswith("fu_")
    assert token.name == "script"
    assert ApiToken.objects.get().digest == token_digest(raw)
    assert services.user_for_api_token(raw) == user


def test_revoke_api_token_stops_the_token():
    token, raw = services.issue_api_token(UserFactory(), name="script")

    services.revoke_api_token(token)

    assert services.user_for_api_token(raw) is None


def test_client_address_is_the_remote_address(rf):
    request = rf.get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.1")

    assert services.client_address(request) == "203.0.113.5"


def test_client_address_behind_the_proxy_is_the_entry_the_proxy_appended(rf, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")

    assert services.client_address(request) == "203.0.113.5"
