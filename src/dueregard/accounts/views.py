"""Signing in and out, the account page and the page shown after too many failed sign-ins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dueregard.accounts.forms import SignInForm
from dueregard.organisations.selectors import memberships_for_user


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    memberships = memberships_for_user(user=request.user)
    return render(request, "accounts/profile.html", {"memberships": memberships})


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any) -> HttpResponse:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
