"""Public pages of the registry. Each view reads through `queries` and renders; no rules here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followup.program import queries
from followup.program.forms import MandateLookupForm
from followup.program.models import Mandate


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "program/home.html",
        {
            "current": queries.current_version(),
            "versions": queries.versions(),
            "categories": queries.actors_by_category(),
            "mandates": queries.mandates(),
            "lookup_form": MandateLookupForm(),
        },
    )


def version_detail(request: HttpRequest, slug: str) -> HttpResponse:
    version, assignments = queries.version_detail(slug)
    return render(
        request, "program/version_detail.html", {"version": version, "assignments": assignments}
    )


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor, activities = queries.actor_detail(slug)
    return render(request, "program/actor_detail.html", {"actor": actor, "activities": activities})


def mandate_detail(request: HttpRequest, slug: str) -> HttpResponse:
    mandate, activities, adopted = queries.mandate_page(slug)
    return render(
        request,
        "program/mandate_detail.html",
        {"mandate": mandate, "activities": activities, "adopted_versions": adopted},
    )


def mandate_lookup(request: HttpRequest) -> HttpResponse:
    """Find a mandate by any spelling of its symbol; a bad symbol is explained, not a 404.
    Without a symbol (the menu's link) it is the list of mandates with an empty lookup."""
    if "symbol" not in request.GET:
        return render(
            request,
            "program/mandate_lookup.html",
            {"lookup_form": MandateLookupForm(), "mandates": queries.mandates()},
        )
    form = MandateLookupForm(request.GET)
    status = 200
    if form.is_valid():
        symbol = form.cleaned_data["symbol"]
        mandate = Mandate.objects.filter(symbol=symbol.canonical).first()
        if mandate is not None:
            return redirect(mandate)
        status = 404
    else:
        status = 400
    return render(
        request,
        "program/mandate_lookup.html",
        {"lookup_form": form, "mandates": queries.mandates()},
        status=status,
    )
