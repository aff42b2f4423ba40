"""The role groups and the demo secretariat account."""

import secrets

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from followup.accounts.models import User
from followup.accounts.roles import ROLE_PERMISSIONS

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
