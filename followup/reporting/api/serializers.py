"""What the reporting resources look like in the API: cycles, reports (with their entries,
follow-ups and review comments) and entries, and the bodies of the review's steps."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from followup.api.fields import (
    CountriesField,
    KeyListField,
    NamedChoiceField,
    PartialDateField,
    natural_key,
)
from followup.dates import PartialDateError, check_range
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting import permissions
from followup.reporting.api.entry_fields import FiguresField, LinksField
from followup.reporting.api.messages import MESSAGES, REVISION_HELP
from followup.reporting.models import (
    LANGUAGES,
    ActorReport,
    Entry,
    PlannedFollowUp,
    ReportingCycle,
    ReviewComment,
)


def revision_field(**options: Any) -> serializers.IntegerField:
    """The report's `revision` as a write sends it back; a missing one is refused with the
    message that says why it is needed."""
    return serializers.IntegerField(
        min_value=1,
        max_value=2**31,
        error_messages={"required": MESSAGES["revision"], "null": MESSAGES["revision"]},
        **options,
    )


def _activities_of_cycle(field: KeyListField) -> QuerySet[ProgramActivity]:
    report: ActorReport = field.context["report"]
    return ProgramActivity.objects.filter(version_id=report.cycle.version_id)


class InvitationSerializer(serializers.Serializer):
    actor = natural_key()
    required = serializers.BooleanField(  # type: ignore[assignment]  # DRF pops fields
        read_only=True, help_text=_("True when the Program expects this actor's report.")
    )


class CycleSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:cycle_detail", lookup_field="slug")
    slug = serializers.SlugField(read_only=True)
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]
    status = NamedChoiceField(
        ReportingCycle.Status.choices, schema_name="CycleStatusEnum", read_only=True
    )
    opens_on = serializers.DateField(read_only=True)
    deadline = serializers.DateField(read_only=True)
    version = natural_key()
    invitations = InvitationSerializer(many=True, read_only=True)


# An entry as read, and as written (POST creates, PATCH changes the fields given).
class EntrySerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:entry_detail")
    id = serializers.IntegerField(read_only=True)
    report = serializers.IntegerField(source="report_id", read_only=True)
    cycle = natural_key(source="report.cycle")
    actor = natural_key(source="report.actor")
    report_revision = serializers.IntegerField(
        source="report.revision",
        read_only=True,
        help_text=_("The report's revision now: send it as “revision” with the next write."),
    )
    revision = revision_field(write_only=True, help_text=REVISION_HELP)
    kind = NamedChoiceField(Entry.Kind.choices, schema_name="EntryKindEnum")
    title = serializers.CharField(max_length=300)
    narrative = serializers.CharField(required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    starts = PartialDateField()
    ends = PartialDateField()
    activities = KeyListField(
        _activities_of_cycle,
        key="code",
        message=MESSAGES["unknown_activity"],
        example="2016-cim-a",
        required=False,
    )
    themes = KeyListField(
        Theme.objects.all(), message=MESSAGES["unknown_theme"], example="health", required=False
    )
    population_groups = KeyListField(
        PopulationGroup.objects.all(),
        message=MESSAGES["unknown_group"],
        example="migrant-workers",
        required=False,
    )
    partners = KeyListField(
        Actor.objects.all(), message=MESSAGES["unknown_actor"], example="iom", required=False
    )
    countries = CountriesField(required=False)
    figures = FiguresField(required=False)
    links = LinksField(required=False)

    def validate_partners(self, partners: list[Actor]) -> list[Actor]:
        if any(actor.pk == self.context["report"].actor_id for actor in partners):
            raise serializers.ValidationError(str(MESSAGES["own_partner"]))
        return partners

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # A PATCH may change one end of the range; the other is the saved one.
        starts = attrs.get("starts", getattr(self.instance, "starts", ""))
        ends = attrs.get("ends", getattr(self.instance, "ends", ""))
        try:
            check_range(starts, ends)
        except PartialDateError as error:
            raise serializers.ValidationError({"ends": error.messages}) from None
        return attrs


class CommentSerializer(serializers.Serializer):
    author = serializers.SerializerMethodField()
    text = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)

    def get_author(self, comment: ReviewComment) -> str:
        return comment.author.get_full_name() or comment.author.get_username()


# What became of an entry planned in the actor's previous report (written with PATCH).
class FollowUpSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    planned = serializers.IntegerField(source="planned_id", read_only=True)
    planned_title = serializers.CharField(source="planned.title", read_only=True)
    outcome = serializers.ChoiceField(choices=PlannedFollowUp.Outcome.choices)
    reason = serializers.CharField(required=False, allow_blank=True)
    revision = revision_field(write_only=True, help_text=REVISION_HELP)
    report_revision = serializers.IntegerField(source="report.revision", read_only=True)


class ReportSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:report_detail")
    id = serializers.IntegerField(read_only=True)
    cycle = natural_key()
    actor = natural_key()
    status = NamedChoiceField(
        ActorReport.Status.choices, schema_name="ReportStatusEnum", read_only=True
    )
    revision = serializers.IntegerField(
        read_only=True, help_text=_("Send it back as “revision” with writes to this report.")
    )
    reopened = serializers.BooleanField(read_only=True)
    original_language = serializers.CharField(read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True)
    published_at = serializers.DateTimeField(read_only=True, allow_null=True)


class ReportDetailSerializer(ReportSerializer):
    entries = EntrySerializer(source="alive_entries", many=True, read_only=True)
    followups = FollowUpSerializer(source="visible_followups", many=True, read_only=True)
    comments = serializers.SerializerMethodField(
        help_text=_("Review comments; null for those who only see published reports.")
    )

    @extend_schema_field(CommentSerializer(many=True, allow_null=True))
    def get_comments(self, report: ActorReport) -> list[Any] | None:
        if not permissions.can_read_review(self.context["request"].user, report):
            return None
        return list(CommentSerializer(report.comments.all(), many=True).data)


class RevisionSerializer(serializers.Serializer):
    revision = revision_field()


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(
        allow_blank=True, help_text=_("What needs to change, for the focal points.")
    )
