"""Users of Follow-up.

A project-owned user model from the first migration, so that later fields (the actors a
focal point belongs to, API tokens) never need Django's painful swap of the user model.
"""

from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
