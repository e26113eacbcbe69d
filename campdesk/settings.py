"""Every preference, declared once with its type and default; stored in the data directory.

Secrets never live here: the hub password is only in the OS keyring.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from campdesk.i18n import N_

# The camp's name as stored; reports show it in the current language when the catalog has it
# (campdesk.reports.base.Renderer.camp_name), a name set by hand as it is.
DEFAULT_CAMP_NAME = N_("광주 AI창업캠프")


@dataclass
class Settings:
    language: str = "ko"            # "ko" or "en"
    staff_id: str | None = None     # who works at this PC
    site_id: str | None = None      # this PC's replica id (made on first sync)
    hub_host: str = ""
    hub_port: int = 5432
    hub_database: str = "campdesk"
    hub_user: str = ""
    hub_sslmode: str = "prefer"     # disable / prefer / require / verify-full
    sync_interval_s: int = 30
    camp_name: str = DEFAULT_CAMP_NAME

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self, path: Path) -> None:
        """Write atomically: a crash mid-save keeps the previous file."""
        path = Path(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(self), f, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
