"""The README tells the truth: its format section, its commands and CI's test command."""

from __future__ import annotations

from pipeline.cli import main
from pipeline.read.formatdoc import format_markdown
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_holds_the_format_generated_from_the_schema():
    assert f"<!-- format:start -->\n{format_markdown()}<!-- format:end -->" in README


def test_the_readme_opens_with_the_two_commands_and_ci_runs_the_test_one():
    first_blocks = README.split("```sh\n")[1:3]
    assert [b.split("\n")[0] for b in first_blocks] == ["make run", "make test"]
    assert "\nmake test\n" in (ROOT / ".ci/run").read_text()


def test_every_command_is_in_the_command_reference():
    for name in main.commands:
        assert f"`underlag {name}" in README
