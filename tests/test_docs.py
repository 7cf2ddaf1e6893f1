"""The docs stay honest: every command is documented, and the README's examples print what they show."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from dyad.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "dyad") -> Iterator[tuple[str, click.Command]]:
    """Every command under ``group`` with its full name, subcommands of nested groups included."""
    for name, command in group.commands.items():
        full = f"{prefix} {name}"
        yield full, command
        if isinstance(command, click.Group):
            yield from _commands(command, full)


def test_every_command_has_help_and_a_docs_entry() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    for name, command in _commands(main):
        assert command.help, f"{name} has no help text"
        assert f"## `{name}`" in docs, f"{name} is not in docs/cli.md"
        section = docs.split(f"## `{name}`")[1].split("\n## ")[0]
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"{name} {param.opts[0]} has no help text"
                assert param.opts[0] in section, f"{name} {param.opts[0]} is not in its docs/cli.md section"


def test_nested_commands_are_checked_too() -> None:
    assert "dyad eval time" in dict(_commands(main))


def test_readme_first_screen_gives_the_two_setup_commands() -> None:
    first = README.split("\n## ")[0]
    block = re.search(r"```console\n(.*?)```", first, re.S)
    assert block is not None
    assert [line.split()[:2] for line in block.group(1).strip().splitlines()] == [
        ["make", "demo"],
        ["make", "test"],
    ]


def test_readme_command_line_example_prints_what_it_shows() -> None:
    blocks = re.findall(r"```console\n(\$ .*?)```", README, re.S)
    assert blocks
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "NO_COLOR": "1",
    }
    for block in blocks:
        command, _, expected = block.partition("\n")
        result = subprocess.run(command[2:], shell=True, capture_output=True, text=True, env=env, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected


def test_readme_python_example_prints_what_it_shows() -> None:
    blocks = re.findall(r"```pycon\n(.*?)```", README, re.S)
    assert blocks
    parser = doctest.DocTestParser()
    for block in blocks:
        test = parser.get_doctest(block, {}, "README", "README.md", 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0


def test_format_doc_describes_every_schema_field() -> None:
    from dyad.serialize import schema

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    defs = schema()["$defs"]
    for kind in ("document", "actor", "timex", "place", "event", "quote"):
        section = doc.split(f"## `{kind}`")[1].split("\n## ")[0]
        for field in defs[f"{kind}_record"].get("properties", defs["place"]["properties"]):
            if field in ("kind", "doc_id"):
                continue
            assert f"`{field}`" in section, f"{kind}.{field} is not explained in docs/format.md"
