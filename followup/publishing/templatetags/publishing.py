"""Template access to the published annual report, so reporting's pages can link to it
without reporting's code depending on publishing."""

from django import template

from followup.publishing.models import Compilation
from followup.publishing.services import public_compilation
from followup.reporting.models import ReportingCycle

register = template.Library()


@register.simple_tag
def published_annual_report(cycle: ReportingCycle) -> Compilation | None:
    return public_compilation(cycle)
