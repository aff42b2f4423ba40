"""Invitations: the secretariat invites a person by e-mail (or resends, or cancels), and the
invitee accepts through the link, which creates their account in the invited role."""

import secrets
import smtplib
from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from followup.accounts import permissions
from followup.accounts.models import Membership, User, UserInvitation, token_digest
from followup.accounts.services.errors import AccountsError
from followup.accounts.services.roles import sync_roles
from followup.program.models import Actor

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
