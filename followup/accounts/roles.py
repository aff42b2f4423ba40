"""Roles are Django groups with a fixed set of permissions, declared here once."""

from django.utils.translation import gettext_lazy as _

SECRETARIAT = "secretariat"

ROLE_LABELS = {SECRETARIAT: _("CAM secretariat")}

# The secretariat keeps the registry: every permission on the program app's models.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    SECRETARIAT: ["program.*"],
}
