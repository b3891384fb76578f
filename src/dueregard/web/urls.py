"""URLs. Every page exists in English at /… and in Welsh at /cy/…; the language switch links between them."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from dueregard.web import views

web_patterns = (
    [path("accessibility/", views.accessibility, name="accessibility")],
    "web",
)

urlpatterns = [
    path("django-admin/", admin.site.urls),
    *i18n_patterns(
        path("account/", include("dueregard.accounts.urls")),
        path("", include(web_patterns)),
        path("", include("dueregard.assessments.urls")),
        path("", include("dueregard.audit.urls")),
        path("", include("dueregard.objectives.urls")),
        path("", include("dueregard.organisations.urls")),
        prefix_default_language=False,
    ),
]

handler403 = "dueregard.web.views.forbidden"
handler404 = "dueregard.web.views.not_found"
handler500 = "dueregard.web.views.server_error"
