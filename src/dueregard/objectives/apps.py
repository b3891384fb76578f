from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectivesConfig(AppConfig):
    name = "dueregard.objectives"
    label = "objectives"
    verbose_name = _("Equality objectives")
