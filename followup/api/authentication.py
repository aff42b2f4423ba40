"""API authentication: `Authorization: Bearer fu_…` with a personal token (see accounts)."""

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
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


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """Describes the token in the OpenAPI document (drf-spectacular finds it by subclassing)."""

    target_class = TokenAuthentication
    name = "personalToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        scheme: dict[str, Any] = build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=TokenAuthentication.keyword
        )
        scheme["description"] = _(
            "A personal API token (fu_…), issued to a focal point; send it as "
            "Authorization: Bearer <token>."
        )
        return scheme
