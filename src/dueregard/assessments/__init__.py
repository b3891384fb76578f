"""Functions register and equality impact assessments."""
