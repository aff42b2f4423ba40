"""What every meetings service shares: the error for a refused action, the permission check,
the save with its history, and the reading of fields and dates."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from followup.accounts.models import User
from followup.dates import PartialDateError, parse_partial_date


class MeetingError(Exception):
    """A rule refused the action; the message is for the user."""


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def save_with_history(record: models.Model, by: User, reason: str) -> None:
    record._history_user = by  # type: ignore[attr-defined]  # read by simple-history
    record._change_reason = reason  # type: ignore[attr-defined]
    record.save()


def set_fields(record: models.Model, values: Mapping[str, Any], fields: Iterable[str]) -> None:
    for field in fields:
        if field in values:
            value = values[field]
            setattr(record, field, value.strip() if isinstance(value, str) else value)


def normalize_dates(record: models.Model, *fields: str) -> None:
    """Store each date field in canonical form (`2016-10-20`, `2016-10`, `2016`, or empty);
    ValidationError naming every field that holds no date."""
    errors: dict[str, list[str]] = {}
    for field in fields:
        text = getattr(record, field) or ""
        try:
            setattr(record, field, str(parse_partial_date(text)) if text else "")
        except PartialDateError as error:
            errors[field] = error.messages
    if errors:
        raise ValidationError(errors)


def require_text(value: str, field: str, message: str) -> None:
    if not value.strip():
        raise ValidationError({field: message}, code="required")
