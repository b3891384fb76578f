"""write_report: every chosen format in one folder, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from output_samples import sample_report

from dueregard.analytics import output
from dueregard.analytics.output import write_report


def _names(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_every_format_is_written_into_a_new_folder(tmp_path: Path) -> None:
    written = write_report(sample_report(), tmp_path / "out")
    assert [path.name for path in written] == ["report.html", "report.xlsx", "report.json", "csv"]
    assert _names(tmp_path / "out") == [
        "csv",
        "csv/01-appointed-among-shortlisted-by-ethnic-group.csv",
        "csv/02-appointed-among-shortlisted-by-ethnic-group.csv",
        "csv/03-leavers-by-reason.csv",
        "report.html",
        "report.json",
        "report.xlsx",
    ]
    assert _names(tmp_path) == ["out", *(f"out/{name}" for name in _names(tmp_path / "out"))]  # no scratch left


def test_only_the_chosen_formats(tmp_path: Path) -> None:
    write_report(sample_report(), tmp_path / "out", formats=("json", "html"))
    assert _names(tmp_path / "out") == ["report.html", "report.json"]
    with pytest.raises(ValueError, match="Unknown output format"):
        write_report(sample_report(), tmp_path / "other", formats=("pdf",))


def test_an_existing_folder_keeps_other_files_and_gets_a_fresh_csv_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "csv").mkdir(parents=True)
    (out / "csv" / "99-old-table.csv").write_text("old")
    (out / "keep.txt").write_text("mine")
    (out / "report.json").write_text("{}")
    write_report(sample_report(), out)
    assert (out / "keep.txt").read_text() == "mine"
    assert not (out / "csv" / "99-old-table.csv").exists()
    assert '"records": 647' in (out / "report.json").read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failure_part_way_leaves_the_destination_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("the old report")

    def broken(report: object, path: Path) -> None:
        path.write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(output, "write_xlsx", broken)
    with pytest.raises(OSError, match="disk full"):
        write_report(sample_report(), out)
    assert _names(out) == ["report.html"]
    assert (out / "report.html").read_text() == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    with pytest.raises(OSError, match="disk full"):
        write_report(sample_report(), tmp_path / "new")
    assert not (tmp_path / "new").exists()
