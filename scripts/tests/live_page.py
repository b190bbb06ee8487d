"""Helpers of the live page browser test: fake-camera clips made from real photos, the FormLab server,
and headless Chromium with the fake camera and no network."""
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WIDTH, HEIGHT, FPS = 320, 240, 30


def data_dir():
    """The shared real datasets: FORMLAB_DATA_DIR (as formlab.data.DataSettings finds them), or None."""
    configured = os.environ.get("FORMLAB_DATA_DIR")
    return Path(configured) if configured else None


def y4m_frame(photo):
    """One 4:2:0 frame of the photo, letterboxed into WIDTH x HEIGHT (Pillow, python3-pil)."""
    from PIL import Image
    image = Image.open(photo).convert("RGB")
    image.thumbnail((WIDTH, HEIGHT))
    canvas = Image.new("RGB", (WIDTH, HEIGHT), (0, 0, 0))
    canvas.paste(image, ((WIDTH - image.width) // 2, (HEIGHT - image.height) // 2))
    y, cb, cr = canvas.convert("YCbCr").split()
    half = (WIDTH // 2, HEIGHT // 2)
    return b"FRAME\n" + y.tobytes() + cb.resize(half, Image.BOX).tobytes() + cr.resize(half, Image.BOX).tobytes()


def write_y4m(path, scenes):
    """A Y4M clip at FPS frames per second: each scene is (photo or None for a black frame, seconds)."""
    black = b"FRAME\n" + bytes(WIDTH * HEIGHT) + bytes([128]) * (WIDTH * HEIGHT // 2)
    with open(path, "wb") as out:
        out.write(b"YUV4MPEG2 W%d H%d F%d:1 Ip A1:1 C420jpeg\n" % (WIDTH, HEIGHT, FPS))
        for photo, seconds in scenes:
            frame = y4m_frame(photo) if photo else black
            for _ in range(round(seconds * FPS)):
                out.write(frame)
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """bin/formlab serve on a free loopback port over the models folder given, until stopped."""

    def __init__(self, models, log):
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.log = open(log, "w")
        self.process = subprocess.Popen([str(ROOT / "bin" / "formlab"), "serve", "--port", str(self.port), "--models", str(models)],
                                        stdout=self.log, stderr=subprocess.STDOUT, cwd=str(ROOT), start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("formlab serve exited with %s; see %s" % (self.process.returncode, log))
            try:
                with urllib.request.urlopen(self.url + "/api/health", timeout=2) as answer:
                    if json.load(answer)["status"] == "ok":
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("formlab serve did not answer within 60 s; see %s" % log)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def browser(clip, downloads):
    """Headless Chromium whose camera plays clip, saving downloads into downloads, with every host but the
    loopback address unreachable."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    Path(downloads).mkdir(parents=True, exist_ok=True)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    for argument in ("--headless=new", "--no-sandbox", "--window-size=1200,800", "--use-fake-ui-for-media-stream",
                     "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=%s" % clip,
                     # WebGL on the CPU: MediaPipe Pose draws its input through WebGL
                     "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                     # network off: no name resolves and every connection but to 127.0.0.1 goes to a closed port
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--proxy-server=http://127.0.0.1:9",
                     "--disable-background-networking", "--no-first-run"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(30)
    driver.set_page_load_timeout(60)
    return driver


def page_state(driver):
    """What the page holds (window.formlabLive.state), the recorded frames replaced by their number."""
    return driver.execute_script("const s = Object.assign({}, window.formlabLive.state);"
                                 " s.recorded = s.recorded.length; s.times = undefined; return s;")


def wait_for_download(folder, seconds):
    """The one finished download in folder. Chromium writes a hidden temporary file (.org.chromium.*) and a
    .crdownload file until the download is done, then renames it; a finished file keeps its size."""
    deadline = time.time() + seconds
    last = None
    while time.time() < deadline:
        done = [p for p in Path(folder).iterdir() if not p.name.startswith(".") and not p.name.endswith(".crdownload")]
        if done:
            try:
                size = done[0].stat().st_size
            except FileNotFoundError:
                size = None
            if size is not None and size == last:
                return done[0]
            last = size
        time.sleep(0.2)
    raise AssertionError("no download in %s within %d s" % (folder, seconds))
