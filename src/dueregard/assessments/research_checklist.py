"""Prompts offered on the evidence step: the research checklist of seed 001 Annex B ("Mainstreaming race equality:
practical guidelines"), put so that it applies to every protected characteristic, in the order the annex gives."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

RESEARCH_CHECKLIST = [
    (
        _("Preparation"),
        _(
            "Look at existing research and data on the groups affected before designing new collection; use contacts "
            "and networks to judge the likely equality dimensions first."
        ),
    ),
    (
        _("Negotiating access"),
        _(
            "Explain clearly to the groups involved why the research is done and what it may mean for them: some "
            "groups distrust research."
        ),
    ),
    (
        _("Sampling"),
        _(
            "Check the sample will hold enough people from each group: a random sample of 10,000 may yield only 500 "
            "from ethnic minorities. Consider a booster sample, or an existing survey that has one; broad groups "
            "such as 'Black' or 'Asian' can hide large differences within them."
        ),
    ),
    (
        _("Focus groups"),
        _("Consider whether groups should be separated, for example by sex or ethnicity, and what that implies."),
    ),
    (
        _("Classification"),
        _("Use the census categories for self-reported characteristics, so the results compare with the population."),
    ),
    (
        _("Interpretation and translation"),
        _(
            "Decide at the outset whether interpreters, translators or accessible formats are needed, and budget "
            "for them."
        ),
    ),
    (
        _("Diversity"),
        _(
            "Remember the diversity within and between groups (religion, social class, age, sex) and how the "
            "characteristics interact."
        ),
    ),
    (
        _("Cultural sensitivity"),
        _(
            "Take account of religious festivals and other times to avoid, and of 'gatekeepers' who may keep some "
            "people from taking part."
        ),
    ),
    (
        _("Community representation"),
        _("Ask who speaks for the community: representatives are easy to reach but may not speak for everyone."),
    ),
    (
        _("Researchers and contractors"),
        _(
            "Consider who does the research: whether to match researchers to the people studied, and whether a "
            "contractor has worked with these groups before."
        ),
    ),
    (
        _("Feedback"),
        _("Plan how the findings will be reported back to the people who took part, and who should be involved."),
    ),
]
