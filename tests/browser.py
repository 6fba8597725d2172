"""A real browser in tests: Playwright for Python driving the system's Chromium, never a
downloaded one, with the network closed, and axe-core (tests/browser, locked by npm) injected.

Without Chromium, Playwright or axe-core's node_modules the browser tests skip, except in CI
(`CI` set), where `.ci/run` installs all three and a missing one fails the test.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).is_file()),
                None)
AXE = Path(__file__).resolve().parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
# Headless and quiet: without the background-networking flags Chromium reaches for the network.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_SCHEMES = {"file", "data", "blob", "about"}


def missing() -> list[str]:
    """Return what the browser tests need and the machine lacks (empty when all is there)."""
    lacks = []
    if CHROMIUM is None:
        lacks.append("Chromium (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        lacks.append("Playwright for Python (pip install -e '.[dev]')")
    if not AXE.is_file():
        lacks.append("axe-core (npm ci --no-audit --no-fund in tests/browser)")
    return lacks


def require_browser(only_chromium: bool = False) -> None:
    """Skip when something is missing and CI is not set; fail in CI, where .ci/run installs it.

    `only_chromium` asks for the browser alone, as `underlag bilder` uses it (no Playwright)."""
    lacks = missing()
    if only_chromium:
        lacks = [lack for lack in lacks if lack.startswith("Chromium")]
    if not lacks:
        return
    message = "saknas: " + "; ".join(lacks) + " (installeras av .ci/run; krävs i CI)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@contextmanager
def chromium() -> Iterator[object]:
    """Yield a headless Playwright browser on the system Chromium."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageReport:
    """What one page did in the browser: every problem, and what axe-core found."""
    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)

    def text(self) -> str:
        lines = list(self.problems)
        for v in self.violations:
            lines.append(f"axe {v['id']} ({v.get('impact')}): {v['help']} – {v.get('helpUrl', '')}")
            for node in v["nodes"][:5]:
                lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
                if node.get("failureSummary"):
                    lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
            if len(v["nodes"]) > 5:
                lines.append(f"    … and {len(v['nodes']) - 5} more")
        return "\n".join(lines)


def _link_problem(href: str, resolved: str, ids: set[str]) -> str | None:
    """Return why a link does not lead to an existing file or anchor (None when it does)."""
    parts = urlsplit(resolved)
    if href.startswith("#"):
        anchor = unquote(href[1:])
        return None if not anchor or anchor in ids else f"link {href!r}: no element with that id"
    if parts.scheme != "file":
        return f"link {href!r}: not a local file ({parts.scheme}:)"
    target = Path(url2pathname(parts.path))
    if not target.exists():
        return f"link {href!r}: {target} does not exist"
    return None


def check_page(browser, page_path: Path, *, screenshot: Path | None = None) -> PageReport:
    """Open a local page in the browser and report console errors, page errors, requests that
    left the machine, failed loads, links to files that do not exist and axe-core violations."""
    report = PageReport()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        def route(route) -> None:
            url = route.request.url
            if urlsplit(url).scheme in LOCAL_SCHEMES:
                route.continue_()
            else:
                report.problems.append(f"network request: {route.request.method} {url}")
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and report.problems.append(
            f"console error: {m.text} ({m.location.get('url', '')}:{m.location.get('lineNumber', '')})"))
        page.on("pageerror", lambda e: report.problems.append(f"page error: {e}"))
        page.on("request", lambda r: urlsplit(r.url).scheme not in LOCAL_SCHEMES
                and f"network request: {r.method} {r.url}" not in report.problems
                and report.problems.append(f"network request: {r.method} {r.url}"))
        page.on("requestfailed", lambda r: urlsplit(r.url).scheme in LOCAL_SCHEMES
                and report.problems.append(f"failed to load {r.url}: {r.failure}"))
        page.goto(page_path.resolve().as_uri(), wait_until="load")
        page.wait_for_load_state("networkidle")
        ids = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        anchors = page.eval_on_selector_all(
            "a[href]", "els => els.map(a => [a.getAttribute('href'), a.href])")
        for href, resolved in anchors:
            report.links.append(href)
            problem = _link_problem(href, resolved, ids)
            if problem:
                report.problems.append(problem)
        if screenshot is not None:
            page.screenshot(path=str(screenshot), full_page=True)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        report.violations = result["violations"]
    finally:
        context.close()
    return report
