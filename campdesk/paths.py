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


def resources_dir() -> Path:
    """Icons, translations and fonts shipped with the app."""
    return Path(__file__).resolve().parent.parent / "resources"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "db"
