"""The user model: people sign in with their email address."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


# Each language named in itself, as language pickers do.
EMAIL_LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)
    # Staff status only opens Django's admin site; it gives no rights inside any organisation.
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # The language of the emails the service sends this person (reminders); blank: the service's default (English).
    # Pages follow the address (/… or /cy/…), not this setting.
    language = models.CharField(_("language for emails"), max_length=8, blank=True, choices=EMAIL_LANGUAGES)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering: ClassVar[list[str]] = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email


class PasswordLinkRequest(models.Model):
    """One request for a password link, kept for a day so that the service can limit how many links one address
    receives and how many requests one client makes (see accounts/link_limits.py). Neither the address nor the
    client's IP address is stored: only keyed hashes of them (HMAC with the secret key), enough to count."""

    address = models.CharField(max_length=64, db_index=True)
    client = models.CharField(max_length=64, db_index=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("password link request")
        verbose_name_plural = _("password link requests")

    def __str__(self) -> str:
        return f"{self.requested_at:%Y-%m-%d %H:%M}"
