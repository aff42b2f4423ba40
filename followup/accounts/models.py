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
