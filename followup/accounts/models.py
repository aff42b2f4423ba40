"""Users of Follow-up.

A project-owned user model from the first migration, so that later fields (the actors a
focal point belongs to, API tokens) never need Django's painful swap of the user model.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


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
