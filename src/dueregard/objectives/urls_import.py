from django.urls import path

from dueregard.objectives import views_import

urlpatterns = [
    path("o/<slug:slug>/plans/import/", views_import.upload, name="import_upload"),
    path("o/<slug:slug>/plans/import/columns/", views_import.columns, name="import_columns"),
    path("o/<slug:slug>/plans/import/preview/", views_import.preview, name="import_preview"),
    path("o/<slug:slug>/plans/import/cancel/", views_import.cancel, name="import_cancel"),
]
