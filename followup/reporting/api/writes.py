"""The endpoints that change a report: its entries (EntryDetail also reads one), the steps of
its review, and the follow-ups of entries planned last period.

Each fetches its object through `permissions` (404 for what the user may not see), refuses
with 403 what the user may not do to it, validates the body, then calls the one service for
the use case with the report's `revision` the client read."""

from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response

from followup.accounts.models import User
from followup.reporting import permissions, services
from followup.reporting.api.messages import MESSAGES, REVISION_HELP, TAGS
from followup.reporting.api.reads import entries_for_output, report_for_output
from followup.reporting.api.serializers import (
    EntrySerializer,
    FollowUpSerializer,
    ReportDetailSerializer,
    ReturnSerializer,
    RevisionSerializer,
)
from followup.reporting.models import ActorReport, Entry, PlannedFollowUp


def _user(request: Request) -> User:
    """The signed-in user of a write (the view's permission classes required one)."""
    assert isinstance(request.user, User)
    return request.user


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise exceptions.PermissionDenied(str(MESSAGES[message]))


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
        saved = entries_for_output(Entry.objects.filter(pk=entry.pk)).get()
        return Response(self.get_serializer(saved).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, parameters=[ENTRY_ID])
class EntryDetail(generics.GenericAPIView):
    serializer_class = EntrySerializer
    parser_classes = [JSONParser]
    permission_classes = [IsAuthenticatedOrReadOnly]

    def _entry(self, request: Request, pk: int) -> Entry:
        entries = entries_for_output(permissions.entries_visible_to(request.user))
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
        return Response(self.get_serializer(report_for_output(user, report.pk)).data)

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
