"""Published objectives and the annual progress statement, for anyone. Included in the objectives URLs."""

from django.urls import path

from dueregard.objectives import views_public

urlpatterns = [
    path("published/<slug:slug>/objectives/", views_public.objectives, name="public_objectives"),
    path("published/<slug:slug>/objectives.csv", views_public.objectives_csv, name="public_objectives_csv"),
    path("published/<slug:slug>/objectives.json", views_public.objectives_json, name="public_objectives_json"),
]
