"""The records an extraction proposes, before anyone has looked at them.

Only what a reviewer can turn into a record is proposed: entries of sections that name a
Program actor, recommendations with their group, calendar rows, and mandate symbols the
registry does not hold yet. Each keeps where it was found.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from followup.ingest.models import Proposal
from followup.ingest.pipeline import ExtractedEntry, Extraction
from followup.program.models import Mandate

# An entry's title is its first sentence, cut to this length at a word boundary.
TITLE_LENGTH = 120


@dataclass
class Proposed:
    kind: str
    data: dict[str, Any]
    first_block: int
    last_block: int
    start: int = 0
    end: int = 0
    warnings: list[str] = field(default_factory=list)


def propose(extraction: Extraction) -> list[Proposed]:
    found: list[Proposed] = []
    period = "–".join(dict.fromkeys(extraction.period)) if extraction.period else ""
    language = extraction.source.language or "en"
    # Entries come from activity reports only: a work plan's or a forum's sections about an
    # actor describe what is asked of it, not what it reported.
    reported = extraction.kind == "activity_report"
    for section in extraction.sections:
        if section.actor is None or not reported:
            continue
        for entry in section.entries:
            found.append(_entry(entry, section.actor.slug, section.actor.name, period, language))
    for item in extraction.recommendations:
        first, last = item.blocks
        found.append(
            Proposed(
                "recommendation",
                {"group": item.group, "text": item.text, "source": extraction.title},
                first,
                last,
            )
        )
    for row in extraction.calendar:
        first, last = row.blocks
        warnings = [] if row.date else [_("No date: the document leaves it to be determined.")]
        found.append(
            Proposed(
                "calendar_row",
                {
                    "date": row.date,
                    "date_text": row.date_text,
                    "mandates": list(row.mandates),
                    "activity": row.activity,
                    "notes": row.notes,
                    "work_plan": extraction.title,
                    "period": period,
                },
                first,
                last,
                warnings=warnings,
            )
        )
    known = set(
        Mandate.objects.filter(
            symbol__in=[symbol for symbol, _kind, _block in extraction.mandates]
        ).values_list("symbol", flat=True)
    )
    for symbol, kind, block in extraction.mandates:
        if symbol not in known:
            found.append(
                Proposed(
                    "mandate",
                    {"symbol": symbol, "kind": kind},
                    block,
                    block,
                    warnings=[_("Not in the registry: give its title before accepting it.")],
                )
            )
    return found


def _entry(
    entry: ExtractedEntry, actor_slug: str, actor_name: str, period: str, language: str
) -> Proposed:
    warnings = []
    if not period:
        warnings.append(_("The document gives no period: choose the cycle."))
    dates = list(entry.dates)
    return Proposed(
        "entry",
        {
            "actor": actor_slug,
            "actor_name": actor_name,
            "period": period,
            "kind": entry.kind,
            "title": entry_title(entry.text),
            "narrative": entry.text,
            "language": language,
            "countries": list(entry.countries),
            "starts": dates[0] if dates else "",
            "ends": dates[1] if len(dates) > 1 else "",
            "figures": [[value, what] for value, what in entry.figures],
        },
        entry.block,
        entry.block,
        0,
        len(entry.text),
        warnings,
    )


def entry_title(text: str) -> str:
    """The first sentence, cut at a word boundary so a title stays a title."""
    sentence = text.split(". ", 1)[0].strip().rstrip(".")
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = sentence[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def to_rows(proposed: list[Proposed]) -> list[Proposal]:
    return [
        Proposal(
            position=position,
            kind=item.kind,
            data=item.data,
            warnings=item.warnings,
            first_block=item.first_block,
            last_block=item.last_block,
            start=item.start,
            end=item.end,
        )
        for position, item in enumerate(proposed)
    ]
