"""A file waiting between the steps of an import (upload → check → save).

The content is kept on the server's disk under ``DATA_DIR/imports`` with a random name and mode 0600, and named in
the person's session together with the organisation it was uploaded for and any other small state (the column
choices). It is never put in the session cookie (it may hold people's names) and is deleted when the import is saved
or cancelled, or a day after it was uploaded."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest


class PendingUpload:
    def __init__(self, session_key: str, suffix: str, keep_seconds: int = 24 * 60 * 60) -> None:
        self.session_key = session_key
        self.suffix = suffix
        self.keep_seconds = keep_seconds

    def folder(self) -> Path:
        folder = Path(settings.DATA_DIR) / "imports"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder

    def _path(self, token: str) -> Path:
        return self.folder() / f"{token}{self.suffix}"

    def sweep(self) -> None:
        """Delete the files of this kind left for longer than they are kept."""
        cutoff = time.time() - self.keep_seconds
        for path in self.folder().glob(f"*{self.suffix}"):
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)

    def store(self, request: HttpRequest, slug: str, content: bytes, **state: Any) -> None:
        """Keep ``content`` for this person and organisation, replacing what they had waiting."""
        self.discard(request)
        self.sweep()
        token = secrets.token_urlsafe(16)
        descriptor = os.open(self._path(token), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        request.session[self.session_key] = {**state, "token": token, "slug": slug}

    def load(self, request: HttpRequest, slug: str) -> tuple[bytes, dict[str, Any]] | None:
        """The waiting content and its state, or None when nothing is waiting for this organisation."""
        state = request.session.get(self.session_key)
        if not state or state.get("slug") != slug:
            return None
        path = self._path(state["token"])
        if not path.exists():
            return None
        return path.read_bytes(), state

    def update(self, request: HttpRequest, **state: Any) -> None:
        """Change the small state kept with the waiting file (e.g. the column choices)."""
        request.session[self.session_key] = {**request.session[self.session_key], **state}

    def discard(self, request: HttpRequest) -> None:
        state = request.session.pop(self.session_key, None)
        if state:
            self._path(state["token"]).unlink(missing_ok=True)
