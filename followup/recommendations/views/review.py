"""The CAM secretariat's review of follow-ups: the queue of submitted ones, and returning,
publishing and unpublishing one (the buttons of the follow-up page)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.recommendations import permissions, services
from followup.recommendations.forms import ReturnForm, UnpublishForm
from followup.recommendations.models import FollowUp
from followup.recommendations.views.common import (
    current_user,
    flash_errors,
    follow_up_url,
    posted_revision,
    require,
    run_action,
)


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Submitted follow-ups, oldest first, to return or publish."""
    user = current_user(request)
    require(permissions.can_review_follow_ups(user))
    waiting = (
        permissions.follow_ups_visible_to(user)
        .filter(status=FollowUp.Status.SUBMITTED)
        .select_related("recommendation__source", "addressee", "cycle", "level")
        .order_by("submitted_at", "pk")
    )
    return render(request, "recommendations/workspace/review_queue.html", {"waiting": waiting})


@login_required
@require_POST
def follow_up_return(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    require(permissions.can_return_follow_up(user, follow_up))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        flash_errors(request, form)
        return redirect(follow_up_url(follow_up))
    return run_action(
        request,
        lambda: services.return_follow_up(follow_up, by=user, comment=form.cleaned_data["comment"]),
        _("Follow-up returned to the addressee's focal points with your comment."),
        follow_up_url(follow_up),
    )


@login_required
@require_POST
def follow_up_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    require(permissions.can_publish_follow_up(user, follow_up))
    revision = posted_revision(request)
    then = (
        reverse("recommendations:review_queue")
        if request.POST.get("from") == "queue"
        else follow_up_url(follow_up)
    )
    return run_action(
        request,
        lambda: services.publish_follow_up(follow_up, by=user, expected_revision=revision),
        _("Follow-up published: it now counts in the public progress pages."),
        then,
    )


@login_required
@require_POST
def follow_up_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    require(permissions.can_unpublish_follow_up(user, follow_up))
    form = UnpublishForm(request.POST)
    if not form.is_valid():
        flash_errors(request, form)
        return redirect(follow_up_url(follow_up))
    return run_action(
        request,
        lambda: services.unpublish_follow_up(
            follow_up, by=user, reason=form.cleaned_data["reason"]
        ),
        _("Follow-up taken off the public pages and returned to its focal points."),
        follow_up_url(follow_up),
    )
