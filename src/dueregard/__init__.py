"""dueregard: the machinery of the public sector equality duty."""

__version__ = "0.1.0"
