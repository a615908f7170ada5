"""The ``auditor`` command line.

Exit codes, for every command: 0 success (for ``check``: nothing at or above
``--fail-on``), 1 findings at or above ``--fail-on``, 2 usage or runtime error. Errors are
one line on stderr, never a traceback.

Commands are imported only when they are run or asked for help, and their modules import
spaCy and the pipeline only inside the command bodies, so ``auditor --help``,
``--version`` and ``auditor COMMAND --help`` answer without loading a model.
"""

from __future__ import annotations

import importlib

import click

from auditor import __version__
from auditor.commands.options import CONTEXT_SETTINGS
from auditor.errors import AuditorError

#: Command name -> "module:attribute" of its click command, in the order ``--help`` lists them.
COMMANDS: dict[str, str] = {
    "audit": "auditor.commands.audit_cmd:audit",
    "check": "auditor.commands.check_cmd:check",
    "batch": "auditor.commands.batch_cmd:batch",
    "serve": "auditor.commands.serve_cmd:serve",
    "sources": "auditor.commands.sources_cmd:sources",
    "rules": "auditor.commands.rules_cmd:rules",
    "rule": "auditor.commands.rules_cmd:rule",
    "evaluate": "auditor.commands.evaluate_cmd:evaluate",
}


class CommandUnavailable(AuditorError):
    """A command whose module cannot be imported (e.g. an optional dependency is missing)."""


class AuditorGroup(click.Group):
    """A click group that loads commands on demand and reports the auditor's errors.

    Errors of the auditor's own kind become one line on stderr and exit code 2.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS) + sorted(set(self.commands) - set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in COMMANDS:
            return None
        command = _load_command(cmd_name)
        self.commands[cmd_name] = command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # A command that cannot be imported is left out of the listing rather than
        # breaking `auditor --help` for all the others.
        rows = []
        for name in self.list_commands(ctx):
            try:
                command = self.get_command(ctx, name)
            except CommandUnavailable:
                continue
            if command is not None and not command.hidden:
                limit = formatter.width - 6 - max(len(n) for n in self.list_commands(ctx))
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AuditorError as exc:
            click.echo(f"auditor: error: {exc}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("auditor: interrupted", err=True)
            ctx.exit(130)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except CommandUnavailable as exc:
            click.echo(f"auditor: error: {exc}", err=True)
            ctx.exit(2)


def _load_command(name: str) -> click.Command:
    """Import the command ``name`` from its module (see COMMANDS)."""
    module_name, attr = COMMANDS[name].split(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        if exc.name is None or not module_name.startswith(exc.name):
            # a dependency of the command (not the module itself) is missing
            raise CommandUnavailable(
                f"`auditor {name}` is unavailable: {exc} (installed with its extras?)"
            ) from exc
        raise CommandUnavailable(f"`auditor {name}` is not part of this installation") from exc
    return getattr(module, attr)


@click.group(cls=AuditorGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="auditor")
def cli() -> None:
    """Audit who said what in news articles, and how well each claim is sourced.

    \b
    Start with:
      auditor audit article.txt              Markdown report on stdout
      auditor audit drafts/ --out reports/   one report per article
      auditor check draft.md --fail-on error pre-publication gate (exit 1 on errors)
      auditor rules                          the rules and their severities
    """


def main() -> None:
    """Entry point of the ``auditor`` command."""
    # The commands never run spaCy's own command line: leave it out of spaCy's import.
    from auditor import lean_spacy

    lean_spacy.install()
    cli(prog_name="auditor")


if __name__ == "__main__":
    main()
