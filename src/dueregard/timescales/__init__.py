"""Free-text timescales of action plans ("By April 2013", "Quarterly", "2012/16") read into structures."""
