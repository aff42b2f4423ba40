"""Personal API tokens: issued once in the clear, stored only as a digest, revocable."""

import secrets

from django.utils import timezone

from followup.accounts.models import ApiToken, User, token_digest

TOKEN_PREFIX = "fu_"  # noqa: S105  (a label that makes leaked tokens recognisable, not a secret)


def issue_api_token(user: User, *, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the raw token is returned once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip() or "API", prefix=raw[:10], digest=token_digest(raw)
    )
    return token, raw


def user_for_api_token(raw: str) -> User | None:
    """The active user owning this unrevoked token, or None; records when it was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(raw), revoked_at__isnull=True, user__is_active=True)
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
