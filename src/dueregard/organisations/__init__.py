"""Organisations (public bodies), their units, their people and the roles those people hold."""
