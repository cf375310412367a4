"""Settings: ``default_config.toml`` (shipped, commented), overridden by ``./chunav.toml`` or
the file ``$CHUNAV_CONFIG`` names."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

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
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise ChunavError(f"cannot read settings file {user}: {err}", "E010") from err
        for section, values in mine.items():
            if not isinstance(values, dict) or not isinstance(data.get(section, {}), dict):
                raise ChunavError(f"settings file {user}: {section!r} must be a table of "
                                  f"settings ([{section}] then key = value lines)", "E011")
            data.setdefault(section, {}).update(values)
    extract = data["extract"]
    return Settings(model=_setting(extract, "model", str, user),
                    max_chars=_setting(extract, "max_chars", int, user),
                    batch_size=_setting(extract, "batch_size", int, user))


def _setting(section: dict, name: str, kind: type, origin: Path) -> Any:
    """One ``[extract]`` setting, checked: a non-empty string, or a whole number above 0."""
    value = section[name]
    good = (isinstance(value, str) and value.strip() if kind is str
            else type(value) is int and value > 0)
    if not good:
        wanted = "a name" if kind is str else "a whole number above 0"
        raise ChunavError(f"settings file {origin}: extract.{name} must be {wanted}, "
                          f"not {value!r}", "E011")
    return value
