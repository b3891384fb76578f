from django.urls import path

from dueregard.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("", views.profile, name="profile"),
    path("password/", views.PasswordLinkView.as_view(), name="password_link"),
    path("password/sent/", views.PasswordLinkSentView.as_view(), name="password_link_sent"),
    path("password/set/<uidb64>/<token>/", views.PasswordSetView.as_view(), name="password_set"),
    path("password/done/", views.PasswordSetDoneView.as_view(), name="password_set_done"),
]
