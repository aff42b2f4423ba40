"""The read-only endpoints of reporting: cycles, and the reports and entries the user may see,
with the query-string filters of the lists. Each reads what its representation shows joined
or prefetched, in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from followup.api.fields import CountryCodeField, ExistingKeyField
from followup.api.filters import query_filters
from followup.api.pagination import Pagination
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting import permissions
from followup.reporting.api.messages import MESSAGES, TAGS
from followup.reporting.api.serializers import (
    CycleSerializer,
    EntrySerializer,
    ReportDetailSerializer,
    ReportSerializer,
)
from followup.reporting.models import (
    ActorReport,
    Entry,
    Invitation,
    PlannedFollowUp,
    ReportingCycle,
    ReviewComment,
)
from followup.reporting.permissions import AnyUser

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


def entries_for_output(entries: QuerySet[Entry]) -> QuerySet[Entry]:
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


def report_for_output(user: AnyUser, pk: int) -> ActorReport:
    """A report the user may see (404 otherwise, as for `permissions.get_report_for`) with its
    alive entries, its comments and the follow-ups whose planned entry the user may see: the
    planned entry of a report accepted but not published stays private."""
    entries = entries_for_output(Entry.objects.filter(deleted_at__isnull=True))
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
        return Response(self.get_serializer(report_for_output(request.user, pk)).data)


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
        return entries_for_output(entries).order_by(
            "-report__cycle__opens_on", "report__actor__slug", "order", "pk"
        )
