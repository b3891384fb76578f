"""Time the full workforce report at several sizes, side by side with the baselines (issue 5, item 9).

    .venv/bin/python benchmarks/workforce/run.py --sizes 1000000,10000000

For each size it generates benchmarks/out/workforce-<N>.parquet if missing (generate.py, timed for information),
then runs each of these as a separate process under /usr/bin/time -v (wall time, peak resident memory):

- floor: floor.py, DuckDB reading the needed columns (the time no report can beat);
- dueregard: DUEREGARD_COMMAND, the whole `dueregard analyse` process (read, check against workforce.yaml, the
  `workforce` preset, and writing CSV, XLSX, JSON and HTML to benchmarks/out/dueregard-<N>/); skipped with a
  message while the command or the preset does not exist;
- pandas + SciPy: baseline_pandas.py, the same job in a plain script;
- fairlearn: with_fairlearn.py, the selection-rate part;
- aequitas: with_aequitas.py, from its own virtual environment (AEQUITAS_PYTHON, or
  benchmarks/out/venv-aequitas/bin/python), skipped with a message if there is none.

When both dueregard and the pandas script ran at a size, compare.py checks that they give the same numbers
(rates, relative likelihoods, p-values, the pay gap figures and quarters); the result is the note on the
dueregard row. It prints a Markdown table, with the machine's load average before each run, and writes it to
benchmarks/out/results-<date>.md. Outputs of the runs go to benchmarks/out/. Targets (issue 5): at 10M records
dueregard within 2.5 x the floor's time and 600 MB peak; 100M from Parquet without running out of memory
(`--sizes 100000000 --only floor,dueregard`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

HERE: Final = Path(__file__).resolve().parent
ROOT: Final = HERE.parent.parent
OUT: Final = ROOT / "benchmarks" / "out"
PYTHON: Final = sys.executable
DESCRIBE: Final = HERE / "workforce.yaml"

# The dueregard run: placeholders {dueregard} (the command next to this Python), {data}, {describe} and {out} are
# filled in per size. Every output format is written: the time is that of the whole job. The file's `relevant`
# column (who counts for the bonus figures) has no key in the description format, so it is given as the preset's
# option, as the pandas script uses it.
DUEREGARD_COMMAND: Final = [
    "{dueregard}",
    "analyse",
    "{data}",
    "--describe",
    "{describe}",
    "--preset",
    "workforce",
    "--option",
    "relevant=relevant",
    "--out",
    "{out}",
]


@dataclass
class Result:
    rows: int
    name: str
    seconds: float | None = None
    peak_mb: float | None = None
    note: str = ""
    load: str = ""


def data_path(rows: int) -> Path:
    return OUT / f"workforce-{rows}.parquet"


def label(rows: int) -> str:
    return f"{rows / 1e6:g}M" if rows >= 1_000_000 else f"{rows:,}"


def aequitas_python() -> str | None:
    candidate = os.environ.get("AEQUITAS_PYTHON") or str(OUT / "venv-aequitas" / "bin" / "python")
    return candidate if Path(candidate).exists() else None


def dueregard_executable() -> str:
    beside = Path(PYTHON).parent / "dueregard"
    return str(beside) if beside.exists() else (shutil.which("dueregard") or str(beside))


def dueregard_available() -> str | None:
    """None if `dueregard analyse` and its workforce preset exist, else why not."""
    executable = dueregard_executable()
    if not Path(executable).exists():
        return "no dueregard command"
    probe = subprocess.run([executable, "analyse", "--help"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        return "`dueregard analyse` does not exist yet"
    listed = subprocess.run([executable, "analyse", "--list-presets"], capture_output=True, text=True, check=False)
    if not any(line.split()[:1] == ["workforce"] for line in listed.stdout.splitlines()):
        return "the workforce preset does not exist yet"
    return None


def dueregard_out(rows: int) -> Path:
    return OUT / f"dueregard-{label(rows)}"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:  # pragma: no cover - not Linux
        return ""


def timed(command: Sequence[str], log: Path) -> tuple[float, float, int]:
    """Run `command`; (wall seconds, peak resident MB, exit status). Output goes to `log`."""
    time_binary = shutil.which("time") or "/usr/bin/time"
    with log.open("w") as output:
        if Path(time_binary).exists():
            report = log.with_suffix(".time")
            status = subprocess.run(
                [time_binary, "-v", "-o", str(report), *command], stdout=output, stderr=output, check=False
            ).returncode
            text = report.read_text()
            peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))  # type: ignore[union-attr]
            wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)  # type: ignore[union-attr]
            seconds = sum(float(part) * 60**power for power, part in enumerate(reversed(wall.split(":"))))
            return seconds, peak / 1024, status
        # Without GNU time: the peak of all children so far (so run one size per process for exact figures).
        started = time.perf_counter()
        status = subprocess.run(command, stdout=output, stderr=output, check=False).returncode
        seconds = time.perf_counter() - started
        return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, status


def commands(rows: int) -> list[tuple[str, list[str] | None, str]]:
    """(name, command or None if skipped, note) for one size."""
    data = str(data_path(rows))
    tag = label(rows)
    why_not = dueregard_available()
    dueregard = None
    if why_not is None:
        values = {
            "dueregard": dueregard_executable(),
            "data": data,
            "describe": str(DESCRIBE),
            "out": str(dueregard_out(rows)),
        }
        dueregard = [part.format(**values) for part in DUEREGARD_COMMAND]
    aequitas = aequitas_python()
    return [
        ("floor (DuckDB scan of the needed columns)", [PYTHON, str(HERE / "floor.py"), data], ""),
        ("dueregard analyse", dueregard, why_not or "full report"),
        (
            "pandas + SciPy script",
            [PYTHON, str(HERE / "baseline_pandas.py"), data, "--out", str(OUT / f"baseline-{tag}.json")],
            "full report",
        ),
        (
            "fairlearn 0.15.0",
            [PYTHON, str(HERE / "with_fairlearn.py"), data, "--out", str(OUT / f"fairlearn-{tag}.json")],
            "selection rates, difference and ratio: appointed and disciplinary by ethnicity and disability",
        ),
        (
            "aequitas",
            [aequitas, str(HERE / "with_aequitas.py"), data, "--out", str(OUT / f"aequitas-{tag}.json")]
            if aequitas
            else None,
            "selection rates and disparities: appointed and disciplinary by ethnicity and disability"
            if aequitas
            else "no aequitas environment (see with_aequitas.py)",
        ),
    ]


def run(sizes: Sequence[int], *, only: Sequence[str] = ()) -> list[Result]:
    OUT.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []
    for rows in sizes:
        data = data_path(rows)
        if not data.exists():
            generate = [PYTHON, str(HERE / "generate.py"), "--rows", str(rows), "--out", str(data)]
            seconds, peak, status = timed(generate, OUT / f"generate-{label(rows)}.log")
            results.append(Result(rows, "(generate the data)", seconds, peak, "" if status == 0 else "failed"))
        for name, command, note in commands(rows):
            if only and not any(word in name for word in only):
                continue
            if command is None:
                print(f"{label(rows)}: {name}: skipped ({note})", file=sys.stderr)
                results.append(Result(rows, name, note=f"skipped: {note}"))
                continue
            log = OUT / f"{name.split()[0]}-{label(rows)}.log"
            if name.startswith("dueregard") and dueregard_out(rows).exists():
                shutil.rmtree(dueregard_out(rows))  # time a fresh write, not a replacement
            load = load_average()
            seconds, peak, status = timed(command, log)
            if status != 0:
                note = f"failed with status {status}, see {log.relative_to(ROOT)}"
            print(f"{label(rows)}: {name}: {seconds:.1f} s, {peak:,.0f} MB {note} (load {load})", file=sys.stderr)
            results.append(Result(rows, name, seconds, peak, note, load))
        agreement(rows, results)
    return results


def agreement(rows: int, results: list[Result]) -> None:
    """Put on the dueregard row whether its numbers agree with the pandas baseline's (when both ran)."""
    import compare

    report = dueregard_out(rows) / "report.json"
    baseline = OUT / f"baseline-{label(rows)}.json"
    ran = [r for r in results if r.rows == rows and r.name.startswith("dueregard") and r.seconds is not None]
    if not ran or ran[-1].note.startswith("failed") or not report.exists() or not baseline.exists():
        return
    if baseline.stat().st_mtime < data_path(rows).stat().st_mtime:
        return  # the baseline is from older data
    outcome = compare.compare(report, baseline)
    ran[-1].note = outcome.summary()
    print(f"{label(rows)}: dueregard vs pandas: {outcome.summary()}", file=sys.stderr)


def markdown(results: Sequence[Result]) -> str:
    floors = {r.rows: r.seconds for r in results if r.name.startswith("floor") and r.seconds}
    lines = [
        "| records | what ran | wall time | × floor | peak memory | load before | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        floor = floors.get(r.rows)
        times = f"{r.seconds / floor:.1f}" if r.seconds is not None and floor and not r.name.startswith("(") else ""
        seconds = f"{r.seconds:,.1f} s" if r.seconds is not None else "–"
        peak = f"{r.peak_mb:,.0f} MB" if r.peak_mb is not None else "–"
        lines.append(f"| {label(r.rows)} | {r.name} | {seconds} | {times} | {peak} | {r.load} | {r.note} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000,10000000", help="comma-separated numbers of records")
    parser.add_argument("--only", default="", help="comma-separated words: run only the tools whose name has one")
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size]
    only = [word for word in args.only.split(",") if word]
    results = run(sizes, only=only)
    table = markdown(results)
    print(table)
    path = OUT / f"results-{dt.date.today().isoformat()}.md"
    path.write_text(table, encoding="utf-8")
    print(f"written to {path.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
