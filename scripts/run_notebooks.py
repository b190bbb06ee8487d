#!/usr/bin/python3
"""Executes FormLab's notebooks in order, headless, and exports each to a self-contained HTML report.

Usage: run_notebooks.py [--smoke] [--force] [--output-dir DIR] [NOTEBOOK_OR_FOLDER ...]

Without arguments every notebook under notebooks/ runs, phase by phase (0-setup, 1-exploration, ...),
and reports/<notebook name>.html is written for each, with reports/index.html listing every chapter
(its question, the data it ran on, its run time and a link). The first failing cell stops the run: the
exit status is 1 and the message names the notebook and the cell. A notebook whose inputs have not
changed since its last successful run (its own text, the library build, the data setting, smoke
mode) is not run again unless --force is given.

Runs on Debian's Jupyter packages (python3-nbclient, jupyter-nbconvert) with the "Java (FormLab)"
kernel that scripts/install-kernel.sh puts under build/jupyter.
"""
import argparse
import atexit
import hashlib
import html as html_text
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


# The data-origin banner every chapter shows (formlab.data.DataOrigin).
DATA_ORIGIN = re.compile(r'<div class="formlab-data-origin"[^>]*>(.*?)</div>', re.DOTALL)
INDEX_NAME = "index.html"


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


def plain(markdown):
    """Markdown of a heading or sentence as plain text: no emphasis, code or link markers."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`#]+", "", text).strip()


def chapter(notebook, nb=None):
    """What the index says of a notebook: its title and question (from its first markdown cell) and,
    once executed (nb), the data it ran on (the text of its data-origin banners)."""
    source = nb or nbformat.read(notebook, as_version=4)
    first = next((cell.source for cell in source.cells if cell.cell_type == "markdown"), "")
    lines = first.strip().splitlines()
    title = plain(lines[0]) if lines else notebook.stem
    question = re.search(r"\*\*Question:?\*\*:?\s*(.+?)(?:\n\s*\n|$)", first, re.DOTALL)
    data = []
    for cell in (nb.cells if nb else []):
        for output in cell.get("outputs", []):
            for banner in DATA_ORIGIN.findall(str(output.get("data", {}).get("text/html", ""))):
                text = html_text.unescape(re.sub(r"<[^>]+>", "", banner)).removeprefix("Data:").strip()
                if text not in data:
                    data.append(text)
    return {"title": title, "question": plain(" ".join(question.group(1).split())) if question else "", "data": data}


def write_index(output_dir, notebooks):
    """reports/index.html: the chapters in reading order, each with its question, the data it ran on,
    its run time and a link to its report; self-contained like the reports."""
    sections = {}
    for notebook in notebooks:
        stamp_file = output_dir / STAMP_DIR_NAME / f"{notebook.stem}.json"
        stamp = json.loads(stamp_file.read_text()) if stamp_file.is_file() else {}
        info = stamp.get("chapter") or chapter(notebook)
        report = output_dir / f"{notebook.stem}.html"
        esc = html_text.escape
        if report.is_file() and stamp:
            head = f'<a href="{esc(report.name)}">{esc(info["title"])}</a>'
            when = (f'ran in {stamp.get("seconds", 0):.0f} s{" (smoke mode: reduced data)" if stamp.get("smoke") else ""}'
                    f'{", " + esc(stamp["finished"]) if stamp.get("finished") else ""}; report {report.stat().st_size / 1e6:.1f} MB')
        else:
            head, when = esc(info["title"]), "not run yet: make reports"
        data = "".join(f"<li>{esc(line)}</li>" for line in info.get("data", [])) or "<li>no dataset (see the report)</li>"
        question = f'<p class="q"><b>Question:</b> {esc(info["question"])}</p>' if info.get("question") else ""
        part = notebook.parent.name if notebook.parent.name[:1].isdigit() else "other"
        sections.setdefault(part, []).append(
            f'<div class="chapter"><h3>{head}</h3>{question}<p class="meta">Data it ran on:</p><ul>{data}</ul>'
            f'<p class="meta">{when}</p></div>')
    body = "".join(f"<h2>{html_text.escape(part.split('-', 1)[-1].capitalize())}</h2>{''.join(items)}"
                   for part, items in sections.items())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>FormLab reports</title>
<style>body{{font-family:sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}}
h2{{border-bottom:1px solid #ccc;margin-top:1.6em}} .chapter{{margin:0 0 1.2em 0}} h3{{margin:.2em 0}}
.meta{{color:#555;margin:.2em 0}} ul{{margin:.2em 0}} .q{{margin:.3em 0}}</style></head>
<body><h1>FormLab reports</h1>
<p>The notebooks of <code>notebooks/</code>, executed in order by <code>make reports</code>. Each report is one
self-contained HTML file that opens offline; read them in this order.</p>
{body}</body></html>
"""
    atomic_write(output_dir / INDEX_NAME, page)


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
    # The index lists every chapter when the notebooks run are chapters (even when only some ran).
    chapters = discover([]) if all(n.is_relative_to(ROOT / "notebooks") for n in notebooks) else notebooks
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
            write_index(output_dir, chapters)
            return 1
        atomic_write(report, html)
        atomic_write(stamp_file, json.dumps({"stamp": stamp, "seconds": round(time.monotonic() - start, 1),
                                             "smoke": args.smoke, "finished": time.strftime("%Y-%m-%d %H:%M"),
                                             "chapter": chapter(notebook, nb)}))
        print(f"    wrote {report} ({len(html) / 1e6:.1f} MB) in {time.monotonic() - start:.1f} s", flush=True)
    write_index(output_dir, chapters)
    print(f"all notebooks ran in {time.monotonic() - total_start:.1f} s; index: {output_dir / INDEX_NAME}", flush=True)
    print(f"notebooks: {len(notebooks)} passed, 0 failed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
