"""The Linux bundle: installer/build.sh makes dist/CampDesk/, and its CampDesk executable does
what the ``campdesk`` command does, with no Python, venv or checkout around it.

Built once for this module into a temporary folder (CAMPDESK_DIST), so a developer's own
dist/ is left alone (CAMPDESK_TEST_BUNDLE=dist/CampDesk/CampDesk tests one built before).
Every command runs from another temporary folder, with a PATH that has no venv on it and
HOME in the temporary folder. The build takes 60-90 s on 2 cores.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

import campdesk

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle")]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if os.environ.get("CAMPDESK_TEST_BUNDLE"):  # a bundle built before, to test it again
        return Path(os.environ["CAMPDESK_TEST_BUNDLE"]).resolve()
    out = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, CAMPDESK_DIST=str(out / "dist"), CAMPDESK_BUILD=str(out / "build"))
    started = time.monotonic()
    done = subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], env=env, cwd=out,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    folder = out / "dist" / "CampDesk"
    size = sum(p.lstat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink())  # PyInstaller links some libraries
    print(f"\nbuilt {folder} in {time.monotonic() - started:.0f} s, {size / 2**20:.0f} MiB")
    shutil.rmtree(out / "build", ignore_errors=True)
    return folder / "CampDesk"


@pytest.fixture(scope="module")
def place(tmp_path_factory) -> Path:
    """Where the bundle is run from: outside the checkout, with its own HOME."""
    where = tmp_path_factory.mktemp("staff-pc")
    (where / "user").mkdir()
    return where


def _env(place: Path, **extra) -> dict[str, str]:
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(place / "user"),
           "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    env.update(extra)
    return env


def _run(bundle: Path, place: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle), *args], cwd=place, env=_env(place), capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def demo_home(bundle, place) -> Path:
    home = place / "desk"
    done = _run(bundle, place, "--home", str(home), "demo")
    assert done.returncode == 0, done.stderr
    assert "예시 데이터" in done.stdout and "consultations" in done.stdout
    return home


def test_the_bundle_says_its_version(bundle, place):
    done = _run(bundle, place, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"CampDesk {campdesk.__version__}"


def test_the_bundle_makes_a_database_and_a_korean_monthly_report(bundle, place, demo_home):
    # demo ran the migrations (Alembic from inside the bundle) on a new data folder
    check = _run(bundle, place, "--home", str(demo_home), "db", "check")
    assert check.returncode == 0, check.stderr
    assert "이상 없음" in check.stdout

    last_month = date.today().replace(day=1) - timedelta(days=1)
    out = place / "월간보고서.pdf"
    done = _run(bundle, place, "--home", str(demo_home), "report", "monthly",
                "--month", f"{last_month:%Y-%m}", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert f"{last_month.year}년 {last_month.month}월" in text
    assert "월간 운영 보고서" in text


def test_a_user_error_is_one_korean_line_and_exit_code_1(bundle, place):
    done = _run(bundle, place, "--home", str(place / "empty"), "db", "check")
    assert done.returncode == 1
    assert done.stderr.startswith("campdesk: ") and "데이터베이스가 없습니다" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.hub
def test_the_bundle_imports_an_excel_csv_and_syncs_it_to_a_hub(bundle, place):
    """A CP949 CSV as Korean Excel saves it goes in; psycopg's own libpq, the hub's SQL
    (package data) and sync take it to the hub, all from inside the bundle."""
    psycopg = pytest.importorskip("psycopg")
    from psycopg import conninfo
    admin_url = os.environ.get("CAMPDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
    try:
        admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true" or os.environ.get("CAMPDESK_REQUIRE_HUB") == "1":
            pytest.fail(f"PostgreSQL is required for the hub tests: {exc}")
        pytest.skip(f"no PostgreSQL at {admin_url}: {exc}")
    pc = place / "hub-pc"
    sheet = place / "기업목록.csv"
    sheet.write_text("기업명,사업자등록번호,대표자\r\n주식회사 빛고을AI,124-81-00998,김민서\r\n"
                     "한빛비전,220-81-62517,정다은\r\n", encoding="cp949")
    imported = _run(bundle, place, "--home", str(pc), "import", "companies", str(sheet))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "새로 추가 2" in imported.stdout

    name = f"cd_bundle_{os.getpid()}"
    url = conninfo.make_conninfo(admin_url, dbname=name)
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            init = _run(bundle, place, "--home", str(pc), "hub", "init", url)
            assert init.returncode == 0, init.stderr
            assert "허브 준비 완료" in init.stdout
            sync = _run(bundle, place, "--home", str(pc), "sync", "--hub", url)
            assert sync.returncode == 0, sync.stderr
            with psycopg.connect(url) as hub:
                names = {r[0] for r in hub.execute('SELECT "name" FROM "companies"')}
            assert names == {"주식회사 빛고을AI", "한빛비전"}
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the window, on a virtual X screen --------------------------------------------------------

@pytest.fixture
def x_screen():
    """A new Xvfb screen; its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(10)


def _screenshot(display: str):
    """The whole screen as a PIL image (xwd's ZPixmap, 32 bits a pixel at depth 24)."""
    from PIL import Image
    data = subprocess.run(["xwd", "-root", "-silent", "-display", display],
                          capture_output=True, check=True, timeout=30).stdout
    header = struct.unpack(">25I", data[:100])
    size, width, height, byte_order = header[0], header[4], header[5], header[7]
    bits_per_pixel, bytes_per_line, colours = header[11], header[12], header[19]
    pixels = data[size + 12 * colours:][:height * bytes_per_line]
    mode, raw = {(32, 0): ("RGBX", "BGRX"), (32, 1): ("RGBX", "XRGB"),
                 (24, 0): ("RGB", "BGR"), (24, 1): ("RGB", "RGB")}[bits_per_pixel, byte_order]
    return Image.frombuffer(mode, (width, height), pixels, "raw", raw, bytes_per_line, 1)


def _distinct_colours(image) -> int:
    return len(image.convert("RGB").getcolors(1 << 24) or [])


def test_the_bundle_opens_the_window_and_keeps_it_open(bundle, place, demo_home, x_screen):
    env = _env(place, DISPLAY=x_screen, QT_QPA_PLATFORM="xcb")
    log = place / "window.err"
    with open(log, "w") as err:
        app = subprocess.Popen([str(bundle), "--home", str(demo_home)], cwd=place, env=env,
                               stdout=err, stderr=err)
    try:
        # wait for the screen to settle: the window, the dashboard's data and charts, the
        # first-run question (who works at this PC), drawn and no longer changing
        deadline = time.monotonic() + 60
        before, shot = None, _screenshot(x_screen)
        while (before is None or shot.tobytes() != before.tobytes()
               or _distinct_colours(shot) < 200) and time.monotonic() < deadline:
            assert app.poll() is None, f"CampDesk exited with {app.returncode}: {log.read_text()}"
            time.sleep(1)
            before, shot = shot, _screenshot(x_screen)
        time.sleep(3)  # and it stays up
        assert app.poll() is None, f"CampDesk exited with {app.returncode}: {log.read_text()}"
        shot = _screenshot(x_screen).convert("RGB")
        shot.save(place / "window.png")
        print(f"\nscreenshot: {place / 'window.png'}")
    finally:
        app.terminate()
        app.wait(10)
    # an empty X screen is one colour (black); a window with text, charts and tables has many
    # colours, is mostly light, and has no black hole where a window was never drawn
    grey = shot.convert("L").histogram()
    pixels = shot.width * shot.height
    assert _distinct_colours(shot) >= 200, "the screen is blank"
    assert sum(grey[200:]) > pixels // 2, "no window on the screen"
    assert grey[0] < pixels // 20, "part of the screen was never drawn"
    logs = demo_home / "logs"
    assert not logs.exists() or "Traceback" not in "".join(
        p.read_text() for p in logs.glob("*.log*")), "an error was logged"

    # the app's own start-up check: shown, the data layer loaded, then it quits by itself
    ready = subprocess.run([str(bundle), "--home", str(demo_home)], cwd=place, capture_output=True,
                           text=True, timeout=120, env=dict(env, CAMPDESK_EXIT_WHEN_READY="1"))
    assert ready.returncode == 0, ready.stderr
    assert "shown" in ready.stdout and "ready" in ready.stdout
