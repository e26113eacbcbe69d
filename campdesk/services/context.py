"""What every use case needs: this PC's database, its paths and who is at the keyboard."""
from __future__ import annotations

from dataclasses import dataclass

from campdesk.paths import Paths
from campdesk.settings import Settings
from campdesk.store.db import Database
from campdesk.store import migrate


@dataclass
class Context:
    paths: Paths
    db: Database
    settings: Settings

    @property
    def staff_id(self) -> str | None:
        return self.settings.staff_id

    @property
    def lang(self) -> str:
        return self.settings.language

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)

    def close(self) -> None:
        self.db.dispose()


def open_context(home=None, upgrade: bool = True) -> Context:
    """Open (and, unless told otherwise, migrate) the local database of this PC."""
    paths = Paths.resolve(home)
    db = Database(paths.database)
    if upgrade:
        migrate.upgrade(db, backup_dir=paths.backups)
    return Context(paths=paths, db=db, settings=Settings.load(paths.settings_file))
