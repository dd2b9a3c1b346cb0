"""Recognise an outlet from a URL or a dateline when the metadata names none.

Examples
--------
>>> registry = OutletRegistry.packaged()
>>> registry.from_url("https://www.themoscowtimes.com/2019/04/15/story")
'The Moscow Times'
>>> registry.infer("MOSCOW, February 16. /TASS/. NATO said ...")
('TASS', 'dateline "/TASS/"')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from framing.datafiles import line_of, load_toml
from framing.errors import DataFileError

URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")
ORIGINAL_URL_RE = re.compile(r"Original url:\s*<?(https?://[^\s<>]+)", re.IGNORECASE)


@dataclass(frozen=True)
class OutletRegistry:
    """Domains and datelines of known outlets."""

    domains: dict[str, str]
    datelines: tuple[tuple[str, str], ...]

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> OutletRegistry:
        data, text, label = load_toml("outlets.toml")
        domains: dict[str, str] = {}
        datelines: list[tuple[str, str]] = []
        for entry in data.get("outlet", []):
            name = entry.get("name")
            if not isinstance(name, str) or not name.strip():
                raise DataFileError(f"{label}: an [[outlet]] has no name — add name = \"...\"")
            for key in ("domains", "datelines"):
                values = entry.get(key, [])
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    line = line_of(text, f'"{name}"')
                    raise DataFileError(f"{label}, line {line}: outlet {name!r}: {key} must be a list of strings "
                                        f'— write it as {key} = ["..."]')
            for domain in entry.get("domains", []):
                domains[domain.lower()] = name
            for dateline in entry.get("datelines", []):
                datelines.append((dateline, name))
        return cls(domains, tuple(datelines))

    def from_url(self, url: str) -> str | None:
        """The outlet whose domain (or a parent domain) serves ``url``."""
        try:
            host = (urlsplit(url.strip()).hostname or "").lower()
        except ValueError:
            return None
        while host:
            if host in self.domains:
                return self.domains[host]
            if host.startswith("www."):
                host = host[4:]
                continue
            _, _, host = host.partition(".")
            if "." not in host:
                break
        return None

    def infer(self, text: str, url: str = "") -> tuple[str, str] | None:
        """Infer ``(outlet, evidence)`` from a URL or the text itself, or ``None``."""
        if url:
            outlet = self.from_url(url)
            if outlet:
                return outlet, f"url {urlsplit(url).hostname}"
        match = ORIGINAL_URL_RE.search(text)
        if match:
            outlet = self.from_url(match.group(1))
            if outlet:
                return outlet, f'"Original url:" line ({urlsplit(match.group(1)).hostname})'
        head = text[:600]
        for dateline, outlet in self.datelines:
            if dateline in head:
                return outlet, f'dateline "{dateline}"'
        return None
