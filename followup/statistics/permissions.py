"""Who may see and do what with the statistics. Pages, the API and the command ask here.

Figures are public open data: everyone reads indicators, observations and their history.
Only the secretariat imports files and defines indicators.
"""

from followup.reporting.permissions import AnyUser


def can_read_statistics(user: AnyUser) -> bool:
    return True


def can_import_statistics(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("statistics.add_importbatch"))


def can_add_indicators(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("statistics.add_indicator"))


def can_manage_indicators(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("statistics.change_indicator"))
