"""The meetings' endpoints: the CAM's work plans with their calendar rows, and its meetings.

Everything here is public to read, as on the pages; a meeting's findings show only the report
entries the caller may see. Meetings are written by the secretariat (a personal API token, or a
session with its CSRF token) through the meetings services, which check the rules again: a
refusal answers 400 naming the field, as any bad input."""

from collections.abc import Callable
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, mixins, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response

from followup.accounts.models import User
from followup.api.errors import CREATE, LIST, READ, WRITE, exception_handler
from followup.api.filters import query_filters
from followup.api.pagination import Pagination
from followup.meetings import permissions, services
from followup.meetings.api.messages import MESSAGES, TAGS
from followup.meetings.api.serializers import (
    MeetingFilters,
    MeetingSerializer,
    WorkPlanDetailSerializer,
    WorkPlanListSerializer,
)
from followup.meetings.models import CalendarRow, Meeting, WorkPlan
from followup.meetings.services import MeetingError
from followup.program.models import Actor, Mandate
from followup.recommendations.models import Recommendation
from followup.reporting.permissions import AnyUser, entries_visible_to


def meetings_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """The project's error shapes (followup.api.errors), with the meetings' rule refusals as
    400 with the message."""
    if isinstance(exc, MeetingError):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    return exception_handler(exc, context)


class MeetingsView(generics.GenericAPIView):
    parser_classes = [JSONParser]
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get_exception_handler(self) -> Callable[[Exception, dict[str, Any]], Response | None]:
        return meetings_exception_handler

    def manager(self) -> User:
        """The signed-in user of a write, once allowed to manage meetings (403 otherwise)."""
        user = self.request.user
        assert isinstance(user, User)  # the permission classes required one
        if not permissions.can_manage_meetings(user):
            raise exceptions.PermissionDenied(str(MESSAGES["cannot_manage"]))
        return user


def _path_id(description: Any) -> OpenApiParameter:
    return OpenApiParameter("id", int, OpenApiParameter.PATH, description=description)


# Work plans ---------------------------------------------------------------------------------


@extend_schema(tags=TAGS, summary=_("The CAM's work plans"))
class WorkPlanList(generics.ListAPIView):
    serializer_class = WorkPlanListSerializer
    pagination_class = Pagination
    queryset = WorkPlan.objects.annotate(row_count=Count("rows")).order_by(
        "-period_start", "title", "pk"
    )


@extend_schema(
    tags=TAGS,
    summary=_("A work plan with its calendar rows"),
    parameters=[_path_id(_("The work plan's id."))],
    responses={200: WorkPlanDetailSerializer, **READ},
)
class WorkPlanDetail(generics.RetrieveAPIView):
    serializer_class = WorkPlanDetailSerializer
    queryset = WorkPlan.objects.prefetch_related(
        Prefetch(
            "rows",
            queryset=CalendarRow.objects.prefetch_related(
                Prefetch("mandates", queryset=Mandate.objects.order_by("symbol"))
            ).order_by("order", "pk"),
        )
    )


# Meetings -----------------------------------------------------------------------------------


def meetings_for_output(user: AnyUser, meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """What a meeting's representation reads, joined or prefetched (a fixed number of queries
    whatever the number of meetings); its findings narrowed to the entries `user` may see."""
    return meetings.select_related("cycle").prefetch_related(
        Prefetch("mandates", queryset=Mandate.objects.order_by("symbol")),
        Prefetch("participants", queryset=Actor.objects.order_by("slug")),
        "documents",
        Prefetch(
            "entries",
            queryset=entries_visible_to(user).only("pk", "meeting_id").order_by("pk"),
            to_attr="visible_entries",
        ),
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.only("pk", "meeting_id").order_by("pk"),
        ),
    )


def filter_meetings(meetings: QuerySet[Meeting], filters: dict[str, Any]) -> QuerySet[Meeting]:
    if "kind" in filters:
        meetings = meetings.filter(kind=filters["kind"])
    if "year" in filters:
        meetings = meetings.filter(date__startswith=filters["year"])
    if "mandate" in filters:
        meetings = meetings.filter(mandates=filters["mandate"])
    if "status" in filters:
        meetings = meetings.filter(status=filters["status"])
    return meetings


@extend_schema(tags=TAGS)
class MeetingList(mixins.ListModelMixin, MeetingsView):
    serializer_class = MeetingSerializer
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Meeting]:
        filters = query_filters(self.request, MeetingFilters)
        meetings = filter_meetings(Meeting.objects.all(), filters)
        # Undated meetings ("to be determined") sort last, after every dated one.
        return meetings_for_output(self.request.user, meetings).order_by("-date", "title", "pk")

    @extend_schema(
        summary=_("The CAM's meetings"),
        parameters=[MeetingFilters],
        responses={200: MeetingSerializer(many=True), **LIST},
    )
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary=_("Record a meeting"),
        description=_("For the secretariat."),
        responses={201: MeetingSerializer, **CREATE},
    )
    def post(self, request: Request) -> Response:
        user = self.manager()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = services.create_meeting(serializer.validated_data, by=user)
        saved = meetings_for_output(user, Meeting.objects.filter(pk=meeting.pk)).get()
        return Response(self.get_serializer(saved).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, parameters=[_path_id(_("The meeting's id."))])
class MeetingDetail(MeetingsView):
    serializer_class = MeetingSerializer

    def meeting(self, pk: int) -> Meeting:
        found = meetings_for_output(self.request.user, Meeting.objects.filter(pk=pk)).first()
        if found is None:
            raise exceptions.NotFound
        return found

    @extend_schema(
        summary=_("A meeting with its documents and findings"),
        responses={200: MeetingSerializer, **READ},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(self.meeting(pk)).data)

    @extend_schema(
        summary=_("Change the fields given of a meeting"),
        description=_("For the secretariat."),
        responses={200: MeetingSerializer, **WRITE},
    )
    def patch(self, request: Request, pk: int) -> Response:
        meeting = self.meeting(pk)
        user = self.manager()
        serializer = self.get_serializer(meeting, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.save_meeting(meeting, serializer.validated_data, by=user)
        return Response(self.get_serializer(self.meeting(pk)).data)
