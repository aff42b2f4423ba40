"""One JSON shape for every API error.

- invalid input: 400 {"detail": "Invalid input.", "errors": {"field": ["message", ...]}}
- a rule of reporting refused the action: 400 {"detail": "message"}
- the report changed since the client read it: 409 {"detail": "message", "current_revision": n}
- anything else DRF knows (401, 403, 404, 405, 415, 429): {"detail": "message"}
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from followup.reporting.services import ReportingError, StaleRevision


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, StaleRevision):
        return Response(
            {"detail": str(exc), "current_revision": exc.current}, status=status.HTTP_409_CONFLICT
        )
    if isinstance(exc, ReportingError):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ValidationError):
        # A model's full_clean or a service's field check: same shape as a serializer's.
        errors = (
            exc.message_dict
            if hasattr(exc, "error_dict")
            else {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
        )
        exc = exceptions.ValidationError(errors)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = response.data
        if not isinstance(errors, dict):
            errors = {api_settings.NON_FIELD_ERRORS_KEY: errors}
        response.data = {"detail": _("Invalid input."), "errors": errors}
    return response


# The error answers as the OpenAPI document describes them (`exception_handler` gives them this
# one shape), so that clients know each operation's failures without trying them.


class ApiErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=gettext_lazy("What went wrong, for the user."))
    errors = serializers.DictField(  # type: ignore[assignment]  # DRF pops declared fields
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=gettext_lazy("Invalid input only: the messages of each field, by field name."),
    )
    current_revision = serializers.IntegerField(
        required=False, help_text=gettext_lazy("409 only: the record's revision now.")
    )


_DESCRIPTIONS = {
    400: gettext_lazy(
        "Invalid input (“errors” names each field) or a rule refused the action (“detail” "
        "says which)."
    ),
    401: gettext_lazy("No valid personal token or session was given."),
    403: gettext_lazy("You may not do this; “detail” says who may."),
    404: gettext_lazy("There is no such record, or none you may see."),
    409: gettext_lazy(
        "The record changed since you read it; “current_revision” is its revision now."
    ),
    415: gettext_lazy("The body is not JSON."),
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """The error answers `codes` of an operation, for its `responses`."""
    return {
        code: OpenApiResponse(ApiErrorSerializer, description=_DESCRIPTIONS[code]) for code in codes
    }


# The failures of each sort of operation.
LIST = error_responses(400)  # a filter it cannot apply
READ = error_responses(404)
CREATE = error_responses(400, 401, 403, 415)
WRITE = error_responses(400, 401, 403, 404, 415)
LOCKED_WRITE = error_responses(400, 401, 403, 404, 409, 415)  # checks the revision read
