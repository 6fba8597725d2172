"""Accessibility of a generated web page, checked in its HTML (the rules of a11y.py for a page):
the language Swedish, a title, headings that begin at h1 and skip no level, alt text on every
picture, and nothing loaded from the network. A real browser's check (axe-core) is the tests';
this one is for `kontrollera`, so that staff who restyle a page template learn what they broke.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HEADING = re.compile(r"^h([1-6])$")
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_LOADS = {"img": "src", "script": "src", "link": "href", "iframe": "src", "source": "src",
          "video": "src", "audio": "src", "embed": "src", "object": "data"}


class _Page(HTMLParser):
    """What the checks need of a page: its language, title, headings, pictures and loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.title = ""
        self.headings: list[tuple[int, str]] = []  # (level, text)
        self.problems: list[tuple[str, str]] = []  # (element, message)
        self._in: str | None = None  # "title" or a heading's tag, while inside it
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "title" or _HEADING.match(tag):
            self._in, self._text = tag, []
        if tag == "img" and not values.get("alt", "").strip() and values.get("alt") != "":
            self.problems.append(("img", "En bild saknar alt-text. Skriv alt=\"…\" med vad "
                                         "bilden visar, eller alt=\"\" för en ren utsmyckning."))
        source = values.get(_LOADS.get(tag, ""), "")
        if tag == "link" and "stylesheet" not in values.get("rel", "").lower():
            source = ""
        if source and _REMOTE.match(source):
            self.problems.append((tag, f"Sidan hämtar {source} från nätet. Håll sidan "
                                       "fristående: skriv CSS i sidan och ta bort skript, "
                                       "typsnitt och bilder från nätet."))

    def handle_endtag(self, tag: str) -> None:
        if tag != self._in:
            return
        text = " ".join("".join(self._text).split())
        if tag == "title":
            self.title = text
        else:
            self.headings.append((int(tag[1]), text))
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)


def check_html(data: bytes) -> list[tuple[str, str]]:
    """Return the accessibility violations of a page: (element, Swedish message) each."""
    page = _Page()
    page.feed(data.decode("utf-8", errors="replace"))
    page.close()
    found = []
    if not (page.lang or "").lower().startswith("sv"):
        found.append(("html", 'Sidans språk är inte svenska. Skriv <html lang="sv">.'))
    if not page.title:
        found.append(("title", "Sidan saknar titel. Skriv en <title> i sidans <head>."))
    previous = 0
    for level, text in page.headings:
        if level > previous + 1:
            found.append((f"h{level}", f"Rubriken \"{text}\" är på nivå {level} efter nivå "
                                       f"{previous}; hoppa inte över en rubriknivå." if previous
                          else f"Sidans första rubrik \"{text}\" är på nivå {level}; börja "
                               "med en huvudrubrik (h1)."))
        if not text:
            found.append((f"h{level}", "En rubrik är tom."))
        previous = level
    if not any(level == 1 for level, _ in page.headings):
        found.append(("h1", "Sidan saknar en huvudrubrik (h1)."))
    return found + page.problems
