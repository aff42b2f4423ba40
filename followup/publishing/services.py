"""Compiling and publishing the annual report; the one path for the button and the command.

Every format is rendered in memory before anything is stored, so a failure leaves no partial
version and no half-written file behind.
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
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.publishing import permissions
from followup.publishing.document import AnnualReport, build_annual_report
from followup.publishing.models import Compilation, CompiledFile, Introduction
from followup.reporting.models import ReportingCycle

FORMATS = ("html", "pdf", "docx")


class CompileError(Exception):
    """A compilation could not be made; the message is for the user."""


def _renderer(fmt: str) -> Callable[[AnnualReport], bytes]:
    # Imported on demand: WeasyPrint and python-docx are slow to import and only this path
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
    return renderer(build(cycle, language))


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
            rendered[(language, fmt)] = _renderer(fmt)(report)
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
