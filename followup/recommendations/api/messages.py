"""The messages of the recommendations' API, each said once; tests assert these exact texts."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "unknown_addressee": _("No actor or state “%(value)s”."),
    "unknown_actor": _("“%(value)s” is not an actor of the Program."),
    "unknown_theme": _("“%(value)s” is not a theme."),
    "unknown_group": _("“%(value)s” is not a population group."),
    "unknown_mandate": _("“%(value)s” is not a mandate of the registry."),
    "unknown_cycle": _("“%(value)s” is not a reporting cycle."),
    "unknown_source": _("“%(value)s” is not a source of recommendations."),
    "unknown_recommendation": _("“%(value)s” is not a recommendation."),
    "unknown_meeting": _("“%(value)s” is not a meeting."),
    "unknown_level": _("“%(value)s” is not a level of any status scale."),
    "level_of_another_scale": _("“%(value)s” is not a level of the scale “%(scale)s”."),
    "unknown_entry": _("“%(value)s” is not a report entry you can see."),
    "unknown_resource": _("“%(value)s” is not a knowledge-base resource you can see."),
    "revision": _(
        "Give the revision of the follow-up you read (its “revision”), so that no one's work "
        "is overwritten."
    ),
    # The service's own phrase, so a missing comment reads alike from the API and the pages.
    "comment": _("Say what needs to change when returning a follow-up."),
    "cannot_manage": _("Only the secretariat can record recommendations and their sources."),
    "cannot_open": _(
        "Only the focal points of the addressee and the secretariat can open its follow-up."
    ),
    "cannot_edit": _(
        "Only the focal points of the addressee, while the follow-up is a draft or returned, "
        "and the secretariat can change it."
    ),
    "cannot_submit": _(
        "Only the focal points of the addressee and the secretariat can submit a follow-up, "
        "and only while it is a draft or returned."
    ),
    "cannot_return": _("Only the secretariat can return a follow-up, once submitted."),
    "cannot_publish": _("Only the secretariat can publish a follow-up, once it is not published."),
}
TAGS = ["recommendations"]
REVISION_HELP = _("The follow-up's revision you read. A stale one answers 409.")
