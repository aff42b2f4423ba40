"""read → blocks → sections → entities: one document's extraction, as `followup ingest --json`
prints it and as the review queue stores it.

The pipeline only reads: it stores nothing and needs the database only for the registry's
actors. `extract` returns plain data; `to_json` gives the object of the command-line contract.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from followup.ingest.actors import ActorMatch, match_actor
from followup.ingest.blocks import Block, ReadDocument, Section
from followup.ingest.classify import document_kind, document_period, document_title
from followup.ingest.extract.countries import country_codes
from followup.ingest.extract.dates import find_dates
from followup.ingest.extract.figures import find_figures
from followup.ingest.extract.kinds import entry_kind
from followup.ingest.extract.mandates import find_mandates
from followup.ingest.segment import segment
from followup.ingest.structures.activities import find_program_activities
from followup.ingest.structures.calendar import find_calendar
from followup.ingest.structures.recommendations import find_recommendations

# Blocks that carry content an entry is made of; headings only give context.
ENTRY_BLOCKS = ("paragraph", "list_item", "table_row")


@dataclass(frozen=True)
class ExtractedEntry:
    kind: str
    text: str
    block: int
    countries: tuple[str, ...]
    dates: tuple[str, ...]  # ISO partial dates, a range giving its start and end
    figures: tuple[tuple[float | int, str], ...]  # (value, what it counts)


@dataclass(frozen=True)
class ExtractedSection:
    heading: str
    heading_block: int | None
    actor: ActorMatch | None
    entries: tuple[ExtractedEntry, ...]

    @property
    def countries(self) -> list[str]:
        return _unique(code for entry in self.entries for code in entry.countries)


@dataclass(frozen=True)
class Extraction:
    source: ReadDocument
    kind: str
    title: str
    period: tuple[str, str] | None
    countries: list[str]
    # (canonical symbol, "resolution" | "declaration", block of its first mention)
    mandates: list[tuple[str, str, int]]
    sections: list[ExtractedSection]
    recommendations: list[Any] = field(default_factory=list)
    calendar: list[Any] = field(default_factory=list)
    program_activities: list[Any] = field(default_factory=list)


def extract(document: ReadDocument) -> Extraction:
    blocks = document.blocks
    language = document.language or "en"
    sections = segment(blocks)
    extracted: list[ExtractedSection] = []
    actors: dict[str, ActorMatch | None] = {}
    for top in sections:
        _collect(top, [], language, extracted, actors)
    mandates: dict[str, tuple[str, str, int]] = {}
    for block in blocks:
        for mention in find_mandates(block.text):
            mandates.setdefault(mention.symbol, (mention.symbol, mention.kind, block.index))
    return Extraction(
        source=document,
        kind=document_kind(blocks, sections),
        title=document_title(blocks),
        period=document_period(blocks),
        countries=_unique(code for block in blocks for code in country_codes(block.text)),
        mandates=list(mandates.values()),
        sections=extracted,
        recommendations=find_recommendations(blocks),
        calendar=find_calendar(blocks),
        program_activities=find_program_activities(blocks),
    )


def _collect(
    section: Section,
    context: list[str],
    language: str,
    into: list[ExtractedSection],
    actors: dict[str, ActorMatch | None],
) -> None:
    """An actor's section takes in its subsections ("Activities planned" and the like, which
    set the kind of their entries); any other section stands alone and its children follow.
    A section whose direct subsections name other institutions is a container, not an actor's
    section: a report's title naming the CAM above one section per actor, or a secretariat
    whose departments report one by one."""

    def actor_of(heading: str) -> ActorMatch | None:  # each heading looked up once
        if heading not in actors:
            actors[heading] = _actor_of(heading)
        return actors[heading]

    actor = actor_of(section.heading)
    path = [*context, section.heading] if section.heading else context
    # Only direct children count: deeper headings naming countries or partners are details
    # of the actor's own report.
    nested = any(
        (found := actor_of(child.heading)) is not None
        and actor is not None
        and found.pk != actor.pk
        for child in section.children
    )
    if actor is not None and not nested:
        entries = [
            _entry(block, [*path, *sub_path], language)
            for sub_path, block in _blocks_with_context(section, [])
        ]
        into.append(ExtractedSection(section.heading, section.heading_block, actor, tuple(entries)))
        return
    entries = [_entry(block, path, language) for block in section.blocks if _is_content(block)]
    if section.heading or entries:
        into.append(ExtractedSection(section.heading, section.heading_block, None, tuple(entries)))
    for child in section.children:
        _collect(child, path, language, into, actors)


def _actor_of(heading: str) -> ActorMatch | None:
    """The actor a heading is about. A heading that cites a mandate is about the mandate,
    even when the mandate's title names an actor (a resolution establishing the CAM)."""
    if not heading or find_mandates(heading):
        return None
    return match_actor(heading)


def _blocks_with_context(section: Section, path: list[str]) -> list[tuple[list[str], Block]]:
    found = [(path, block) for block in section.blocks if _is_content(block)]
    for child in section.children:
        found += _blocks_with_context(child, [*path, child.heading])
    return found


def _is_content(block: Block) -> bool:
    return block.kind in ENTRY_BLOCKS and bool(block.text.strip())


def _entry(block: Block, context: list[str], language: str) -> ExtractedEntry:
    dates: list[str] = []
    for mention in find_dates(block.text, language):
        dates.append(mention.start)
        if mention.end:
            dates.append(mention.end)
    return ExtractedEntry(
        kind=entry_kind(block.text, context, language),
        text=block.text,
        block=block.index,
        countries=tuple(country_codes(block.text)),
        dates=tuple(_unique(dates)),
        figures=tuple((figure.value, figure.what) for figure in find_figures(block.text, language)),
    )


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _actor_json(actor: ActorMatch | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "acronym": actor.acronym or None}


def to_json(extraction: Extraction) -> dict[str, Any]:
    """The object of the command-line contract (docs/ingest.md), in its key order."""
    source = extraction.source
    period = extraction.period
    return {
        "source": {
            "filename": source.filename,
            "sha256": source.sha256,
            "media_type": source.media_type,
            "language": source.language,
        },
        "kind": extraction.kind,
        "title": extraction.title,
        "period": {"start": period[0], "end": period[1]} if period else None,
        "countries": extraction.countries,
        "mandates": [
            {"symbol": symbol, "kind": kind} for symbol, kind, _block in extraction.mandates
        ],
        "sections": [
            {
                "heading": section.heading,
                "actor": _actor_json(section.actor),
                "countries": section.countries,
                "entries": [
                    {
                        "kind": entry.kind,
                        "text": entry.text,
                        "countries": list(entry.countries),
                        "dates": list(entry.dates),
                        "figures": [
                            {"value": value, "what": what} for value, what in entry.figures
                        ],
                    }
                    for entry in section.entries
                ],
            }
            for section in extraction.sections
        ],
        "recommendations": [
            {"group": item.group, "text": item.text} for item in extraction.recommendations
        ],
        "calendar": [
            {
                "date": row.date,
                "date_text": row.date_text,
                "mandates": list(row.mandates),
                "activity": row.activity,
            }
            for row in extraction.calendar
        ],
        "program_activities": [
            {"actor": _actor_json(item.actor), "label": item.label, "text": item.text}
            for item in extraction.program_activities
        ],
    }


def blocks_json(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """The blocks as stored with the document, for the source view and provenance links."""
    return [{"kind": block.kind, "text": block.text, "level": block.level} for block in blocks]
