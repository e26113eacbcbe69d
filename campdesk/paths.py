"""Every file location CampDesk uses, resolved in one place.

The data directory is ``--home DIR``, else ``$CAMPDESK_HOME``, else the platform's
user-data folder. Tests and developers point it elsewhere and never touch real data.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "CAMPDESK_HOME"


@dataclass(frozen=True)
class Paths:
    home: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike | None = None) -> Paths:
        path = cls.where(home)
        path.mkdir(parents=True, exist_ok=True)
        return cls(path)

    @staticmethod
    def where(home: str | os.PathLike | None = None) -> Path:
        """The data directory, without making it."""
        chosen = home or os.environ.get(ENV_HOME)
        if not chosen:
            import platformdirs  # only here: the app starts quicker without it (~5 ms)
            chosen = platformdirs.user_data_dir("CampDesk", False)
        return Path(chosen).expanduser().resolve()

    @property
    def database(self) -> Path:
        return self.home / "campdesk.sqlite3"

    @property
    def backups(self) -> Path:
        """Made by whatever writes a backup there first (reading makes nothing)."""
        return self.home / "backups"

    @property
    def settings_file(self) -> Path:
        return self.home / "settings.json"

    @property
    def logs(self) -> Path:
        """Made by the log when it first writes (see ``campdesk.logs``)."""
        return self.home / "logs"


def _package_dir(package: str) -> Path:
    """The folder of one of CampDesk's data packages, wherever CampDesk is installed: a
    checkout (editable install), site-packages, or a frozen app's folder."""
    from importlib.resources import files
    found = files(package)
    if not isinstance(found, Path):  # a zip import: Alembic and the font loader need files
        raise RuntimeError(f"{package} is not in a folder on disk ({found!r})")
    return found


def resources_dir() -> Path:
    """Icons, fonts and translations shipped with the app: the repository's ``resources/``,
    installed as the package ``campdesk.resources`` (see pyproject.toml)."""
    return _package_dir("campdesk.resources")


def migrations_dir() -> Path:
    """Alembic's migrations: the repository's ``db/``, installed as ``campdesk.migrations``."""
    return _package_dir("campdesk.migrations")


def fonts_dir() -> Path:
    """NanumGothic (regular and bold TrueType) and its licence."""
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    """Where the translation files go (one per language, looked up by ``translation_file``)."""
    return resources_dir() / "i18n"


def translation_file(language: str, suffix: str = ".qm") -> Path | None:
    """The shipped translation for ``language`` ("en", "ko"), or None when there is none."""
    path = translations_dir() / f"campdesk_{language}{suffix}"
    return path if path.is_file() else None
