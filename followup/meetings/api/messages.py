"""The messages of the meetings' API, each said once; tests assert these exact texts."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "unknown_actor": _("“%(value)s” is not an actor of the Program."),
    "unknown_mandate": _("“%(value)s” is not a mandate of the registry."),
    "unknown_cycle": _("“%(value)s” is not a reporting cycle."),
    "unknown_work_plan": _("“%(value)s” is not a work plan."),
    "not_a_year": _("“%(value)s” is not a year; write one such as 2016."),
    "cannot_manage": _("Only the secretariat can record meetings."),
}
TAGS = ["meetings"]
