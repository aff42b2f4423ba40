"""Who may do what with the registry. Reading the public registry needs no permission."""

from django.contrib.auth.models import AnonymousUser

from followup.accounts.models import User


def can_view_registry_history(user: User | AnonymousUser) -> bool:
    """Staff with any permission on the registry (the secretariat) can read its history."""
    return bool(user.is_active and user.is_staff and user.has_module_perms("program"))
