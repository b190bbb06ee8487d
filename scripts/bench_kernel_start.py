#!/usr/bin/python3
"""Starts the Java (FormLab) kernel repeatedly and counts starts that never answer kernel_info.

Usage: bench_kernel_start.py [--runs N] [--timeout S] [--upstream]

--upstream starts the kernel without FormLab's LoopThread fix (the upstream jar alone), to compare.
Prints one line per run and a summary: hung starts, median and worst start-up time.
"""
import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "build" / "jupyter" / "kernels" / "formlab-java"


def kernel_spec(upstream):
    spec = json.loads((SPEC_DIR / "kernel.json").read_text())
    if upstream:
        classpath_index = spec["argv"].index("-cp") + 1
        spec["argv"][classpath_index] = str(SPEC_DIR / "rapaio-jupyter-kernel.jar")
    return spec


def start_once(spec, timeout):
    km = KernelManager(kernel_name="formlab-java")
    km._kernel_spec = KernelSpec(resource_dir=str(SPEC_DIR), **spec)
    started = time.monotonic()
    with tempfile.TemporaryFile() as log:
        km.start_kernel(stdout=log, stderr=log)
        client = km.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
            return time.monotonic() - started
        except RuntimeError:
            return None
        finally:
            client.stop_channels()
            km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--upstream", action="store_true")
    args = parser.parse_args()
    spec = kernel_spec(args.upstream)
    times, hung = [], 0
    for run in range(1, args.runs + 1):
        seconds = start_once(spec, args.timeout)
        if seconds is None:
            hung += 1
            print(f"run {run}: no reply to kernel_info within {args.timeout:.0f} s", flush=True)
        else:
            times.append(seconds)
            print(f"run {run}: ready in {seconds:.2f} s", flush=True)
    label = "upstream kernel" if args.upstream else "kernel with FormLab fix"
    summary = f"{label}: {hung}/{args.runs} starts hung"
    if times:
        summary += f"; start-up median {statistics.median(times):.2f} s, worst {max(times):.2f} s"
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
