"""The follow-up ledger's endpoints: the follow-ups the caller may see, opening one, changing
it, and the steps of its review (submit, return, publish).

Follow-ups are read through `permissions` like the pages: one the caller may not see answers
404, the same as a missing one, and a focal point of another actor gets 403 for writing on a
published one it can see. Each write validates the body (400 naming the field), then calls the
one service for the use case, which checks the rules again and the follow-up's `revision`
(409 when it is stale)."""

from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from followup.accounts.models import User
from followup.api.errors import CREATE, LIST, LOCKED_WRITE, READ, WRITE
from followup.api.filters import query_filters
from followup.api.pagination import Pagination
from followup.knowledge.permissions import resources_visible_to
from followup.recommendations import permissions, services
from followup.recommendations.api.messages import TAGS
from followup.recommendations.api.serializers import (
    FollowUpFilters,
    FollowUpOpenSerializer,
    FollowUpPatchSerializer,
    FollowUpReturnSerializer,
    FollowUpRevisionSerializer,
    OptionalFollowUpRevisionSerializer,
    RecommendationFollowUpSerializer,
    level_in_scale,
)
from followup.recommendations.api.views import (
    MANAGE,
    RecommendationsView,
    or_404,
    path_id,
    require,
)
from followup.recommendations.models import FollowUp
from followup.reporting.permissions import AnyUser, entries_visible_to


def follow_ups_for_output(user: AnyUser, follow_ups: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
    """What a follow-up's representation reads, joined or prefetched; its evidence narrowed to
    the entries and resources `user` may see."""
    return follow_ups.select_related("addressee", "cycle", "scale", "level").prefetch_related(
        "links",
        Prefetch(
            "entries",
            queryset=entries_visible_to(user).only("pk").order_by("pk"),
            to_attr="visible_entries",
        ),
        Prefetch(
            "resources",
            queryset=resources_visible_to(user).only("pk").order_by("pk"),
            to_attr="visible_resources",
        ),
    )


def _follow_up_values(validated: dict[str, Any], follow_up: FollowUp) -> dict[str, Any]:
    """The body's fields as `services.save_follow_up` takes them: the level as a record of the
    follow-up's own scale."""
    values = {name: value for name, value in validated.items() if name in FIELDS}
    if "level" in values:
        values["level"] = level_in_scale(values["level"], follow_up)
    return values


# What a write may set on a follow-up (the body's other keys say which record, or its revision).
FIELDS = ("level", "responsible_institution", "narrative", "entries", "resources", "links")
FOLLOW_UP_ID = path_id(_("The follow-up's id."))


class FollowUpView(RecommendationsView):
    serializer_class = RecommendationFollowUpSerializer

    def follow_up(self, pk: int) -> FollowUp:
        user = self.request.user
        visible = permissions.follow_ups_visible_to(user).filter(pk=pk)
        found = follow_ups_for_output(user, visible).first()
        return or_404(found)

    def answer(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        """The follow-up as saved now (the service may have changed what was sent)."""
        return Response(self.get_serializer(self.follow_up(pk)).data, status=code)


@extend_schema(tags=TAGS)
class FollowUpList(mixins.ListModelMixin, FollowUpView):
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[FollowUp]:
        filters = query_filters(self.request, FollowUpFilters)
        if "level" in filters:
            filters["level__code"] = filters.pop("level")
        user = self.request.user
        follow_ups = permissions.follow_ups_visible_to(user).filter(**filters)
        return follow_ups_for_output(user, follow_ups).order_by(
            "-cycle__opens_on", "recommendation_id", "addressee__slug", "pk"
        )

    @extend_schema(
        summary=_("Follow-ups of recommendations you may see"),
        description=_(
            "Published follow-ups for everyone; the focal points of an addressee also see its "
            "drafts, and the secretariat sees all."
        ),
        parameters=[FollowUpFilters],
        responses={200: RecommendationFollowUpSerializer(many=True), **LIST},
    )
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary=_("Open the follow-up of a recommendation by an addressee in a cycle"),
        description=_(
            "For the focal points of the addressee (their own actors only, in an open cycle) "
            "and the secretariat. The other fields, when given, are saved in the same call."
        ),
        request=FollowUpOpenSerializer,
        responses={201: RecommendationFollowUpSerializer, **CREATE},
    )
    def post(self, request: Request) -> Response:
        user = self.user()
        answering = permissions.answering_actors(user)
        require(answering.exists(), "cannot_open")
        body = FollowUpOpenSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        opened = body.validated_data
        require(answering.filter(pk=opened["addressee"].pk).exists(), "cannot_open")
        # Opened and filled in together, or not at all.
        with transaction.atomic():
            follow_up = services.open_follow_up(
                opened["recommendation"], opened["addressee"], opened["cycle"], by=user
            )
            values = _follow_up_values(opened, follow_up)
            if values:
                services.save_follow_up(follow_up, values, by=user)
        return self.answer(follow_up.pk, status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, parameters=[FOLLOW_UP_ID])
class FollowUpDetail(FollowUpView):
    @extend_schema(
        summary=_("A follow-up of a recommendation"),
        responses={200: RecommendationFollowUpSerializer, **READ},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(self.follow_up(pk)).data)

    @extend_schema(
        summary=_("Change the fields given of a follow-up"),
        description=_(
            "For the focal points of the addressee while it is a draft or returned, and the "
            "secretariat. Send the “revision” you read: if the follow-up changed since, the "
            "answer is 409 with the current revision."
        ),
        request=FollowUpPatchSerializer,
        responses={200: RecommendationFollowUpSerializer, **LOCKED_WRITE},
    )
    def patch(self, request: Request, pk: int) -> Response:
        user = self.user()
        follow_up = self.follow_up(pk)
        require(permissions.can_edit_follow_up(user, follow_up), "cannot_edit")
        body = FollowUpPatchSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        services.save_follow_up(
            follow_up,
            _follow_up_values(body.validated_data, follow_up),
            by=user,
            expected_revision=body.validated_data["revision"],
        )
        return self.answer(pk)


# POST /follow-ups/<id>/<step>/: one step of the review, answered with the follow-up.
class FollowUpStep(FollowUpView):
    permission_classes = [IsAuthenticated]

    def post(self, request: Request, pk: int) -> Response:
        self.act(self.user(), self.follow_up(pk))
        return self.answer(pk)

    def act(self, user: User, follow_up: FollowUp) -> None:
        raise NotImplementedError


@extend_schema(
    tags=TAGS,
    parameters=[FOLLOW_UP_ID],
    summary=_("Submit a follow-up to the secretariat"),
    description=_(
        "For the focal points of the addressee and the secretariat, while draft or returned; "
        "it needs a status, and a narrative unless the status does not apply."
    ),
    request=FollowUpRevisionSerializer,
    responses={200: RecommendationFollowUpSerializer, **LOCKED_WRITE},
)
class FollowUpSubmit(FollowUpStep):
    def act(self, user: User, follow_up: FollowUp) -> None:
        require(permissions.can_submit_follow_up(user, follow_up), "cannot_submit")
        body = FollowUpRevisionSerializer(data=self.request.data)
        body.is_valid(raise_exception=True)
        services.submit_follow_up(
            follow_up, by=user, expected_revision=body.validated_data["revision"]
        )


@extend_schema(
    tags=TAGS,
    parameters=[FOLLOW_UP_ID],
    summary=_("Return a submitted follow-up to the addressee's focal points with a comment"),
    description=MANAGE,
    request=FollowUpReturnSerializer,
    responses={200: RecommendationFollowUpSerializer, **WRITE},
)
class FollowUpReturn(FollowUpStep):
    def act(self, user: User, follow_up: FollowUp) -> None:
        require(permissions.can_return_follow_up(user, follow_up), "cannot_return")
        body = FollowUpReturnSerializer(data=self.request.data)
        body.is_valid(raise_exception=True)
        services.return_follow_up(follow_up, by=user, comment=body.validated_data["comment"])


@extend_schema(
    tags=TAGS,
    parameters=[FOLLOW_UP_ID],
    summary=_("Publish a follow-up"),
    description=_(
        "For the secretariat, from any state but published. A “revision”, when given, must be "
        "the current one (409 otherwise)."
    ),
    request=OptionalFollowUpRevisionSerializer,
    responses={200: RecommendationFollowUpSerializer, **LOCKED_WRITE},
)
class FollowUpPublish(FollowUpStep):
    def act(self, user: User, follow_up: FollowUp) -> None:
        require(permissions.can_publish_follow_up(user, follow_up), "cannot_publish")
        body = OptionalFollowUpRevisionSerializer(data=self.request.data)
        body.is_valid(raise_exception=True)
        services.publish_follow_up(
            follow_up, by=user, expected_revision=body.validated_data.get("revision")
        )
