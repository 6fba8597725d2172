"""Every text click can show an underlag user is in Swedish (pipeline/clisv.py).

The translatable strings are read from the installed click's own source: every literal passed
to `_()` or `ngettext()`. Each is translated, or listed below as one underlag never shows, with
the reason; a click upgrade that adds a string fails here until it is placed in one or the other.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
from click.testing import CliRunner

from pipeline import clisv
from pipeline.cli import main

CLICK = Path(click.__file__).parent

# click texts underlag never shows, and why (each must still be a string of the installed click)
UNUSED = {
    # programmer errors: raised while the command line is declared, never by a user's input
    "Could not determine name for option with declarations {decls!r}": "declaration",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?": "declaration",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "declaration",
    "Name '{name}' defined twice": "declaration",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "declaration",
    "Invalid start character for option ({option})": "declaration",
    "Unknown color {colour!r}": "style() with a bad colour",
    "Unknown standard stream '{name}'": "get_text_stream() with a bad name",
    "Value must be an iterable.": "a default of a multiple option",
    # features underlag does not use
    "deprecated": "no deprecated command or option",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "no deprecated command",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": "no deprecated option",
    "Positional arguments": "shown only when an argument has help; underlag's have none",
    "env var: {var}": "no show_envvar",
    "(dynamic)": "no callable default shown",
    "required": "no required option",
    "Takes {nargs} values but 1 was given.": "no nargs > 1",
    "Takes {nargs} values but {len} were given.": "no nargs > 1",
    "Argument {name!r} takes {nargs} values.": "no nargs > 1",
    "%(prog)s, version %(version)s": "version_option is given its own message",
    "Do you want to continue?": "no confirmation_option",
    "Confirm the action without prompting.": "no confirmation_option",
    "Missing parameter: {param_name}": "str() of the exception; users see format_message()",
    "unknown error": "click.File is not used (click.Path is)",
    "Could not open file {filename!r}: {message}": "click.File is not used (click.Path is)",
    "{name} {filename!r} is not executable.": "no Path(executable=True)",
    "Choose from:\n\t{choices}": "no click.Choice",
    "{value!r} is not {choice}.": "no click.Choice",
    "{value!r} is not one of {choices}.": "no click.Choice",
    "Choice({choices})": "no click.Choice",
    "{value!r} does not match the format {format}.": "no click.DateTime",
    "{value!r} does not match the formats {formats}.": "no click.DateTime",
    "{value} is not in the range {range}.": "no range types",
    "{value!r} is not a valid boolean. Recognized values: {states}": "flags only, no bool values",
    "{len_type} values are required, but {len_value} was given.": "no tuple types",
    "{len_type} values are required, but {len_value} were given.": "no tuple types",
    "{value!r} is not a valid {number_type}.": "no number options",
    "{value!r} is not a valid UUID.": "no UUID options",
    "Press any key to continue...": "no pause()",
    "Repeat for confirmation": "no prompt()",
    "Error: The two entered values do not match.": "no prompt()",
    "Error: invalid input": "no prompt()",
    "{editor}: Editing failed": "no edit()",
    "{editor}: Editing failed: {e}": "no edit()",
    "d": "the progress bar's day label: only for an estimate over a day",
    "Windows error: {error}": "the Windows console failing to write: the OS's own message",
    "Couldn't detect Bash version, shell completion is not supported.": "no documented completion",
    "Shell completion is not supported for Bash versions older than 4.4.": "no documented completion",
}
# translated for older click releases (pyproject allows click>=8.1), absent from the installed one
OLDER_CLICK = {"No such option: {name}"}


def click_strings() -> dict[str, set[str]]:
    """Return every literal click passes to `_()` or `ngettext()`, with the modules using it."""
    found: dict[str, set[str]] = {}
    for path in sorted(CLICK.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "ngettext")):
                continue
            for arg in node.args[: 1 if node.func.id == "_" else 2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, set()).add(path.stem)
    # `_(extra["required"])` in core.py: the only translated value that is not a literal
    assert 'extra["required"] = "required"' in (CLICK / "core.py").read_text(encoding="utf-8")
    found.setdefault("required", set()).add("core")
    return found


STRINGS = click_strings()


def test_the_scan_finds_click_strings():
    assert len(STRINGS) > 50
    assert {"Usage:", "Show this message and exit.", "Error: {message}"} <= set(STRINGS)


def test_every_click_string_is_translated_or_deliberately_unused():
    untranslated = sorted(s for s in STRINGS if s not in clisv.SV and s not in UNUSED)
    assert untranslated == [], "click texts with no Swedish translation in pipeline/clisv.py SV " \
                               "(translate them, or list them in UNUSED with a reason)"
    assert not set(clisv.SV) & set(UNUSED), "translated yet listed as unused"


def test_no_translation_or_unused_entry_is_stale():
    assert sorted(s for s in UNUSED if s not in STRINGS) == []
    assert sorted(s for s in clisv.SV if s not in STRINGS and s not in OLDER_CLICK) == []


def test_every_translation_is_installed_where_click_uses_it():
    """A translation helps only if clisv installs its gettext into the module that asks."""
    missing = {s: sorted(STRINGS[s]) for s in clisv.SV
               if s in STRINGS and not STRINGS[s] & set(clisv.MODULES)}
    assert missing == {}


def test_translations_keep_every_placeholder():
    fields = re.compile(r"\{[^}]*\}|%\(\w+\)s")
    wrong = {en: sv for en, sv in clisv.SV.items()
             if sorted(fields.findall(en)) != sorted(fields.findall(sv))}
    assert wrong == {}


def test_clicks_texts_reach_the_user_in_swedish():
    runner = CliRunner()
    help_text = runner.invoke(main, ["--help"]).output
    assert help_text.startswith("Användning: underlag")
    assert "Flaggor" in help_text and "Kommandon" in help_text
    assert "Visa den här hjälpen och avsluta." in help_text
    usage = runner.invoke(main, ["bygg", "--okand"])
    assert usage.exit_code == 2
    assert usage.output.splitlines()[-1] == "Fel: Flaggan '--okand' finns inte."
    english = [s for s in clisv.SV if len(s) > 3 and s.split("{")[0].strip() and
               s.split("{")[0].strip() in help_text + usage.output]
    assert english == []
