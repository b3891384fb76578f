from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from dueregard.accounts.models import EMAIL_LANGUAGES


class SignInForm(AuthenticationForm):
    """Django's sign-in form with GOV.UK wording; it passes the request to authenticate() for login throttling."""

    username = forms.EmailField(label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "username"}))
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Enter a correct email address and password. Both are case-sensitive."),
        "inactive": _("This account is not active."),
    }


class EmailLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Which language should our emails to you be in?"),
        help_text=_(
            "Reminders about your actions are sent in this language. Pages follow the language you choose on them."
        ),
        choices=EMAIL_LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language for your emails")},
    )
