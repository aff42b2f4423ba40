from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "followup.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Each domain app declares its searchable records in its own `search_index.py`.
        autodiscover_modules("search_index")
        from followup.search import signals

        signals.connect()
