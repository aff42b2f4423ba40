"""What sources, recommendations, status scales and follow-ups look like in the API, as read and
as written (POST creates, PATCH changes the fields given), and the lists' query-string filters.
Related records are given by natural key (slug, ISO code, symbol) where they have one, by id
otherwise."""

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
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
from followup.knowledge.models import Resource
from followup.knowledge.permissions import resources_visible_to
from followup.meetings.models import Meeting
from followup.program.api import OptionalTextField, TextsField
from followup.program.models import Actor, Mandate, PopulationGroup, Theme
from followup.recommendations.api.fields import AddresseeField, AddresseeListField
from followup.recommendations.api.messages import MESSAGES, REVISION_HELP
from followup.recommendations.models import (
    FollowUp,
    Recommendation,
    Source,
    StatusLevel,
)
from followup.reporting.api.entry_fields import LinksField
from followup.reporting.models import LANGUAGES, Entry, ReportingCycle
from followup.reporting.permissions import entries_visible_to


def _text(**options: Any) -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, **options)


def _link(request: Any, route: str, *args: Any) -> str:
    return str(request.build_absolute_uri(reverse(route, args=args)))


def revision_field(**options: Any) -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1,
        max_value=2**31,
        error_messages={"required": MESSAGES["revision"], "null": MESSAGES["revision"]},
        **options,
    )


class ActorSlugField(ExistingKeyField):
    """An actor given and shown by its slug; null for none."""

    def to_representation(self, value: Actor) -> str:  # type: ignore[override]
        return value.slug


# Sources and recommendations ----------------------------------------------------------------


class SourceSerializer(serializers.Serializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:recommendation_source_detail")
    page_url = serializers.SerializerMethodField(help_text=_("The source's page on the site."))
    id = serializers.IntegerField(read_only=True)
    kind = NamedChoiceField(Source.Kind.choices, schema_name="SourceKindEnum", required=False)
    title = serializers.CharField(max_length=500)
    reference = _text(max_length=100, help_text=_("Such as Resolution 2/18."))
    issued_by = ActorSlugField(
        Actor.objects.all(),
        message=MESSAGES["unknown_actor"],
        required=False,
        allow_null=True,
        help_text=_("Slug of the issuing actor, such as iachr."),
    )
    issuer = _text(
        max_length=300, help_text=_("When the body is not a Program actor, such as a government.")
    )
    date = PartialDateField()
    url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)

    def get_page_url(self, source: Source) -> str:
        return str(self.context["request"].build_absolute_uri(source.get_absolute_url()))


class RecommendationSerializer(serializers.Serializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:recommendation_detail")
    page_url = serializers.SerializerMethodField(
        help_text=_("The recommendation's page on the site, with its follow-up.")
    )
    id = serializers.IntegerField(read_only=True)
    source = ObjectIdField(  # type: ignore[assignment]  # DRF pops declared fields
        Source.objects.all(), message=MESSAGES["unknown_source"]
    )
    source_url = serializers.SerializerMethodField()
    group = _text(max_length=300, help_text=_("The group or panel within the source."))
    number = serializers.IntegerField(
        min_value=0, max_value=2**31 - 1, required=False, allow_null=True
    )
    text = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    date = PartialDateField(help_text=_("Empty when it is the source's date."))
    effective_date = serializers.CharField(
        read_only=True, help_text=_("Its own date, or else its source's.")
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
    all_member_states = serializers.BooleanField(required=False)
    addressees = AddresseeListField(
        required=False,
        help_text=_(
            "Named addressees: actor slugs, or for states their ISO 3166-1 alpha-3 codes "
            "(given back as slugs)."
        ),
    )
    mandates = KeyListField(
        Mandate.objects.all(),
        key="symbol",
        message=MESSAGES["unknown_mandate"],
        example="AG/RES. 2883 (XLVI-O/16)",
        required=False,
    )
    meeting = ObjectIdField(
        Meeting.objects.all(),
        message=MESSAGES["unknown_meeting"],
        required=False,
        allow_null=True,
        help_text=_("The id of the meeting it came from."),
    )
    follow_ups_url = serializers.SerializerMethodField(
        help_text=_("Its follow-ups that you may see.")
    )
    created_at = serializers.DateTimeField(read_only=True)

    def get_page_url(self, recommendation: Recommendation) -> str:
        return str(self.context["request"].build_absolute_uri(recommendation.get_absolute_url()))

    def get_source_url(self, recommendation: Recommendation) -> str:
        return _link(
            self.context["request"], "api:recommendation_source_detail", recommendation.source_id
        )

    def get_follow_ups_url(self, recommendation: Recommendation) -> str:
        return _link(self.context["request"], "api:follow_up_list") + (
            f"?recommendation={recommendation.pk}"
        )


# Status scales ------------------------------------------------------------------------------


class LevelSerializer(serializers.Serializer):
    code = serializers.SlugField(read_only=True)
    label = TextsField()  # type: ignore[assignment]
    implemented = serializers.BooleanField(
        read_only=True, help_text=_("Counts as implemented in the progress figures.")
    )
    applicable = serializers.BooleanField(
        read_only=True, help_text=_("False when it leaves the recommendation out of the figures.")
    )


class ScaleLevelSerializer(LevelSerializer):
    order = serializers.IntegerField(read_only=True)


class StatusScaleSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = TextsField()
    adopted_on = serializers.DateField(read_only=True)
    is_current = serializers.BooleanField(
        read_only=True, help_text=_("New follow-ups are recorded on the current scale.")
    )
    levels = ScaleLevelSerializer(many=True, read_only=True)


# Follow-ups ---------------------------------------------------------------------------------


class AddresseeSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = TextsField()
    country = OptionalTextField(help_text=_("Member states only: ISO 3166-1 alpha-3 code."))


class CycleRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]


def _visible_entries(field: IdListField) -> QuerySet[Entry]:
    return entries_visible_to(field.context["request"].user)


def _visible_resources(field: IdListField) -> QuerySet[Resource]:
    return resources_visible_to(field.context["request"].user)


class FollowUpFieldsSerializer(serializers.Serializer):
    """What a focal point or the secretariat writes on a follow-up."""

    level = serializers.SlugField(
        required=False,
        allow_null=True,
        help_text=_(
            "The code of a level of the follow-up's scale, such as partial; null for none."
        ),
    )
    responsible_institution = _text(max_length=300)
    narrative = _text(help_text=_("What was done."))
    entries = IdListField(
        _visible_entries,
        message=MESSAGES["unknown_entry"],
        required=False,
        help_text=_("Ids of the report entries given as evidence."),
    )
    resources = IdListField(
        _visible_resources,
        message=MESSAGES["unknown_resource"],
        required=False,
        help_text=_("Ids of the knowledge-base resources given as evidence."),
    )
    links = LinksField(required=False)
    revision = revision_field(required=False, help_text=REVISION_HELP)


class FollowUpPatchSerializer(FollowUpFieldsSerializer):
    revision = revision_field(help_text=REVISION_HELP)


class FollowUpOpenSerializer(FollowUpFieldsSerializer):
    """Opens the follow-up of a recommendation by one addressee in one cycle, with its fields."""

    recommendation = ObjectIdField(
        Recommendation.objects.all(), message=MESSAGES["unknown_recommendation"]
    )
    addressee = AddresseeField(
        help_text=_("Slug of the actor, or ISO 3166-1 alpha-3 code of the state.")
    )
    cycle = ExistingKeyField(
        ReportingCycle.objects.all(),
        message=MESSAGES["unknown_cycle"],
        help_text=_("Slug of the reporting cycle, such as 2019-2020."),
    )
    revision = None  # type: ignore[assignment]  # a new record has none to check


class RecommendationFollowUpSerializer(serializers.Serializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:follow_up_detail")
    id = serializers.IntegerField(read_only=True)
    recommendation = serializers.IntegerField(source="recommendation_id", read_only=True)
    recommendation_url = serializers.SerializerMethodField()
    addressee = AddresseeSerializer(read_only=True)
    cycle = CycleRefSerializer(read_only=True)
    scale = natural_key(help_text=_("Slug of the status scale it is recorded on."))
    level = LevelSerializer(read_only=True, allow_null=True)
    status = NamedChoiceField(
        FollowUp.Status.choices, schema_name="FollowUpStatusEnum", read_only=True
    )
    responsible_institution = serializers.CharField(read_only=True)
    narrative = serializers.CharField(read_only=True)
    links = LinksField(read_only=True)
    entries = IdListField(
        source="visible_entries",
        read_only=True,
        help_text=_("Ids of the report entries given as evidence that you may see."),
    )
    resources = IdListField(
        source="visible_resources",
        read_only=True,
        help_text=_("Ids of the knowledge-base resources given as evidence that you may see."),
    )
    revision = serializers.IntegerField(
        read_only=True,
        help_text=_("The follow-up's revision now; send it back with a write (409 when stale)."),
    )
    created_at = serializers.DateTimeField(read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True)
    published_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_recommendation_url(self, follow_up: FollowUp) -> str:
        return _link(
            self.context["request"], "api:recommendation_detail", follow_up.recommendation_id
        )


class FollowUpRevisionSerializer(serializers.Serializer):
    revision = revision_field(help_text=REVISION_HELP)


class OptionalFollowUpRevisionSerializer(serializers.Serializer):
    revision = revision_field(required=False, help_text=REVISION_HELP)


class FollowUpReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(
        error_messages={
            "required": MESSAGES["comment"],
            "blank": MESSAGES["comment"],
            "null": MESSAGES["comment"],
        },
        help_text=_("What needs to change, for the addressee's focal points."),
    )


def level_in_scale(code: str | None, follow_up: FollowUp) -> StatusLevel | None:
    """The level `code` of the follow-up's scale (None for none); ValidationError naming the
    field otherwise, so a level of another scale is never recorded."""
    if code is None:
        return None
    level = StatusLevel.objects.filter(scale_id=follow_up.scale_id, code=code).first()
    if level is None:
        message = MESSAGES["level_of_another_scale"] % {
            "value": code,
            "scale": follow_up.scale.name,
        }
        raise serializers.ValidationError({"level": [message]})
    return level


# Filters ------------------------------------------------------------------------------------


class AddresseeFilterField(AddresseeField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            required=False,
            help_text=_("Slug of an actor, or ISO 3166-1 alpha-3 code of a state, such as MEX."),
            **kwargs,
        )


class RecommendationFilters(serializers.Serializer):
    source = ObjectIdField(  # type: ignore[assignment]  # DRF pops declared fields
        Source.objects.all(),
        message=MESSAGES["unknown_source"],
        required=False,
        help_text=_("Id of a source."),
    )
    group = serializers.CharField(
        required=False, help_text=_("The group or panel, as written in the source.")
    )
    theme = ExistingKeyField(
        Theme.objects.all(),
        message=MESSAGES["unknown_theme"],
        required=False,
        help_text=_("Slug of a theme."),
    )
    population_group = ExistingKeyField(
        PopulationGroup.objects.all(),
        message=MESSAGES["unknown_group"],
        required=False,
        help_text=_("Slug of a population group."),
    )
    addressee = AddresseeFilterField()
    q = serializers.CharField(
        required=False, max_length=200, help_text=_("Words in the text, group or source.")
    )


class FollowUpFilters(serializers.Serializer):
    recommendation = ObjectIdField(
        Recommendation.objects.all(),
        message=MESSAGES["unknown_recommendation"],
        required=False,
        help_text=_("Id of a recommendation."),
    )
    addressee = AddresseeFilterField()
    cycle = ExistingKeyField(
        ReportingCycle.objects.all(),
        message=MESSAGES["unknown_cycle"],
        required=False,
        help_text=_("Slug of a reporting cycle."),
    )
    status = serializers.ChoiceField(choices=FollowUp.Status.choices, required=False)
    level = ExistingKeyField(
        StatusLevel.objects.all(),
        key="code",
        message=MESSAGES["unknown_level"],
        required=False,
        help_text=_("Code of a status level, such as partial."),
    )

    def validate_level(self, level: StatusLevel | str) -> str:
        # The code, which may name a level on several scales.
        return level.code if isinstance(level, StatusLevel) else level
