"""The workspace side of the recommendations: a focal point's recommendations to answer, the
follow-up form with its evidence and history, the secretariat's review queue, and the pages
where the secretariat records sources and recommendations.

Every object is fetched through `permissions` (404 when hidden), every write goes through one
service, and a rule refusing the action comes back as a message or a field error.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.accounts.models import User
from followup.program.models import Actor
from followup.recommendations import permissions, services
from followup.recommendations.addressees import recommendations_addressed_to
from followup.recommendations.forms import (
    AnswerListForm,
    AttachmentForm,
    FollowUpForm,
    OpenFollowUpForm,
    RecommendationForm,
    ReturnForm,
    RevisionForm,
    SourceForm,
    UnpublishForm,
)
from followup.recommendations.models import (
    FollowUp,
    FollowUpAttachment,
    Recommendation,
    Source,
)
from followup.recommendations.services import RecommendationError, StaleRevision
from followup.reporting.models import ReportingCycle

# The file form shares the follow-up page with the main form; the prefix keeps ids apart.
ATTACH_PREFIX = "attach"


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def follow_up_url(follow_up: FollowUp) -> str:
    return reverse("recommendations:follow_up_page", args=[follow_up.pk])


def _add_model_errors(form: forms.BaseForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def _flash_errors(request: HttpRequest, form: forms.Form) -> None:
    for errors in form.errors.values():
        messages.error(request, " ".join(str(error) for error in errors))


def _posted_revision(request: HttpRequest) -> int:
    """The revision an action's form carries; a form without one was tampered with."""
    form = RevisionForm(request.POST)
    if not form.is_valid():
        raise BadRequest
    revision: int = form.cleaned_data["revision"]
    return revision


def _run_action(
    request: HttpRequest, action: Callable[[], object], success: str, then: str
) -> HttpResponse:
    """Run a service for a POST action; a refusal by its rules comes back as a message (a
    refusal of permission stays a 403)."""
    try:
        action()
    except RecommendationError as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(then)


# A focal point's recommendations to answer ----------------------------------------------------


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
    user = _user(request)
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
    user = _user(request)
    form = OpenFollowUpForm(request.POST)
    if not form.is_valid():
        _flash_errors(request, form)
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
    try:
        follow_up = services.open_follow_up(recommendation, addressee, cycle, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(
            f"{reverse('recommendations:answer_list')}?{urlencode({'cycle': cycle.pk})}"
        )
    return redirect(follow_up_url(follow_up))


# The follow-up page ----------------------------------------------------------------------------


def _follow_up_context(
    user: User, follow_up: FollowUp, form: FollowUpForm | None
) -> dict[str, Any]:
    editable = permissions.can_edit_follow_up(user, follow_up)
    revision = {"revision": follow_up.revision}
    return {
        "follow_up": follow_up,
        "form": form,
        "editable": editable,
        "attachments": follow_up.attachments.order_by("pk"),
        "links": follow_up.links.all(),
        "entries": follow_up.entries.select_related("report__cycle"),
        "resources": follow_up.resources.all(),
        "comments": (
            follow_up.comments.select_related("author")
            if permissions.can_read_comments(user, follow_up)
            else []
        ),
        "history": services.status_history(follow_up),
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
    user = _user(request)
    submit = "submit" in request.POST
    revision: int = form.cleaned_data["revision"]
    if form.has_changed() or not submit:
        services.save_follow_up(follow_up, form.values(), by=user, expected_revision=revision)
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
    user = _user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    editable = permissions.can_edit_follow_up(user, follow_up)
    conflict: FollowUp | None = None
    status = 200
    form: FollowUpForm | None = None
    if request.method == "POST":
        _require(editable)
        if "submit" in request.POST:
            _require(permissions.can_submit_follow_up(user, follow_up))
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
                _add_model_errors(form, error)
                # The refused values may have reached the object before the rollback.
                follow_up = permissions.get_follow_up_for(user, pk)
    elif editable:
        form = FollowUpForm(initial=FollowUpForm.initial_for(follow_up), follow_up=follow_up)
    context = _follow_up_context(user, follow_up, form)
    context["conflict"] = conflict
    return render(request, "recommendations/workspace/follow_up_page.html", context, status=status)


@login_required
@require_POST
def follow_up_attach(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    _require(permissions.can_edit_follow_up(user, follow_up))
    form = AttachmentForm(request.POST, request.FILES, prefix=ATTACH_PREFIX)
    if not form.is_valid():
        _flash_errors(request, form)
        return redirect(follow_up_url(follow_up))
    upload = form.cleaned_data["file"]
    return _run_action(
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
    attachment = _attachment_for(_user(request), pk)
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name
    )
    response["Content-Type"] = attachment.content_type
    return response


@login_required
@require_POST
def follow_up_file_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    attachment = _attachment_for(user, pk)
    follow_up = attachment.follow_up
    _require(permissions.can_edit_follow_up(user, follow_up))
    revision = _posted_revision(request)
    return _run_action(
        request,
        lambda: services.remove_attachment(attachment, by=user, expected_revision=revision),
        _("Document removed: “%(name)s”.") % {"name": attachment.name},
        follow_up_url(follow_up),
    )


# The secretariat's review --------------------------------------------------------------------


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Submitted follow-ups, oldest first, to return or publish."""
    user = _user(request)
    _require(permissions.can_review_follow_ups(user))
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
    user = _user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    _require(permissions.can_return_follow_up(user, follow_up))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        _flash_errors(request, form)
        return redirect(follow_up_url(follow_up))
    return _run_action(
        request,
        lambda: services.return_follow_up(follow_up, by=user, comment=form.cleaned_data["comment"]),
        _("Follow-up returned to the addressee's focal points with your comment."),
        follow_up_url(follow_up),
    )


@login_required
@require_POST
def follow_up_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    _require(permissions.can_publish_follow_up(user, follow_up))
    revision = _posted_revision(request)
    then = (
        reverse("recommendations:review_queue")
        if request.POST.get("from") == "queue"
        else follow_up_url(follow_up)
    )
    return _run_action(
        request,
        lambda: services.publish_follow_up(follow_up, by=user, expected_revision=revision),
        _("Follow-up published: it now counts in the public progress pages."),
        then,
    )


@login_required
@require_POST
def follow_up_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    follow_up = permissions.get_follow_up_for(user, pk)
    _require(permissions.can_unpublish_follow_up(user, follow_up))
    form = UnpublishForm(request.POST)
    if not form.is_valid():
        _flash_errors(request, form)
        return redirect(follow_up_url(follow_up))
    return _run_action(
        request,
        lambda: services.unpublish_follow_up(
            follow_up, by=user, reason=form.cleaned_data["reason"]
        ),
        _("Follow-up taken off the public pages and returned to its focal points."),
        follow_up_url(follow_up),
    )


# Recording sources and recommendations (the secretariat) ---------------------------------------


@login_required
def source_manage_list(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_manage_recommendations(_user(request)))
    sources = Source.objects.select_related("issued_by").annotate(
        recommendation_count=Count("recommendations")
    )
    return render(request, "recommendations/workspace/source_list.html", {"sources": sources})


def _source_form_page(request: HttpRequest, source: Source) -> HttpResponse:
    user = _user(request)
    _require(permissions.can_manage_recommendations(user))
    creating = source.pk is None
    status = 200
    if request.method == "POST":
        form = SourceForm(request.POST, instance=source)
        status = 400
        if form.is_valid():
            try:
                services.save_source(source, form.values(), by=user)
            except ValidationError as error:
                _add_model_errors(form, error)
            else:
                messages.success(request, _("Source saved: “%(title)s”.") % {"title": source})
                return redirect("recommendations:source_edit", pk=source.pk)
    else:
        initial = {"language": request.LANGUAGE_CODE[:2]} if creating else {}
        form = SourceForm(instance=source, initial=initial)
    return render(
        request,
        "recommendations/workspace/source_form.html",
        {
            "form": form,
            "source": None if creating else source,
            "recommendations": [] if creating else source.recommendations.all(),
        },
        status=status,
    )


@login_required
def source_create(request: HttpRequest) -> HttpResponse:
    return _source_form_page(request, Source())


@login_required
def source_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _source_form_page(request, get_object_or_404(Source, pk=pk))


def _recommendation_form_page(request: HttpRequest, recommendation: Recommendation) -> HttpResponse:
    user = _user(request)
    _require(permissions.can_manage_recommendations(user))
    creating = recommendation.pk is None
    status = 200
    if request.method == "POST":
        form = RecommendationForm(request.POST, instance=recommendation)
        status = 400
        if form.is_valid():
            try:
                services.save_recommendation(recommendation, form.values(), by=user)
            except ValidationError as error:
                _add_model_errors(form, error)
            else:
                return _after_recommendation_saved(request, recommendation, creating)
    elif creating:
        initial = {
            "language": request.LANGUAGE_CODE[:2],
            "source": request.GET.get("source"),
            "group": request.GET.get("group", ""),
        }
        form = RecommendationForm(initial=initial)
    else:
        form = RecommendationForm(instance=recommendation)
    return render(
        request,
        "recommendations/workspace/recommendation_form.html",
        {"form": form, "recommendation": None if creating else recommendation},
        status=status,
    )


def _after_recommendation_saved(
    request: HttpRequest, recommendation: Recommendation, created: bool
) -> HttpResponse:
    label = services.recommendation_label(recommendation)
    if not created:
        messages.success(request, _("Recommendation saved: “%(label)s”.") % {"label": label})
        return redirect("recommendations:source_edit", pk=recommendation.source_id)
    # The next recommendation of a source is usually typed right after: same source and group.
    messages.success(
        request,
        _("Recommendation recorded: “%(label)s”. Record the next one below.") % {"label": label},
    )
    query = urlencode({"source": str(recommendation.source_id), "group": recommendation.group})
    return redirect(f"{reverse('recommendations:recommendation_create')}?{query}")


@login_required
def recommendation_create(request: HttpRequest) -> HttpResponse:
    return _recommendation_form_page(request, Recommendation())


@login_required
def recommendation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _recommendation_form_page(request, get_object_or_404(Recommendation, pk=pk))
