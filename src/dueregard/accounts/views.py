"""Signing in and out, the account page and the page shown after too many failed sign-ins."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from dueregard.accounts.forms import EmailLanguageForm, NewPasswordForm, PasswordLinkForm, SignInForm
from dueregard.accounts.link_limits import WINDOW, password_link_request
from dueregard.accounts.models import User
from dueregard.accounts.services import user_set_email_language
from dueregard.organisations.selectors import memberships_for_user


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)  # signed in: login_required
    memberships = memberships_for_user(user=user)
    form = EmailLanguageForm(request.POST or None, initial={"language": user.language or "en"})
    if request.method == "POST" and form.is_valid():
        user_set_email_language(actor=user, user=user, language=form.cleaned_data["language"])
        messages.success(request, _("Your emails will be in the language you chose."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"memberships": memberships, "form": form})


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any) -> HttpResponse:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


class PasswordLinkView(auth_views.PasswordResetView):
    """Ask for a link to set a password (forgotten, or never set). The answer is the same whether or not the address
    has an account, so the page does not tell anyone who has one."""

    form_class = PasswordLinkForm
    template_name = "accounts/password_link.html"
    email_template_name = "accounts/password_link_email.txt"
    subject_template_name = "accounts/password_link_subject.txt"
    success_url = reverse_lazy("accounts:password_link_sent")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        """Within the limits of accounts/link_limits.py: past the address's limit the answer is the same and no
        email goes; past the client's, a page asks them to try again later."""
        from axes.helpers import get_client_ip_address

        decision = password_link_request(
            email=form.cleaned_data["email"], client_ip=get_client_ip_address(self.request)
        )
        if decision.refused:
            minutes = int(WINDOW.total_seconds() // 60)
            return render(self.request, "accounts/password_link_refused.html", {"minutes": minutes}, status=429)
        if not decision.send:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordLinkSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_link_sent.html"


class PasswordSetView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_set_done")


class PasswordSetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_set_done.html"
