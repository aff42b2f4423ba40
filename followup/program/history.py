"""The registry's change history across all its models, newest first, with field diffs.

Each registry model keeps its own history table (django-simple-history); the secretariat wants
one timeline, so this merges them. Query count is fixed per page: one page query, one count
and one query for the earlier versions per model, never one per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from followup.program.models import (
    Actor,
    Mandate,
    Objective,
    OperativeParagraph,
    PopulationGroup,
    ProgramActivity,
    ProgramVersion,
    Theme,
)

TRACKED: list[type[models.Model]] = [
    ProgramVersion,
    Objective,
    Actor,
    Mandate,
    OperativeParagraph,
    ProgramActivity,
    Theme,
    PopulationGroup,
]
_HISTORY_FIELDS = {"id", "history_id", "history_date", "history_change_reason", "history_type"}
_HISTORY_FIELDS |= {"history_user", "history_user_id"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    model: str
    object_repr: str
    admin_url: str | None
    kind: str
    when: datetime
    who: str
    reason: str
    fields: list[FieldChange]


def _tracked_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in _HISTORY_FIELDS and field.name != "id"
    ]


def _display(value: object) -> str:
    if value is None or value == "":
        return "—"
    return str(value)


def _diff(model: type[models.Model], record: Any, previous: Any | None) -> list[FieldChange]:
    changes = []
    for field in _tracked_fields(model):
        new = getattr(record, field.attname)
        old = getattr(previous, field.attname) if previous is not None else None
        if previous is None and new in (None, ""):
            continue
        if old != new:
            label = str(field.verbose_name)
            changes.append(FieldChange(label, _display(old), _display(new)))
    return changes


def _admin_url(model: type[models.Model], object_id: int) -> str | None:
    meta = model._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[object_id])
    except NoReverseMatch:
        return None


def _kind_label(history_type: str) -> str:
    return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}.get(history_type, "?")


def count_changes() -> int:
    return sum(model.history.count() for model in TRACKED)  # type: ignore[attr-defined]


def recent_changes(*, offset: int, limit: int) -> list[Change]:
    """Changes `offset` to `offset + limit`, newest first, across every registry model."""
    rows: list[tuple[type[models.Model], Any]] = []
    for model in TRACKED:
        history = model.history.select_related("history_user")  # type: ignore[attr-defined]
        rows += [(model, row) for row in history.order_by("-history_date")[: offset + limit]]
    rows.sort(key=lambda pair: pair[1].history_date, reverse=True)
    page = rows[offset : offset + limit]
    previous = _previous_versions(page)
    changes = []
    for model, record in page:
        user = record.history_user
        changes.append(
            Change(
                model=str(model._meta.verbose_name),
                object_repr=str(record.instance),
                admin_url=_admin_url(model, record.id),
                kind=_kind_label(record.history_type),
                when=record.history_date,
                who=user.get_username() if user else _("system"),
                reason=record.history_change_reason or "",
                fields=_diff(model, record, previous.get((model, record.history_id))),
            )
        )
    return changes


def _previous_versions(page: list[tuple[type[models.Model], Any]]) -> dict[tuple[Any, int], Any]:
    """The version before each record on the page, fetched with one query per model."""
    previous: dict[tuple[Any, int], Any] = {}
    for model in TRACKED:
        records = [record for record_model, record in page if record_model is model]
        if not records:
            continue
        latest = max(record.history_date for record in records)
        history = model.history.filter(  # type: ignore[attr-defined]
            id__in={record.id for record in records}, history_date__lte=latest
        ).order_by("id", "history_date", "history_id")
        last_seen: dict[int, Any] = {}
        wanted = {record.history_id for record in records}
        for row in history:
            if row.history_id in wanted and row.id in last_seen:
                previous[(model, row.history_id)] = last_seen[row.id]
            last_seen[row.id] = row
    return previous
