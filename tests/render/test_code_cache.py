"""Compiled template code kept between runs: an entry is used only by the Python and Jinja that
wrote it, a broken one is compiled again, the folder stays bounded, and a build with the cache
filled writes the same bytes as one that compiled everything."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipeline.render import code_cache
from tests.conftest import ROOT


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("UNDERLAG_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "jinja"


def test_code_is_kept_and_found_again(cache):
    code = compile("x = 1 + 1", "<template>", "exec")
    assert code_cache.load("nyckel") is None
    code_cache.store("nyckel", code)
    found = code_cache.load("nyckel")
    namespace: dict = {}
    exec(found, namespace)  # noqa: S102 - our own code, back from the cache
    assert namespace["x"] == 2
    assert code_cache.load("en annan nyckel") is None


def test_a_broken_or_foreign_entry_is_compiled_again(cache):
    code_cache.store("nyckel", compile("x = 1", "<template>", "exec"))
    [entry] = cache.iterdir()
    entry.write_bytes(b"\x00\x01broken")  # another Python's header, or a half-written file
    assert code_cache.load("nyckel") is None
    entry.write_bytes(code_cache._HEADER + b"not marshal")
    assert code_cache.load("nyckel") is None


def test_an_empty_setting_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("UNDERLAG_CACHE", "")
    assert code_cache.folder() is None
    code_cache.store("nyckel", compile("x = 1", "<template>", "exec"))
    assert code_cache.load("nyckel") is None


def test_the_folder_is_kept_bounded(cache, monkeypatch):
    monkeypatch.setattr(code_cache, "LIMIT", 3)
    monkeypatch.setattr(code_cache, "_pruned", False)
    for i in range(5):
        code_cache.store(f"nyckel {i}", compile("x = 1", "<template>", "exec"))
    monkeypatch.setattr(code_cache, "_pruned", False)
    code_cache.store("den sista", compile("x = 1", "<template>", "exec"))
    assert len(list(cache.glob("*.code"))) <= 4


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "fil"
    blocked.write_text("x")  # a file where the folder would be
    monkeypatch.setenv("UNDERLAG_CACHE", str(blocked))
    code_cache.store("nyckel", compile("x = 1", "<template>", "exec"))
    assert code_cache.load("nyckel") is None


@pytest.mark.slow
def test_a_build_from_cached_code_writes_the_same_bytes(tmp_path, inputs):
    env = {**os.environ, "UNDERLAG_CACHE": str(tmp_path / "cache")}
    for name in ("tom", "fylld"):  # first with an empty cache, then with the one it filled
        subprocess.run([sys.executable, "-m", "pipeline", "bygg", "--inputs", str(inputs),
                        "--build", str(tmp_path / name)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    assert len(list((tmp_path / "cache" / "jinja").glob("*.code"))) > 50
    files = sorted(p.relative_to(tmp_path / "tom") for p in (tmp_path / "tom").rglob("*.*")
                   if p.suffix in (".docx", ".pptx", ".ics"))
    assert len(files) == 40
    for f in files:
        assert (tmp_path / "tom" / f).read_bytes() == (tmp_path / "fylld" / f).read_bytes(), f
