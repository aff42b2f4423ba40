"""What the workspace pages of the recommendations share: the signed-in user, the permission
check, the follow-up's address, and how a refusal by a form or a service reaches the person."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from followup.accounts.models import User
from followup.recommendations.forms import RevisionForm
from followup.recommendations.models import FollowUp
from followup.recommendations.services import RecommendationError


def current_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def follow_up_url(follow_up: FollowUp) -> str:
    return reverse("recommendations:follow_up_page", args=[follow_up.pk])


def add_model_errors(form: forms.BaseForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def flash_errors(request: HttpRequest, form: forms.Form) -> None:
    for errors in form.errors.values():
        messages.error(request, " ".join(str(error) for error in errors))


def posted_revision(request: HttpRequest) -> int:
    """The revision an action's form carries; a form without one was tampered with."""
    form = RevisionForm(request.POST)
    if not form.is_valid():
        raise BadRequest
    revision: int = form.cleaned_data["revision"]
    return revision


def run_action(
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
