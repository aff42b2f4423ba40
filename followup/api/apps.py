from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "followup.api"
    label = "api"
    verbose_name = "API"
