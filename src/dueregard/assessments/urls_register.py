"""The functions register (its pages, import and public list) and the assessment dashboards. Included in the
assessments URLs (namespace ``assessments``)."""

from django.urls import URLPattern, path

from dueregard.assessments import (
    views_dashboard,
    views_public_register,
    views_register,
    views_register_import,
    views_settings,
)

urlpatterns: list[URLPattern] = [
    path("o/<slug:slug>/functions/", views_register.function_list, name="functions"),
    path("o/<slug:slug>/functions/add/", views_register.function_add, name="function_add"),
    path("o/<slug:slug>/functions/<int:function_id>/", views_register.function_detail, name="function_detail"),
    path("o/<slug:slug>/functions/<int:function_id>/change/", views_register.function_edit, name="function_edit"),
    path(
        "o/<slug:slug>/functions/<int:function_id>/relevance/",
        views_register.function_relevance,
        name="function_relevance",
    ),
    path("o/<slug:slug>/functions/public-texts/", views_register.public_texts, name="function_public_texts"),
    path("o/<slug:slug>/functions/import/", views_register_import.upload, name="function_import_upload"),
    path("o/<slug:slug>/functions/import/preview/", views_register_import.preview, name="function_import_preview"),
    path("o/<slug:slug>/functions/import/cancel/", views_register_import.cancel, name="function_import_cancel"),
    path("o/<slug:slug>/assessments/dashboard/", views_dashboard.dashboard, name="dashboard"),
    path("o/<slug:slug>/assessments/lenses/", views_settings.lenses, name="lenses"),
    path("published/<slug:slug>/functions/", views_public_register.functions, name="public_functions"),
    path("published/<slug:slug>/functions.csv", views_public_register.functions_csv, name="public_functions_csv"),
]
