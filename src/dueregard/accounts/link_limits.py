"""Limits on password links, against mail-bombing an address and against one client trying many addresses.

Sign-in is throttled by django-axes; asking for a password link is not a sign-in, so it has these limits of its
own. Within any hour: at most LINKS_PER_ADDRESS links go to one address (further requests get the same answer as
always, "if it has an account we emailed it", and no email), and one client may ask at most REQUESTS_PER_CLIENT
times (then a page says to try again later, which tells nothing about any account). Requests are kept for a day
as keyed hashes, never as addresses."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from typing import Final

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from dueregard.accounts.models import PasswordLinkRequest

LINKS_PER_ADDRESS: Final = int(os.environ.get("DUEREGARD_PASSWORD_LINKS_PER_ADDRESS", "3"))
REQUESTS_PER_CLIENT: Final = int(os.environ.get("DUEREGARD_PASSWORD_LINK_REQUESTS_PER_CLIENT", "10"))
WINDOW: Final = timedelta(hours=1)
KEPT: Final = timedelta(days=1)


@dataclass(frozen=True)
class LinkDecision:
    send: bool  # email the link (when the address has an account)
    refused: bool  # the client asked too often: answer "try again later"


def _digest(kind: str, value: str) -> str:
    return salted_hmac(f"dueregard.password-link.{kind}", value, algorithm="sha256").hexdigest()


@transaction.atomic
def password_link_request(*, email: str, client_ip: str | None) -> LinkDecision:
    """Record a request for a link to `email` from `client_ip` and say whether to send it."""
    now = timezone.now()
    PasswordLinkRequest.objects.filter(requested_at__lt=now - KEPT).delete()
    recent = PasswordLinkRequest.objects.filter(requested_at__gte=now - WINDOW)
    client = _digest("client", client_ip or "unknown")
    if recent.filter(client=client).count() >= REQUESTS_PER_CLIENT:
        return LinkDecision(send=False, refused=True)
    address = _digest("address", email.strip().casefold())
    send = recent.filter(address=address).count() < LINKS_PER_ADDRESS
    PasswordLinkRequest.objects.create(address=address, client=client, requested_at=now)
    return LinkDecision(send=send, refused=False)
