"""Tests of the notebook runner against the installed Java (FormLab) kernel (run: make test-runner)."""
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "scripts" / "run_notebooks.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(*args):
    return subprocess.run(["/usr/bin/python3", str(RUNNER), *map(str, args)], capture_output=True, text=True, timeout=300)


class RunNotebooksTest(unittest.TestCase):

    def test_failing_cell_fails_the_run_and_names_notebook_and_cell(self):
        with tempfile.TemporaryDirectory() as out:
            result = run("--force", "--output-dir", out, FIXTURES / "failing-cell.ipynb")
            self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
            self.assertIn("failing-cell.ipynb: cell 3 failed", result.stderr)
            self.assertIn("by zero", result.stderr)
            self.assertEqual(list(Path(out).glob("*.html")), [], "no report may be written for a failed notebook")

    def test_report_is_self_contained_with_plotly_inlined_once(self):
        with tempfile.TemporaryDirectory() as out:
            result = run("--force", "--output-dir", out, FIXTURES / "two-plots.ipynb")
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            html = (Path(out) / "two-plots.html").read_text(encoding="utf-8")
            self.assertIsNone(re.search(r"<script[^>]+src\s*=\s*[\"']?(https?:)?//", html), "a script is loaded from the network")
            self.assertEqual(len(re.findall(r"plotly\.js[^\n]*v2\.35\.3", html)), 1, "plotly.js must be embedded exactly once")
            if (ROOT / "build" / "external" / "plotly").is_dir():
                self.assertLess(len(html.encode()), 3_000_000, "with the minified plotly.js a report stays under 3 MB")
            self.assertEqual(len(re.findall(r"Plotly.newPlot\(target_formlab_plot_", html)), 2, "both figures must be drawn")
            self.assertTrue("points" in html, "the table is missing from the report")

    def test_index_lists_the_chapter_with_question_data_and_run_time(self):
        with tempfile.TemporaryDirectory() as out:
            self.assertEqual(run("--force", "--output-dir", out, FIXTURES / "two-plots.ipynb").returncode, 0)
            index = (Path(out) / "index.html").read_text(encoding="utf-8")
            self.assertIn('<a href="two-plots.html">Two plots</a>', index)
            self.assertIn("do two figures and a table show?", index)
            self.assertIn("points from three numbers in this notebook (3 rows)", index)
            self.assertRegex(index, r"ran in \d+ s")
            self.assertIsNone(re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", index), "the index loads something from the network")

    def test_unchanged_notebook_is_not_run_again(self):
        with tempfile.TemporaryDirectory() as out:
            self.assertEqual(run("--output-dir", out, FIXTURES / "two-plots.ipynb").returncode, 0)
            again = run("--output-dir", out, FIXTURES / "two-plots.ipynb")
            self.assertEqual(again.returncode, 0)
            self.assertIn("unchanged, report kept", again.stdout)


if __name__ == "__main__":
    unittest.main()
