"""Reporting in the JSON API: cycles, reports, entries, follow-ups of planned entries.

Reads go through `permissions` exactly like the pages: a report or entry the user may not see
answers 404, the same as one that does not exist. Writes need a signed-in user (a personal API
token, or a session with its CSRF token); each fetches its object through `permissions` first,
refuses with 403 what the user may not do to an object they can see, validates the body
(400 naming the field), then calls the one service for the use case, which checks the rules
again and the report's `revision` (409 when it is stale, see followup.api.errors).
"""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db.models import Prefetch, QuerySet
from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response

from followup.accounts.models import User
from followup.api.fields import (
    CountriesField,
    CountryCodeField,
    ExistingKeyField,
    KeyListField,
    NamedChoiceField,
    PartialDateField,
    check_text,
    natural_key,
    quoted,
)
from followup.api.filters import query_filters
from followup.api.pagination import Pagination
from followup.dates import PartialDateError, check_range
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting import permissions, services
from followup.reporting.models import (
    LANGUAGES,
    ActorReport,
    Entry,
    Invitation,
    PlannedFollowUp,
    ReportingCycle,
    ReviewComment,
)
from followup.reporting.permissions import AnyUser

MESSAGES = {
    "unknown_cycle": _("“%(value)s” is not a reporting cycle."),
    "unknown_actor": _("“%(value)s” is not an actor of the Program."),
    "unknown_theme": _("“%(value)s” is not a theme."),
    "unknown_group": _("“%(value)s” is not a population group."),
    "unknown_activity": _("“%(value)s” is not an activity of this cycle's Program version."),
    "own_partner": _("The reporting actor cannot be its own partner."),
    "revision": _(
        "Give the revision of the report you read (its “revision”), so that no one's work is "
        "overwritten."
    ),
    "not_a_list_of_objects": _("Give a list of objects, such as %(example)s."),
    "not_a_number": _("“%(number)s” is not a number."),
    "too_many_digits": _("%(number)s has too many digits (at most 14 before the point, 2 after)."),
    "counts_missing": _("Say what %(number)s counts, such as “professionals trained”."),
    "too_long": _("“%(text)s…” is longer than %(limit)s characters."),
    "not_a_url": _("“%(url)s” is not a web address (http:// or https://)."),
    "not_a_text": _("“%(value)s” is not a text."),
    "cannot_edit": _(
        "Only the report's focal points and the secretariat can change it, and only while it "
        "is a draft or returned in an open cycle."
    ),
    "cannot_submit": _(
        "Only the report's focal points and the secretariat can submit it, and only while it "
        "is a draft or returned in an open cycle."
    ),
    "cannot_return": _("Only a reviewer or the secretariat can return a report, once submitted."),
    "cannot_accept": _("Only the secretariat can accept a report, once submitted."),
    "cannot_publish": _("Only the secretariat can publish a report, once accepted."),
}
TAGS = ["reporting"]
REVISION_HELP = _("The report's revision you read; required. A stale one answers 409.")
FIGURE_EXAMPLE = '[{"value": 70, "counts": "professionals trained"}]'
LINK_EXAMPLE = '[{"url": "https://www.oas.org/", "title": "OAS"}]'


def _user(request: Request) -> User:
    """The signed-in user of a write (the view's permission classes required one)."""
    assert isinstance(request.user, User)
    return request.user


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise exceptions.PermissionDenied(str(MESSAGES[message]))


# Fields of entries --------------------------------------------------------------------------


class FigureSerializer(serializers.Serializer):
    value = serializers.FloatField(help_text=_("A number, such as 70 or 12.5."))
    counts = serializers.CharField(max_length=200, help_text=_("What the number counts."))


class LinkSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=500)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)


def _objects(data: Any, example: str) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise serializers.ValidationError(MESSAGES["not_a_list_of_objects"] % {"example": example})
    return data


def _text(value: Any, limit: int) -> str:
    """One text inside a figure or link, stripped (missing or null: empty); ValidationError
    if it is not a text or no column can hold it."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise serializers.ValidationError(MESSAGES["not_a_text"] % {"value": quoted(value)})
    check_text(value)
    text = value.strip()
    if len(text) > limit:
        raise serializers.ValidationError(
            MESSAGES["too_long"] % {"text": text[:30], "limit": limit}
        )
    return text


# Figures are stored as numbers with at most 14 digits before the point and 2 after.
_LARGEST_FIGURE = Decimal(10) ** 14
_CENTS = Decimal("0.01")


def _figure_value(raw: Any) -> Decimal:
    """A figure's value: a JSON number, or a text holding one; ValidationError otherwise."""
    number = quoted(raw)
    try:
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise InvalidOperation
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise serializers.ValidationError(MESSAGES["not_a_number"] % {"number": number})
    if abs(value) >= _LARGEST_FIGURE or value != value.quantize(_CENTS):
        raise serializers.ValidationError(MESSAGES["too_many_digits"] % {"number": number})
    return value


@extend_schema_field(FigureSerializer(many=True))
class FiguresField(serializers.Field):
    """Figures as [{"value": 70, "counts": "professionals trained"}], read as the service
    takes them: (number, what it counts) pairs. Every figure in error is named."""

    def to_internal_value(self, data: Any) -> list[tuple[Decimal, str]]:
        figures: list[tuple[Decimal, str]] = []
        errors: list[Any] = []
        for item in _objects(data, FIGURE_EXAMPLE):
            try:
                value = _figure_value(item.get("value"))
                counts = _text(item.get("counts"), 200)
                if not counts:
                    raise serializers.ValidationError(
                        MESSAGES["counts_missing"] % {"number": quoted(item.get("value"))}
                    )
            except serializers.ValidationError as error:
                errors.extend(error.detail)
                continue
            figures.append((value, counts))
        if errors:
            raise serializers.ValidationError(errors)
        return figures

    def to_representation(self, value: Any) -> list[dict[str, Any]]:
        return [{"value": _number(figure.value), "counts": figure.counts} for figure in value.all()]


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@extend_schema_field(LinkSerializer(many=True))
class LinksField(serializers.Field):
    """Links as [{"url": "https://…", "title": "…"}], read as (url, title) pairs."""

    def to_internal_value(self, data: Any) -> list[tuple[str, str]]:
        links: list[tuple[str, str]] = []
        errors: list[Any] = []
        validate = URLValidator(schemes=["http", "https"])
        for item in _objects(data, LINK_EXAMPLE):
            try:
                url = _text(item.get("url"), 500)
                try:
                    validate(url)
                except DjangoValidationError:
                    raise serializers.ValidationError(
                        MESSAGES["not_a_url"] % {"url": quoted(url)}
                    ) from None
                title = _text(item.get("title"), 200)
            except serializers.ValidationError as error:
                errors.extend(error.detail)
                continue
            links.append((url, title))
        if errors:
            raise serializers.ValidationError(errors)
        return links

    def to_representation(self, value: Any) -> list[dict[str, str]]:
        return [{"url": link.url, "title": link.title} for link in value.all()]


def _activities_of_cycle(field: KeyListField) -> QuerySet[ProgramActivity]:
    report: ActorReport = field.context["report"]
    return ProgramActivity.objects.filter(version_id=report.cycle.version_id)


# Serializers --------------------------------------------------------------------------------


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
    revision = serializers.IntegerField(
        write_only=True,
        min_value=1,
        max_value=2**31,
        help_text=REVISION_HELP,
        error_messages={"required": MESSAGES["revision"], "null": MESSAGES["revision"]},
    )
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
    revision = serializers.IntegerField(
        write_only=True,
        help_text=REVISION_HELP,
        min_value=1,
        max_value=2**31,
        error_messages={"required": MESSAGES["revision"], "null": MESSAGES["revision"]},
    )
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
    revision = serializers.IntegerField(
        min_value=1,
        max_value=2**31,
        error_messages={"required": MESSAGES["revision"], "null": MESSAGES["revision"]},
    )


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(
        allow_blank=True, help_text=_("What needs to change, for the focal points.")
    )


# Filters ------------------------------------------------------------------------------------


def _cycle_filter() -> ExistingKeyField:
    return ExistingKeyField(
        ReportingCycle.objects.all(),
        message=MESSAGES["unknown_cycle"],
        required=False,
        help_text=_("Slug of a reporting cycle, such as 2019-2020."),
    )


def _actor_filter() -> ExistingKeyField:
    return ExistingKeyField(
        Actor.objects.all(),
        message=MESSAGES["unknown_actor"],
        required=False,
        help_text=_("Slug of an actor, such as iin."),
    )


class ReportFilters(serializers.Serializer):
    cycle = _cycle_filter()
    actor = _actor_filter()
    status = serializers.ChoiceField(choices=ActorReport.Status.choices, required=False)


class EntryFilters(serializers.Serializer):
    cycle = _cycle_filter()
    actor = _actor_filter()
    country = CountryCodeField(required=False, help_text=_("ISO 3166-1 alpha-3 code, such as MEX."))
    theme = ExistingKeyField(Theme.objects.all(), message=MESSAGES["unknown_theme"], required=False)
    group = ExistingKeyField(
        PopulationGroup.objects.all(),
        message=MESSAGES["unknown_group"],
        required=False,
        help_text=_("Slug of a population group."),
    )
    kind = serializers.ChoiceField(choices=Entry.Kind.choices, required=False)


# Reads --------------------------------------------------------------------------------------


def _entries_for_output(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    """What an entry's representation reads, joined or prefetched (a fixed number of queries)."""
    return entries.select_related("report__cycle", "report__actor").prefetch_related(
        Prefetch("activities", queryset=ProgramActivity.objects.order_by("code")),
        Prefetch("themes", queryset=Theme.objects.order_by("order", "slug")),
        Prefetch("population_groups", queryset=PopulationGroup.objects.order_by("order", "slug")),
        Prefetch("partners", queryset=Actor.objects.order_by("slug")),
        "countries",
        "figures",
        "links",
    )


def _report_for_output(user: AnyUser, pk: int) -> ActorReport:
    """A report the user may see (404 otherwise, as for `permissions.get_report_for`) with its
    alive entries, its comments and the follow-ups whose planned entry the user may see: the
    planned entry of a report accepted but not published stays private."""
    entries = _entries_for_output(Entry.objects.filter(deleted_at__isnull=True))
    followups = PlannedFollowUp.objects.filter(
        planned__in=permissions.entries_visible_to(user)
    ).select_related("planned")
    report = (
        permissions.reports_visible_to(user)
        .select_related("cycle", "actor")
        .prefetch_related(
            Prefetch("entries", queryset=entries.order_by("order", "pk"), to_attr="alive_entries"),
            Prefetch("followups", queryset=followups, to_attr="visible_followups"),
            Prefetch("comments", queryset=ReviewComment.objects.select_related("author")),
        )
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise exceptions.NotFound
    return report


@extend_schema(tags=TAGS, summary=_("Reporting cycles"))
class CycleList(generics.ListAPIView):
    serializer_class = CycleSerializer
    pagination_class = Pagination
    queryset = (
        ReportingCycle.objects.select_related("version")
        .prefetch_related(
            Prefetch(
                "invitations",
                queryset=Invitation.objects.select_related("actor").order_by("actor__slug"),
            )
        )
        .order_by("-opens_on", "slug")
    )


@extend_schema(tags=TAGS, summary=_("A reporting cycle with the actors asked to report"))
class CycleDetail(generics.RetrieveAPIView):
    serializer_class = CycleSerializer
    lookup_field = "slug"
    queryset = CycleList.queryset


@extend_schema(tags=TAGS, summary=_("Reports you may see"), parameters=[ReportFilters])
class ReportList(generics.ListAPIView):
    serializer_class = ReportSerializer
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[ActorReport]:
        filters = query_filters(self.request, ReportFilters)
        reports = permissions.reports_visible_to(self.request.user).filter(**filters)
        return reports.select_related("cycle", "actor").order_by(
            "-cycle__opens_on", "actor__slug", "pk"
        )


@extend_schema(tags=TAGS, summary=_("A report with its entries, follow-ups and comments"))
class ReportDetail(generics.GenericAPIView):
    serializer_class = ReportDetailSerializer

    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(_report_for_output(request.user, pk)).data)


@extend_schema(tags=TAGS, summary=_("Entries you may see"), parameters=[EntryFilters])
class EntryList(generics.ListAPIView):
    serializer_class = EntrySerializer
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Entry]:
        filters = query_filters(self.request, EntryFilters)
        entries = permissions.entries_visible_to(self.request.user)
        for name, lookup in [
            ("cycle", "report__cycle"),
            ("actor", "report__actor"),
            ("country", "countries__code"),
            ("theme", "themes"),
            ("group", "population_groups"),
            ("kind", "kind"),
        ]:
            if name in filters:
                entries = entries.filter(**{lookup: filters[name]})
        return _entries_for_output(entries).order_by(
            "-report__cycle__opens_on", "report__actor__slug", "order", "pk"
        )


# Writes -------------------------------------------------------------------------------------


def _revision(request: Request) -> int:
    """The report revision the client read: from the body, or (DELETE requests seldom carry a
    body) from the query string."""
    from_query = request.method == "DELETE" and "revision" in request.query_params
    data = request.query_params if from_query else request.data
    serializer = RevisionSerializer(data=data)
    serializer.is_valid(raise_exception=True)
    revision: int = serializer.validated_data["revision"]
    return revision


def _required_revision(values: dict[str, Any]) -> int:
    """The `revision` of a partial update's validated body, which a PATCH cannot leave out."""
    if values.get("revision") is None:
        raise exceptions.ValidationError({"revision": [str(MESSAGES["revision"])]})
    revision: int = values["revision"]
    return revision


# Writes take JSON bodies only, from a signed-in user.
class Write(generics.GenericAPIView):
    parser_classes = [JSONParser]
    permission_classes = [IsAuthenticated]


ENTRY_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description=_("The entry's id."))
REPORT_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description=_("The report's id."))
FOLLOWUP_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description=_("The follow-up's id.")
)
REVISION_QUERY = OpenApiParameter(
    "revision", int, OpenApiParameter.QUERY, required=True, description=REVISION_HELP
)
# What every write of a report's content needs, said once for the document.
CONTENT_WRITE = _(
    "For the report's focal points and the secretariat, while the report is a draft or "
    "returned in an open cycle. Send the report's “revision” as you read it: if the report "
    "changed since, the answer is 409 with the current revision."
)


@extend_schema(tags=TAGS, parameters=[REPORT_ID])
class EntryCreate(Write):
    serializer_class = EntrySerializer

    @extend_schema(
        summary=_("Add an entry to a report"),
        description=CONTENT_WRITE,
        responses={201: EntrySerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        user = _user(request)
        report = permissions.get_report_for(user, pk)
        _require(permissions.can_edit_report(user, report), "cannot_edit")
        context = {**self.get_serializer_context(), "report": report}
        serializer = EntrySerializer(data=request.data, context=context)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        revision = values.pop("revision")
        entry = services.save_entry(report, values, by=user, expected_revision=revision)
        saved = _entries_for_output(Entry.objects.filter(pk=entry.pk)).get()
        return Response(self.get_serializer(saved).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, parameters=[ENTRY_ID])
class EntryDetail(generics.GenericAPIView):
    serializer_class = EntrySerializer
    parser_classes = [JSONParser]
    permission_classes = [IsAuthenticatedOrReadOnly]

    def _entry(self, request: Request, pk: int) -> Entry:
        entries = _entries_for_output(permissions.entries_visible_to(request.user))
        entry = entries.filter(pk=pk).first()
        if entry is None:
            raise exceptions.NotFound
        return entry

    @extend_schema(summary=_("An entry"))
    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(self._entry(request, pk)).data)

    @extend_schema(summary=_("Change the fields given of an entry"), description=CONTENT_WRITE)
    def patch(self, request: Request, pk: int) -> Response:
        user = _user(request)
        entry = self._entry(request, pk)
        _require(permissions.can_edit_report(user, entry.report), "cannot_edit")
        context = {**self.get_serializer_context(), "report": entry.report}
        serializer = EntrySerializer(entry, data=request.data, partial=True, context=context)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        revision = _required_revision(values)
        del values["revision"]
        services.save_entry(entry.report, values, by=user, entry=entry, expected_revision=revision)
        return Response(self.get_serializer(self._entry(request, pk)).data)

    @extend_schema(
        summary=_("Delete an entry (the secretariat can restore it)"),
        description=CONTENT_WRITE,
        parameters=[REVISION_QUERY],
        responses={204: None},
    )
    def delete(self, request: Request, pk: int) -> Response:
        user = _user(request)
        entry = self._entry(request, pk)
        _require(permissions.can_edit_report(user, entry.report), "cannot_edit")
        services.delete_entry(entry, by=user, expected_revision=_revision(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


# POST /reports/<id>/<action>/: one step of the review, answered with the report.
class ReportAction(Write):
    serializer_class = ReportDetailSerializer

    def post(self, request: Request, pk: int) -> Response:
        user = _user(request)
        report = permissions.get_report_for(user, pk)
        self.act(request, user, report)
        return Response(self.get_serializer(_report_for_output(user, report.pk)).data)

    def act(self, request: Request, user: User, report: ActorReport) -> None:
        raise NotImplementedError


@extend_schema(
    tags=TAGS,
    parameters=[REPORT_ID],
    summary=_("Submit a report for review"),
    description=CONTENT_WRITE,
    request=RevisionSerializer,
    responses=ReportDetailSerializer,
)
class ReportSubmit(ReportAction):
    def act(self, request: Request, user: User, report: ActorReport) -> None:
        _require(permissions.can_submit_report(user, report), "cannot_submit")
        services.submit_report(report, by=user, expected_revision=_revision(request))


@extend_schema(
    tags=TAGS,
    parameters=[REPORT_ID],
    summary=_("Return a submitted report to its focal points with a comment"),
    description=_("For reviewers and the secretariat."),
    request=ReturnSerializer,
    responses=ReportDetailSerializer,
)
class ReportReturn(ReportAction):
    def act(self, request: Request, user: User, report: ActorReport) -> None:
        _require(permissions.can_return_report(user, report), "cannot_return")
        serializer = ReturnSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.return_report(report, by=user, comment=serializer.validated_data["comment"])


@extend_schema(
    tags=TAGS,
    parameters=[REPORT_ID],
    summary=_("Accept a submitted report"),
    description=_("For the secretariat."),
    request=None,
    responses=ReportDetailSerializer,
)
class ReportAccept(ReportAction):
    def act(self, request: Request, user: User, report: ActorReport) -> None:
        _require(permissions.can_accept_report(user, report), "cannot_accept")
        services.accept_report(report, by=user)


@extend_schema(
    tags=TAGS,
    parameters=[REPORT_ID],
    summary=_("Publish an accepted report"),
    description=_("For the secretariat."),
    request=None,
    responses=ReportDetailSerializer,
)
class ReportPublish(ReportAction):
    def act(self, request: Request, user: User, report: ActorReport) -> None:
        _require(permissions.can_publish_report(user, report), "cannot_publish")
        services.publish_report(report, by=user)


@extend_schema(tags=TAGS, parameters=[FOLLOWUP_ID])
class FollowUpDetail(Write):
    serializer_class = FollowUpSerializer

    @extend_schema(
        summary=_("Say what became of an entry planned last period"),
        description=format_lazy(
            "{} {}",
            _("Its outcome and, unless it was done, the reason; a field left out keeps its value."),
            CONTENT_WRITE,
        ),
    )
    def patch(self, request: Request, pk: int) -> Response:
        user = _user(request)
        followup = (
            PlannedFollowUp.objects.select_related("report__cycle", "report__actor", "planned")
            .filter(report__in=permissions.reports_visible_to(user), pk=pk)
            .first()
        )
        if followup is None:
            raise exceptions.NotFound
        _require(permissions.can_edit_report(user, followup.report), "cannot_edit")
        serializer = self.get_serializer(followup, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        services.record_followup(
            followup,
            outcome=values.get("outcome", followup.outcome),
            reason=values.get("reason", followup.reason),
            by=user,
            expected_revision=_required_revision(values),
        )
        return Response(self.get_serializer(followup).data)


urlpatterns = [
    path("cycles/", CycleList.as_view(), name="cycle_list"),
    path("cycles/<slug:slug>/", CycleDetail.as_view(), name="cycle_detail"),
    path("reports/", ReportList.as_view(), name="report_list"),
    path("reports/<int:pk>/", ReportDetail.as_view(), name="report_detail"),
    path("reports/<int:pk>/entries/", EntryCreate.as_view(), name="report_entry_create"),
    path("reports/<int:pk>/submit/", ReportSubmit.as_view(), name="report_submit"),
    path("reports/<int:pk>/return/", ReportReturn.as_view(), name="report_return"),
    path("reports/<int:pk>/accept/", ReportAccept.as_view(), name="report_accept"),
    path("reports/<int:pk>/publish/", ReportPublish.as_view(), name="report_publish"),
    path("entries/", EntryList.as_view(), name="entry_list"),
    path("entries/<int:pk>/", EntryDetail.as_view(), name="entry_detail"),
    path("followups/<int:pk>/", FollowUpDetail.as_view(), name="followup_detail"),
]
