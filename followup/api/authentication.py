"""API authentication: `Authorization: Bearer fu_…` with a personal token (see accounts)."""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from followup.accounts.models import User
from followup.accounts.services import user_for_api_token


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[User, None] | None:
        header = authentication.get_authorization_header(request).decode(errors="replace")
        if not header:
            return None
        keyword, _space, raw = header.partition(" ")
        if keyword != self.keyword or not raw.strip():
            raise exceptions.AuthenticationFailed(
                _("Send the token as: Authorization: Bearer <your token>.")
            )
        user = user_for_api_token(raw.strip())
        if user is None:
            raise exceptions.AuthenticationFailed(_("This API token is unknown or revoked."))
        return user, None

    def authenticate_header(self, request: Any) -> str:
        return self.keyword
