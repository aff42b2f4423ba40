"""The registry in the JSON API, under /api/v1/program/: read-only and public.

Records look like the JSON export's (export.py): texts are {"en": ..., "es": ...} objects and
records refer to each other by natural key (version slug, actor slug, canonical mandate symbol,
activity code), never by database id. Every list is paginated and filtered by a serializer, so
an unknown filter value answers 400 naming the parameter.
"""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from followup.api.fields import (
    CountryCodeField,
    ExistingKeyField,
    NamedChoiceField,
    natural_key,
)
from followup.api.filters import query_filters
from followup.api.pagination import Pagination
from followup.program import queries
from followup.program.export import _texts
from followup.program.models import (
    Actor,
    Mandate,
    Objective,
    PopulationGroup,
    ProgramActivity,
    ProgramVersion,
    Theme,
)
from followup.program.symbols import SymbolError, parse_symbol

TAGS = ["registry"]

MESSAGES = {
    "unknown_version": _("“%(value)s” is not a Program version."),
    "unknown_actor": _("“%(value)s” is not an actor of the Program."),
}


# Fields -------------------------------------------------------------------------------------


# A text in the Program's two working languages; empty where a translation is missing.
class TextsSerializer(serializers.Serializer):
    en = serializers.CharField()
    es = serializers.CharField()


@extend_schema_field(TextsSerializer)
class TextsField(serializers.Field):
    """The `<name>_en` / `<name>_es` columns of a record as one {"en", "es"} object."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> dict[str, str]:
        assert self.field_name is not None  # set when the field is bound to its serializer
        return _texts(value, self.field_name)


class OptionalTextField(serializers.CharField):
    """A text column that may be blank, given as null when it is (as in the export)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value: Any) -> str | None:  # type: ignore[override]
        return str(value) or None


# Serializers --------------------------------------------------------------------------------


class TermSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    label = TextsField()  # type: ignore[assignment]
    description = TextsField()


class ActorSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:actor_detail", lookup_field="slug")
    slug = serializers.SlugField(read_only=True)
    category = serializers.ChoiceField(choices=Actor.Category.choices, read_only=True)
    name = TextsField()
    acronym = TextsField()
    parent = natural_key(allow_null=True)
    country = OptionalTextField(help_text=_("Member states only: ISO 3166-1 alpha-3 code."))
    description = TextsField()
    website = OptionalTextField()


class ActivitySerializer(serializers.Serializer):
    code = serializers.SlugField(read_only=True)
    version = natural_key()
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]
    actor = natural_key(allow_null=True)
    actor_category = OptionalTextField(
        help_text=_("For activities addressed to a whole category of actors instead of one.")
    )
    text = TextsField()
    note = TextsField()
    mandates = natural_key("symbol", many=True)
    themes = natural_key(many=True)
    population_groups = natural_key(many=True)


class ActorDetailSerializer(ActorSerializer):
    units = natural_key(many=True)
    program_versions = natural_key(many=True)
    activities = serializers.SerializerMethodField(
        help_text=_("Assigned to this actor or to its whole category, newest version first.")
    )

    @extend_schema_field(ActivitySerializer(many=True))
    def get_activities(self, actor: Actor) -> Any:
        return ActivitySerializer(self.context["activities"], many=True).data


class ParagraphSerializer(serializers.Serializer):
    number = serializers.CharField(read_only=True)
    text = TextsField()


class MandateSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:mandate_detail", lookup_field="slug")
    symbol = serializers.CharField(read_only=True)
    slug = serializers.SlugField(read_only=True)
    kind = NamedChoiceField(Mandate.Kind.choices, schema_name="MandateKindEnum", read_only=True)
    body = serializers.CharField(read_only=True)
    number = serializers.IntegerField(read_only=True)
    session = serializers.CharField(read_only=True)
    year = serializers.IntegerField(read_only=True)
    adopted_on = serializers.DateField(read_only=True, allow_null=True)
    title = TextsField()
    summary = TextsField()


class MandateDetailSerializer(MandateSerializer):
    operative_paragraphs = ParagraphSerializer(source="paragraphs", many=True, read_only=True)
    activities = serializers.SerializerMethodField(
        help_text=_("Codes of the Program activities that cite this mandate.")
    )
    adopted_versions = serializers.SerializerMethodField(
        help_text=_("Slugs of the Program versions this mandate adopted.")
    )

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_activities(self, mandate: Mandate) -> list[str]:
        return [activity.code for activity in self.context["activities"]]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_adopted_versions(self, mandate: Mandate) -> list[str]:
        return [version.slug for version in self.context["adopted"]]


class VersionSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:version_detail", lookup_field="slug")
    slug = serializers.SlugField(read_only=True)
    title = TextsField()
    adopted_by = natural_key("symbol")
    adopted_on = serializers.DateField(read_only=True)
    is_current = serializers.BooleanField(read_only=True)
    summary = TextsField()
    structure = TextsField()


class ObjectiveSerializer(serializers.Serializer):
    kind = NamedChoiceField(Objective.Kind.choices, schema_name="ObjectiveKindEnum", read_only=True)
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]
    text = TextsField()


class VersionDetailSerializer(VersionSerializer):
    actors = natural_key(many=True)
    objectives = ObjectiveSerializer(many=True, read_only=True)
    activities = ActivitySerializer(many=True, read_only=True)


# Filters ------------------------------------------------------------------------------------


class ActorFilters(serializers.Serializer):
    category = serializers.ChoiceField(choices=Actor.Category.choices, required=False)
    country = CountryCodeField(required=False, help_text=_("ISO 3166-1 alpha-3 code, such as MEX."))


class MandateFilters(serializers.Serializer):
    symbol = serializers.CharField(
        required=False,
        help_text=_("A symbol in any usual spelling, such as AG/RES. 2816 (XLIV-OR/14)."),
    )

    def validate_symbol(self, value: str) -> str:
        try:
            return parse_symbol(value).canonical
        except SymbolError as error:
            raise serializers.ValidationError(str(error)) from None


class ActivityFilters(serializers.Serializer):
    version = ExistingKeyField(
        ProgramVersion.objects.all(),
        message=MESSAGES["unknown_version"],
        required=False,
        help_text=_("Slug of a Program version, such as 2016."),
    )
    actor = ExistingKeyField(
        Actor.objects.all(),
        message=MESSAGES["unknown_actor"],
        required=False,
        help_text=_("Slug of an actor: the activities assigned to it and to its whole category."),
    )


# Views --------------------------------------------------------------------------------------


class RegistryList(generics.ListAPIView):
    pagination_class = Pagination


@extend_schema(tags=TAGS, summary=_("Program versions"))
class VersionList(RegistryList):
    serializer_class = VersionSerializer
    queryset = queries.versions().order_by("adopted_on")


@extend_schema(tags=TAGS, summary=_("A Program version with its objectives and activities"))
class VersionDetail(generics.RetrieveAPIView):
    serializer_class = VersionDetailSerializer
    lookup_field = "slug"
    queryset = queries.versions().prefetch_related(
        Prefetch("actors", queryset=Actor.objects.order_by("slug")),
        Prefetch("objectives", queryset=Objective.objects.order_by("order")),
        Prefetch("activities", queryset=queries.activities_with_tags().order_by("order")),
    )


@extend_schema(tags=TAGS, summary=_("Actors of the Program"), parameters=[ActorFilters])
class ActorList(RegistryList):
    serializer_class = ActorSerializer

    def get_queryset(self) -> QuerySet[Actor]:
        actors = Actor.objects.select_related("parent").order_by("name_en", "slug")
        return actors.filter(**query_filters(self.request, ActorFilters))


@extend_schema(tags=TAGS, summary=_("An actor with the activities the Program assigns to it"))
class ActorDetail(generics.GenericAPIView):
    serializer_class = ActorDetailSerializer

    def get(self, request: Request, slug: str) -> Response:
        actor, activities = queries.actor_detail(slug)
        context = {**self.get_serializer_context(), "activities": activities}
        return Response(ActorDetailSerializer(actor, context=context).data)


@extend_schema(
    tags=TAGS, summary=_("Mandates (resolutions and declarations)"), parameters=[MandateFilters]
)
class MandateList(RegistryList):
    serializer_class = MandateSerializer

    def get_queryset(self) -> QuerySet[Mandate]:
        mandates = queries.mandates().order_by("year", "body", "kind", "number", "symbol")
        return mandates.filter(**query_filters(self.request, MandateFilters))


@extend_schema(tags=TAGS, summary=_("A mandate with its operative paragraphs"))
class MandateDetail(generics.GenericAPIView):
    serializer_class = MandateDetailSerializer

    def get(self, request: Request, slug: str) -> Response:
        mandate, activities, adopted = queries.mandate_detail(slug)
        context = {**self.get_serializer_context(), "activities": activities, "adopted": adopted}
        return Response(MandateDetailSerializer(mandate, context=context).data)


@extend_schema(tags=TAGS, summary=_("Program activities"), parameters=[ActivityFilters])
class ActivityList(RegistryList):
    serializer_class = ActivitySerializer

    def get_queryset(self) -> QuerySet[ProgramActivity]:
        filters = query_filters(self.request, ActivityFilters)
        activities = queries.activities_with_tags()
        if "version" in filters:
            activities = activities.filter(version=filters["version"])
        if "actor" in filters:
            actor = filters["actor"]
            activities = activities.filter(Q(actor=actor) | Q(actor_category=actor.category))
        return activities.order_by("version__adopted_on", "order", "code")


@extend_schema(tags=TAGS, summary=_("Themes (controlled vocabulary)"))
class ThemeList(RegistryList):
    serializer_class = TermSerializer
    queryset = Theme.objects.order_by("order", "slug")


@extend_schema(tags=TAGS, summary=_("Population groups (controlled vocabulary)"))
class PopulationGroupList(RegistryList):
    serializer_class = TermSerializer
    queryset = PopulationGroup.objects.order_by("order", "slug")


urlpatterns = [
    path("versions/", VersionList.as_view(), name="version_list"),
    path("versions/<slug:slug>/", VersionDetail.as_view(), name="version_detail"),
    path("actors/", ActorList.as_view(), name="actor_list"),
    path("actors/<slug:slug>/", ActorDetail.as_view(), name="actor_detail"),
    path("mandates/", MandateList.as_view(), name="mandate_list"),
    path("mandates/<slug:slug>/", MandateDetail.as_view(), name="mandate_detail"),
    path("activities/", ActivityList.as_view(), name="activity_list"),
    path("themes/", ThemeList.as_view(), name="theme_list"),
    path("population-groups/", PopulationGroupList.as_view(), name="population_group_list"),
]
