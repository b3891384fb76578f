"""Row by row against the fixtures in seed-requirements.md: F-S2-02 (parallel lists), F-S0-01, F-S3-01.

Every text below is copied from those fixtures; where the fixture elides, the test checks the start of the text.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import FIXTURES, preview_of, words

from dueregard.objectives.importing.reading import read_file


def _objective(preview: Any, starts: str) -> Any:
    found = [o for o in preview.objectives if o.statement.startswith(starts)]
    assert len(found) == 1, [o.statement[:40] for o in preview.objectives]
    return found[0]


def _actions(preview: Any, outcome_starts: str) -> list[Any]:
    return [a for o in preview.objectives for a in o.all_actions() if a.desired_outcome.startswith(outcome_starts)]


@pytest.fixture(scope="module", params=["seed002_actions.docx", "seed002_actions.xlsx", "seed002_actions.csv"])
def seed002(request: pytest.FixtureRequest) -> Any:
    return preview_of(request.param)


def test_f_s2_02_ld_delivery_seven_actions_share_one_timescale_and_one_update(seed002: Any) -> None:
    actions = _actions(seed002, "All staff feel that that they are able and willing to attend")
    assert [a.title for a in actions] == [
        "Days of week are varied so that those with non-standard working patterns can attend",
        "The CO training rooms have been equipped so that they are fully accessible to all staff",
        "Training room includes a hearing loop",
        "The training rooms will be used as often as possible",
        "Handouts are printed on cream paper to aid those with dyslexia",
        "Training material is available in alternative formats on request",
        "All reasonable requests to enable attendance will be explored and provided if possible e.g. the use of "
        "signers, alternative food, additional equipment",
    ]
    assert {(a.timescale_text, a.status_text, a.status) for a in actions} == {
        ("Ongoing", "All actions met", "complete")
    }


def test_f_s2_02_run_on_timescale_cells_are_split_by_the_parser_and_paired(seed002: Any) -> None:
    guidance = next(
        a
        for o in seed002.objectives
        for a in o.all_actions()
        if a.title.startswith("Secretariat for the Diversity Champions Network")
    )
    objective = next(o for o in seed002.objectives if guidance in o.all_actions())
    assert [(a.title, a.timescale_text, a.status_text) for a in objective.all_actions()] == [
        ("Secretariat for the Diversity Champions Network", "Ongoing", "Completed"),
        ("Development of good practice guidance on recruitment to SCS", "February 2008", "Completed"),
        (
            "Provide guidance on diversity monitoring for religion and belief and for sexual orientation",
            "April 2008",
            "Completed",
        ),
        (
            "To discuss the ethnic origin monitoring categories used with the Equality and Human Rights Commission to "
            "ensure that good practice still being followed",
            "By June 2008",
            "Completed",
        ),
        ("Promote through Civil Service website a:gender gender identity guidance", "April 2008", "Completed"),
        (
            "Other actions dependent on the new 2008 diversity strategy",
            "2008 - 2011 (update of actions with annual reporting exercise)",
            "Completed",
        ),
    ]
    job = _objective(seed002, "Job Evaluation")
    assert [(a.title, a.timescale_text, a.status) for a in job.all_actions()] == [
        ("Any new changes to the central job evaluation system are equality proofed.", "Ongoing", "in_progress"),
        (
            "Ensuring that all job evaluation officers have diversity and equality training.",
            "By December 2009",
            "in_progress",
        ),
        (
            "Job evaluation literature and documents – to investigate accessible formats.",
            "December 2009",
            "in_progress",
        ),
    ]
    assert job.all_actions()[1].timescale.due.isoformat() == "2009-12-31"


def test_f_s2_02_senior_accountability_does_not_line_up_so_it_is_kept_whole_and_flagged(seed002: Any) -> None:
    # Five actions and five timescales, but six update paragraphs in the seed: never guess which goes where.
    [action] = [a for o in seed002.objectives for a in o.all_actions() if a.title.startswith("Appoint a CO Diversity")]
    assert action.title.split("\n") == [
        "Appoint a CO Diversity Champion",
        "Appoint board-level diversity & equality champions with a special interest in a particular diversity strand",
        "Improve the quality of Management Information provided to senior managers to encourage greater ownership",
        "Diversity Champion to report back to the Board every 6 months on progress made",
        "Set up an SCS diversity team",
    ]
    assert action.timescale_text.split("\n") == ["Oct 08", "Oct 08", "Nov 07", "Ongoing", "Aug 07"]
    assert action.update_text.startswith("Alexis Cleveland appointed as Diversity Champion.")
    assert "role profile and reporting arrangements defined." in action.update_text
    flagged = [p for p in seed002.warnings if p.row == action.row and "do not line up" in p.message]
    assert flagged
    assert flagged[0].column == "Actions"


def test_f_s2_02_directgov_rows_keep_their_words(seed002: Any) -> None:
    rows = {o.statement: o.all_actions() for o in seed002.objectives}
    assert [(a.timescale_text, a.status_text) for a in rows["Proposition and Strategy"]] == [("End 2007", "Achieved")]
    assert [(a.timescale_text, a.status_text) for a in rows["Editorial Policy"]] == [("Mid-2008", "Achieved")]
    [internal] = rows["Internal Management"]
    assert internal.title == (
        "Staff to be set meaningful diversity objectives. Recruitment of new staff monitored Annual staff reports "
        "monitored for bias"
    )
    assert (internal.timescale_text, internal.status) == ("May 2008 & ongoing", "complete")
    assert rows["Accessibility"][0].timescale.recurrence


def test_f_s2_01_owner_lines_in_every_spelling_set_the_owner_of_the_rows_below(seed002: Any) -> None:
    owners = {a.owner_text for o in seed002.objectives for a in o.all_actions()}
    # "Owner for all actions –", "Owner All Actions –", "Owner all Actions:", "Owner Actions –" (OBJ-18).
    assert {
        "Corporate Services Group",
        "Knowledge and Information Management",
        "Government Communication Network",
        "Diversity Strategy Team",
        "Human Resources",
    } <= owners
    assert not any(owner.lower().startswith("owner") for owner in owners)
    first = seed002.objectives[0]
    assert (first.statement, first.business_area) == ("Accounting policy", "Financial resources")
    assert first.all_actions()[0].timescale_text == "January – March 2008"
    assert first.all_actions()[0].timescale.due.isoformat() == "2008-03-31"


@pytest.mark.parametrize("name", ["seed000_objectives.xlsx", "seed000_objectives.ods"])
def test_f_s0_01_keeps_the_seed_inconsistencies_and_reads_the_milestones(name: str) -> None:
    preview = preview_of(name)
    assert not preview.errors
    actions = {a.title: a for o in preview.objectives for a in o.all_actions()}
    compass = next(a for title, a in actions.items() if title.startswith("Monitor and assess compliance with COMPASS"))
    assert compass.timescale_text == "By April 2013."
    assert compass.timescale.due.isoformat() == "2013-04-30"
    women = next(a for title, a in actions.items() if title.startswith("Support work to maximise women's"))
    assert women.timescale_text == "Establish Women’s Business council by May 2012"
    ongoing = next(a for a in actions.values() if a.timescale_text == "On-going")
    assert ongoing.timescale.understood
    assert ongoing.timescale.due is None
    assert actions["Review induction procedures"].timescale_text == "Final review first quarter 2015"
    quarterly = next(a for a in actions.values() if a.timescale_text == "Quarterly")
    assert quarterly.timescale.recurrence
    assert quarterly.status == "recurring"
    detailed = next(a for a in actions.values() if a.timescale_text == "As detailed within the Action Plan")
    assert detailed.timescale.due is None
    assert [len(o.all_actions()) - len(o.actions) for o in preview.objectives] == [0, 0, 11, 5, 1]


def test_f_s3_01_issues_recommendations_and_measures_word_for_word() -> None:
    preview = preview_of("seed003_improvement_plan.docx")
    assert not preview.errors
    one = preview.objectives[0]
    assert one.statement == ("Support governance arrangements with more specific and verifiable evidence of compliance")
    assert one.recommendations == ["1", "7", "8"]
    assert preview.recommendations["1"].text == "Improve governance requirements"
    assert preview.recommendations["8"].text == (
        "Revise the Diversity Challenge to include references to codes of practice and other Commission guidance."
    )
    assert one.desired_outcome.startswith("Our new Diversity Challenge will provide a greater focus")
    assert one.measures == [
        "New Jobcentre Plus Diversity Challenge is launched (including Human Resources (employment) functions) and "
        "includes a regular review of business data providing evidence of compliance.",
        "Change governance provides an effective challenge function to support the timeous conduct of Equality "
        "Impact assessments.",
        "Detailed guidance is produced to accompany the new Challenge which includes links to codes of practice etc.",
        "Staff communication and awareness products are delivered.",
        "Aggregated business data is collated providing baseline information.",
    ]
    seven = preview.objectives[6]
    assert seven.statement == "Communications to support the EHRC Improvement Plan"
    assert seven.recommendations == []
    assert sorted(preview.recommendations, key=int) == [str(n) for n in range(1, 10)]


@pytest.mark.parametrize(
    "name",
    [
        "seed000_objectives.xlsx",
        "seed000_objectives.ods",
        "seed003_improvement_plan.docx",
        "seed002_actions.docx",
        "seed002_actions.xlsx",
        "seed002_actions.csv",
    ],
)
def test_every_word_of_every_seed_table_is_in_the_preview(name: str) -> None:
    preview = preview_of(name)
    texts: list[str] = []
    for objective in preview.objectives:
        texts += [objective.reference, objective.statement, objective.business_area, objective.desired_outcome]
        texts += [objective.description, objective.owner_text, *objective.measures, f"{objective.reference}."]
        for action in objective.all_actions():
            texts += [action.title, action.desired_outcome, action.timescale_text, action.update_text]
            texts += [action.owner_text]
    texts += [f"{r.number} {r.text}" for r in preview.recommendations.values()]
    kept = set(words("\n".join(texts)))
    table = read_file(FIXTURES / name)
    header = table.rows[0].cells
    source = {w for row in table.rows if row.cells != header for cell in row.cells for w in words(cell)}
    labels = {"Owner", "for", "all", "actions", "All", "Actions", "Actions:", "d", "–"}
    assert source - kept <= labels
