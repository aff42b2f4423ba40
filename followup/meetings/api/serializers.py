"""What work plans (with their calendar rows) and meetings look like in the API, as read and,
for meetings, as written (POST creates, PATCH changes the fields given); the meetings list's
filters. Dates keep their precision: `date_precision` says whether the day, only the month,
only the year, or nothing yet ("tbd") is known."""

import re
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from followup.api.fields import (
    ExistingKeyField,
    IdListField,
    KeyListField,
    NamedChoiceField,
    ObjectIdField,
    PartialDateField,
    natural_key,
)
from followup.meetings.api.messages import MESSAGES
from followup.meetings.models import Meeting, MeetingDocument, WorkPlan
from followup.meetings.timing import Precision, timing_of
from followup.program.models import Actor, Mandate
from followup.program.symbols import SymbolError, parse_symbol
from followup.reporting.models import LANGUAGES, ReportingCycle

PRECISIONS = ["day", "month", "year", "tbd"]
PRECISION_HELP = _(
    "How much of the date is known: the day, only the month, only the year, or nothing yet "
    "(tbd, to be determined)."
)


def _text(**options: Any) -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, **options)


def _absolute(request: Any, route: str, pk: int) -> str:
    return str(request.build_absolute_uri(reverse(route, args=[pk])))


@extend_schema_field({"type": "string", "enum": PRECISIONS})
class PrecisionField(serializers.Field):
    """The precision of the record's `date` (read-only)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="date", read_only=True, help_text=PRECISION_HELP, **kwargs)

    def to_representation(self, value: str) -> str:
        precision = timing_of(value).precision
        return "tbd" if precision == Precision.NONE else str(precision)


class MandatesField(KeyListField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            Mandate.objects.all(),
            key="symbol",
            message=MESSAGES["unknown_mandate"],
            example="AG/RES. 2883 (XLVI-O/16)",
            **kwargs,
        )


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class AgendaField(serializers.ListField):
    """The agenda as a list of items; stored one item per line."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(child=serializers.CharField(allow_blank=True), required=False, **kwargs)

    def to_representation(self, data: Any) -> list[str]:
        return [line.strip() for line in str(data).splitlines() if line.strip()]


class SlugKeyField(ExistingKeyField):
    """A record given and shown by its slug; null for none."""

    def to_representation(self, value: Any) -> str:
        return str(value.slug)


# Work plans ---------------------------------------------------------------------------------


class CalendarRowSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    order = serializers.IntegerField(read_only=True)
    date = serializers.CharField(
        read_only=True, help_text=_("2016-10-20, 2016-10, 2016, or empty when to be determined.")
    )
    date_precision = PrecisionField()
    date_text = serializers.CharField(
        read_only=True, help_text=_("The date as the work plan writes it.")
    )
    activity = serializers.CharField(read_only=True)
    notes = serializers.CharField(read_only=True, help_text=_("Notes and possible guests."))
    mandates = natural_key("symbol", many=True)
    meeting = serializers.IntegerField(
        source="meeting_id",
        read_only=True,
        allow_null=True,
        help_text=_("The id of the meeting this row planned, once it is set."),
    )


class WorkPlanSerializer(serializers.Serializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:work_plan_detail")
    page_url = serializers.SerializerMethodField(help_text=_("The work plan's page on the site."))
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    period_start = serializers.CharField(read_only=True, help_text=_("A year, such as 2016."))
    period_end = serializers.CharField(read_only=True, help_text=_("A year, such as 2017."))

    def get_page_url(self, plan: WorkPlan) -> str:
        return _absolute(self.context["request"], "meetings:work_plan_detail", plan.pk)


class WorkPlanListSerializer(WorkPlanSerializer):
    row_count = serializers.IntegerField(read_only=True)


class WorkPlanDetailSerializer(WorkPlanSerializer):
    rows = CalendarRowSerializer(many=True, read_only=True)


# Meetings -----------------------------------------------------------------------------------


class DocumentSerializer(serializers.Serializer):
    title = serializers.CharField(read_only=True)
    kind = NamedChoiceField(
        MeetingDocument.Kind.choices, schema_name="MeetingDocumentKindEnum", read_only=True
    )
    url = serializers.SerializerMethodField(
        help_text=_("The document's web address, or the address of its stored file.")
    )

    def get_url(self, document: MeetingDocument) -> str:
        if document.url:
            return document.url
        return _absolute(self.context["request"], "meetings:document_download", document.pk)


class FindingsSerializer(serializers.Serializer):
    entries = IdListField(
        source="visible_entries",
        read_only=True,
        help_text=_("Ids of the report entries recorded from the meeting that you may see."),
    )
    recommendations = IdListField(
        read_only=True,
        help_text=_("Ids of the recommendations made at the meeting."),
    )


class MeetingSerializer(serializers.Serializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:meeting_detail")
    page_url = serializers.SerializerMethodField(help_text=_("The meeting's page on the site."))
    ics_url = serializers.SerializerMethodField(
        help_text=_("The meeting as an iCalendar (.ics) file.")
    )
    id = serializers.IntegerField(read_only=True)
    kind = NamedChoiceField(Meeting.Kind.choices, schema_name="MeetingKindEnum")
    title = serializers.CharField(max_length=500)
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    status = NamedChoiceField(
        Meeting.Status.choices, schema_name="MeetingStatusEnum", required=False
    )
    date = PartialDateField(help_text=_("Empty when it is to be determined."))
    date_precision = PrecisionField()
    ends = PartialDateField(help_text=_("The last day; empty for a one-day meeting."))
    location = _text(max_length=300)
    mandates = MandatesField(required=False)
    agenda = AgendaField(help_text=_("The items of the agenda, in order."))
    participants = KeyListField(
        Actor.objects.all(),
        message=MESSAGES["unknown_actor"],
        example="iachr",
        required=False,
        help_text=_("Slugs of the participating actors."),
    )
    documents = DocumentSerializer(many=True, read_only=True)
    outcomes = _text()
    work_plan = ObjectIdField(
        WorkPlan.objects.all(),
        message=MESSAGES["unknown_work_plan"],
        required=False,
        allow_null=True,
        help_text=_("The id of the work plan it belongs to."),
    )
    cycle = SlugKeyField(
        ReportingCycle.objects.all(),
        message=MESSAGES["unknown_cycle"],
        required=False,
        allow_null=True,
        help_text=_("Slug of the reporting cycle whose annual report its findings feed."),
    )
    findings = FindingsSerializer(source="*", read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def get_page_url(self, meeting: Meeting) -> str:
        return _absolute(self.context["request"], "meetings:meeting_detail", meeting.pk)

    def get_ics_url(self, meeting: Meeting) -> str:
        return _absolute(self.context["request"], "meetings:meeting_ics", meeting.pk)


# Filters ------------------------------------------------------------------------------------


class MandateSymbolField(serializers.CharField):
    """A mandate given by its symbol in any usual spelling, resolved to the mandate."""

    def run_validation(self, data: Any = serializers.empty) -> Any:
        text = super().run_validation(data)
        if text in ("", None):
            return text
        try:
            symbol = parse_symbol(text).canonical
        except SymbolError as error:
            raise serializers.ValidationError(str(error)) from None
        mandate = Mandate.objects.filter(symbol=symbol).first()
        if mandate is None:
            raise serializers.ValidationError(MESSAGES["unknown_mandate"] % {"value": symbol})
        return mandate


class MeetingFilters(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Meeting.Kind.choices, required=False)
    year = serializers.CharField(
        required=False, help_text=_("Meetings dated in that year, such as 2016.")
    )
    mandate = MandateSymbolField(
        required=False,
        help_text=_("A mandate's symbol in any usual spelling, such as AG/RES. 2883 (XLVI-O/16)."),
    )
    status = serializers.ChoiceField(choices=Meeting.Status.choices, required=False)

    def validate_year(self, year: str) -> str:
        # [0-9], not \d: \d also matches other scripts' digits ("٢٠١٦"), which no date holds.
        if not re.fullmatch(r"[0-9]{4}", year):
            raise serializers.ValidationError(MESSAGES["not_a_year"] % {"value": year})
        return year
