"""What a document is, what it is called and which years it covers, from its blocks.

The kind decides which extractors apply: an activity report ("Report by the …", "Activities
carried out"), a work plan (its calendar of activities), recommendations (a forum's panels).
The title comes from the first lines, before any heading or paragraph; the period from the
title ("2009 ANNUAL MEETING") or else from a year range the text ties to a period or work plan.
"""

import re
from collections.abc import Sequence
from typing import Literal

from followup.ingest.blocks import Block, Section
from followup.ingest.headings import (
    ends_phrase_open,
    full_text,
    has_document_symbol,
    is_date_line,
    starts_with_connector,
)
from followup.ingest.segment import title_lines

DocumentKind = Literal["activity_report", "work_plan", "recommendations", "other"]

_KIND_PATTERNS: dict[DocumentKind, re.Pattern[str]] = {
    "activity_report": re.compile(
        r"\breports?\s+(?:on|of)\s+(?:the\s+)?activities\b|\bactivit(?:y|ies)\s+reports?\b"
        r"|\bannual\s+report\b|\breports?\s+(?:by|submitted\s+by|presented\s+by)\b"
        r"|\binformes?\s+(?:anual|de\s+actividades|de\s+gesti[oó]n|presentado\s+por)\b"
        r"|\binforme\s+del?\b|\bactivities\s+(?:carried\s+out|implemented|undertaken)\b"
        r"|\bactividades\s+(?:realizadas|desarrolladas|ejecutadas|llevadas\s+a\s+cabo)\b",
        re.IGNORECASE,
    ),
    "work_plan": re.compile(
        r"\bwork\s*plan\b|\bplan\s+de\s+trabajo\b|\bcalendar(?:io)?\b"
        r"|\bprogram(?:me)?\s+of\s+work\b",
        re.IGNORECASE,
    ),
    "recommendations": re.compile(
        r"\brecommendations?\b|\brecomendaci(?:ón|on|ones)\b", re.IGNORECASE
    ),
}
# A document naming itself: "This Work Plan of the Committee …", "el presente informe".
_SELF_REFERENCE: dict[DocumentKind, re.Pattern[str]] = {
    "activity_report": re.compile(
        r"\b(?:this|the\s+present)\s+(?:annual\s+|activity\s+)?report\b"
        r"|\b(?:este|el\s+presente)\s+informe\b",
        re.IGNORECASE,
    ),
    "work_plan": re.compile(
        r"\b(?:this|the\s+present)\s+work\s*plan\b|\b(?:este|el\s+presente)\s+plan\s+de\s+trabajo\b",
        re.IGNORECASE,
    ),
}
_OPENING_BLOCKS = 15
# What the title says outweighs a heading or the document naming itself at its start, which
# outweigh a mention in the text; which outweighs a mention in the text; mentions
# are capped so that a long report quoting "work plans" stays a report.
_TITLE_WEIGHT = 5.0
_SELF_REFERENCE_WEIGHT = 3.0
_HEADING_WEIGHT = 2.0
_MENTION_WEIGHT = 0.25
_MENTIONS_CAP = 2.0
_MINIMUM_SCORE = 2.0

# Letterhead and filing lines that precede the title in OAS documents.
_NOT_TITLE = re.compile(
    r"(?i:organi[sz]ation\s+of\s+american\s+states|organizaci[oó]n\s+de\s+los\s+estados"
    r"\s+americanos|permanent\s+council|consejo\s+permanente|original\s*:|oea/ser|oas/ser)"
)

_YEAR = r"(?:19|20)\d\d"
_YEAR_RANGE = re.compile(rf"(?<![\d/.])({_YEAR})\s*[-–—/]\s*((?:19|20)?\d\d)(?![\d/])")
_SINGLE_YEAR = re.compile(rf"(?<![\d/.])({_YEAR})(?![\d/])")
# Words that tie a year range to the document's own period, and how much.
_PERIOD_CONTEXT = (
    (re.compile(r"(?i:period|per[ií]odo|bienn?ium|bienio|work\s*plan|plan\s+de\s+trabajo)"), 3),
    (re.compile(r"(?i:current|actual|vigente|present|presente)"), 2),
)
_CONTEXT_BEFORE = 40
_CONTEXT_AFTER = 20
_MAX_PERIOD_YEARS = 2  # longer ranges are strategies or past programmes, not a report's period
_MINIMUM_PERIOD_SCORE = 3


def document_kind(blocks: Sequence[Block], sections: Sequence[Section]) -> DocumentKind:
    """ "activity_report", "work_plan", "recommendations", or "other" when nothing tells."""
    title = document_title(blocks)
    headings = [
        section.heading
        for top in sections
        for section in top.walk()
        if section.heading_block is not None
    ]
    opening = blocks[:_OPENING_BLOCKS]
    best: DocumentKind = "other"
    best_score = _MINIMUM_SCORE - 1
    for kind, pattern in _KIND_PATTERNS.items():
        score = _TITLE_WEIGHT if pattern.search(title) else 0.0
        score += _HEADING_WEIGHT * sum(1 for heading in headings if pattern.search(heading))
        mentions = sum(_MENTION_WEIGHT for block in blocks if pattern.search(block.text))
        score += min(mentions, _MENTIONS_CAP)
        naming = _SELF_REFERENCE.get(kind)
        if naming is not None and any(naming.search(block.text) for block in opening):
            score += _SELF_REFERENCE_WEIGHT
        if score > best_score:
            best, best_score = kind, score
    return best if best_score >= _MINIMUM_SCORE else "other"


def document_title(blocks: Sequence[Block]) -> str:
    """The document's title: its first title-like lines, without letterhead, symbols and
    dates, a line repeated or split over two lines joined once ("" when there is none)."""
    lines = [full_text(block) for block in title_lines(blocks)]
    if not lines and blocks and blocks[0].kind == "heading":
        lines = [full_text(blocks[0])]
    kept = [line for line in lines if _may_be_title(line)]
    # A line the next one repeats and completes ("HIGH-LEVEL FORUM ON THE" before the full
    # title) is the same title broken differently, as in a cover page's two text boxes.
    kept = [
        line
        for index, line in enumerate(kept)
        if not any(other.casefold().startswith(line.casefold()) for other in kept[index + 1 :])
    ]
    if not kept:
        return ""
    title = kept[0]
    for line in kept[1:]:
        if not (ends_phrase_open(title) or starts_with_connector(line)):
            break
        title = f"{title} {line}"
    return title


def _may_be_title(line: str) -> bool:
    if line.startswith(("[", "(")) or is_date_line(line) or _NOT_TITLE.match(line):
        return False
    # A symbol alone ("CIDI/CAM/doc.12/16"), not a title that cites one.
    return not (has_document_symbol(line) and len(line.split()) <= 3)


def document_period(blocks: Sequence[Block]) -> tuple[str, str] | None:
    """The years the document covers: from its title ("2009 ANNUAL MEETING" gives
    ("2009", "2009")), else from a range such as "período 2019-2020" or "the 2016-2017 Work
    Plan"; None when no range is tied to a period."""
    # A Word or HTML title arrives as a heading, outside the title zone of plain text.
    title = " ".join(full_text(block) for block in title_lines(blocks)) or document_title(blocks)
    if title:
        for match in _YEAR_RANGE.finditer(title):
            found = _years(match)
            if found is not None:
                return found
        if single := _SINGLE_YEAR.search(title):
            return single.group(1), single.group(1)
    scores: dict[tuple[str, str], int] = {}
    for block in blocks:
        for match in _YEAR_RANGE.finditer(block.text):
            found = _years(match)
            if found is None:
                continue
            context = block.text[
                max(0, match.start() - _CONTEXT_BEFORE) : match.end() + _CONTEXT_AFTER
            ]
            score = sum(weight for pattern, weight in _PERIOD_CONTEXT if pattern.search(context))
            scores[found] = scores.get(found, 0) + score
    if not scores:
        return None
    best = max(scores, key=lambda years: scores[years])  # the first found wins a tie
    return best if scores[best] >= _MINIMUM_PERIOD_SCORE else None


def _years(match: re.Match[str]) -> tuple[str, str] | None:
    start, end = match.group(1), match.group(2)
    if len(end) == 2:
        end = start[:2] + end  # "2019-20"
    if not 0 < int(end) - int(start) <= _MAX_PERIOD_YEARS:
        return None
    return start, end
