"""Compiling and publishing the annual report; the one path for the button and the command.

Every format is rendered in memory before anything is stored, so a failure leaves no partial
version and no half-written file behind. The button does not compile: it records a
CompileRequest that the task worker carries out (`run_compile_request`).
"""

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.publishing import permissions
from followup.publishing.document import (
    AnnualReport,
    NothingToCompile,
    build_annual_report,
    ensure_compilable,
)
from followup.publishing.models import Compilation, CompiledFile, CompileRequest, Introduction
from followup.publishing.render import RenderError
from followup.reporting.models import ReportingCycle

FORMATS = ("html", "pdf", "docx")


class CompileError(Exception):
    """A compilation could not be made; the message is for the user."""


def _renderer(fmt: str) -> Callable[[AnnualReport], bytes]:
    # Imported on demand: Playwright and python-docx are slow to import and only this path
    # needs them.
    if fmt == "html":
        from followup.publishing.render.html import render_html

        return render_html
    if fmt == "pdf":
        from followup.publishing.render.pdf import render_pdf

        return render_pdf
    if fmt == "docx":
        from followup.publishing.render.docx import render_docx

        return render_docx
    raise CompileError(
        _("“%(format)s” is not a format of the annual report; use html, pdf or docx.")
        % {"format": fmt}
    )


def introduction_text(cycle: ReportingCycle, language: str) -> str:
    intro = Introduction.objects.filter(cycle=cycle).first()
    return getattr(intro, f"text_{language}", "") if intro else ""


def build(cycle: ReportingCycle, language: str) -> AnnualReport:
    if language not in dict(settings.LANGUAGES):
        raise CompileError(
            _("“%(language)s” is not a language of the annual report; use en or es.")
            % {"language": language}
        )
    return build_annual_report(
        cycle,
        language=language,
        introduction=introduction_text(cycle, language),
        annex_base=getattr(settings, "FOLLOWUP_SITE_URL", ""),
    )


def render(cycle: ReportingCycle, *, fmt: str, language: str) -> bytes:
    """One format in one language. NothingToCompile or CompileError when it cannot be made."""
    renderer = _renderer(fmt)
    try:
        return renderer(build(cycle, language))
    except RenderError as error:
        raise CompileError(str(error)) from error


def write_atomically(content: bytes, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename: never a partial file at `path`."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise CompileError(
            _("Cannot write to %(folder)s: %(reason)s.")
            % {"folder": folder, "reason": error.strerror}
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CompileError(
            _("Cannot write %(path)s: %(reason)s.") % {"path": path, "reason": error.strerror}
        ) from None


def save_introduction(
    cycle: ReportingCycle, *, text_en: str, text_es: str, by: User
) -> Introduction:
    if not permissions.can_compile(by):
        raise PermissionDenied
    intro, _created = Introduction.objects.get_or_create(cycle=cycle)
    intro.text_en, intro.text_es = text_en.strip(), text_es.strip()
    intro._history_user = by  # type: ignore[attr-defined]  # read by simple-history
    intro.save()
    return intro


def compile_cycle(cycle: ReportingCycle, *, by: User) -> Compilation:
    """A new numbered version: every format in both languages, with checksums and sources."""
    if not permissions.can_compile(by):
        raise PermissionDenied
    rendered: dict[tuple[str, str], bytes] = {}
    sources: list[list[object]] = []
    for language, _name in settings.LANGUAGES:
        report = build(cycle, language)
        sources = [list(source) for source in report.sources]
        for fmt in FORMATS:
            try:
                rendered[(language, fmt)] = _renderer(fmt)(report)
            except RenderError as error:
                raise CompileError(str(error)) from error
    with transaction.atomic():
        # Lock the cycle's row so two compilations at once cannot take the same number.
        ReportingCycle.objects.select_for_update().filter(pk=cycle.pk).first()
        last = Compilation.objects.filter(cycle=cycle).aggregate(last=Max("number"))["last"] or 0
        compilation = Compilation.objects.create(
            cycle=cycle, number=last + 1, compiled_by=by, sources=sources
        )
        for (language, fmt), content in rendered.items():
            stored = CompiledFile(
                compilation=compilation,
                language=language,
                format=fmt,
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
            )
            stored.file.save(stored.filename, ContentFile(content), save=False)
            stored.save()
    return compilation


def request_compilation(cycle: ReportingCycle, *, by: User, language: str) -> CompileRequest:
    """Queue a compilation for the task worker; one at a time per cycle.

    Refuses at once what the worker would refuse (NothingToCompile), so the user hears it now.
    """
    if not permissions.can_compile(by):
        raise PermissionDenied
    ensure_compilable(cycle)
    with transaction.atomic():
        # Lock the cycle's row so two clicks at once cannot both queue a compilation.
        ReportingCycle.objects.select_for_update().filter(pk=cycle.pk).first()
        pending = next(
            (
                request
                for request in CompileRequest.objects.filter(
                    cycle=cycle,
                    status__in=[CompileRequest.Status.QUEUED, CompileRequest.Status.RUNNING],
                )
                if request.in_progress
            ),
            None,
        )
        if pending is not None:
            raise CompileError(
                _("A compilation of this cycle is already under way (requested at %(time)s).")
                % {"time": date_format(timezone.localtime(pending.requested_at), "TIME_FORMAT")}
            )
        request = CompileRequest.objects.create(cycle=cycle, requested_by=by, language=language)
        # Imported here: the task module imports this one.
        from followup.publishing.tasks import compile_annual_report

        # After the commit, so the worker finds the request's row.
        transaction.on_commit(lambda: compile_annual_report.enqueue(request.pk))
    return request


def run_compile_request(request_id: int) -> None:
    """The worker's side of `request_compilation`: compile, and record how it went."""
    request = CompileRequest.objects.select_related("cycle", "requested_by").get(pk=request_id)
    if request.status != CompileRequest.Status.QUEUED:
        return  # already carried out: a task delivered twice compiles once
    request.status = CompileRequest.Status.RUNNING
    request.save(update_fields=["status"])
    with translation.override(request.language):
        try:
            request.compilation = compile_cycle(request.cycle, by=request.requested_by)
        except (NothingToCompile, CompileError) as error:
            request.status, request.error = CompileRequest.Status.FAILED, str(error)
        except PermissionDenied:
            request.status = CompileRequest.Status.FAILED
            request.error = _("The person who asked for this compilation may no longer compile.")
        except Exception:
            request.status = CompileRequest.Status.FAILED
            request.error = _(
                "An unexpected error stopped the compilation; the server log has the details."
            )
            request.finished_at = timezone.now()
            request.save(update_fields=["status", "error", "finished_at"])
            raise
        else:
            request.status = CompileRequest.Status.DONE
    request.finished_at = timezone.now()
    request.save(update_fields=["status", "error", "compilation", "finished_at"])


def publish_compilation(compilation: Compilation, *, by: User) -> None:
    """Make this version the public one; earlier versions stay with the secretariat."""
    if not permissions.can_publish(by):
        raise PermissionDenied
    compilation.published_at = timezone.now()
    compilation.save(update_fields=["published_at"])


def public_compilation(cycle: ReportingCycle) -> Compilation | None:
    """The latest published version of the cycle's annual report, if any."""
    return (
        Compilation.objects.filter(cycle=cycle, published_at__isnull=False)
        .prefetch_related("files")
        .order_by("-number")
        .first()
    )
