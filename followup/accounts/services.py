"""Writes on accounts: role groups, the demo secretariat account, API tokens, sign-in with
throttling, and invitations (invite, resend, cancel, accept).

Each function checks its own rule (permission and state) and raises PermissionDenied, an
`AccountsError` whose message is for the user, or a ValidationError with a message per field.
"""

import math
import secrets
import smtplib
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from followup.accounts import permissions
from followup.accounts.models import (
    ApiToken,
    Membership,
    SignInFailure,
    User,
    UserInvitation,
    token_digest,
)
from followup.accounts.roles import ROLE_PERMISSIONS
from followup.program.models import Actor

DEMO_SECRETARIAT_USERNAME = "secretariat"


def sync_roles() -> dict[str, Group]:
    """Create the role groups and give each exactly its declared permissions (idempotent)."""
    groups: dict[str, Group] = {}
    for role, patterns in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        permissions = Permission.objects.none()
        for pattern in patterns:
            app_label, _dot, codename = pattern.partition(".")
            selected = Permission.objects.filter(content_type__app_label=app_label)
            if codename != "*":
                selected = selected.filter(codename=codename)
            permissions = permissions | selected
        group.permissions.set(permissions)
        groups[role] = group
    return groups


@transaction.atomic
def create_demo_secretariat() -> tuple[User, str | None]:
    """The demo secretariat account, and its new password if it was created just now.

    The password is random and returned once, to be printed once; an existing account keeps
    its password, so running the demo loader again never resets what the user may have set.
    """
    groups = sync_roles()
    user = User.objects.filter(username=DEMO_SECRETARIAT_USERNAME).first()
    if user is not None:
        return user, None
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        DEMO_SECRETARIAT_USERNAME,
        email="secretariat@example.org",
        password=password,
        first_name="CAM",
        last_name="Secretariat",
        is_staff=True,
    )
    user.groups.add(groups["secretariat"])
    return user, password


TOKEN_PREFIX = "fu_"  # noqa: S105  (a label that makes leaked tokens recognisable, not a secret)


def _digest(raw: str) -> str:
    return token_digest(raw)


def issue_api_token(user: User, *, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the raw token is returned once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip() or "API", prefix=raw[:10], digest=_digest(raw)
    )
    return token, raw


def user_for_api_token(raw: str) -> User | None:
    """The active user owning this unrevoked token, or None; records when it was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def revoke_api_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


class AccountsError(Exception):
    """A rule on accounts refused the action; the message is for the user."""


# Sign-in ---------------------------------------------------------------------------------


def _throttle_key(username: str) -> str:
    # Case-folded, so "Alice" and "alice" share one count of failures.
    return username.strip().lower()[:150]


def client_address(request: HttpRequest) -> str:
    """The address sign-in failures are counted against.

    Behind the reverse proxy (FOLLOWUP_BEHIND_PROXY, which sets SECURE_PROXY_SSL_HEADER),
    REMOTE_ADDR is the proxy itself, shared by every visitor; the client is then the last
    X-Forwarded-For entry, the one our proxy appended (earlier entries can be forged).
    """
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last[:45]
    return str(request.META.get("REMOTE_ADDR") or "")[:45]


def sign_in_pause_minutes(username: str, address: str) -> int:
    """Minutes before this username or address may try again; 0 when it may try now.

    Attempts are refused once LOGIN_FAILURE_LIMIT failures for the username, or from the
    address, fall within LOGIN_FAILURE_WINDOW_SECONDS. They are allowed again when the
    limit-th most recent of those failures leaves the window.
    """
    limit: int = settings.LOGIN_FAILURE_LIMIT
    window = timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    now = timezone.now()
    selectors = [Q(username=_throttle_key(username))]
    if address:
        selectors.append(Q(address=address[:45]))
    wait = timedelta(0)
    for selector in selectors:
        recent = list(
            SignInFailure.objects.filter(selector, created_at__gt=now - window)
            .order_by("-created_at")
            .values_list("created_at", flat=True)[:limit]
        )
        if len(recent) >= limit:
            wait = max(wait, recent[limit - 1] + window - now)
    if wait <= timedelta(0):
        return 0
    return max(1, math.ceil(wait.total_seconds() / 60))


def _record_sign_in_failure(username: str, address: str) -> None:
    now = timezone.now()
    window = timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    SignInFailure.objects.filter(created_at__lte=now - window).delete()
    SignInFailure.objects.create(
        username=_throttle_key(username), address=address[:45], created_at=now
    )


def sign_in(request: HttpRequest | None, *, username: str, password: str, address: str) -> User:
    """The active user with these credentials, unless sign-ins are paused for them.

    Raises AccountsError with the same message for an unknown username, a wrong password
    and an inactive account, so the page never tells whether a username exists. A paused
    attempt is refused before the password is checked, even when it is right, and is not
    counted. Success clears the username's failures. The caller starts the session.
    """
    minutes = sign_in_pause_minutes(username, address)
    if minutes:
        raise AccountsError(
            _("Too many failed sign-ins. Try again in %(minutes)s minutes.") % {"minutes": minutes}
        )
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User) or not user.is_active:
        _record_sign_in_failure(username, address)
        raise AccountsError(_("That username and password do not match."))
    SignInFailure.objects.filter(username=_throttle_key(username)).delete()
    return user


# Invitations -----------------------------------------------------------------------------

INVITATION_VALID_FOR = timedelta(days=7)


class InvitationUnavailable(AccountsError):
    """The link's invitation cannot be used; `state` is None when the token is unknown."""

    def __init__(self, state: UserInvitation.State | None) -> None:
        messages = {
            None: _(
                "This invitation link is not valid. Check that you copied the whole link, "
                "or ask the CAM secretariat for a new invitation."
            ),
            UserInvitation.State.EXPIRED: _(
                "This invitation has expired. Ask the CAM secretariat to send it again."
            ),
            UserInvitation.State.ACCEPTED: _(
                "This invitation has already been used. Sign in with the account it created."
            ),
            UserInvitation.State.CANCELLED: _(
                "This invitation was cancelled or replaced by a newer one. Use the latest "
                "invitation you received, or ask the CAM secretariat."
            ),
        }
        super().__init__(messages.get(state, messages[None]))
        self.state = state


def _new_token() -> tuple[str, str]:
    raw = secrets.token_urlsafe(32)
    return raw, token_digest(raw)


def _send_invitation(invitation: UserInvitation, raw: str, site_url: str) -> None:
    """E-mail the link, in the language chosen for the invitee.

    The invitation is saved before this runs: if the mail server fails, the secretariat is
    told and can resend from the list, instead of the invitation vanishing.
    """
    with translation.override(invitation.language):
        link = site_url.rstrip("/") + reverse("accounts:accept_invitation", args=[raw])
        context = {
            "invitation": invitation,
            "link": link,
            "role": invitation.get_role_display(),
            "actors": list(invitation.actors.all()),
            "inviter": invitation.invited_by.get_full_name() if invitation.invited_by else "",
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context)
        body = render_to_string("accounts/email/invitation_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [invitation.email])
    except (smtplib.SMTPException, OSError) as error:
        raise AccountsError(
            _(
                "The invitation to %(email)s was saved, but the e-mail could not be sent. "
                "Use “Resend” in the list of invitations to try again."
            )
            % {"email": invitation.email}
        ) from error


def invite_user(
    *,
    by: User,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    actors: Iterable[Actor],
    language: str,
    site_url: str,
) -> UserInvitation:
    """Invite a person by e-mail to be a focal point of `actors`, or a reviewer.

    Effects: any pending invitation to the same address is cancelled (replaced by this
    one); the new invitation is valid for INVITATION_VALID_FOR; the e-mail with the link is
    sent in `language`. Actors are ignored for reviewers. Site URL is scheme and host.
    """
    if not permissions.can_invite(by):
        raise PermissionDenied
    email = User.objects.normalize_email(email.strip())
    first_name, last_name = first_name.strip(), last_name.strip()
    actors = list(actors)
    errors: dict[str, str] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Enter a valid e-mail address, such as name@example.org.")
    else:
        if User.objects.filter(email__iexact=email, is_active=True).exists():
            errors["email"] = _(
                "An active account already uses this e-mail address; it needs no invitation."
            )
    if not first_name:
        errors["first_name"] = _("Enter the invitee's first name.")
    if not last_name:
        errors["last_name"] = _("Enter the invitee's last name.")
    if role not in UserInvitation.Role.values:
        errors["role"] = _("Choose focal point or reviewer.")
    elif role == UserInvitation.Role.FOCAL_POINT and not actors:
        errors["actors"] = _("Choose at least one actor for a focal point.")
    if language not in UserInvitation.Language.values:
        errors["language"] = _("Choose English or Spanish.")
    if errors:
        raise ValidationError(errors)

    raw, digest = _new_token()
    now = timezone.now()
    with transaction.atomic():
        UserInvitation.objects.filter(
            email__iexact=email, accepted_at__isnull=True, cancelled_at__isnull=True
        ).update(cancelled_at=now)
        invitation = UserInvitation.objects.create(
            email=email,
            first_name=first_name,
            last_name=last_name,
            role=role,
            language=language,
            token_digest=digest,
            invited_by=by,
            created_at=now,
            expires_at=now + INVITATION_VALID_FOR,
        )
        if role == UserInvitation.Role.FOCAL_POINT:
            invitation.actors.set(actors)
    _send_invitation(invitation, raw, site_url)
    return invitation


def resend_invitation(invitation: UserInvitation, *, by: User, site_url: str) -> UserInvitation:
    """Send a pending or expired invitation again with a new link; the old link stops working."""
    if not permissions.can_change_invitations(by):
        raise PermissionDenied
    if invitation.state not in {UserInvitation.State.PENDING, UserInvitation.State.EXPIRED}:
        raise AccountsError(
            _("Only an invitation that is neither accepted nor cancelled can be resent.")
        )
    raw, invitation.token_digest = _new_token()
    invitation.expires_at = timezone.now() + INVITATION_VALID_FOR
    invitation.save(update_fields=["token_digest", "expires_at"])
    _send_invitation(invitation, raw, site_url)
    return invitation


def cancel_invitation(invitation: UserInvitation, *, by: User) -> None:
    """Withdraw an invitation that was not accepted; its link then says it was cancelled."""
    if not permissions.can_change_invitations(by):
        raise PermissionDenied
    if invitation.state == UserInvitation.State.ACCEPTED:
        raise AccountsError(
            _(
                "This invitation was already accepted. To remove the access, deactivate the "
                "account in the back office."
            )
        )
    if invitation.cancelled_at is None:
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])


def usable_invitation(raw: str) -> UserInvitation:
    """The pending invitation behind a link's token; InvitationUnavailable says why not."""
    invitation = UserInvitation.objects.filter(token_digest=token_digest(raw)).first()
    if invitation is None:
        raise InvitationUnavailable(None)
    if invitation.state != UserInvitation.State.PENDING:
        raise InvitationUnavailable(invitation.state)
    return invitation


def suggested_username(invitation: UserInvitation) -> str:
    """The part of the e-mail before the @, or the whole address if that name is taken."""
    local = invitation.email.partition("@")[0]
    if local and not User.objects.filter(username__iexact=local).exists():
        return local
    return invitation.email


def _username_error(username: str) -> str | None:
    if not username:
        return _("Choose a username.")
    if len(username) > 150:
        return _("A username has at most 150 characters.")
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError:
        return _("A username may contain only letters, digits and @ . + - _")
    if User.objects.filter(username__iexact=username).exists():
        return _("That username is already taken. Choose another one.")
    return None


def accept_invitation(raw: str, *, username: str, password: str) -> User:
    """Create the invitee's account from the link's invitation; the caller signs them in.

    Effects: an active user with the invitation's names and e-mail, in the role's group,
    with a focal point membership for each invited actor; the invitation is marked accepted
    with that user, so the link cannot be used again.
    """
    username = username.strip()
    with transaction.atomic():
        # Locked, so that two submissions of the same link cannot create two accounts.
        invitation = usable_invitation(raw)
        invitation = UserInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.state != UserInvitation.State.PENDING:
            raise InvitationUnavailable(invitation.state)
        errors: dict[str, list[str]] = {}
        if message := _username_error(username):
            errors["username"] = [message]
        candidate = User(
            username=username,
            email=invitation.email,
            first_name=invitation.first_name,
            last_name=invitation.last_name,
        )
        try:
            validate_password(password, user=candidate)
        except ValidationError as error:
            errors["password"] = list(error.messages)
        if errors:
            raise ValidationError(errors)
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    username,
                    email=invitation.email,
                    password=password,
                    first_name=invitation.first_name,
                    last_name=invitation.last_name,
                )
        except IntegrityError:
            raise ValidationError(
                {"username": [_("That username is already taken. Choose another one.")]}
            ) from None
        group = Group.objects.filter(name=invitation.role).first() or sync_roles()[invitation.role]
        user.groups.add(group)
        if invitation.role == UserInvitation.Role.FOCAL_POINT:
            Membership.objects.bulk_create(
                Membership(user=user, actor=actor) for actor in invitation.actors.all()
            )
        invitation.accepted_at = timezone.now()
        invitation.user = user
        invitation.save(update_fields=["accepted_at", "user"])
    return user
