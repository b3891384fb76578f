"""Equality objectives. For now a plain record (reference, business area, statement); the objectives and action
plans capability gives them actions, measures, a lifecycle and progress tracking."""
