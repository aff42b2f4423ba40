"""Sign-in with throttling: failures are counted per username and per client address, and
sign-ins are paused for both once too many fall within a window."""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.accounts.models import SignInFailure, User
from followup.accounts.services.errors import AccountsError


def _throttle_key(username: str) -> str:
    # Case-folded, so "Alice" and "alice" share one count of failures.
    return username.strip().lower()[:150]


def client_address(request: HttpRequest) -> str:
    """The address sign-in failures are counted against.

    Behind the reverse proxy (FOLLOWUP_BEHIND_PROXY, which sets SECURE_PROXY_SSL_HEADER),
    REMOTE_ADDR is the proxy itself, shared by every visitor; the client is then the last
    X-Forwarded-For entry, the one our proxy appended (earlier entries can be forged).
    """
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last[:45]
    return str(request.META.get("REMOTE_ADDR") or "")[:45]


def sign_in_pause_minutes(username: str, address: str) -> int:
    """Minutes before this username or address may try again; 0 when it may try now.

    Attempts are refused once LOGIN_FAILURE_LIMIT failures for the username, or from the
    address, fall within LOGIN_FAILURE_WINDOW_SECONDS. They are allowed again when the
    limit-th most recent of those failures leaves the window.
    """
    limit: int = settings.LOGIN_FAILURE_LIMIT
    window = timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    now = timezone.now()
    selectors = [Q(username=_throttle_key(username))]
    if address:
        selectors.append(Q(address=address[:45]))
    wait = timedelta(0)
    for selector in selectors:
        recent = list(
            SignInFailure.objects.filter(selector, created_at__gt=now - window)
            .order_by("-created_at")
            .values_list("created_at", flat=True)[:limit]
        )
        if len(recent) >= limit:
            wait = max(wait, recent[limit - 1] + window - now)
    if wait <= timedelta(0):
        return 0
    return max(1, math.ceil(wait.total_seconds() / 60))


def _record_sign_in_failure(username: str, address: str) -> None:
    now = timezone.now()
    window = timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    SignInFailure.objects.filter(created_at__lte=now - window).delete()
    SignInFailure.objects.create(
        username=_throttle_key(username), address=address[:45], created_at=now
    )


def sign_in(request: HttpRequest | None, *, username: str, password: str, address: str) -> User:
    """The active user with these credentials, unless sign-ins are paused for them.

    Raises AccountsError with the same message for an unknown username, a wrong password
    and an inactive account, so the page never tells whether a username exists. A paused
    attempt is refused before the password is checked, even when it is right, and is not
    counted. Success clears the username's failures. The caller starts the session.
    """
    minutes = sign_in_pause_minutes(username, address)
    if minutes:
        raise AccountsError(
            _("Too many failed sign-ins. Try again in %(minutes)s minutes.") % {"minutes": minutes}
        )
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User) or not user.is_active:
        _record_sign_in_failure(username, address)
        raise AccountsError(_("That username and password do not match."))
    SignInFailure.objects.filter(username=_throttle_key(username)).delete()
    return user
