"""Small helpers shared by the careeval notebooks: find the careeval executable,
run it, make the demo outputs once, and load the tidy outputs with the right types.

Settings (environment variables, all optional):
  CAREEVAL        the careeval executable; default: the newest of .build/release and
                  .build/debug, else `careeval` on PATH, else built with `swift build`
  CAREEVAL_KIT    the kit folder; default: surveys/aixin
  CAREEVAL_DATA   a data folder of your own instead of the generated demo data
  CAREEVAL_WORK   where the notebooks write; default: notebooks/work
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pandas as pd


def repo_root() -> Path:
    """The careeval checkout this file lives in (the folder with Package.swift)."""
    here = Path(__file__).resolve().parent
    for folder in (here, *here.parents):
        if (folder / "Package.swift").exists():
            return folder
    raise FileNotFoundError(f"no Package.swift above {here}: run the notebooks from a careeval checkout")


REPO = repo_root()
KIT = Path(os.environ.get("CAREEVAL_KIT", REPO / "surveys" / "aixin"))
WORK = Path(os.environ.get("CAREEVAL_WORK", REPO / "notebooks" / "work"))

# The demo the notebooks analyse: two provinces (Chongqing's 38 counties and
# Ningxia's 22), enough children for county estimates, 1% of rows with an injected
# error so that rejects.csv has something to show; quick to make.
DEMO_CHILDREN = 3000
DEMO_SEED = 2026
DEMO_REGIONS = "500000,640000"
DEMO_ERRORS = 0.01


def careeval_executable() -> Path:
    """Finds the careeval executable (see the module docstring for the order)."""
    given = os.environ.get("CAREEVAL")
    if given:
        path = Path(given)
        if not path.is_file():
            raise FileNotFoundError(f"CAREEVAL={given} is not a file")
        return path
    built = [REPO / ".build" / config / "careeval" for config in ("release", "debug")]
    built = [path for path in built if path.is_file()]
    if built:
        return max(built, key=lambda path: path.stat().st_mtime)
    on_path = shutil.which("careeval")
    if on_path:
        return Path(on_path)
    subprocess.run(["swift", "build", "--product", "careeval"], cwd=REPO, check=True)
    bin_path = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.strip()
    return Path(bin_path) / "careeval"


def _shown(arg: str | Path) -> str:
    """An argument as a reader would type it: paths relative to the repository."""
    if isinstance(arg, Path):
        try:
            return str(arg.resolve().relative_to(REPO))
        except ValueError:
            return str(arg)
    return str(arg)


def careeval(*args: str | Path | int, ok: tuple[int, ...] = (0,), echo: bool = False) -> subprocess.CompletedProcess:
    """Runs `careeval ARGS` from the repository root and returns the finished process.

    Exit status 1 means "data problems found" (the outputs are still written); pass
    ok=(0, 1) to accept it. Any other status raises with the command's stderr.
    With echo=True, prints the command line and what the command printed.
    """
    shown = [_shown(arg) if isinstance(arg, Path) else str(arg) for arg in args]
    command = [str(careeval_executable()), *(str(arg) for arg in args)]
    if echo:
        print("$ careeval " + shlex.join(shown))
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if echo:
        for stream in (result.stdout, result.stderr):
            lines = stream.rstrip().splitlines()
            for line in lines[:25]:
                print("  " + line)
            if len(lines) > 25:
                print(f"  … ({len(lines) - 25} more lines)")
    if result.returncode not in ok:
        raise RuntimeError(
            f"`careeval {shlex.join(shown)}` exited with {result.returncode}:\n{result.stderr}"
        )
    return result


@dataclass(frozen=True)
class Run:
    """Where one evaluation run's input and output are."""

    data: Path
    out: Path

    def __truediv__(self, name: str) -> Path:
        return self.out / name


def demo_run(refresh: bool = False, by: str | None = None, echo: bool = False) -> Run:
    """Makes (once) the demo data, then runs `careeval score` and `careeval report` on it
    into notebooks/work/out (or out-by-FIELD with a breakdown `by`).

    Data and outputs are reused while they are newer than the careeval executable;
    `refresh=True` makes them again. With CAREEVAL_DATA set, that folder is evaluated
    instead of the demo data.
    """
    executable = careeval_executable()

    def fresh(marker: Path) -> bool:
        return not refresh and marker.exists() and marker.stat().st_mtime > executable.stat().st_mtime

    own_data = os.environ.get("CAREEVAL_DATA")
    data = Path(own_data) if own_data else WORK / "demo-data"
    if not own_data and not fresh(data / ".complete"):
        shutil.rmtree(data, ignore_errors=True)
        careeval(
            "demo", "--kit", KIT, "--out", data, "--children", DEMO_CHILDREN, "--seed", DEMO_SEED,
            "--regions", DEMO_REGIONS, "--errors", DEMO_ERRORS, "--quiet", echo=echo,
        )
        (data / ".complete").touch()
    out = WORK / ("out" if by is None else f"out-by-{by}")
    done = out / ".complete"
    if fresh(done) and (own_data or done.stat().st_mtime >= (data / ".complete").stat().st_mtime):
        return Run(data, out)
    shutil.rmtree(out, ignore_errors=True)
    breakdown = [] if by is None else ["--by", by]
    careeval("score", "--kit", KIT, data, "--out", out, *breakdown, ok=(0, 1), echo=echo)
    careeval("report", "--kit", KIT, data, "--out", out, "--format", "html,md,json", *breakdown, ok=(0, 1), echo=echo)
    done.touch()
    return Run(data, out)


# --- Loading the tidy outputs (docs/outputs.md) ---------------------------------

# Only an empty cell is missing; "NA" is missing only where a column says so, and
# codes such as region codes stay text (000000-style codes keep their zeros).
_TEXT = dict(keep_default_na=False, na_values=[""])


def read_estimates(path: Path) -> pd.DataFrame:
    """estimates.csv: one row per indicator, region (every level) and group."""
    text = ["indicator", "region_code", "region_name", "level", "group", "status"]
    frame = pd.read_csv(path, dtype={name: str for name in text}, **_TEXT)
    frame["group"] = frame["group"].fillna("")
    return frame


def read_codebook(path: Path) -> pd.DataFrame:
    """codebook.csv, written by `careeval score` next to scores.csv: one row per
    scores.csv column (variable, label::zh, label::en, type, values)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def value_labels(codebook: pd.DataFrame, variable: str, language: str = "en") -> dict[str, str]:
    """The code -> label map of a coded column, from codebook.csv's `values` cell
    (`code=中文|English; ...`); empty for columns without codes."""
    cell = codebook.set_index("variable").loc[variable, "values"]
    labels = {}
    for entry in filter(None, cell.split("; ")):
        code, sep, text = entry.partition("=")
        if not sep or "|" not in text:
            continue  # a numeric range such as "[1, 5]"
        zh, _, en = text.rpartition("|")
        labels[code] = zh if language == "zh" else en
    return labels


def read_scores(path: Path, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """scores.csv: one row per child. Text and code columns stay text; with the
    codebook, integer and decimal columns are read as numbers. In an indicator
    column both NA (in the population, answer missing) and blank (not in the
    population) become NaN; read it with dtype=str to tell them apart."""
    dtypes: dict[str, str] = {"child_key": "str", "region": "str", "categories": "str"}
    if codebook is not None:
        for name, kind in zip(codebook["variable"], codebook["type"]):
            dtypes[name] = {"integer": "Int64", "decimal": "float64"}.get(kind, "str")
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=["", "NA"])
    frame["categories"] = frame["categories"].fillna("")
    return frame


def read_reliability(path: Path) -> pd.DataFrame:
    """reliability.csv: Cronbach's alpha per scale and region."""
    return pd.read_csv(path, dtype={"scale": str, "region_code": str, "region_name": str, "level": str}, **_TEXT)


def read_agreement(path: Path) -> pd.DataFrame:
    """agreement.csv: percent agreement and Cohen's kappa per pair and region."""
    return pd.read_csv(path, dtype={"pair": str, "region_code": str, "region_name": str, "level": str}, **_TEXT)


def read_json(path: Path) -> dict:
    """quality.json, report.json."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def read_kit_sheet(name: str, kit: Path = KIT) -> pd.DataFrame:
    """A kit sheet (indicators.csv, targets.csv, scales.csv…) as text, with the
    `label::中文 (zh)`-style headers shortened to `label::zh`."""
    frame = pd.read_csv(kit / name, dtype=str, keep_default_na=False)
    renamed = {}
    for column in frame.columns:
        if "::" in column and "(" in column and column.endswith(")"):
            stem = column.split("::")[0]
            renamed[column] = f"{stem}::{column[column.rindex('(') + 1:-1]}"
    return frame.rename(columns=renamed)
