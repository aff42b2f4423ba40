"""What a knowledge resource looks like in the API, as read and as written (POST creates,
PATCH changes the fields given). Related records are given by natural key (slug, ISO code)."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from followup.api.fields import (
    CountriesField,
    CountryCodeField,
    ExistingKeyField,
    KeyListField,
    NamedChoiceField,
    PartialDateField,
)
from followup.dates import PartialDateError, check_range
from followup.knowledge.api.messages import MESSAGES, REVISION_HELP
from followup.knowledge.models import Resource, ResourceAttachment
from followup.program.models import Actor, PopulationGroup, Theme
from followup.reporting.models import LANGUAGES


class ActorKeyField(ExistingKeyField):
    """An actor given and shown by its slug; null for none."""

    def to_representation(self, value: Actor) -> str:  # type: ignore[override]
        return value.slug


def revision_field(**options: Any) -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1,
        max_value=2**31,
        error_messages={"required": MESSAGES["revision"], "null": MESSAGES["revision"]},
        **options,
    )


def _text(**options: Any) -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, **options)


class AttachmentSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    content_type = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True)
    download = serializers.SerializerMethodField()

    def get_download(self, attachment: ResourceAttachment) -> str:
        path = reverse("knowledge:attachment_download", args=[attachment.pk])
        return self.context["request"].build_absolute_uri(path)


class ResourceSerializer(serializers.Serializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:resource_detail")
    page_url = serializers.SerializerMethodField(help_text=_("The resource's page on the site."))
    id = serializers.IntegerField(read_only=True)
    kind = NamedChoiceField(Resource.Kind.choices, schema_name="ResourceKindEnum")
    title = serializers.CharField(max_length=500)
    summary = _text()
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    date = PartialDateField(help_text=_("Of adoption, publication or start."))
    ends = PartialDateField(help_text=_("Courses and projects only."))
    url = serializers.URLField(
        max_length=500, required=False, allow_blank=True, help_text=_("The official link.")
    )
    publisher = _text(max_length=300)
    instrument_type = NamedChoiceField(
        Resource.InstrumentType.choices,
        schema_name="InstrumentTypeEnum",
        required=False,
        allow_blank=True,
        help_text=_("Legislation and international instruments only."),
    )
    legal_status = NamedChoiceField(
        Resource.LegalStatus.choices,
        schema_name="LegalStatusEnum",
        required=False,
        allow_blank=True,
        help_text=_("Legislation and international instruments only."),
    )
    official_reference = _text(
        max_length=300, help_text=_("Legislation and international instruments only.")
    )
    services = _text(help_text=_("Institutions only."))
    service_languages = _text(max_length=200, help_text=_("Institutions only."))
    contact = _text(help_text=_("Institutions only: institutional contact, no personal data."))
    countries = CountriesField(required=False)
    themes = KeyListField(
        Theme.objects.all(), message=MESSAGES["unknown_theme"], example="health", required=False
    )
    population_groups = KeyListField(
        PopulationGroup.objects.all(),
        message=MESSAGES["unknown_group"],
        example="migrant-workers",
        required=False,
    )
    actors = KeyListField(
        Actor.objects.all(), message=MESSAGES["unknown_actor"], example="iom", required=False
    )
    owner = ActorKeyField(
        Actor.objects.all(),
        message=MESSAGES["unknown_actor"],
        required=False,
        allow_null=True,
        help_text=_("Slug of the actor whose focal points keep the resource."),
    )
    status = NamedChoiceField(
        Resource.Status.choices, schema_name="ResourceStatusEnum", read_only=True
    )
    revision = revision_field(
        required=False,
        help_text=_(
            "The resource's revision now; send it back with a PATCH (a stale one answers 409)."
        ),
    )
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    published_at = serializers.DateTimeField(read_only=True, allow_null=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    def get_page_url(self, resource: Resource) -> str:
        return self.context["request"].build_absolute_uri(resource.get_absolute_url())

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # A PATCH may change one end of the range; the other is the saved one.
        date = attrs.get("date", getattr(self.instance, "date", ""))
        ends = attrs.get("ends", getattr(self.instance, "ends", ""))
        try:
            check_range(date, ends)
        except PartialDateError as error:
            raise serializers.ValidationError({"ends": error.messages}) from None
        return attrs


class ResourceRevisionSerializer(serializers.Serializer):
    revision = revision_field(help_text=REVISION_HELP)


class OptionalResourceRevisionSerializer(serializers.Serializer):
    revision = revision_field(required=False, help_text=REVISION_HELP)


class ResourceFilters(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Resource.Kind.choices, required=False)
    country = CountryCodeField(required=False, help_text=_("ISO 3166-1 alpha-3 code, such as MEX."))
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
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    actor = ExistingKeyField(
        Actor.objects.all(),
        message=MESSAGES["unknown_actor"],
        required=False,
        help_text=_("Slug of an actor concerned, such as iom."),
    )
