"""Users of Follow-up.

A project-owned user model from the first migration, so that later fields (the actors a
focal point belongs to, API tokens) never need Django's painful swap of the user model.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from followup.accounts.roles import FOCAL_POINT, REVIEWER


class User(AbstractUser):
    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Membership(models.Model):
    """A focal point's link to an actor they report for; one person may serve several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    actor = models.ForeignKey("program.Actor", on_delete=models.CASCADE, related_name="members")
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("focal point membership")
        verbose_name_plural = _("focal point memberships")
        constraints = [models.UniqueConstraint(fields=["user", "actor"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.actor}"


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 digest is stored; the token itself is shown
    once, when issued, so a leaked database does not leak working tokens."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What you use it for."))
    prefix = models.CharField(_("starts with"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"


def token_digest(raw: str) -> str:
    """The SHA-256 of a secret token: what is stored, so a leaked database leaks no tokens."""
    return hashlib.sha256(raw.encode()).hexdigest()


class UserInvitation(models.Model):
    """An e-mail invitation to join as a focal point of some actors, or as a reviewer.

    Only the digest of the link's token is stored. An invitation is pending until it is
    accepted (the account is created), cancelled (by the secretariat, or replaced by a newer
    invitation to the same address) or past `expires_at`; a resend issues a new token.
    """

    class Role(models.TextChoices):
        # The values are the role group names of `roles.py`.
        FOCAL_POINT = FOCAL_POINT, _("Focal point")
        REVIEWER = REVIEWER, _("Reviewer")

    class Language(models.TextChoices):
        EN = "en", _("English")
        ES = "es", _("Spanish")

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        EXPIRED = "expired", _("expired")
        ACCEPTED = "accepted", _("accepted")
        CANCELLED = "cancelled", _("cancelled")

    email = models.EmailField(_("e-mail"))
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    actors = models.ManyToManyField(
        "program.Actor", verbose_name=_("actors"), blank=True, related_name="+"
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.EN
    )
    token_digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The account created when the invitation was accepted."),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation to an account")
        verbose_name_plural = _("invitations to an account")
        indexes = [models.Index(fields=["email"], name="userinvitation_email")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} <{self.email}>"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def state(self) -> "UserInvitation.State":
        if self.accepted_at is not None:
            return self.State.ACCEPTED
        if self.cancelled_at is not None:
            return self.State.CANCELLED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING


class SignInFailure(models.Model):
    """One failed sign-in, kept for the throttling window (see services.sign_in).

    Stored in the database rather than a cache so that every server process sees the same
    count; rows older than the window are deleted as new failures arrive.
    """

    username = models.CharField(_("username"), max_length=150)
    address = models.CharField(_("client address"), max_length=45)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        indexes = [
            models.Index(fields=["username", "created_at"], name="signinfailure_username"),
            models.Index(fields=["address", "created_at"], name="signinfailure_address"),
        ]

    def __str__(self) -> str:
        return f"{self.username} from {self.address} at {self.created_at:%Y-%m-%d %H:%M}"
