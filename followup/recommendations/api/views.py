"""The recommendations' endpoints: sources, recommendations and status scales, public to read
and written by the secretariat; the base view and error handling of the ledger's endpoints
(`follow_ups`) too.

Recommendations restate public instruments, so every read here is public. Writes need a
signed-in user (a personal API token, or a session with its CSRF token); each refuses with 403
what only the secretariat may do, validates the body (400 naming the field), then calls the one
service for the use case, which checks the rules again."""

from collections.abc import Callable
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.functional import Promise
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
from followup.program.models import Mandate, PopulationGroup, Theme
from followup.recommendations import permissions, services
from followup.recommendations.addressees import recommendations_addressed_to
from followup.recommendations.api.messages import MESSAGES, TAGS
from followup.recommendations.api.serializers import (
    RecommendationFilters,
    RecommendationSerializer,
    SourceSerializer,
    StatusScaleSerializer,
)
from followup.recommendations.models import (
    Recommendation,
    Source,
    StatusLevel,
    StatusScale,
)
from followup.recommendations.services import RecommendationError, StaleRevision


def recommendations_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """The project's error shapes (followup.api.errors), with the ledger's own rule refusals:
    409 with the current revision when stale, 400 with the message otherwise."""
    if isinstance(exc, StaleRevision):
        return Response(
            {"detail": str(exc), "current_revision": exc.current}, status=status.HTTP_409_CONFLICT
        )
    if isinstance(exc, RecommendationError):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    return exception_handler(exc, context)


class RecommendationsView(generics.GenericAPIView):
    parser_classes = [JSONParser]
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get_exception_handler(self) -> Callable[[Exception, dict[str, Any]], Response | None]:
        return recommendations_exception_handler

    def user(self) -> User:
        """The signed-in user of a write (the permission classes required one)."""
        assert isinstance(self.request.user, User)
        return self.request.user


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise exceptions.PermissionDenied(str(MESSAGES[message]))


def or_404(record: Any) -> Any:
    """`record`, or NotFound when the lookup found none."""
    if record is None:
        raise exceptions.NotFound
    return record


def path_id(noun: str | Promise) -> OpenApiParameter:
    return OpenApiParameter("id", int, OpenApiParameter.PATH, description=noun)


MANAGE = _("For the secretariat.")


# Sources ------------------------------------------------------------------------------------


def sources_for_output() -> QuerySet[Source]:
    return Source.objects.select_related("issued_by").order_by("-date", "title", "pk")


@extend_schema(tags=TAGS)
class SourceList(mixins.ListModelMixin, RecommendationsView):
    serializer_class = SourceSerializer
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Source]:
        return sources_for_output()

    @extend_schema(summary=_("Sources of recommendations"))
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary=_("Record a source of recommendations"),
        description=MANAGE,
        responses={201: SourceSerializer, **CREATE},
    )
    def post(self, request: Request) -> Response:
        user = self.user()
        require(permissions.can_manage_recommendations(user), "cannot_manage")
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        source = services.save_source(Source(), serializer.validated_data, by=user)
        saved = sources_for_output().get(pk=source.pk)
        return Response(self.get_serializer(saved).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, parameters=[path_id(_("The source's id."))])
class SourceDetail(RecommendationsView):
    serializer_class = SourceSerializer

    @extend_schema(
        summary=_("A source of recommendations"), responses={200: SourceSerializer, **READ}
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(
            self.get_serializer(or_404(sources_for_output().filter(pk=pk).first())).data
        )

    @extend_schema(
        summary=_("Change the fields given of a source"),
        description=MANAGE,
        responses={200: SourceSerializer, **WRITE},
    )
    def patch(self, request: Request, pk: int) -> Response:
        user = self.user()
        source = or_404(sources_for_output().filter(pk=pk).first())
        require(permissions.can_manage_recommendations(user), "cannot_manage")
        serializer = self.get_serializer(source, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.save_source(source, serializer.validated_data, by=user)
        return Response(self.get_serializer(sources_for_output().get(pk=pk)).data)


# Recommendations ----------------------------------------------------------------------------


def recommendations_for_output(
    recommendations: QuerySet[Recommendation],
) -> QuerySet[Recommendation]:
    """What a recommendation's representation reads, joined or prefetched (a fixed number of
    queries whatever the number of recommendations)."""
    return recommendations.select_related("source").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("order", "slug")),
        Prefetch("population_groups", queryset=PopulationGroup.objects.order_by("order", "slug")),
        "addressees",
        Prefetch("mandates", queryset=Mandate.objects.order_by("symbol")),
    )


def filter_recommendations(
    recommendations: QuerySet[Recommendation], filters: dict[str, Any]
) -> QuerySet[Recommendation]:
    for name, lookup in [
        ("source", "source"),
        ("group", "group"),
        ("theme", "themes"),
        ("population_group", "population_groups"),
    ]:
        if name in filters:
            recommendations = recommendations.filter(**{lookup: filters[name]})
    if "addressee" in filters:
        addressed = recommendations_addressed_to(filters["addressee"])
        recommendations = recommendations.filter(pk__in=addressed.values("pk"))
    if filters.get("q"):
        words = filters["q"]
        recommendations = recommendations.filter(
            Q(text__icontains=words)
            | Q(group__icontains=words)
            | Q(source__title__icontains=words)
            | Q(source__reference__icontains=words)
        )
    return recommendations


@extend_schema(tags=TAGS)
class RecommendationList(mixins.ListModelMixin, RecommendationsView):
    serializer_class = RecommendationSerializer
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Recommendation]:
        filters = query_filters(self.request, RecommendationFilters)
        recommendations = filter_recommendations(Recommendation.objects.all(), filters)
        return recommendations_for_output(recommendations).order_by(
            "-source__date", "source_id", "group", "number", "pk"
        )

    @extend_schema(
        summary=_("Recommendations"),
        parameters=[RecommendationFilters],
        responses={200: RecommendationSerializer(many=True), **LIST},
    )
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary=_("Record a recommendation"),
        description=_(
            "For the secretariat. Say who it is addressed to: all member states, named "
            "addressees, or both."
        ),
        responses={201: RecommendationSerializer, **CREATE},
    )
    def post(self, request: Request) -> Response:
        user = self.user()
        require(permissions.can_manage_recommendations(user), "cannot_manage")
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        recommendation = services.create_recommendation(serializer.validated_data, by=user)
        saved = recommendations_for_output(Recommendation.objects.filter(pk=recommendation.pk))
        return Response(self.get_serializer(saved.get()).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, parameters=[path_id(_("The recommendation's id."))])
class RecommendationDetail(RecommendationsView):
    serializer_class = RecommendationSerializer

    def recommendation(self, pk: int) -> Recommendation:
        found = recommendations_for_output(Recommendation.objects.filter(pk=pk)).first()
        return or_404(found)

    @extend_schema(summary=_("A recommendation"), responses={200: RecommendationSerializer, **READ})
    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(self.recommendation(pk)).data)

    @extend_schema(
        summary=_("Change the fields given of a recommendation"),
        description=MANAGE,
        responses={200: RecommendationSerializer, **WRITE},
    )
    def patch(self, request: Request, pk: int) -> Response:
        user = self.user()
        recommendation = self.recommendation(pk)
        require(permissions.can_manage_recommendations(user), "cannot_manage")
        serializer = self.get_serializer(recommendation, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.save_recommendation(recommendation, serializer.validated_data, by=user)
        return Response(self.get_serializer(self.recommendation(pk)).data)


# Status scales ------------------------------------------------------------------------------


@extend_schema(tags=TAGS, summary=_("Status scales of the follow-up, with their levels"))
class StatusScaleList(mixins.ListModelMixin, RecommendationsView):
    serializer_class = StatusScaleSerializer
    pagination_class = Pagination
    queryset = StatusScale.objects.prefetch_related(
        Prefetch("levels", queryset=StatusLevel.objects.order_by("order", "code"))
    ).order_by("-adopted_on", "slug")

    def get(self, request: Request) -> Response:
        return self.list(request)
