"""`{% provenance record %}`: where a record imported from a document was read from.

Other apps load it wherever a record appears: "Imported from <document>, paragraph N", linked
to the passage on the source page for who may read it, plain text for everyone else.
"""

from collections.abc import Iterable
from typing import Any

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.http import urlencode

from followup.ingest import permissions
from followup.ingest.models import Proposal

register = template.Library()


def provenance_url(proposal: Proposal) -> str:
    """The source page at the passage a proposal (and the record it became) was read from."""
    first, last = proposal.first_block, proposal.last_block
    query = urlencode({"from": first, "to": last})
    return f"{reverse('ingest:source', args=[proposal.document_id])}?{query}#b-{first}"


def accepted_proposal(record: models.Model | None) -> Proposal | None:
    """The proposal the record came from, in one query (content types are cached)."""
    if record is None or record.pk is None:
        return None
    return (
        Proposal.objects.filter(
            record_type=ContentType.objects.get_for_model(record),
            record_id=record.pk,
            status=Proposal.Status.ACCEPTED,
        )
        .select_related("document")
        .defer("data", "document__blocks", "document__extraction")  # can be large
        .first()
    )


def accepted_proposals(
    model: type[models.Model], ids: "Iterable[int] | QuerySet[Any]"
) -> dict[int, Proposal]:
    """Record id → the proposal it came from, for a whole page of records in one query."""
    rows = (
        Proposal.objects.filter(
            # By name, joined: no separate query for the content type.
            record_type__app_label=model._meta.app_label,
            record_type__model=model._meta.model_name,
            record_id__in=ids,
            status=Proposal.Status.ACCEPTED,
        )
        .select_related("document")
        .defer("data", "document__blocks", "document__extraction")
    )
    return {row.record_id: row for row in rows if row.record_id is not None}


@register.inclusion_tag("ingest/_provenance.html", takes_context=True)
def provenance(
    context: template.Context,
    record: models.Model | None,
    known: dict[int, Proposal] | None = None,
) -> dict[str, Any]:
    """`known` is `accepted_proposals` of the page's records; without it, one query here."""
    if known is not None:
        proposal = known.get(record.pk) if record is not None else None
    else:
        proposal = accepted_proposal(record)
    user = context.get("user")
    readable = user is not None and (permissions.can_import(user) or permissions.can_review(user))
    return {
        "proposal": proposal,
        "url": provenance_url(proposal) if proposal is not None and readable else "",
    }
