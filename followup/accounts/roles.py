"""Roles are Django groups with a fixed set of permissions, declared here once.

Object-level rules (a focal point sees only their own actors' drafts) live in each app's
`permissions.py`; these groups give the model-level permissions those rules start from.
"""

from django.utils.translation import gettext_lazy as _

SECRETARIAT = "secretariat"
FOCAL_POINT = "focal_point"
REVIEWER = "reviewer"

ROLE_LABELS = {
    SECRETARIAT: _("CAM secretariat"),
    FOCAL_POINT: _("Focal point"),
    REVIEWER: _("Reviewer"),
}

# "app.*" is every permission of the app; "app.codename" one permission.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    SECRETARIAT: [
        "program.*",
        "reporting.*",
        "publishing.*",
        "ingest.*",
        "recommendations.*",
        "meetings.*",
        "statistics.*",
        "knowledge.*",
        "search.view_unpublished",
        "accounts.view_user",
        "accounts.view_membership",
        "accounts.add_userinvitation",
        "accounts.change_userinvitation",
        "accounts.view_userinvitation",
    ],
    FOCAL_POINT: [
        "reporting.submit_actorreport",
        # Resources of their own actors only, while draft or returned (knowledge/permissions.py).
        "knowledge.add_resource",
        "knowledge.change_resource",
        "knowledge.submit_resource",
        # Follow-up of recommendations addressed to their own actors only, while draft or
        # returned (recommendations/permissions.py).
        "recommendations.add_followup",
        "recommendations.change_followup",
        "recommendations.submit_followup",
    ],
    REVIEWER: [
        "reporting.view_actorreport",
        "reporting.view_entry",
        "reporting.return_actorreport",
    ],
}
