from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "followup.meetings"
    label = "meetings"
    verbose_name = _("Work plans and meetings")
