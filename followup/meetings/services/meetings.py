"""Meetings, their documents, and the meeting a calendar row plans."""

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.meetings import permissions
from followup.meetings.models import CalendarRow, Meeting, MeetingDocument
from followup.meetings.services.common import (
    MeetingError,
    normalize_dates,
    require,
    require_text,
    save_with_history,
    set_fields,
)
from followup.meetings.timing import timing_of
from followup.uploads import validate_upload

MEETING_FIELDS = (
    "kind",
    "title",
    "language",
    "status",
    "date",
    "ends",
    "location",
    "agenda",
    "outcomes",
    "work_plan",
    "cycle",
)
MEETING_RELATIONS = ("mandates", "participants")
DOCUMENT_FIELDS = ("kind", "title", "url")

# A work plan's activity names the kind of meeting in its first words.
_KIND_PATTERNS = [
    (re.compile(r"\bworking group\b", re.IGNORECASE), Meeting.Kind.WORKING_GROUP),
    (re.compile(r"\bthematic meeting\b", re.IGNORECASE), Meeting.Kind.THEMATIC),
    (re.compile(r"\bevents?\b", re.IGNORECASE), Meeting.Kind.EVENT),
]
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")


def _agenda_text(agenda: str | Iterable[str]) -> str:
    """One item per line, blank lines and surrounding spaces dropped."""
    lines = agenda.splitlines() if isinstance(agenda, str) else agenda
    return "\n".join(line.strip() for line in lines if line.strip())


@transaction.atomic
def save_meeting(meeting: Meeting, values: Mapping[str, Any], *, by: User) -> Meeting:
    """Create (`meeting.pk` is None) or change a meeting. `values`: the plain fields by name
    (see MEETING_FIELDS; `date` and `ends` as partial dates, `ends` empty for one day,
    `agenda` a text with one item per line or a list of items, `work_plan` and `cycle` records
    or None) and `mandates`, `participants` as lists of records, which replace the previous
    ones. A key left out is left as it was."""
    require(permissions.can_manage_meetings(by))
    creating = meeting.pk is None
    set_fields(meeting, values, MEETING_FIELDS)
    if "agenda" in values:
        meeting.agenda = _agenda_text(values["agenda"])
    require_text(meeting.title, "title", _("Give the meeting's title."))
    normalize_dates(meeting, "date", "ends")
    # The model's clean() refuses an end without a start and an end before the start.
    meeting.full_clean()
    save_with_history(meeting, by, "created" if creating else "changed")
    for relation in MEETING_RELATIONS:
        if relation in values:
            getattr(meeting, relation).set(values[relation])
    return meeting


def create_meeting(values: Mapping[str, Any], *, by: User) -> Meeting:
    """A new meeting; `values` as for `save_meeting`, with `kind` and `title` at least."""
    return save_meeting(Meeting(), values, by=by)


@transaction.atomic
def add_document(
    meeting: Meeting,
    values: Mapping[str, Any],
    *,
    by: User,
    upload: UploadedFile | None = None,
) -> MeetingDocument:
    """A document of the meeting, by its web address (`values["url"]`) or as an uploaded file
    checked by content and size before it is stored; one or the other, not both. Without a
    title, a file is called by its name."""
    require(permissions.can_manage_meetings(by))
    document = MeetingDocument(meeting=meeting, uploaded_by=by)
    set_fields(document, values, DOCUMENT_FIELDS)
    if not document.url and upload is None:
        raise ValidationError(
            {"url": _("Give the document's web address or choose its file.")}, code="required"
        )
    if document.url and upload is not None:
        raise ValidationError(
            {"url": _("Give the web address or the file, not both.")}, code="both"
        )
    if upload is not None:
        try:
            info = validate_upload(upload)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
        document.title = document.title or info.name[:300]
        document.content_type, document.size, document.sha256 = (
            info.content_type,
            info.size,
            info.sha256,
        )
        document.file.save(info.name, upload, save=False)
    require_text(document.title, "title", _("Give the document's title."))
    document.full_clean(exclude=["file"])
    document.save()
    _touch(meeting, by, "document added")
    return document


def _touch(meeting: Meeting, by: User, reason: str) -> None:
    """Record in the meeting's history (and its `updated_at`, which feeds read) that it
    changed through one of its parts."""
    save_with_history(meeting, by, reason)


def kind_for_activity(text: str) -> Meeting.Kind:
    """The kind of meeting a work plan's activity names ("Meeting of Working Group…",
    "Thematic meeting: …", "Event: …"); a regular session when it names none."""
    for pattern, kind in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return Meeting.Kind.REGULAR


def _title_and_agenda(row: CalendarRow, language: str) -> tuple[str, list[str]]:
    """A row's activity is the meeting's name, or (as the CAM's first session in 004) the
    numbered items of its agenda; then the meeting is named after its date."""
    lines = [line.strip() for line in row.activity.splitlines() if line.strip()]
    if len(lines) > 1 and all(_NUMBERED.match(line) for line in lines):
        with translation.override(language):
            title = _("Meeting of %(date)s") % {"date": timing_of(row.date).label}
        return title, [_NUMBERED.sub("", line) for line in lines]
    return (lines[0] if lines else row.activity)[:500], []


@transaction.atomic
def plan_meeting_from_row(row: CalendarRow, *, by: User) -> Meeting:
    """Create the meeting a calendar row plans and link the row to it: its kind guessed from
    the activity's first line, its date and mandates copied, in the work plan's language
    (English, as the CAM writes them). The rest of the row (notes, possible guests) stays on
    the row, which the meeting's page shows."""
    require(permissions.can_manage_meetings(by))
    # Locked, so two clicks on "plan the meeting" make one meeting.
    row = CalendarRow.objects.select_for_update().select_related("work_plan").get(pk=row.pk)
    if row.meeting_id is not None:
        raise MeetingError(_("This calendar row already has its meeting."))
    language = "en"
    title, agenda = _title_and_agenda(row, language)
    meeting = create_meeting(
        {
            "kind": kind_for_activity(row.activity.splitlines()[0] if row.activity else ""),
            "title": title,
            "language": language,
            "date": row.date,
            "agenda": agenda,
            "work_plan": row.work_plan,
            "mandates": list(row.mandates.all()),
        },
        by=by,
    )
    row.meeting = meeting
    save_with_history(row, by, "meeting planned")
    return meeting
