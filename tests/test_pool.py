"""The build's worker pool: libraries and templates are loaded once, before the workers fork."""

from __future__ import annotations

import sys

from pipeline.domain.inputs import load
from pipeline.produce import jobs as jobs_module
from pipeline.produce import manifest, pool


def _jobs(inputs, tmp_path, templates=None):
    loaded = load(inputs)
    fingerprint = manifest.fingerprint(inputs, templates, False)
    return jobs_module.make_jobs(loaded, loaded.kommun, tmp_path / "build", templates, fingerprint)


def test_prepare_makes_each_renderer_once_for_the_workers_to_inherit(inputs, tmp_path, monkeypatch):
    made = []
    real = jobs_module.renderer
    monkeypatch.setattr(jobs_module, "renderer", lambda kind, *a: made.append(kind) or real(kind, *a))
    jobs = _jobs(inputs, tmp_path)
    pool.prepare(jobs)
    assert sorted(made) == ["avrapportering.docx", "beslutsunderlag.docx",
                            "bilaga-avrapportering.docx", "bilaga.docx", "decks"]
    assert "icalendar" in sys.modules
    for job in jobs:  # rendering needs nothing more
        assert job.make()
    assert sorted(made) == ["avrapportering.docx", "beslutsunderlag.docx",
                            "bilaga-avrapportering.docx", "bilaga.docx", "decks"]


def test_a_template_that_cannot_be_loaded_is_left_to_its_jobs(inputs, tmp_path):
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "beslutsunderlag.docx").write_bytes(b"not a zip")
    jobs = _jobs(inputs, tmp_path, templates)
    pool.prepare(jobs)  # no error here
    [problem] = pool.make(next(j for j in jobs if j.target.suffix == ".docx"))
    assert problem.is_error
    assert "kan inte öppnas som ett Word-dokument" in str(problem)
