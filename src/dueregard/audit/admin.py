from django.contrib import admin

from dueregard.audit.models import AuditEvent
from dueregard.web.admin_readonly import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_label", "organisation", "action", "object_type", "object_repr")
    list_filter = ("organisation", "action", "object_type")
    date_hierarchy = "at"
