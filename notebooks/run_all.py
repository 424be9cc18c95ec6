"""Execute every notebook in this folder top to bottom, as CI does.

    python notebooks/run_all.py                 # run all notebooks/*.ipynb in name order
    python notebooks/run_all.py 02-regional-gaps.ipynb
    python notebooks/run_all.py --strip         # remove outputs before committing
    python notebooks/run_all.py --keep work/executed   # also save the executed copies

Each notebook runs in a fresh Python kernel of this interpreter, with the
notebooks folder as working directory, and fails on the first cell that raises.
Nothing is written back: the committed notebooks stay without outputs, and a
notebook that was committed with outputs fails the run (strip it with --strip).
Set CAREEVAL to the careeval executable to use (see careeval_nb.py).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = Path(__file__).resolve().parent


def notebooks(names: list[str]) -> list[Path]:
    if not names:
        return sorted(HERE.glob("*.ipynb"))
    paths = []
    for name in names:
        path = Path(name)
        if not path.exists():
            path = HERE / name
        if not path.exists():
            sys.exit(f"run_all.py: no notebook {name}")
        paths.append(path)
    return paths


def stored_outputs(nb: nbformat.NotebookNode) -> list[int]:
    """The numbers (1-based) of code cells that carry outputs or an execution count."""
    return [
        i + 1
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]


def strip(path: Path) -> bool:
    nb = nbformat.read(path, as_version=4)
    if not stored_outputs(nb):
        return False
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(nb, path)
    return True


def hermetic_jupyter_environment(scratch: Path) -> None:
    """Keep a user's own Jupyter and IPython settings out of the run, so the
    kernel is this interpreter with its installed packages and nothing else."""
    os.environ["JUPYTER_DATA_DIR"] = str(scratch / "jupyter-data")
    os.environ["JUPYTER_CONFIG_DIR"] = str(scratch / "jupyter-config")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(scratch / "jupyter-runtime")
    os.environ["IPYTHONDIR"] = str(scratch / "ipython")
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"


def run(path: Path, timeout: int, keep: Path | None = None, sockets: Path | None = None) -> str | None:
    """Runs one notebook; returns None when it ran through, else the error text."""
    nb = nbformat.read(path, as_version=4)
    stored = stored_outputs(nb)
    if stored:
        return (
            f"{path.name} was saved with outputs (code cells {', '.join(map(str, stored))}); "
            f"run `python notebooks/run_all.py --strip` before committing"
        )
    # Local sockets rather than TCP ports: nothing listens on the network.
    manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(sockets or path.parent / "kernel"))
    client = NotebookClient(
        nb,
        km=manager,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        return re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # tracebacks come coloured
    finally:
        if manager.has_kernel:  # a kernel manager passed in is not shut down by nbclient
            manager.shutdown_kernel()
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, keep / path.name)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: every *.ipynb here)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell (default 300)")
    parser.add_argument("--strip", action="store_true", help="remove outputs and execution counts, run nothing")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="also write the executed notebooks (with outputs) into DIR")
    args = parser.parse_args()

    paths = notebooks(args.notebooks)
    if args.strip:
        for path in paths:
            print(f"{path.name}: {'stripped' if strip(path) else 'already clean'}")
        return 0

    passed, failed = 0, 0
    with tempfile.TemporaryDirectory(prefix="careeval-notebooks-") as scratch:
        hermetic_jupyter_environment(Path(scratch))
        for path in paths:
            started = time.monotonic()
            error = run(path, args.timeout, args.keep, Path(scratch) / "kernel")
            seconds = time.monotonic() - started
            if error is None:
                passed += 1
                print(f"ok     {path.name} ({seconds:.1f} s)", flush=True)
            else:
                failed += 1
                print(f"FAILED {path.name} ({seconds:.1f} s)\n{error}", flush=True)
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main())
