"""The messages of the reporting API, each said once: the same refusal or correction reads
alike whichever endpoint gives it, and tests assert these exact texts."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "unknown_cycle": _("“%(value)s” is not a reporting cycle."),
    "unknown_actor": _("“%(value)s” is not an actor of the Program."),
    "unknown_theme": _("“%(value)s” is not a theme."),
    "unknown_group": _("“%(value)s” is not a population group."),
    "unknown_activity": _("“%(value)s” is not an activity of this cycle's Program version."),
    "own_partner": _("The reporting actor cannot be its own partner."),
    "revision": _(
        "Give the revision of the report you read (its “revision”), so that no one's work is "
        "overwritten."
    ),
    "not_a_list_of_objects": _("Give a list of objects, such as %(example)s."),
    "not_a_number": _("“%(number)s” is not a number."),
    "too_many_digits": _("%(number)s has too many digits (at most 14 before the point, 2 after)."),
    "counts_missing": _("Say what %(number)s counts, such as “professionals trained”."),
    "too_long": _("“%(text)s…” is longer than %(limit)s characters."),
    "not_a_url": _("“%(url)s” is not a web address (http:// or https://)."),
    "not_a_text": _("“%(value)s” is not a text."),
    "cannot_edit": _(
        "Only the report's focal points and the secretariat can change it, and only while it "
        "is a draft or returned in an open cycle."
    ),
    "cannot_submit": _(
        "Only the report's focal points and the secretariat can submit it, and only while it "
        "is a draft or returned in an open cycle."
    ),
    "cannot_return": _("Only a reviewer or the secretariat can return a report, once submitted."),
    "cannot_accept": _("Only the secretariat can accept a report, once submitted."),
    "cannot_publish": _("Only the secretariat can publish a report, once accepted."),
}
TAGS = ["reporting"]
REVISION_HELP = _("The report's revision you read; required. A stale one answers 409.")
