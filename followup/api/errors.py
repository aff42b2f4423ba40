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
from rest_framework import exceptions, status
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
