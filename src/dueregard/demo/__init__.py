"""The demo: organisations, units, objectives and a person for every role, built from the seed documents."""
