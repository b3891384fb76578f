from django.contrib import admin

from dueregard.objectives.models import Objective
from dueregard.web.admin_readonly import ReadOnlyAdmin


@admin.register(Objective)
class ObjectiveAdmin(ReadOnlyAdmin):
    list_display = ("reference", "organisation", "business_area", "is_published")
    list_filter = ("organisation", "is_published")
