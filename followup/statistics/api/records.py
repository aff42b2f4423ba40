"""An observation as the API gives it, built from a plain row of values.

The list, the detail and both exports go through `observation_record`, so a row of an export
is an item of the list. Rows are value tuples (`COLUMNS`, one query joining the indicator and
the source document), never model instances: an export of a million figures builds no model
and holds one chunk of rows at a time.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from followup.statistics.areas import area_name
from followup.statistics.breakdowns import breakdown_label
from followup.statistics.models import Observation, ObservationRevision

COLUMNS = (
    "pk",
    "indicator__code",
    "indicator__unit",
    "indicator__source",
    "indicator__illustrative",
    "area",
    "year",
    "breakdown",
    "value",
    "note",
    "source",
    "source_document_id",
    "source_document__title",
    "source_document__filename",
    "revision",
    "updated_at",
)
HISTORY_COLUMNS = (
    "revision",
    "value",
    "note",
    "source",
    "observation__indicator__source",
    "observation__indicator__illustrative",
    "source_document_id",
    "source_document__title",
    "source_document__filename",
    "recorded_at",
)
# The order of the unique key (indicator, breakdown, area, year): the database reads a page,
# or a whole export, along that index instead of sorting the table; the key makes it stable.
ORDER = ("indicator_id", "breakdown", "area", "year")

# DRF's own formatting of a date and time, so that an export writes what the list shows.
_DATETIME = serializers.DateTimeField()


class Labels:
    """Area names and breakdown labels in the active language, each worked out once: an
    export names the same few areas and breakdowns a million times. Times likewise, but only
    the last one is kept: the figures of one import share theirs, and there may be a million
    different ones."""

    def __init__(self) -> None:
        self._areas: dict[str, str] = {}
        self._breakdowns: dict[str, str] = {}
        self._moment: tuple[datetime | None, str] = (None, "")

    def area(self, code: str) -> str:
        if code not in self._areas:
            self._areas[code] = area_name(code)
        return self._areas[code]

    def breakdown(self, breakdown: str) -> str:
        if breakdown not in self._breakdowns:
            self._breakdowns[breakdown] = breakdown_label(breakdown)
        return self._breakdowns[breakdown]

    def moment(self, value: datetime) -> str:
        if value != self._moment[0]:
            self._moment = (value, _DATETIME.to_representation(value))
        return self._moment[1]


def observation_rows(observations: QuerySet[Observation]) -> QuerySet[Any]:
    """`observations` as value tuples in COLUMNS order, in ORDER."""
    return observations.order_by(*ORDER).values_list(*COLUMNS)


def _document(document_id: int | None, title: str, filename: str) -> dict[str, Any] | None:
    if document_id is None:
        return None
    return {"id": document_id, "title": title, "filename": filename}


def observation_record(row: Sequence[Any], labels: Labels) -> dict[str, Any]:
    (
        pk,
        code,
        unit,
        indicator_source,
        illustrative,
        area,
        year,
        breakdown,
        value,
        note,
        source,
        document_id,
        title,
        filename,
        revision,
        updated_at,
    ) = row
    return {
        "id": pk,
        "indicator": code,
        "area": area,
        "area_name": labels.area(area),
        "year": year,
        "breakdown": breakdown,
        "breakdown_label": labels.breakdown(breakdown),
        "value": value,
        "unit": unit,
        "note": note,
        "source": source or indicator_source,
        # Said on every figure: one with a source of its own still belongs to a demonstration.
        "illustrative": illustrative,
        "source_document": _document(document_id, title, filename),
        "revision": revision,
        "updated_at": labels.moment(updated_at),
    }


def observation_history(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures `record` replaced, newest first. Each was replaced when the next one was
    recorded: the later revision's, or for the latest the observation's own time."""
    rows = (
        ObservationRevision.objects.filter(observation_id=record["id"])
        .order_by("-revision")
        .values_list(*HISTORY_COLUMNS)
    )
    history: list[dict[str, Any]] = []
    replaced_at = record["updated_at"]
    for (
        revision,
        value,
        note,
        source,
        indicator_source,
        illustrative,
        *document,
        recorded_at,
    ) in rows:
        recorded = _DATETIME.to_representation(recorded_at)
        history.append(
            {
                "revision": revision,
                "value": value,
                "note": note,
                "source": source or indicator_source,
                "illustrative": illustrative,
                "source_document": _document(*document),
                "recorded_at": recorded,
                "replaced_at": replaced_at,
            }
        )
        replaced_at = recorded
    return history
