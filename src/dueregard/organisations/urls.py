from django.urls import path

from dueregard.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.home, name="home"),
    path("published/", views.public_index, name="public_index"),
    path("published/<slug:slug>/", views.public_organisation, name="public_organisation"),
    path("o/<slug:slug>/", views.dashboard, name="dashboard"),
    path("o/<slug:slug>/brand.css", views.brand_css, name="brand_css"),
    path("o/<slug:slug>/settings/", views.organisation_settings, name="settings"),
    path("o/<slug:slug>/units/", views.units, name="units"),
    path("o/<slug:slug>/units/add/", views.unit_add, name="unit_add"),
    path("o/<slug:slug>/units/<int:unit_id>/", views.unit_detail, name="unit_detail"),
    path("o/<slug:slug>/units/<int:unit_id>/change/", views.unit_edit, name="unit_edit"),
    path("o/<slug:slug>/units/<int:unit_id>/remove/", views.unit_delete, name="unit_delete"),
    path("o/<slug:slug>/people/", views.people, name="people"),
    path("o/<slug:slug>/people/add/", views.person_add, name="person_add"),
    path("o/<slug:slug>/people/<int:user_id>/", views.person_edit, name="person_edit"),
]
