"""Tests of the browser test itself (scripts/browser_notebooks.py): it passes on a notebook whose
figures draw, also after a restart and out of order, and fails when plotly.js cannot load.
Needs Debian's chromium, chromium-driver, python3-selenium and jupyter-notebook (make setup)."""
import subprocess
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "browser_notebooks.py"
TWO_PLOTS = Path(__file__).resolve().parent / "fixtures" / "two-plots.ipynb"


def run(*args):
    return subprocess.run(["/usr/bin/python3", str(SCRIPT), *map(str, args)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)


class BrowserNotebooksTest(unittest.TestCase):

    def test_figures_draw_in_the_live_notebook_after_restart_and_out_of_order(self):
        with tempfile.TemporaryDirectory() as shots:
            result = run("--screenshots", shots, "--out-of-order", TWO_PLOTS)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertIn("2 of 2 figures drawn", result.stdout)
            self.assertTrue((Path(shots) / "two-plots.png").stat().st_size > 10_000, "the screenshot is missing or empty")

    def test_an_exported_report_draws_every_figure_offline(self):
        with tempfile.TemporaryDirectory() as out:
            runner = subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "run_notebooks.py"), "--force",
                                     "--output-dir", out, str(TWO_PLOTS)], capture_output=True, text=True, timeout=300)
            self.assertEqual(runner.returncode, 0, runner.stdout + runner.stderr)
            result = run("--reports", out)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertIn("two-plots.html: ", result.stdout)
            self.assertRegex(result.stdout, r"two-plots\.html: [0-9.]+ MB, offline, 2 of 2 figures drawn")

    def test_fails_when_plotly_cannot_load(self):
        with tempfile.TemporaryDirectory() as shots:
            result = run("--screenshots", shots, "--block-plotly", TWO_PLOTS)
            self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
            self.assertRegex(result.stderr, r"FAILED: two-plots\.ipynb\s+0 of 2 figures drawn")
            self.assertIn("console: ", result.stderr, "the JavaScript error must be reported")


if __name__ == "__main__":
    unittest.main()
