from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
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


class PasswordLinkForm(PasswordResetForm):
    """Ask for a link to set a password. People added by an administrator have no password yet: they use this form
    too, so the link goes to any active account with the address, with or without a usable password."""

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The address you sign in with. If it has an account, we will email it a link."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
    )

    def get_users(self, email: str) -> Iterator[Any]:
        from dueregard.accounts.models import User

        for user in User.objects.filter(email__iexact=email, is_active=True):
            if user.email.casefold() == email.casefold():
                yield user


class NewPasswordForm(SetPasswordForm):
    """Choose a password, with the rules said in plain words (Django's own help is an HTML list)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        first, second = self.fields["new_password1"], self.fields["new_password2"]
        first.label = _("New password")
        first.help_text = _(
            "At least 12 characters. Not a common password, not only numbers, and not like your name or email address."
        )
        second.label = _("New password again")
        second.help_text = ""
        first.error_messages["required"] = _("Enter a new password")
        second.error_messages["required"] = _("Enter the new password again")
