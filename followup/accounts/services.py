"""Writes on accounts: role groups and the demo secretariat account."""

import hashlib
import secrets

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from followup.accounts.models import ApiToken, User
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


TOKEN_PREFIX = "fu_"  # noqa: S105  (a label that makes leaked tokens recognisable, not a secret)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


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
