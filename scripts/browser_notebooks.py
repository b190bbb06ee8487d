#!/usr/bin/python3
"""Runs FormLab's notebooks the way a person does: in a Jupyter Notebook server, in a real browser.

Usage: browser_notebooks.py [--smoke] [--screenshots DIR] [--block-plotly] [NOTEBOOK_OR_FOLDER ...]
       browser_notebooks.py --reports DIR

Starts Debian's classic Jupyter Notebook server on a free loopback port with the checkout's
"Java (FormLab)" kernel, opens each notebook in headless Chromium (driven by Selenium and
chromedriver), chooses Cell > Run All from the menu and waits for the last cell. A notebook passes
when no cell shows an error, the browser console holds no JavaScript error, and every figure the
notebook displayed has drawn (each FormLab plot element holds a plotly SVG). For the first notebook
with two figures or more, Kernel > Restart & Run All follows, and every figure must draw again. With
--out-of-order, the kernel is restarted once more and only the cells without figures and the last
figure cell are run: that figure must draw into its own output, not into an older one. A screenshot of every notebook is
saved under DIR (default build/browser) for a person to look at.

The notebooks run from a copy under build/browser/notebooks, so the server's autosave never
changes the checkout. --block-plotly makes window.Plotly unusable in the page, to show that the
test fails when plotly.js cannot load. With --reports DIR it opens the exported reports from disk
instead, with the network switched off, and checks that every figure in them draws. Exit status: 0
when every notebook (or report) passed, 1 otherwise.
"""
import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_notebooks import KERNEL_NAME, ROOT, discover  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Console messages that are not the notebook's doing: the page asks for a favicon the server lacks.
IGNORED_CONSOLE = ("favicon.ico",)
BLOCK_PLOTLY = ("Object.defineProperty(window, 'Plotly', {configurable: false,"
                " get: function () { return undefined; }, set: function () {}});")

# Counts the cells that finished since the last reset, and kernel restarts, from the page's own events.
WATCH_JS = """
if (!window.formlabWatch) {
  window.formlabWatch = {finished: 0, restarts: 0};
  Jupyter.notebook.events.on('finished_execute.CodeCell', () => window.formlabWatch.finished++);
  Jupyter.notebook.events.on('kernel_restarting.Kernel', () => window.formlabWatch.restarts++);
}
window.formlabWatch.finished = 0;
window.formlabWatch.restarts = 0;
"""

CELLS_STATE_JS = """
const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code' && c.get_text().trim() !== '');
const icon = document.querySelector('#kernel_indicator_icon').classList;
return {
  cells: cells.length,
  finished: window.formlabWatch.finished,
  restarts: window.formlabWatch.restarts,
  busy: cells.filter(c => c.input_prompt_number === '*').length,
  errors: Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText.slice(0, 600)),
  kernelIdle: icon.contains('kernel_idle_icon'),
  dead: icon.contains('kernel_dead_icon'),
};
"""

FIGURES_JS = """
const plots = Array.from(document.querySelectorAll('div[id^="formlab_plot_"]'));
return {
  figures: plots.length,
  drawn: plots.filter(p => p.classList.contains('js-plotly-plot') && p.querySelector('svg.main-svg')).length,
  ids: plots.map(p => p.id),
};
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NotebookServer:
    """A Jupyter Notebook server on loopback, serving a copy of the notebooks."""

    def __init__(self, notebook_dir, log_path):
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.notebook_dir = notebook_dir
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        env = dict(os.environ)
        kernels = ROOT / "build" / "jupyter"
        env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(kernels), env.get("JUPYTER_PATH")]))
        env["FORMLAB_HOME"] = str(ROOT)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            ["/usr/bin/python3", "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
             "--port-retries=0", f"--NotebookApp.token={self.token}", f"--notebook-dir={self.notebook_dir}",
             "--NotebookApp.open_browser=False", "--MappingKernelManager.cull_idle_timeout=0"]
            + (["--allow-root"] if os.geteuid() == 0 else []),
            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"browser_notebooks: the notebook server exited; see {self.log_path}")
            try:
                self.api("GET", "/api/status")
                return self
            except OSError:
                time.sleep(0.5)
        raise SystemExit(f"browser_notebooks: the notebook server did not start in 60 s; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}?token={self.token}"

    def api(self, method, path):
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            return json.loads(body) if body else None

    def shut_down_kernels(self):
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")


def browser(block_plotly):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    if block_plotly:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": BLOCK_PLOTLY})
    return driver


def wait_for(driver, condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except WebDriverException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{what} did not happen within {timeout} s")


def open_notebook(driver, server, relative):
    driver.get(server.url(f"/notebooks/{relative.as_posix()}"))
    wait_for(driver, lambda: driver.execute_script(
        "return typeof Jupyter !== 'undefined' && Jupyter.notebook && Jupyter.notebook.kernel"
        " && Jupyter.notebook.kernel.is_connected()"
        " && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon');"),
        180, "the kernel becoming ready")


def click_menu(driver, menu, item_id):
    """Chooses a menu item the way a person does: opens the menu, clicks the item."""
    driver.find_element(By.XPATH, f"//div[@id='menus']//a[contains(@class,'dropdown-toggle') and normalize-space(.)='{menu}']").click()
    wait_for(driver, lambda: driver.find_element(By.ID, item_id).is_displayed(), 10, f"the {menu} menu opening")
    driver.find_element(By.CSS_SELECTOR, f"#{item_id} > a").click()


def wait_until_done(driver, timeout, expected_cells=None):
    """Waits until the expected number of cells (default: every code cell) finished since the last
    watch reset, or one failed, or the kernel died; returns the final cell state."""
    def finished():
        state = driver.execute_script(CELLS_STATE_JS)
        if state["errors"] or state["dead"]:
            return state
        expected = state["cells"] if expected_cells is None else expected_cells
        return state if state["finished"] >= expected and state["busy"] == 0 and state["kernelIdle"] else None
    return wait_for(driver, finished, timeout, "the last cell finishing")


def run_all(driver, timeout):
    """Cell > Run All, then waits for every cell."""
    driver.execute_script(WATCH_JS)
    click_menu(driver, "Cell", "run_all_cells")
    return wait_until_done(driver, timeout)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and not any(ignored in entry["message"] for ignored in IGNORED_CONSOLE)]


def screenshot(driver, path):
    height = driver.execute_script(
        "return document.querySelector('#notebook-container').scrollHeight"
        " + document.querySelector('#header').offsetHeight + 40;")
    driver.set_window_size(1280, min(max(int(height), 800), 16000))
    time.sleep(0.5)
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1000)


def restart_kernel(driver):
    driver.execute_script(WATCH_JS)
    driver.execute_script("Jupyter.notebook.kernel.restart();")
    wait_for(driver, lambda: driver.execute_script(CELLS_STATE_JS)["restarts"] > 0, 30, "the kernel restarting")
    wait_for(driver, lambda: driver.execute_script(
        "return Jupyter.notebook.kernel.is_connected()"
        " && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon');"),
        180, "the restarted kernel becoming ready")


def restart_and_run_all(driver, timeout):
    """Kernel > Restart & Run All, confirmed in its dialog; every figure must draw again."""
    before = set(driver.execute_script(FIGURES_JS)["ids"])
    driver.execute_script(WATCH_JS)
    click_menu(driver, "Kernel", "restart_run_all")
    wait_for(driver, lambda: driver.find_element(By.CSS_SELECTOR, ".modal-footer .btn-danger").is_displayed(),
             10, "the restart dialog")
    driver.find_element(By.CSS_SELECTOR, ".modal-footer .btn-danger").click()
    wait_for(driver, lambda: driver.execute_script(CELLS_STATE_JS)["restarts"] > 0, 30, "the kernel restarting")
    state = wait_until_done(driver, timeout)
    problems = [f"after Restart & Run All, cell error: {error}" for error in state["errors"]]
    figures = driver.execute_script(FIGURES_JS)
    if figures["drawn"] != figures["figures"] or figures["figures"] == 0:
        problems.append(f"after Restart & Run All, {figures['drawn']} of {figures['figures']} figures drew")
    if before & set(figures["ids"]):
        problems.append(f"after Restart & Run All, new figures reused old element ids: {sorted(before & set(figures['ids']))}")
    return problems


def restart_and_run_out_of_order(driver, timeout):
    """Restarts the kernel, then runs the cells that show no figure and, last, the last figure cell.

    The earlier figures stay on the page from the first run; the new figure must draw into its own
    output, not into an older element. Only for notebooks whose figure cells stand alone."""
    figure_cells = driver.execute_script("""
        return Jupyter.notebook.get_cells().map((c, i) => c.cell_type === 'code'
            && c.output_area.element[0].querySelector('div[id^="formlab_plot_"]') !== null);""")
    if sum(figure_cells) < 2:
        return ["the out-of-order check needs two figure cells"]
    last = max(i for i, shows in enumerate(figure_cells) if shows)
    restart_kernel(driver)
    before = driver.execute_script(FIGURES_JS)["ids"]
    order = [i for i, shows in enumerate(figure_cells[:last]) if not shows
             and driver.execute_script(f"return Jupyter.notebook.get_cell({i}).cell_type === 'code';")] + [last]
    for count, index in enumerate(order, start=1):
        driver.execute_script(f"Jupyter.notebook.select({index}); Jupyter.notebook.execute_cell();")
        state = wait_until_done(driver, timeout, expected_cells=count)
        if state["errors"] or state["dead"]:
            return [f"after a kernel restart, cell {index + 1} failed: {state['errors'][:1]}"]
    cell = driver.execute_script(f"""
        const plots = Array.from(Jupyter.notebook.get_cell({last}).output_area.element[0]
            .querySelectorAll('div[id^="formlab_plot_"]'));
        return {{figures: plots.length, drawn: plots.filter(p => p.querySelector('svg.main-svg')).length,
                 ids: plots.map(p => p.id)}};""")
    problems = []
    if cell["figures"] == 0 or cell["drawn"] != cell["figures"]:
        problems.append(f"after a kernel restart, cell {last + 1} drew {cell['drawn']} of its {cell['figures']} figures")
    if set(cell["ids"]) & set(before):
        problems.append(f"after a kernel restart, a new figure reused an old element id: {sorted(set(cell['ids']) & set(before))}")
    figures = driver.execute_script(FIGURES_JS)
    if figures["drawn"] != figures["figures"]:
        problems.append(f"after a kernel restart, {figures['figures'] - figures['drawn']} figures on the page are blank")
    return problems


def check_notebook(driver, server, relative, shots, cell_timeout, restart_check, out_of_order):
    """Runs one notebook in the browser; returns (problems, figures drawn, seconds)."""
    start = time.monotonic()
    driver.get_log("browser")  # drop messages from the previous page
    open_notebook(driver, server, relative)
    state = run_all(driver, cell_timeout)
    problems = [f"cell error: {error}" for error in state["errors"]]
    if state["dead"]:
        problems.append("the kernel died")
    figures = driver.execute_script(FIGURES_JS)
    if figures["drawn"] != figures["figures"]:
        problems.append(f"{figures['drawn']} of {figures['figures']} figures drawn; the others stayed blank")
    screenshot(driver, shots / (relative.stem + ".png"))
    if restart_check and not problems and figures["figures"] >= 2:
        problems += restart_and_run_all(driver, cell_timeout)
    if out_of_order and not problems:
        problems += restart_and_run_out_of_order(driver, cell_timeout)
    problems += [f"console: {message[:400]}" for message in console_errors(driver)]
    server.shut_down_kernels()
    return problems, figures, time.monotonic() - start


def check_reports(driver, folder):
    """Opens every report in folder from disk with the network off; each figure in it must draw.
    Returns the number of failed reports."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    failed = 0
    for report in sorted(Path(folder).resolve().glob("*.html")):
        driver.get_log("browser")
        driver.get(report.as_uri())
        try:
            figures = wait_for(driver, lambda: (lambda f: f if f["drawn"] == f["figures"] else None)(
                driver.execute_script(FIGURES_JS)), 60, "every figure drawing")
            problems = [f"console: {message[:400]}" for message in console_errors(driver)]
        except TimeoutError:
            figures = driver.execute_script(FIGURES_JS)
            problems = [f"{figures['drawn']} of {figures['figures']} figures drawn; the others stayed blank"]
        size = report.stat().st_size / 1e6
        if problems:
            failed += 1
            print(f"FAILED: {report.name} ({size:.1f} MB)", file=sys.stderr, flush=True)
            for problem in problems:
                print(f"    {problem}", file=sys.stderr, flush=True)
        else:
            print(f"    {report.name}: {size:.1f} MB, offline, {figures['drawn']} of {figures['figures']} figures drawn", flush=True)
    return failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="notebooks or folders (default: notebooks/)")
    parser.add_argument("--smoke", action="store_true", help="reduced data: sets FORMLAB_SMOKE=1 for the kernels")
    parser.add_argument("--screenshots", default=str(ROOT / "build" / "browser"), help="where screenshots go")
    parser.add_argument("--block-plotly", action="store_true", help="make plotly.js unusable in the page")
    parser.add_argument("--out-of-order", action="store_true",
                        help="also restart the kernel and run the last figure cell out of order (figure cells must stand alone)")
    parser.add_argument("--cell-timeout", type=int, default=900, help="seconds a notebook's cells may take")
    parser.add_argument("--reports", metavar="DIR",
                        help="instead of notebooks, open the HTML reports in DIR from disk with the network off")
    args = parser.parse_args(argv)
    if args.reports:
        driver = browser(args.block_plotly)
        try:
            failed = check_reports(driver, args.reports)
        finally:
            driver.quit()
        print(f"reports: {failed} failed", flush=True)
        return 1 if failed else 0

    kernelspec = ROOT / "build" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    if not kernelspec.is_file():
        raise SystemExit(f"browser_notebooks: the {KERNEL_NAME} kernel is not installed ({kernelspec}); run 'make kernel'")
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not Path(tool).exists():
            raise SystemExit(f"browser_notebooks: {tool} is missing; run 'make setup'")
    os.environ["FORMLAB_SMOKE"] = "1" if args.smoke else "0"
    os.environ.pop("FORMLAB_REPORT", None)  # a person's notebook: live progress bars, not report lines

    notebooks = discover(args.targets)
    shots = Path(args.screenshots).resolve()
    copy_root = ROOT / "build" / "browser" / "notebooks"
    shutil.rmtree(copy_root, ignore_errors=True)
    copies = []
    for notebook in notebooks:
        relative = notebook.relative_to(ROOT / "notebooks") if notebook.is_relative_to(ROOT / "notebooks") else Path(notebook.name)
        (copy_root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(notebook, copy_root / relative)
        copies.append(relative)

    failed = 0
    restart_check = True
    total = time.monotonic()
    with NotebookServer(copy_root, ROOT / "build" / "logs" / "browser-notebook-server.log") as server:
        driver = browser(args.block_plotly)
        try:
            for number, relative in enumerate(copies, start=1):
                print(f"[{number}/{len(copies)}] {relative} in Chromium ...", flush=True)
                try:
                    problems, figures, seconds = check_notebook(driver, server, relative, shots, args.cell_timeout,
                                                                restart_check, args.out_of_order)
                except (TimeoutError, WebDriverException) as error:
                    problems, figures, seconds = [f"{type(error).__name__}: {str(error)[:400]}"], {"figures": 0, "drawn": 0}, 0
                    try:
                        server.shut_down_kernels()
                    except OSError:
                        pass
                if restart_check and not problems and figures["figures"] >= 2:
                    restart_check = False
                    print("    Kernel > Restart & Run All: every figure drew again", flush=True)
                if problems:
                    failed += 1
                    print(f"FAILED: {relative}", file=sys.stderr, flush=True)
                    for problem in problems:
                        print(f"    {problem}", file=sys.stderr, flush=True)
                else:
                    print(f"    passed in {seconds:.0f} s: {figures['drawn']} of {figures['figures']} figures drawn, screenshot "
                          f"{(shots / (relative.stem + '.png')).relative_to(ROOT) if shots.is_relative_to(ROOT) else shots / (relative.stem + '.png')}", flush=True)
        finally:
            driver.quit()
    print(f"browser: {len(copies) - failed} passed, {failed} failed in {time.monotonic() - total:.0f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
