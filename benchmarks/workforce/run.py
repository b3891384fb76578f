"""Time the full workforce report at several sizes, side by side with the baselines (issue 5, item 9).

    .venv/bin/python benchmarks/workforce/run.py --sizes 1000000,10000000

For each size it generates benchmarks/out/workforce-<N>.parquet if missing (generate.py, timed for information),
then runs each of these as a separate process under /usr/bin/time -v (wall time, peak resident memory):

- floor: floor.py, DuckDB reading the needed columns (the time no report can beat);
- dueregard: DUEREGARD_COMMAND, skipped with a message while `dueregard analyse` does not exist;
- pandas + SciPy: baseline_pandas.py, the same job in a plain script;
- fairlearn: with_fairlearn.py, the selection-rate part;
- aequitas: with_aequitas.py, from its own virtual environment (AEQUITAS_PYTHON, or
  benchmarks/out/venv-aequitas/bin/python), skipped with a message if there is none.

It prints a Markdown table and writes it to benchmarks/out/results-<date>.md. Outputs of the runs go to
benchmarks/out/. Targets (issue 5): at 10M records dueregard within 2.5 x the floor's time and 600 MB peak.
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

# The dueregard run: placeholders {data}, {describe} and {out} are filled in per size.
DUEREGARD_COMMAND: Final = [
    "dueregard",
    "analyse",
    "{data}",
    "--describe",
    "{describe}",
    "--preset",
    "workforce",
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


def data_path(rows: int) -> Path:
    return OUT / f"workforce-{rows}.parquet"


def label(rows: int) -> str:
    return f"{rows / 1e6:g}M" if rows >= 1_000_000 else f"{rows:,}"


def aequitas_python() -> str | None:
    candidate = os.environ.get("AEQUITAS_PYTHON") or str(OUT / "venv-aequitas" / "bin" / "python")
    return candidate if Path(candidate).exists() else None


def dueregard_available() -> str | None:
    """None if `dueregard analyse` exists, else why not."""
    executable = shutil.which("dueregard") or str(Path(PYTHON).parent / "dueregard")
    if not Path(executable).exists():
        return "no dueregard command"
    probe = subprocess.run([executable, "analyse", "--help"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        return "`dueregard analyse` does not exist yet"
    return None


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
        values = {"data": data, "describe": str(DESCRIBE), "out": str(OUT / f"dueregard-{tag}.json")}
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
            seconds, peak, status = timed(command, log)
            if status != 0:
                note = f"failed with status {status}, see {log.relative_to(ROOT)}"
            print(f"{label(rows)}: {name}: {seconds:.1f} s, {peak:,.0f} MB {note}", file=sys.stderr)
            results.append(Result(rows, name, seconds, peak, note))
    return results


def markdown(results: Sequence[Result]) -> str:
    floors = {r.rows: r.seconds for r in results if r.name.startswith("floor") and r.seconds}
    lines = [
        "| records | what ran | wall time | × floor | peak memory | note |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        floor = floors.get(r.rows)
        times = f"{r.seconds / floor:.1f}" if r.seconds is not None and floor and not r.name.startswith("(") else ""
        seconds = f"{r.seconds:,.1f} s" if r.seconds is not None else "–"
        peak = f"{r.peak_mb:,.0f} MB" if r.peak_mb is not None else "–"
        lines.append(f"| {label(r.rows)} | {r.name} | {seconds} | {times} | {peak} | {r.note} |")
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
