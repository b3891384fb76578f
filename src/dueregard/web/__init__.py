"""The web layer: Django project settings, URLs, the Jinja2 environment and the shared page templates."""
