"""Subcommands of the ``dueregard`` command-line tool, one module each, imported only when run."""
