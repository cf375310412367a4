"""Settings: ``default_config.toml`` (shipped, commented), overridden by ``./chunav.toml`` or
the file ``$CHUNAV_CONFIG`` names."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from chunav.errors import ChunavError


@dataclass(frozen=True)
class Settings:
    """Every setting chunav reads."""

    model: str
    max_chars: int
    batch_size: int


def load_settings(path: str | Path | None = None) -> Settings:
    """The settings in force: defaults, then the user's file if there is one."""
    data = tomllib.loads(resources.files("chunav").joinpath("default_config.toml")
                         .read_text("utf-8"))
    user = Path(path or os.environ.get("CHUNAV_CONFIG") or "chunav.toml")
    if path or user.exists():
        try:
            mine = tomllib.loads(user.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ChunavError(f"cannot read settings file {user}: {err}", "E010") from err
        for section, values in mine.items():
            data.setdefault(section, {}).update(values)
    extract = data["extract"]
    return Settings(model=str(extract["model"]), max_chars=int(extract["max_chars"]),
                    batch_size=int(extract["batch_size"]))
