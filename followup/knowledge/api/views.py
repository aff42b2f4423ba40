"""The knowledge base's endpoints. Reads go through `permissions` like the pages: a resource the
caller may not see answers 404, the same as a missing one. Writes need a signed-in user (a
personal API token, or a session with its CSRF token); each fetches its resource through
`permissions`, refuses with 403 what the user may not do to one they can see, validates the
body (400 naming the field), then calls the one service for the use case, which checks the
rules again and the resource's `revision` (409 when it is stale)."""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, mixins, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response

from followup.accounts.models import User
from followup.api.errors import exception_handler
from followup.api.filters import query_filters
from followup.api.pagination import Pagination
from followup.knowledge import permissions, queries, services
from followup.knowledge.api.messages import MESSAGES, TAGS
from followup.knowledge.api.serializers import (
    OptionalResourceRevisionSerializer,
    ResourceFilters,
    ResourceRevisionSerializer,
    ResourceSerializer,
)
from followup.knowledge.models import Resource
from followup.knowledge.services import KnowledgeError, StaleRevision
from followup.reporting.permissions import AnyUser


def knowledge_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """The project's error shapes (followup.api.errors), with the knowledge base's own rule
    refusals: 409 with the current revision when stale, 400 with the message otherwise."""
    if isinstance(exc, StaleRevision):
        return Response(
            {"detail": str(exc), "current_revision": exc.current}, status=status.HTTP_409_CONFLICT
        )
    if isinstance(exc, KnowledgeError):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    return exception_handler(exc, context)


class KnowledgeView(generics.GenericAPIView):
    serializer_class = ResourceSerializer
    parser_classes = [JSONParser]
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get_exception_handler(self) -> Callable[[Exception, dict[str, Any]], Response | None]:
        return knowledge_exception_handler

    def user(self) -> User:
        """The signed-in user of a write (the permission classes required one)."""
        assert isinstance(self.request.user, User)
        return self.request.user

    def resource(self, pk: int) -> Resource:
        found = self.for_output(permissions.resources_visible_to(self.request.user), pk)
        if found is None:
            raise exceptions.NotFound
        return found

    @staticmethod
    def for_output(resources: QuerySet[Resource], pk: int) -> Resource | None:
        return queries.resources_for_output(resources).filter(pk=pk).first()

    def answer(self, user: AnyUser, pk: int, code: int = status.HTTP_200_OK) -> Response:
        """The resource as saved now (the service may have changed what was sent)."""
        saved = self.for_output(permissions.resources_visible_to(user), pk)
        return Response(self.get_serializer(saved).data, status=code)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise exceptions.PermissionDenied(str(MESSAGES[message]))


def _values(validated: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in validated.items() if name != "revision"}


RESOURCE_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description=_("The resource's id.")
)


@extend_schema(tags=TAGS)
class ResourceList(mixins.ListModelMixin, KnowledgeView):
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Resource]:
        filters = query_filters(self.request, ResourceFilters)
        resources = permissions.resources_visible_to(self.request.user)
        narrowed = queries.filter_resources(resources, queries.ResourceFilters(**filters))
        return queries.resources_for_output(narrowed).order_by("-date", "title", "pk")

    @extend_schema(
        summary=_("Resources of the knowledge base you may see"), parameters=[ResourceFilters]
    )
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary=_("Add a resource to the knowledge base, as a draft"),
        description=_(
            "For focal points (the resource belongs to one of their actors: give it as "
            "“owner” when they have several) and the secretariat."
        ),
        responses={201: ResourceSerializer},
    )
    def post(self, request: Request) -> Response:
        user = self.user()
        _require(permissions.can_create_resource(user), "cannot_create")
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        resource = services.create_resource(_values(serializer.validated_data), by=user)
        return self.answer(user, resource.pk, status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, parameters=[RESOURCE_ID])
class ResourceDetail(KnowledgeView):
    @extend_schema(summary=_("A resource of the knowledge base"))
    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(self.resource(pk)).data)

    @extend_schema(
        summary=_("Change the fields given of a resource"),
        description=_(
            "For the focal points of its actor while it is a draft or returned, and the "
            "secretariat. Send the “revision” you read: if the resource changed since, the "
            "answer is 409 with the current revision."
        ),
    )
    def patch(self, request: Request, pk: int) -> Response:
        user = self.user()
        resource = self.resource(pk)
        _require(permissions.can_edit_resource(user, resource), "cannot_edit")
        serializer = self.get_serializer(resource, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        revision = serializer.validated_data.get("revision")
        if revision is None:
            raise exceptions.ValidationError({"revision": [str(MESSAGES["revision"])]})
        services.save_resource(
            resource, _values(serializer.validated_data), by=user, expected_revision=revision
        )
        return self.answer(user, pk)


@extend_schema(
    tags=TAGS,
    parameters=[RESOURCE_ID],
    summary=_("Submit a resource for review"),
    description=_(
        "For the focal points of its actor and the secretariat, while draft or returned."
    ),
    request=ResourceRevisionSerializer,
    responses=ResourceSerializer,
)
class ResourceSubmit(KnowledgeView):
    permission_classes = [IsAuthenticated]

    def post(self, request: Request, pk: int) -> Response:
        user = self.user()
        resource = self.resource(pk)
        _require(permissions.can_submit_resource(user, resource), "cannot_submit")
        body = ResourceRevisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.submit_resource(
            resource, by=user, expected_revision=body.validated_data["revision"]
        )
        return self.answer(user, pk)


@extend_schema(
    tags=TAGS,
    parameters=[RESOURCE_ID],
    summary=_("Publish a resource"),
    description=_(
        "For the secretariat, from any state but published. A “revision”, when given, must be "
        "the current one (409 otherwise)."
    ),
    request=OptionalResourceRevisionSerializer,
    responses=ResourceSerializer,
)
class ResourcePublish(KnowledgeView):
    permission_classes = [IsAuthenticated]

    def post(self, request: Request, pk: int) -> Response:
        user = self.user()
        resource = self.resource(pk)
        _require(permissions.can_publish_resource(user, resource), "cannot_publish")
        body = OptionalResourceRevisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.publish_resource(
            resource, by=user, expected_revision=body.validated_data.get("revision")
        )
        return self.answer(user, pk)
