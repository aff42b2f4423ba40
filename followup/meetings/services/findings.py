"""A meeting's findings, recorded where they belong: a report entry through
`reporting.services.save_entry` (the report must exist and accept entries), a recommendation
through `recommendations.services.create_recommendation`."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.meetings import permissions
from followup.meetings.models import Meeting
from followup.meetings.services.common import (
    MeetingError,
    require,
    require_text,
    save_with_history,
)
from followup.program.models import Actor, Mandate, PopulationGroup, Theme
from followup.recommendations.models import Recommendation, Source
from followup.recommendations.services import create_recommendation, save_source
from followup.reporting import permissions as reporting_permissions
from followup.reporting.models import WITH_ACTOR, ActorReport, Entry
from followup.reporting.services import save_entry

# The Program's body whose meetings these are; the default issuer of a meeting's
# recommendations.
CAM_SLUG = "cam"


def _report_for_finding(meeting: Meeting, actor: Actor) -> ActorReport:
    """The actor's report of the cycle the meeting feeds, if it takes new entries. Reports are
    made when the secretariat opens a cycle (reporting.services.open_cycle); one is never made
    here behind the reporting rules' back."""
    if meeting.cycle_id is None:
        raise MeetingError(
            _(
                "Say which reporting cycle this meeting's findings feed (edit the meeting) "
                "before recording one in a report."
            )
        )
    report: ActorReport | None = (
        ActorReport.objects.filter(cycle_id=meeting.cycle_id, actor=actor, deleted_at__isnull=True)
        .select_related("cycle", "actor")
        .first()
    )
    if report is None:
        raise MeetingError(
            _(
                "%(actor)s has no report in the %(cycle)s cycle: invite it to report and open "
                "the cycle first."
            )
            % {"actor": actor, "cycle": meeting.cycle}
        )
    if report.status not in WITH_ACTOR:
        raise MeetingError(
            _(
                "The report of %(actor)s for %(cycle)s is %(status)s: it takes no new entry "
                "until it is returned or reopened."
            )
            % {
                "actor": actor,
                "cycle": report.cycle,
                "status": report.get_status_display().lower(),
            }
        )
    if not reporting_permissions.cycle_accepts_edits(report):
        raise MeetingError(
            _("The %(cycle)s cycle is not open: reopen the report of %(actor)s first.")
            % {"actor": actor, "cycle": report.cycle}
        )
    return report


@transaction.atomic
def record_finding_as_entry(
    meeting: Meeting, *, actor: Actor, title: str, narrative: str, kind: str, by: User
) -> Entry:
    """Record a finding of the meeting as an entry of `actor`'s report for the meeting's
    cycle, linked back to the meeting. The report must exist and accept entries (draft or
    returned, in an open cycle or reopened): otherwise MeetingError says what to do."""
    require(permissions.can_manage_meetings(by))
    require_text(title, "title", _("Give the finding a title."))
    report = _report_for_finding(meeting, actor)
    entry = save_entry(
        report,
        {
            "kind": kind,
            "title": title.strip(),
            "narrative": narrative.strip(),
            "language": meeting.language,
        },
        by=by,
    )
    # save_entry sets the report's own fields only; the link to the meeting is made here, in
    # the same transaction and with the same author in the entry's history.
    entry.meeting = meeting
    save_with_history(entry, by, "recorded from a meeting")
    return entry


def source_for_meeting(meeting: Meeting, *, by: User) -> Source:
    """The meeting as the source of its recommendations: one per meeting, a forum titled after
    it and issued by the CAM, made the first time it is needed. It is found again through the
    recommendations already recorded from the meeting, not by title, so renaming the meeting
    does not make a second source (the source keeps the title it was made with)."""
    existing = (
        Source.objects.filter(kind=Source.Kind.FORUM, recommendations__meeting=meeting)
        .order_by("pk")
        .first()
    )
    if existing is not None:
        return existing
    return save_source(
        Source(),
        {
            "kind": Source.Kind.FORUM,
            "title": meeting.title,
            "issued_by": Actor.objects.filter(slug=CAM_SLUG).first(),
            "date": meeting.date,
            "language": meeting.language,
        },
        by=by,
    )


@transaction.atomic
def record_finding_as_recommendation(
    meeting: Meeting,
    *,
    text: str,
    by: User,
    source: Source | None = None,
    group: str = "",
    number: int | None = None,
    all_member_states: bool = False,
    addressees: Iterable[Actor] = (),
    themes: Iterable[Theme] = (),
    population_groups: Iterable[PopulationGroup] = (),
    mandates: Iterable[Mandate] | None = None,
) -> Recommendation:
    """Record a recommendation made at the meeting, linked back to it. Its source is the one
    given, else the meeting's own (see `source_for_meeting`); its mandates those given, else
    the meeting's. The recommendations' rules apply (it needs an addressee)."""
    require(permissions.can_manage_meetings(by))
    require_text(text, "text", _("Give the recommendation's text."))
    if source is None:
        source = source_for_meeting(meeting, by=by)
    return create_recommendation(
        {
            "source": source,
            "text": text.strip(),
            "group": group.strip(),
            "number": number,
            "language": meeting.language,
            "all_member_states": all_member_states,
            "addressees": list(addressees),
            "themes": list(themes),
            "population_groups": list(population_groups),
            "mandates": list(meeting.mandates.all() if mandates is None else mandates),
            "meeting": meeting,
        },
        by=by,
    )
