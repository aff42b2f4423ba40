"""A focal point's recommendations to answer, and the follow-up page: its form, evidence,
documents, return comments and status history. The secretariat's review of it is in
`review`."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.accounts.models import User
from followup.knowledge.permissions import resources_visible_to
from followup.program.models import Actor
from followup.recommendations import permissions, services
from followup.recommendations.addressees import recommendations_addressed_to
from followup.recommendations.forms import (
    AnswerListForm,
    AttachmentForm,
    FollowUpForm,
    OpenFollowUpForm,
    ReturnForm,
    RevisionForm,
    UnpublishForm,
)
from followup.recommendations.models import FollowUp, FollowUpAttachment, Recommendation
from followup.recommendations.services import RecommendationError, StaleRevision
from followup.recommendations.views.common import (
    add_model_errors,
    current_user,
    flash_errors,
    follow_up_url,
    posted_revision,
    require,
    run_action,
)
from followup.reporting.models import ReportingCycle
from followup.reporting.permissions import entries_visible_to

# The file form shares the follow-up page with the main form; the prefix keeps ids apart.
ATTACH_PREFIX = "attach"


@dataclass(frozen=True)
class AnswerRow:
    recommendation: Recommendation
    follow_up: FollowUp | None


@dataclass(frozen=True)
class ActorAnswers:
    actor: Actor
    rows: list[AnswerRow]


def _answers(actors: list[Actor], cycle: ReportingCycle | None) -> list[ActorAnswers]:
    """Each actor's recommendations with their follow-up in `cycle`: one query per actor and
    one for all the follow-ups, whatever the number of recommendations."""
    found: dict[tuple[int, int], FollowUp] = {}
    if cycle is not None:
        follow_ups = FollowUp.objects.filter(cycle=cycle, addressee__in=actors).select_related(
            "level"
        )
        found = {(f.recommendation_id, f.addressee_id): f for f in follow_ups}
    return [
        ActorAnswers(
            actor,
            [
                AnswerRow(recommendation, found.get((recommendation.pk, actor.pk)))
                for recommendation in recommendations_addressed_to(actor).select_related("source")
            ],
        )
        for actor in actors
    ]


@login_required
def answer_list(request: HttpRequest) -> HttpResponse:
    """For each actor the user answers for, the recommendations addressed to it and where their
    follow-up stands in the chosen cycle (the latest open one unless another is chosen)."""
    user = current_user(request)
    form = AnswerListForm(request.GET or None, user=user)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    cycle: ReportingCycle | None = chosen.get("cycle") or (
        ReportingCycle.objects.filter(status=ReportingCycle.Status.OPEN)
        .order_by("-opens_on")
        .first()
    )
    if not form.is_bound and cycle is not None:
        form = AnswerListForm(initial={"cycle": cycle.pk}, user=user)
    secretariat = permissions.is_secretariat(user)
    actors: list[Actor]
    if secretariat:
        actors = [chosen["actor"]] if chosen.get("actor") else []
    else:
        actors = list(permissions.answering_actors(user).order_by("name_en"))
    return render(
        request,
        "recommendations/workspace/answer_list.html",
        {
            "form": form,
            "cycle": cycle,
            "answers": _answers(actors, cycle),
            "is_secretariat": secretariat,
            "can_answer": cycle is not None and permissions.can_answer_in_cycle(user, cycle),
        },
    )


@login_required
@require_POST
def follow_up_open(request: HttpRequest) -> HttpResponse:
    """The "Answer" button: go to the addressee's follow-up in that cycle, opening it first
    when there is none yet."""
    user = current_user(request)
    form = OpenFollowUpForm(request.POST)
    if not form.is_valid():
        flash_errors(request, form)
        return redirect("recommendations:answer_list")
    recommendation = form.cleaned_data["recommendation"]
    addressee = form.cleaned_data["addressee"]
    cycle = form.cleaned_data["cycle"]
    existing = (
        permissions.follow_ups_visible_to(user)
        .filter(recommendation=recommendation, addressee=addressee, cycle=cycle)
        .first()
    )
    if existing is not None:
        return redirect(follow_up_url(existing))
    back = f"{reverse('recommendations:answer_list')}?{urlencode({'cycle': cycle.pk})}"
    try:
        follow_up = services.open_follow_up(recommendation, addressee, cycle, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    except RecommendationError as error:  # no status scale is current
        messages.error(request, str(error))
        return redirect(back)
    return redirect(follow_up_url(follow_up))


# The follow-up page ----------------------------------------------------------------------------


def _follow_up_context(
    user: User, follow_up: FollowUp, form: FollowUpForm | None
) -> dict[str, Any]:
    editable = permissions.can_edit_follow_up(user, follow_up)
    revision = {"revision": follow_up.revision}
    can_read_history = permissions.can_read_history(user, follow_up)
    return {
        "follow_up": follow_up,
        "form": form,
        "editable": editable,
        "attachments": follow_up.attachments.order_by("pk"),
        "links": follow_up.links.all(),
        # Evidence from a draft report or an unpublished resource stays with those who may see
        # it, whoever else may read the follow-up.
        "entries": entries_visible_to(user)
        .filter(recommendation_follow_ups=follow_up)
        .select_related("report__cycle"),
        "resources": resources_visible_to(user).filter(recommendation_follow_ups=follow_up),
        "comments": (
            follow_up.comments.select_related("author")
            if permissions.can_read_comments(user, follow_up)
            else []
        ),
        "can_read_history": can_read_history,
        "history": services.status_history(follow_up) if can_read_history else [],
        "attachment_form": AttachmentForm(initial=revision, prefix=ATTACH_PREFIX),
        "revision_form": RevisionForm(initial=revision, auto_id=False),
        "return_form": ReturnForm(),
        "unpublish_form": UnpublishForm(),
        "can_submit": permissions.can_submit_follow_up(user, follow_up),
        "can_return": permissions.can_return_follow_up(user, follow_up),
        "can_publish": permissions.can_publish_follow_up(user, follow_up),
        "can_unpublish": permissions.can_unpublish_follow_up(user, follow_up),
    }


def _save_then_submit(
    request: HttpRequest, follow_up: FollowUp, form: FollowUpForm
) -> HttpResponse:
    """Save the form (unless "Save and submit" came with nothing changed), then submit when
    asked. A refusal to save raises; a refusal to submit is a message over the saved form."""
    user = current_user(request)
    submit = "submit" in request.POST
    revision: int = form.cleaned_data["revision"]
    if form.has_changed() or not submit:
        follow_up = services.save_follow_up(
            follow_up, form.values(), by=user, expected_revision=revision
        )
        revision = follow_up.revision
    if not submit:
        messages.success(request, _("Follow-up saved."))
        return redirect(follow_up_url(follow_up))
    try:
        services.submit_follow_up(follow_up, by=user, expected_revision=revision)
    except StaleRevision:
        raise  # shown over the form by the page, like a stale save
    except RecommendationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Follow-up submitted to the CAM secretariat for validation. Thank you.")
        )
    return redirect(follow_up_url(follow_up))


@login_required
def follow_up_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A follow-up with its evidence, return comments and status history; its form while the
    user may edit it."""
    user = current_user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    editable = permissions.can_edit_follow_up(user, follow_up)
    conflict: FollowUp | None = None
    status = 200
    form: FollowUpForm | None = None
    if request.method == "POST":
        require(editable)
        if "submit" in request.POST:
            require(permissions.can_submit_follow_up(user, follow_up))
        initial = FollowUpForm.initial_for(follow_up)
        form = FollowUpForm(request.POST, initial=initial, follow_up=follow_up)
        status = 400
        if form.is_valid():
            try:
                return _save_then_submit(request, follow_up, form)
            except StaleRevision as error:
                # The form keeps what this person typed; the saved version is shown beside it,
                # and the next save is made knowingly over it.
                form.add_error(None, str(error))
                conflict = FollowUp.objects.select_related("level").get(pk=follow_up.pk)
                data = request.POST.copy()
                data["revision"] = str(conflict.revision)
                form.data = data
                status = 409
            except ValidationError as error:
                add_model_errors(form, error)
    elif editable:
        form = FollowUpForm(initial=FollowUpForm.initial_for(follow_up), follow_up=follow_up)
    context = _follow_up_context(user, follow_up, form)
    context["conflict"] = conflict
    return render(request, "recommendations/workspace/follow_up_page.html", context, status=status)


@login_required
@require_POST
def follow_up_attach(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    require(permissions.can_edit_follow_up(user, follow_up))
    form = AttachmentForm(request.POST, request.FILES, prefix=ATTACH_PREFIX)
    if not form.is_valid():
        flash_errors(request, form)
        return redirect(follow_up_url(follow_up))
    upload = form.cleaned_data["file"]
    return run_action(
        request,
        lambda: services.add_attachment(
            follow_up, upload, by=user, expected_revision=form.cleaned_data["revision"]
        ),
        _("Document attached: “%(name)s”.") % {"name": upload.name},
        follow_up_url(follow_up),
    )


def _attachment_for(user: User, pk: int) -> FollowUpAttachment:
    """The document if `user` may see its follow-up; Http404 otherwise."""
    attachment = get_object_or_404(FollowUpAttachment, pk=pk)
    attachment.follow_up = permissions.get_follow_up_for(user, attachment.follow_up_id)
    return attachment


@login_required
def follow_up_file(request: HttpRequest, pk: int) -> FileResponse:
    """Always a download with the detected type: uploaded files are never rendered inline."""
    attachment = _attachment_for(current_user(request), pk)
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name
    )
    response["Content-Type"] = attachment.content_type
    return response


@login_required
@require_POST
def follow_up_file_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    attachment = _attachment_for(user, pk)
    follow_up = attachment.follow_up
    require(permissions.can_edit_follow_up(user, follow_up))
    revision = posted_revision(request)
    return run_action(
        request,
        lambda: services.remove_attachment(attachment, by=user, expected_revision=revision),
        _("Document removed: “%(name)s”.") % {"name": attachment.name},
        follow_up_url(follow_up),
    )
