"""The annual report: the secretariat compiles and publishes versions; the public reads the
published one. Files are served through here, so unpublished versions never leak."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.accounts.models import User
from followup.publishing import permissions, services
from followup.publishing.document import NothingToCompile
from followup.publishing.forms import IntroductionForm
from followup.publishing.models import Compilation, CompiledFile, CompileRequest, Introduction
from followup.reporting.models import ReportingCycle


def _secretariat(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not permissions.can_compile(user):
        raise PermissionDenied
    return user


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    user = _secretariat(request)
    cycle = get_object_or_404(ReportingCycle, slug=slug)
    intro = Introduction.objects.filter(cycle=cycle).first()
    if request.method == "POST":
        form = IntroductionForm(request.POST)
        if form.is_valid():
            services.save_introduction(cycle, by=user, **form.cleaned_data)
            messages.success(request, _("Introduction saved."))
            return redirect("publishing:manage", slug=cycle.slug)
    else:
        form = IntroductionForm(
            initial={"text_en": intro.text_en, "text_es": intro.text_es} if intro else {}
        )
    versions = (
        Compilation.objects.filter(cycle=cycle)
        .select_related("compiled_by")
        .prefetch_related("files")
        .order_by("-number")
    )
    latest = CompileRequest.objects.filter(cycle=cycle).select_related("requested_by").first()
    return render(
        request,
        "publishing/manage.html",
        {"cycle": cycle, "form": form, "versions": versions, "latest_request": latest},
    )


@login_required
@require_POST
def compile_now(request: HttpRequest, slug: str) -> HttpResponse:
    user = _secretariat(request)
    cycle = get_object_or_404(ReportingCycle, slug=slug)
    try:
        services.request_compilation(cycle, by=user, language=get_language())
    except (NothingToCompile, services.CompileError) as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The new version is being compiled; it appears in the list below when it is ready."),
        )
    return redirect("publishing:manage", slug=cycle.slug)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = _secretariat(request)
    compilation = get_object_or_404(Compilation.objects.select_related("cycle"), pk=pk)
    services.publish_compilation(compilation, by=user)
    messages.success(
        request,
        _("Version %(number)s is published: anyone can read and download it.")
        % {"number": compilation.number},
    )
    return redirect("publishing:manage", slug=compilation.cycle.slug)


def public(request: HttpRequest, slug: str) -> HttpResponse:
    cycle = get_object_or_404(ReportingCycle, slug=slug)
    compilation = services.public_compilation(cycle)
    if compilation is None:
        raise Http404
    files = {(f.language, f.format): f for f in compilation.files.all()}
    rows = [
        (name, [files.get((code, fmt)) for fmt in ("html", "pdf", "docx")])
        for code, name in settings.LANGUAGES
    ]
    return render(
        request,
        "publishing/public.html",
        {"cycle": cycle, "compilation": compilation, "rows": rows},
    )


def download(request: HttpRequest, pk: int) -> FileResponse:
    stored = get_object_or_404(CompiledFile.objects.select_related("compilation__cycle"), pk=pk)
    if not permissions.can_read_compilation(request.user, stored.compilation):
        raise Http404
    # The HTML version is the web page: shown in the browser. The others download.
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=stored.format != CompiledFile.Format.HTML,
        filename=stored.filename,
        content_type=stored.content_type,
    )
    if stored.format == CompiledFile.Format.HTML:
        # Our own generated page, with everything inline: nothing else may load in it.
        response["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        )
    return response
