"""The secretariat's review of proposed records: accept (as proposed or edited) or reject.

Accepting creates the record in the app that owns it and links the proposal to it, so the
record keeps its provenance. A proposal is decided once; deciding it again is refused.
"""

import datetime
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.countries import CountryError, normalize_code
from followup.dates import PartialDateError, parse_partial_date
from followup.ingest import permissions
from followup.ingest.models import Proposal, SourceDocument
from followup.meetings.models import CalendarRow, WorkPlan
from followup.program.models import Actor, Mandate, ProgramVersion
from followup.program.symbols import SymbolError, parse_symbol
from followup.recommendations.models import Recommendation, Source
from followup.reporting.models import ActorReport, Entry, EntryCountry, Figure, ReportingCycle


class ReviewError(Exception):
    """The proposal cannot be accepted as it stands; the message says what to fix."""


def accept(proposal: Proposal, *, by: User, data: dict[str, Any] | None = None) -> models.Model:
    """Create the proposed record (with the reviewer's edits in `data`) and link it."""
    if not permissions.can_review(by):
        raise PermissionDenied
    if proposal.status != Proposal.Status.PENDING:
        raise ReviewError(_("This proposal was already reviewed."))
    fields = {**proposal.data, **(data or {})}
    with transaction.atomic():
        record = _CREATORS[proposal.kind](proposal, fields)
        proposal.data = fields
        proposal.status = Proposal.Status.ACCEPTED
        proposal.record_type = ContentType.objects.get_for_model(record)
        proposal.record_id = record.pk
        proposal.reviewed_by, proposal.reviewed_at = by, timezone.now()
        proposal.save()
    return record


def reject(proposal: Proposal, *, by: User) -> None:
    if not permissions.can_review(by):
        raise PermissionDenied
    if proposal.status != Proposal.Status.PENDING:
        raise ReviewError(_("This proposal was already reviewed."))
    proposal.status = Proposal.Status.REJECTED
    proposal.reviewed_by, proposal.reviewed_at = by, timezone.now()
    proposal.save(update_fields=["status", "reviewed_by", "reviewed_at"])


def accept_clean(document: SourceDocument, *, by: User, kind: str = "") -> tuple[int, int]:
    """Accept every pending proposal without warnings; (accepted, left for a person)."""
    pending = document.proposals.filter(status=Proposal.Status.PENDING)
    if kind:
        pending = pending.filter(kind=kind)
    accepted = left = 0
    for proposal in pending:
        if proposal.warnings:
            left += 1
            continue
        try:
            accept(proposal, by=by)
        except ReviewError:
            left += 1
        else:
            accepted += 1
    return accepted, left


# Creating each kind of record ------------------------------------------------------------


def _entry(proposal: Proposal, fields: dict[str, Any]) -> models.Model:
    actor = Actor.objects.filter(slug=fields.get("actor") or "").first()
    if actor is None:
        raise ReviewError(_("Choose the Program actor this entry belongs to."))
    cycle = _legacy_cycle(str(fields.get("period") or ""))
    kind = fields.get("kind") or Entry.Kind.CARRIED_OUT
    if kind not in Entry.Kind.values:
        kind = Entry.Kind.CARRIED_OUT  # findings and the like read as work carried out
    report, _created = ActorReport.objects.get_or_create(
        cycle=cycle,
        actor=actor,
        defaults={
            "status": ActorReport.Status.ACCEPTED,
            "original_language": proposal.document.language or "en",
        },
    )
    entry = Entry(
        report=report,
        kind=kind,
        title=str(fields.get("title") or "")[:300] or _("Untitled entry"),
        narrative=str(fields.get("narrative") or ""),
        language=fields.get("language") or proposal.document.language or "en",
        starts=_partial_date(fields.get("starts")),
        ends=_partial_date(fields.get("ends")),
        order=report.entries.count(),
    )
    try:
        entry.full_clean(exclude=["report"])
    except ValidationError as error:
        raise ReviewError(" ".join(error.messages)) from None
    entry.save()
    for code in fields.get("countries") or []:
        try:
            EntryCountry.objects.get_or_create(entry=entry, code=normalize_code(code))
        except CountryError as error:
            raise ReviewError(" ".join(error.messages)) from None
    for value, what in fields.get("figures") or []:
        try:
            Figure.objects.create(entry=entry, value=Decimal(str(value)), counts=str(what)[:200])
        except InvalidOperation:
            raise ReviewError(_("“%(value)s” is not a number.") % {"value": value}) from None
    return entry


def _partial_date(value: Any) -> str:
    if not value:
        return ""
    try:
        return str(parse_partial_date(str(value)))
    except PartialDateError as error:
        raise ReviewError(" ".join(error.messages)) from None


def _legacy_cycle(period: str) -> ReportingCycle:
    """The cycle an imported report belongs to: found by its period, or made closed."""
    years = [part for part in period.replace("-", "–").split("–") if part.strip()]
    if not years or not all(year.strip().isdigit() and len(year.strip()) == 4 for year in years):
        raise ReviewError(_("Give the period of the report, such as 2019–2020."))
    first, last = int(years[0]), int(years[-1])
    if last < first:
        raise ReviewError(_("The period ends before it starts."))
    label = f"{first}–{last}" if last != first else str(first)
    slug = slugify(label.replace("–", "-"))
    cycle = ReportingCycle.objects.filter(slug=slug).first()
    if cycle is not None:
        return cycle
    version = (
        ProgramVersion.objects.filter(adopted_on__year__lte=first).order_by("-adopted_on").first()
        or ProgramVersion.objects.order_by("adopted_on").first()
    )
    if version is None:
        raise ReviewError(_("Load the Program registry first (followup load-program)."))
    return ReportingCycle.objects.create(
        label=label,
        slug=slug,
        version=version,
        opens_on=datetime.date(first, 1, 1),
        deadline=datetime.date(last, 12, 31),
        status=ReportingCycle.Status.CLOSED,
    )


def _recommendation(proposal: Proposal, fields: dict[str, Any]) -> models.Model:
    text = str(fields.get("text") or "").strip()
    if not text:
        raise ReviewError(_("A recommendation needs its text."))
    group = str(fields.get("group") or "")[:300]
    document = proposal.document
    title = str(fields.get("source") or document.title or document.filename)[:500]
    # One source per document: its recommendations share it, numbered within their panel.
    # Titles are not unique (a source may be recorded twice by hand): take the oldest.
    source = Source.objects.filter(title=title).order_by("pk").first() or Source.objects.create(
        title=title,
        kind=Source.Kind.REPORT,
        date=document.period_end or document.period_start,
        language=document.language or "en",
    )
    number = Recommendation.objects.filter(source=source, group=group).count() + 1
    # Imported recommendations speak to "States" in general; the secretariat narrows the
    # addressees afterwards where a document names them.
    recommendation = Recommendation.objects.create(
        source=source,
        group=group,
        number=number,
        text=text,
        language=document.language or "en",
        all_member_states=bool(fields.get("all_member_states", True)),
    )
    return recommendation


def _calendar_row(proposal: Proposal, fields: dict[str, Any]) -> models.Model:
    activity = str(fields.get("activity") or "").strip()
    if not activity:
        raise ReviewError(_("A calendar row needs its activity."))
    document = proposal.document
    # A work plan exported from Word often has no title line; its period names it better
    # than the file name does.
    with translation.override(document.language or "en"):  # the document's own language
        default_title = document.title or (
            _("Work plan %(period)s") % {"period": document.period}
            if document.period
            else document.filename
        )
    title = str(fields.get("work_plan") or default_title)[:500]
    # Titles are not unique (the secretariat may name two plans alike): the oldest plan of the
    # title takes the row, where get_or_create would raise MultipleObjectsReturned.
    plan = WorkPlan.objects.filter(title=title).order_by("pk").first() or WorkPlan.objects.create(
        title=title, period_start=document.period_start, period_end=document.period_end
    )
    symbols = []
    for text in fields.get("mandates") or []:
        try:
            symbols.append(parse_symbol(str(text)).canonical)
        except SymbolError as error:
            raise ReviewError(str(error)) from None
    mandates = list(Mandate.objects.filter(symbol__in=symbols))
    missing = set(symbols) - {mandate.symbol for mandate in mandates}
    if missing:
        raise ReviewError(
            _("Accept or add these mandates first: %(symbols)s.")
            % {"symbols": ", ".join(sorted(missing))}
        )
    row = CalendarRow(
        work_plan=plan,
        date=_partial_date(fields.get("date")),
        date_text=str(fields.get("date_text") or "")[:200],
        activity=activity,
        notes=str(fields.get("notes") or ""),
        order=plan.rows.count(),
    )
    row.save()
    row.mandates.set(mandates)
    return row


def _mandate(proposal: Proposal, fields: dict[str, Any]) -> models.Model:
    mandate = Mandate()
    try:
        mandate.set_symbol(str(fields.get("symbol") or ""))
    except SymbolError as error:
        raise ReviewError(str(error)) from None
    title_en = str(fields.get("title_en") or "").strip()
    title_es = str(fields.get("title_es") or "").strip()
    if not (title_en or title_es):
        raise ReviewError(_("Give the mandate's title in English or Spanish."))
    existing = Mandate.objects.filter(symbol=mandate.symbol).first()
    if existing is not None:
        return existing  # added meanwhile, by hand or by another document
    mandate.title_en, mandate.title_es = title_en or title_es, title_es or title_en
    mandate.save()
    return mandate


_CREATORS: dict[str, Callable[[Proposal, dict[str, Any]], models.Model]] = {
    Proposal.Kind.ENTRY: _entry,
    Proposal.Kind.RECOMMENDATION: _recommendation,
    Proposal.Kind.CALENDAR_ROW: _calendar_row,
    Proposal.Kind.MANDATE: _mandate,
}
