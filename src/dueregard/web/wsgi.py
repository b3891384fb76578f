"""WSGI entry point, used by ``dueregard serve`` and by any WSGI server in a deployment."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueregard.web.settings")
application = get_wsgi_application()
