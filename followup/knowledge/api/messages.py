"""The messages of the knowledge base's API, each said once; tests assert these exact texts."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "unknown_actor": _("“%(value)s” is not an actor of the Program."),
    "unknown_theme": _("“%(value)s” is not a theme."),
    "unknown_group": _("“%(value)s” is not a population group."),
    "revision": _(
        "Give the revision of the resource you read (its “revision”), so that no one's work "
        "is overwritten."
    ),
    "cannot_create": _(
        "Only focal points of an actor and the secretariat can add resources to the knowledge base."
    ),
    "cannot_edit": _(
        "Only the focal points of the resource's actor, while it is a draft or returned, and "
        "the secretariat can change it."
    ),
    "cannot_submit": _(
        "Only the focal points of the resource's actor and the secretariat can submit it, and "
        "only while it is a draft or returned."
    ),
    "cannot_publish": _("Only the secretariat can publish a resource, once it is not published."),
}
TAGS = ["knowledge"]
REVISION_HELP = _("The resource's revision you read. A stale one answers 409.")
