"""The pages where the CAM secretariat records sources of recommendations and the
recommendations themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from followup.recommendations import permissions, services
from followup.recommendations.forms import RecommendationForm, SourceForm
from followup.recommendations.models import Recommendation, Source
from followup.recommendations.views.common import add_model_errors, current_user, require


@login_required
def source_manage_list(request: HttpRequest) -> HttpResponse:
    require(permissions.can_manage_recommendations(current_user(request)))
    sources = Source.objects.select_related("issued_by").annotate(
        recommendation_count=Count("recommendations")
    )
    return render(request, "recommendations/workspace/source_list.html", {"sources": sources})


def _source_form_page(request: HttpRequest, source: Source) -> HttpResponse:
    user = current_user(request)
    require(permissions.can_manage_recommendations(user))
    creating = source.pk is None
    status = 200
    if request.method == "POST":
        form = SourceForm(request.POST, instance=source)
        status = 400
        if form.is_valid():
            try:
                services.save_source(source, form.values(), by=user)
            except ValidationError as error:
                add_model_errors(form, error)
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
    user = current_user(request)
    require(permissions.can_manage_recommendations(user))
    creating = recommendation.pk is None
    status = 200
    if request.method == "POST":
        form = RecommendationForm(request.POST, instance=recommendation)
        status = 400
        if form.is_valid():
            try:
                services.save_recommendation(recommendation, form.values(), by=user)
            except ValidationError as error:
                add_model_errors(form, error)
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
