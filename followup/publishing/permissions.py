"""Who may compile, publish and read annual reports."""

from django.contrib.auth.models import AnonymousUser

from followup.accounts.models import User
from followup.publishing.models import Compilation

AnyUser = User | AnonymousUser


def can_compile(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("publishing.add_compilation"))


def can_publish(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("publishing.change_compilation"))


def can_read_compilation(user: AnyUser, compilation: Compilation) -> bool:
    """Published versions are public; earlier and unpublished ones stay with the secretariat."""
    return compilation.published_at is not None or can_compile(user)
