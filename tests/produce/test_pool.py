"""The build's worker pool: libraries and templates are loaded once, before the workers fork;
jobs are plain data, so spawned workers render the same bytes."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys

from pipeline.domain.inputs import load
from pipeline.produce import jobs as jobs_module
from pipeline.produce import kinds, manifest, outputs, pool


def _jobs(inputs, tmp_path, templates=None):
    loaded = load(inputs)
    fingerprint = manifest.fingerprint(inputs, templates, False)
    work = jobs_module.work_of(loaded, templates)
    return jobs_module.make_jobs(loaded, work, tmp_path / "build", fingerprint), work


def test_prepare_makes_each_renderer_once_for_the_workers_to_inherit(inputs, tmp_path, monkeypatch):
    made = []
    real = kinds.load
    monkeypatch.setattr(jobs_module, "load", lambda output, *a: made.append(output.name)
                        or real(output, *a))
    jobs, work = _jobs(inputs, tmp_path)
    renderers = jobs_module.Renderers(work)
    renderers.prepare(jobs)
    every = sorted(o.name for o in outputs.OUTPUTS)  # every output of the registry, once
    assert {"avstamning", "beslutsunderlag", "kommunovergripande", "tidplan"} <= set(every)
    assert sorted(made) == every
    assert "icalendar" in sys.modules
    for job in jobs:  # rendering needs nothing more
        assert renderers.render(job)
    assert sorted(made) == every


def test_a_template_that_cannot_be_loaded_is_left_to_its_jobs(inputs, tmp_path):
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "beslutsunderlag.docx").write_bytes(b"not a zip")
    jobs, work = _jobs(inputs, tmp_path, templates)
    renderers = jobs_module.Renderers(work)
    renderers.prepare(jobs)  # no error here
    [problem] = pool.make(next(j for j in jobs if j.target.suffix == ".docx"), renderers)
    assert problem.is_error
    assert "kan inte öppnas som ett Word-dokument" in str(problem)


def test_jobs_and_their_work_pickle(inputs, tmp_path):
    jobs, work = _jobs(inputs, tmp_path)
    assert pickle.loads(pickle.dumps(jobs)) == jobs
    assert pickle.loads(pickle.dumps(work)) == work


def test_spawned_workers_write_the_same_bytes_as_forked_ones(inputs, tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "SPAWN_FROM", 1)
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    written = {}
    workers = {}
    for method in ("fork", "spawn"):
        jobs, work = _jobs(inputs, tmp_path / method)
        seen = workers[method] = set()

        def watching(done, seen=seen):  # the pool's workers are alive while results come in
            for item in done:
                seen.update(p.pid for p in multiprocessing.active_children())
                yield item

        results = list(pool.run(jobs, jobs_module.Renderers(work), watching, method=method))
        assert [job for job, _ in results] == jobs  # in the usual order
        assert all(not problems for _, problems in results)
        written[method] = {j.relative(tmp_path / method / "build"): j.target.read_bytes()
                           for j in jobs}
    assert written["fork"] == written["spawn"]
    per_namnd = sum(o.scope.per_namnd for o in outputs.OUTPUTS)  # five nämnder and the rest
    assert len(written["spawn"]) == 5 * per_namnd + len(outputs.OUTPUTS) - per_namnd
    if (os.cpu_count() or 1) > 1:  # several processes, under either start method
        assert len(workers["spawn"]) >= 2 and len(workers["fork"]) >= 2, workers


def test_the_jobs_of_an_output_go_to_one_worker_unless_they_are_worth_more_than_a_core():
    from pathlib import Path

    from pipeline.produce.jobs import Job

    def jobs(output: str, suffix: str, n: int) -> list[Job]:
        return [Job(output, f"N{i}", Path(f"/b/N{i}/{output}{suffix}"), "") for i in range(n)]

    five = [*jobs("avstamning", ".pptx", 5), *jobs("beslutsunderlag", ".docx", 5),
            *jobs("bilaga", ".docx", 5), *jobs("kommunovergripande", ".pptx", 1),
            *jobs("avrapportering", ".docx", 1), *jobs("tidplan", ".ics", 5)]  # the examples'
    found = pool.shares(five, 2)
    assert sorted(len(s) for s in found) == [1, 1, 5, 5, 5, 5]  # one share per output
    assert {j.output for j in found[0]} == {"avstamning"}  # the costliest first
    assert sorted(sum(found, []), key=five.index) == five  # every job once
    many = [*jobs("avstamning", ".pptx", 40), *jobs("tidplan", ".ics", 40)]
    assert sorted(len(s) for s in pool.shares(many, 2) if s[0].output == "avstamning") == [20, 20]


def test_workbooks_read_on_every_core_are_read_as_one_at_a_time(tmp_path, inputs, monkeypatch):
    """The bad-file corpus and the examples, read by forked workers, give the same models and
    the same problems as read here (a ReadResult comes back whole)."""
    from pipeline.read.workbook import read_fresh
    from tests.bad_files import CORPUS

    corpus = tmp_path / "trasiga"
    corpus.mkdir()
    for name, (make, _) in CORPUS.items():
        (corpus / name).write_bytes(make())
    paths = sorted(corpus.iterdir()) + sorted(inputs.iterdir())
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)  # as in a build's process
    monkeypatch.setattr(pool, "_in_worker", lambda: False)
    apart = pool.each(read_fresh, paths)
    here = [read_fresh(p) for p in paths]
    assert [(r.name, r.kind, r.value, [str(d) for d in r.diagnostics]) for r in apart] == [
        (r.name, r.kind, r.value, [str(d) for d in r.diagnostics]) for r in here]
    assert any(r.value is not None for r in apart) and any(r.diagnostics for r in apart)
