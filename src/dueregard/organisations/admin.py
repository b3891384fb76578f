from django.contrib import admin

from dueregard.organisations.models import Membership, Organisation, Unit
from dueregard.web.admin_readonly import ReadOnlyAdmin


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    list_display = ("name", "slug", "jurisdiction", "sector", "headcount")
    search_fields = ("name", "slug")


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdmin):
    list_display = ("name", "organisation", "parent", "kind", "has_associate_scheme")
    list_filter = ("organisation",)
    search_fields = ("name",)


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("user", "organisation", "role", "unit")
    list_filter = ("organisation", "role")
