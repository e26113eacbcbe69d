"""CampDesk installs the way any Python app does: a wheel built from the checkout, installed
into a fresh environment, runs from any folder with its migrations, fonts and icons inside
the package; nothing is looked for in the repository."""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tomllib
import zipfile
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Folders of the repository installed under another package name (pyproject.toml).
MAPPED = {"db": "campdesk.migrations", "resources": "campdesk.resources"}


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def shipped_files() -> dict[str, Path]:
    """Every file of the checkout a wheel must hold, by its path inside the wheel."""
    out = {}
    for folder, package in {"campdesk": "campdesk", **MAPPED}.items():
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                inside = package.replace(".", "/") + "/" + path.relative_to(ROOT / folder).as_posix()
                out[inside] = path
    return out


def test_every_folder_of_code_or_data_is_a_listed_package():
    """A folder left out of pyproject's list would be missing from the wheel."""
    listed = set(pyproject()["tool"]["setuptools"]["packages"])
    wanted = set()
    for folder, package in {"campdesk": "campdesk", **MAPPED}.items():
        for path in [ROOT / folder, *(ROOT / folder).rglob("*")]:
            if path.is_dir() and path.name != "__pycache__" and any(
                    p.is_file() for p in path.iterdir()):
                rest = path.relative_to(ROOT / folder).parts
                wanted.add(".".join((package, *rest)))
    assert wanted - listed == set()
    assert pyproject()["tool"]["setuptools"]["package-dir"] == {v: k for k, v in MAPPED.items()}


def test_the_resources_readme_says_where_every_shipped_file_comes_from():
    readme = (ROOT / "resources" / "README.md").read_text(encoding="utf-8")
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.name != "README.md":
            assert f"`{path.name}`" in readme or f"`{path.relative_to(ROOT / 'resources').as_posix()}`" \
                in readme, f"resources/README.md does not name {path.name}"
    for licence in ("icons/LICENSE.txt", "fonts/OFL.txt"):
        text = (ROOT / "resources" / licence).read_text(encoding="utf-8")
        assert "Permission" in text and len(text) > 500


def test_the_changelog_tells_what_the_version_campdesk_reports_changed():
    import campdesk
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, re.M)
    assert versions[0] == campdesk.__version__
    assert "0.1.0" in versions
    entry = changelog.split(f"## {versions[0]}", 1)[1].split("\n## ", 1)[0]
    assert entry.count("\n- ") >= 3  # what changed, item by item


def test_alembic_from_the_checkout_still_finds_the_migrations(tmp_path):
    """The developer's command of README.md ("Schema change") goes on working."""
    proc = subprocess.run([sys.executable, "-m", "alembic", "-x", f"home={tmp_path / 'dev'}",
                           "upgrade", "head"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    from campdesk.store import migrate
    conn = sqlite3.connect(tmp_path / "dev" / "campdesk.sqlite3")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.SCHEMA_HEAD,)
    finally:
        conn.close()


def _constraints(path: Path) -> Path:
    """The versions this checkout's environment has, so the fresh one gets the same."""
    frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                            capture_output=True, text=True, check=True).stdout
    lines = [line for line in frozen.splitlines()
             if line and not line.startswith(("#", "-e")) and not line.lower().startswith("campdesk")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _source_copy(dest: Path) -> Path:
    """The checkout's package sources (as they are, committed or not) in a folder of their
    own, so building writes no build/ or egg-info into the checkout."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    for folder in ("campdesk", *MAPPED):
        shutil.copytree(ROOT / folder, dest / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


@pytest.mark.slow
def test_the_wheel_installs_into_a_fresh_environment_and_runs_from_any_folder(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "CAMPDESK_HOME", "PYTHONHOME")}
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels),
                            str(_source_copy(tmp_path / "src"))], env=env,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert "BuildBackendWarning" not in built.stdout + built.stderr
    (wheel,) = wheels.glob("campdesk-*.whl")
    import campdesk
    assert wheel.name.startswith(f"campdesk-{campdesk.__version__}-")
    with zipfile.ZipFile(wheel) as zf:
        inside = set(zf.namelist())
    missing = sorted(set(shipped_files()) - inside)
    assert missing == [], f"not in the wheel: {missing[:10]}"

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env, timeout=120)
    python, campdesk_exe = venv / "bin" / "python", venv / "bin" / "campdesk"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
         "-c", str(_constraints(tmp_path / "constraints.txt")), str(wheel)],
        env=env, capture_output=True, text=True, timeout=900)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]

    elsewhere = tmp_path / "elsewhere"  # an empty folder: not the checkout
    elsewhere.mkdir()
    home = tmp_path / "home"

    def run(*args: str, exe: Path = campdesk_exe) -> str:
        proc = subprocess.run([str(exe), *args], cwd=elsewhere, env=env, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0, f"{args}: {proc.stdout[-2000:]}{proc.stderr[-3000:]}"
        return proc.stdout

    where = run("-c", "import campdesk, campdesk.paths as p, campdesk.reports.fonts as f; "
                      "print(campdesk.__file__); print(p.migrations_dir()); "
                      "print(p.resources_dir()); print(f.find_font_files().regular)",
                exe=python).splitlines()
    site = str(venv / "lib")
    assert all(line.startswith(site) for line in where), where
    assert not any(line.startswith(str(ROOT)) for line in where), where
    assert where[3].endswith("NanumGothic.ttf")  # the shipped font, not the system's

    assert run("--version").strip().endswith(campdesk.__version__)
    said = run("--home", str(home), "demo")
    assert "companies" in said
    conn = sqlite3.connect(home / "campdesk.sqlite3")
    try:
        companies = conn.execute("SELECT count(*) FROM companies").fetchone()[0]
        names = {r[0] for r in conn.execute("SELECT name FROM companies")}
    finally:
        conn.close()
    assert companies > 50

    run("--home", str(home), "export", "companies", "companies.xlsx")
    from openpyxl import load_workbook
    sheet = load_workbook(elsewhere / "companies.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert len([r for r in rows[1:] if any(r)]) == companies
    name_column = next(i for i, h in enumerate(header) if h in ("기업명", "name"))
    assert {r[name_column] for r in rows[1:] if any(r)} == names

    month = date.today().replace(day=1)
    month = month.replace(year=month.year - 1, month=12) if month.month == 1 else \
        month.replace(month=month.month - 1)
    run("--home", str(home), "report", "monthly", "--month", f"{month:%Y-%m}", "--out", "monthly.pdf")
    pdf = elsewhere / "monthly.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), fonts  # every font embedded
    assert "NanumGothic" in {r[0].split("+")[-1] for r in rows}, fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert re.search(rf"{month.year}년 {month.month}월", text), text[:500]
    # Nothing was written into the checkout or the current folder but what was asked for.
    assert sorted(p.name for p in elsewhere.iterdir()) == ["companies.xlsx", "monthly.pdf"]
