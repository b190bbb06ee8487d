#!/usr/bin/python3
"""Executes FormLab's notebooks in order, headless, and exports each to a self-contained HTML report.

Usage: run_notebooks.py [--smoke] [--force] [--output-dir DIR] [NOTEBOOK_OR_FOLDER ...]

Without arguments every notebook under notebooks/ runs, phase by phase (0-setup, 1-exploration, ...),
and reports/<notebook name>.html is written for each. The first failing cell stops the run: the
exit status is 1 and the message names the notebook and the cell. A notebook whose inputs have not
changed since its last successful run (its own text, the library build, the data setting, smoke
mode) is not run again unless --force is given.

Runs on Debian's Jupyter packages (python3-nbclient, jupyter-nbconvert) with the "Java (FormLab)"
kernel that scripts/install-kernel.sh puts under build/jupyter.
"""
import argparse
import atexit
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
KERNEL_NAME = "formlab-java"
TEMPLATE_DIR = ROOT / "scripts" / "nbconvert"
STAMP_DIR_NAME = ".stamps"
# A script or stylesheet fetched over the network would break the offline promise of a report.
REMOTE_RESOURCE = re.compile(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", re.IGNORECASE)


class NotebookFailed(Exception):
    """A notebook could not be executed; the message names the notebook and the cell."""


def natural_key(path):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", str(path))]


def discover(targets):
    """Notebooks named by targets (files or folders), or all of notebooks/, in reading order."""
    if not targets:
        targets = [ROOT / "notebooks"]
    found = []
    for target in map(Path, targets):
        if target.is_dir():
            found += [p for p in target.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
        elif target.suffix == ".ipynb" and target.is_file():
            found.append(target)
        else:
            raise SystemExit(f"run_notebooks: {target} is neither a notebook nor a folder")
    return sorted({p.resolve() for p in found}, key=natural_key)


def library_fingerprint():
    """Changes whenever the library or its dependencies are rebuilt."""
    digest = hashlib.sha256()
    jars = sorted((ROOT / "app" / "target").glob("formlab-app-*.jar")) + sorted((ROOT / "app" / "target" / "dependency").glob("*.jar"))
    for jar in jars:
        stat = jar.stat()
        digest.update(f"{jar.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def stamp_for(notebook, smoke):
    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(library_fingerprint().encode())
    digest.update(f"smoke={smoke};data={os.environ.get('FORMLAB_DATA_DIR', '')}".encode())
    return digest.hexdigest()


def atomic_write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False) as tmp:
        tmp.write(text)
    os.replace(tmp.name, path)


def describe_failure(nb, notebook, error):
    """'notebooks/x.ipynb, cell 4 (code cell 3): EvalException: / by zero' for the first failing cell."""
    rel = notebook.relative_to(ROOT) if notebook.is_relative_to(ROOT) else notebook
    for index, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                return (f"{rel}: cell {index} failed: {output.get('ename')}: {output.get('evalue', '').strip()}\n"
                        f"  cell {index} begins: {first_line[:120]}")
    return f"{rel}: {type(error).__name__}: {str(error).strip()[:2000]}"


def execute(notebook, cell_timeout, startup_timeout, retries, kernel_log):
    """Runs the notebook on a fresh kernel. Kernel start-up is retried; cell errors are not.

    The kernel's own console output (start-up messages, JVM warnings) goes to kernel_log."""
    kernel_log.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, retries + 2):
        nb = nbformat.read(notebook, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=cell_timeout,
                                startup_timeout=startup_timeout, allow_errors=False,
                                resources={"metadata": {"path": str(notebook.parent)}})
        try:
            with open(kernel_log, "w") as log:
                client.execute(stdout=log, stderr=log)
            return nb
        except CellExecutionError as error:
            raise NotebookFailed(describe_failure(nb, notebook, error)) from error
        except Exception as error:  # noqa: BLE001 - any failure before the first cell ran is a start-up failure
            # nbclient reports a kernel that dies or hangs while starting in several ways (RuntimeError,
            # TimeoutError, DeadKernelError, and an AssertionError from its own clean-up): retry them all.
            stop_kernel(client)
            started = any(cell.get("execution_count") for cell in nb.cells)
            if started or attempt > retries:
                raise NotebookFailed(describe_failure(nb, notebook, error)) from error
            print(f"    kernel did not start ({type(error).__name__}: {str(error)[:200]}); retrying", flush=True)
    raise AssertionError("unreachable")


def stop_kernel(client):
    """Stops a kernel left behind by a failed start, and nbclient's exit hook for it."""
    atexit.unregister(client._cleanup_kernel)
    try:
        if client.km is not None and client.km.has_kernel:
            client.km.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001 - best effort: the process may already be gone
        pass


def export_html(nb, title):
    exporter = HTMLExporter(template_name="formlab", extra_template_basedirs=[str(TEMPLATE_DIR)])
    nb.metadata["title"] = title
    html, _ = exporter.from_notebook_node(nb)
    remote = REMOTE_RESOURCE.search(html)
    if remote:
        raise NotebookFailed(f"{title}: the report would load '{remote.group(0)[:120]}' from the network")
    return html


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="notebooks or folders (default: notebooks/)")
    parser.add_argument("--smoke", action="store_true", help="reduced data: sets FORMLAB_SMOKE=1 for the kernels")
    parser.add_argument("--force", action="store_true", help="run even notebooks whose inputs have not changed")
    parser.add_argument("--output-dir", default=str(ROOT / "reports"), help="where reports are written (default: reports/)")
    parser.add_argument("--cell-timeout", type=int, default=1800, help="seconds one cell may run (default: 1800)")
    parser.add_argument("--startup-timeout", type=int, default=60, help="seconds for the kernel to start (default: 60)")
    parser.add_argument("--retries", type=int, default=2, help="kernel start-up retries (default: 2)")
    args = parser.parse_args(argv)

    kernelspec = ROOT / "build" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    if not kernelspec.is_file():
        raise SystemExit(f"run_notebooks: the {KERNEL_NAME} kernel is not installed ({kernelspec} is missing); run 'make kernel'")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(kernelspec.parent.parent.parent), os.environ.get("JUPYTER_PATH")]))
    os.environ["FORMLAB_HOME"] = str(ROOT)
    os.environ["FORMLAB_SMOKE"] = "1" if args.smoke else "0"
    # The kernels write into reports: long runs print one line per trial, not a redrawn progress bar.
    os.environ["FORMLAB_REPORT"] = "1"

    output_dir = Path(args.output_dir).resolve()
    notebooks = discover(args.targets)
    if not notebooks:
        raise SystemExit("run_notebooks: no notebooks found")
    total_start = time.monotonic()
    for number, notebook in enumerate(notebooks, start=1):
        name = notebook.stem
        report = output_dir / f"{name}.html"
        stamp_file = output_dir / STAMP_DIR_NAME / f"{name}.json"
        stamp = stamp_for(notebook, args.smoke)
        if not args.force and report.is_file() and stamp_file.is_file() and json.loads(stamp_file.read_text()).get("stamp") == stamp:
            print(f"[{number}/{len(notebooks)}] {name}: unchanged, report kept ({report.relative_to(output_dir.parent)})", flush=True)
            continue
        print(f"[{number}/{len(notebooks)}] {name}: running{' (smoke)' if args.smoke else ''} ...", flush=True)
        start = time.monotonic()
        try:
            kernel_log = ROOT / "build" / "logs" / f"{name}.kernel.log"
            nb = execute(notebook, args.cell_timeout, args.startup_timeout, args.retries, kernel_log)
            html = export_html(nb, name)
        except NotebookFailed as failure:
            print(f"FAILED: {failure}\n  kernel log: {kernel_log}", file=sys.stderr, flush=True)
            print(f"notebooks: {number - 1} passed, 1 failed", flush=True)
            return 1
        atomic_write(report, html)
        atomic_write(stamp_file, json.dumps({"stamp": stamp, "seconds": round(time.monotonic() - start, 1)}))
        print(f"    wrote {report} ({len(html) / 1e6:.1f} MB) in {time.monotonic() - start:.1f} s", flush=True)
    print(f"all notebooks ran in {time.monotonic() - total_start:.1f} s", flush=True)
    print(f"notebooks: {len(notebooks)} passed, 0 failed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
