"""Importing documents: read, extract, store once, and queue the proposed records for review."""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from followup.accounts.models import User
from followup.ingest import proposals
from followup.ingest.blocks import ReadDocument
from followup.ingest.models import Proposal, SourceDocument
from followup.ingest.pipeline import blocks_json, extract, to_json
from followup.ingest.readers import read_bytes, read_path


@dataclass(frozen=True)
class Outcome:
    json: dict[str, Any]
    document: SourceDocument | None  # None on a dry run
    created: bool  # False when the same content had been imported before
    proposed: Counter[str]

    @property
    def summary(self) -> str:
        """One line for the terminal: what the file is and what became of it."""
        kind = dict(SourceDocument.Kind.choices).get(self.json["kind"], self.json["kind"])
        records = ngettext(
            "%(count)d record proposed", "%(count)d records proposed", self.proposed.total()
        ) % {"count": self.proposed.total()}
        if self.document is None:
            state = _("dry run, nothing stored")
        elif not self.created:
            state = _("already imported, nothing new")
        else:
            state = _("waiting for review")
        return f"{kind}, {records} ({state})"


def ingest_path(path: Path, *, dry_run: bool = False, by: User | None = None) -> Outcome:
    """Read one file from disk; UnreadableFile says in one line why it cannot be read."""
    return _ingest(read_path(path), dry_run=dry_run, by=by)


def ingest_bytes(
    data: bytes, filename: str, *, dry_run: bool = False, by: User | None = None
) -> Outcome:
    return _ingest(read_bytes(data, filename), dry_run=dry_run, by=by)


def _ingest(read: ReadDocument, *, dry_run: bool, by: User | None) -> Outcome:
    extraction = extract(read)
    as_json = to_json(extraction)
    proposed = proposals.propose(extraction)
    counts = Counter(item.kind for item in proposed)
    if dry_run:
        return Outcome(as_json, None, False, counts)
    existing = SourceDocument.objects.filter(sha256=read.sha256).first()
    if existing is not None:
        return Outcome(as_json, existing, False, counts)
    document = _store(read, as_json, proposed, by)
    return Outcome(as_json, document, True, counts)


@transaction.atomic
def _store(
    read: ReadDocument,
    as_json: dict[str, Any],
    proposed: list[proposals.Proposed],
    by: User | None,
) -> SourceDocument:
    period = as_json["period"] or {"start": "", "end": ""}
    document = SourceDocument(
        sha256=read.sha256,
        filename=read.filename[:255],
        media_type=read.media_type,
        language=read.language,
        size=len(read.data),
        kind=as_json["kind"],
        title=as_json["title"][:500],
        period_start=period["start"],
        period_end=period["end"],
        blocks=blocks_json(read.blocks),
        extraction=as_json,
        imported_by=by,
    )
    document.file.save(read.filename, ContentFile(read.data), save=False)
    document.save()
    rows = proposals.to_rows(proposed)
    for row in rows:
        row.document = document
    Proposal.objects.bulk_create(rows)
    return document
