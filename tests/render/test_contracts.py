"""Each template's context is a declared type: every name a shipped template uses is a field of
its contract, each context function returns its contract, and README's tables of names are the
contracts' fields."""

from __future__ import annotations

import dataclasses
import io
import re
import typing
import zipfile
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta
from pptx import Presentation
from pptx.oxml.ns import qn

from pipeline.examples import KOMMUN, NAMNDER
from pipeline.produce import outputs
from pipeline.render import contracts
from pipeline.render.context import Filters
from pipeline.render.decks import OPTIONS
from pipeline.render.docx import DocxRenderer
from pipeline.render.environment import environment
from pipeline.render.pptx.directives import SLIDE_DIRECTIVE, without_directives
from pipeline.render.pptx.tables import ROW_LOOP
from tests.conftest import ROOT

TEMPLATES = ROOT / "templates"
ENV = environment(Filters(KOMMUN), "text")


def _used(source: str, env: jinja2.Environment = ENV) -> set[str]:
    """Return the names a Jinja source reads that it does not bind itself (nor the
    environment's globals give)."""
    return meta.find_undeclared_variables(env.parse(source)) - set(env.globals)


def docx_names(path: Path) -> set[str]:
    """Return the names a Word template uses, in every part docxtpl renders."""
    renderer = DocxRenderer(path, KOMMUN)
    return set().union(*(_used(source) for source in renderer.sources.values()))


def _paragraphs(element) -> str:
    """Return the text of an element's paragraphs, table rows with a row loop as Jinja loops,
    paragraph tags ({%p … %}) as Jinja's own."""
    out = []
    for row_or_p in element.iter(qn("a:tr"), qn("a:p")):
        if row_or_p.tag == qn("a:tr"):
            text = re.sub(r"\{%p\s", "{% ", " ".join("".join(t.text or "" for t in p.iter(qn("a:t")))
                                                   for p in row_or_p.iter(qn("a:p"))))
            loop = ROW_LOOP.match(text)
            out.append(f"{{% for {loop[1]} in {loop[2]} %}}{text[loop.end():]}{{% endfor %}}"
                       if loop else text)
        elif not any(a.tag == qn("a:tr") for a in row_or_p.iterancestors()):
            text = "".join(t.text or "" for t in row_or_p.iter(qn("a:t")))
            out.append(re.sub(r"\{%p\s", "{% ", text))
    return "\n".join(out)


def deck_source(path: Path) -> str:
    """Return a deck template as one Jinja source, in the engine's scopes: each slide inside its
    notes' directive (`{%slide for … %}` binds its variable for the slide), the layouts' and
    masters' texts at the top level."""
    prs = Presentation(path)
    parts = [_paragraphs(master._element) for master in prs.slide_masters]
    parts += [_paragraphs(layout._element) for layout in prs.slide_layouts]
    for slide in prs.slides:
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        opened, closed = "", ""
        directive = SLIDE_DIRECTIVE.search(notes)
        if directive and directive[1]:
            opened, closed = f"{{% for {directive[1]} in {directive[2]} %}}", "{% endfor %}"
        elif directive:
            opened, closed = f"{{% if {directive[3]} %}}", "{% endif %}"
        rest = without_directives(notes)
        parts.append(f"{opened}{_paragraphs(slide._element)}\n{rest}{closed}")
    return "\n".join(parts)


def template_names(name: str, folder: Path = TEMPLATES) -> set[str]:
    """Return the names a template uses, by its kind."""
    path = folder / name
    if path.suffix == ".docx":
        return docx_names(path)
    if path.suffix == ".pptx":  # the engine adds the tables it has summarised
        return _used(deck_source(path)) - {OPTIONS.summarised_name}
    from pipeline.render.overview import environment as page_environment

    return _used(path.read_text(encoding="utf-8"), page_environment())


def fields(contract: type) -> set[str]:
    return {f.name for f in dataclasses.fields(contract)}


@pytest.mark.parametrize("name", list(contracts.CONTRACTS))
def test_every_name_a_shipped_template_uses_is_in_its_contract(name):
    used = template_names(name)
    assert len(used) >= 3, used  # the template is read
    missing = used - fields(contracts.CONTRACTS[name])
    assert not missing, f"{name} uses names its contract lacks: {sorted(missing)}"


def test_a_name_the_contract_lacks_is_found_in_a_restyled_template(tmp_path):
    """The check above can fail: a Word template and a deck template, each given a name their
    contract lacks, in a table row and inside a slide loop."""
    import docx

    document = docx.Document(TEMPLATES / "beslutsunderlag.docx")
    document.add_paragraph("{{ forvaltningens_hemlighet }}")
    document.save(tmp_path / "beslutsunderlag.docx")
    assert "forvaltningens_hemlighet" in template_names("beslutsunderlag.docx", tmp_path)

    prs = Presentation(TEMPLATES / "kommunovergripande.pptx")
    looped = next(s for s in prs.slides if s.has_notes_slide
                  and "{%slide for" in s.notes_slide.notes_text_frame.text)
    looped.shapes.title.text_frame.text = "{{ n.namn }} {{ okand_lista|length }}"
    prs.save(tmp_path / "kommunovergripande.pptx")
    used = template_names("kommunovergripande.pptx", tmp_path)
    assert "okand_lista" in used and "n" not in used


def test_each_declared_context_function_returns_its_templates_contract():
    for output in outputs.OUTPUTS:
        if output.context:
            returned = typing.get_type_hints(output.context_function())["return"]
            assert returned is contracts.CONTRACTS[output.template], output.name
    assert set(contracts.CONTRACTS) == set(outputs.template_names())


def test_the_contexts_hold_their_contracts_fields_and_read_as_mappings():
    from pipeline.render.context import memo_context
    from pipeline.render.context_avrapportering import bilaga_avrapportering_context

    memo = memo_context(KOMMUN, NAMNDER[1])
    assert isinstance(memo, contracts.Tjansteskrivelse)
    assert set(dict(memo)) == fields(contracts.Tjansteskrivelse)
    assert memo["namnd"] is NAMNDER[1] and "titel" in memo and "x" not in memo
    bilaga = bilaga_avrapportering_context(KOMMUN, list(NAMNDER))
    assert set(bilaga) == fields(contracts.BilagaAvrapportering)
    with pytest.raises(TypeError):
        contracts.Avrapportering.of({**bilaga})  # a name the contract lacks is refused


def test_rendering_with_only_the_contracts_names_works_for_every_template():
    """A context of the contract's names alone renders every shipped template (a name missing
    from the contract would be undefined here, since the environment is strict)."""
    from pipeline.produce.jobs import Renderers, Work
    from pipeline.produce.kinds import Setting

    renderers = Renderers(Work(Setting(KOMMUN, None), tuple(NAMNDER), tuple(NAMNDER)))
    for output in (d for d in outputs.OUTPUTS if d.template):
        work = renderers.work
        subject = work.subject(output.scope, work.instances(output.scope)[0])
        data = renderers.get(output.name).render(subject)
        if output.template.endswith(".html"):  # a page, not a zip
            assert data.startswith(b"<!DOCTYPE html>"), output.name
            continue
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None, output.name


def test_the_readme_tables_of_names_are_the_contracts():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert contracts.names_markdown() in readme
    for contract in set(contracts.CONTRACTS.values()):
        for f in dataclasses.fields(contract):
            assert f"| `{f.name}` | {f.metadata['doc']} |" in readme


def test_jinja_reports_undeclared_names_as_expected():
    """The reading of names relies on Jinja's meta API: a loop binds its variable."""
    assert _used("{% for a in b %}{{ a.x }}{{ c }}{% endfor %}") == {"b", "c"}
    with pytest.raises(jinja2.TemplateSyntaxError):
        _used("{% for a in %}")
