"""The Typer app: parse arguments, call the core, render; errors become one line and an exit code here."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from mhstod import __version__
from mhstod.errors import DataError, ExitCode, Interrupted, MhstodError, UsageError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from mhstod.answers import Answers
    from mhstod.checklist import Checklist
    from mhstod.model import Knowledge
    from mhstod.render.lines import Line

app = typer.Typer(
    name="mhstod",
    help="Beslutsstöd vid misstanke om människohandel: vem gör vad, och vem du ringer i din region. "
    "Vid akut fara: ring 112.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
data_app = typer.Typer(help="Kontrollera data som verktyget bygger på.", no_args_is_help=True)
app.add_typer(data_app, name="data")

JsonOption = Annotated[bool, typer.Option("--json", help="Skriv JSON (för skript) i stället för text.")]
DataDirOption = Annotated[
    str | None,
    typer.Option("--data-dir", envvar="MHSTOD_DATA_DIR", show_envvar=True,
                 help="Katalog med lokala YAML-filer som kompletterar eller rättar de levererade kontakterna."),
]


def _version(value: bool) -> None:
    if value:
        _out(f"mhstod {__version__}")
        raise typer.Exit()


class _Settings:
    """Options of the root command, read by the renderers' choice below."""

    plain = False


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Visa versionen och avsluta.")
    ] = False,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="Ren text utan färg, tabeller eller ramar (skärmläsare, journalanteckningar)."),
    ] = False,
) -> None:
    """Beslutsstöd vid misstanke om människohandel."""
    _Settings.plain = plain or os.environ.get("TERM") == "dumb"
    from mhstod.freshness import today

    today()  # a bad MHSTOD_TODAY is said before any question, not after the whole interview


# Below these widths a table would wrap names mid-word or squeeze a column to nothing: lines instead.
TABLE_MIN_WIDTH = 63  # the counties table at its natural width
ACTORS_TABLE_MIN_WIDTH = 80  # render.rich_out.actors: a role column worth reading


def _console() -> Console:
    if _Settings.plain:
        return _quiet_console_class()(highlight=False, color_system=None, no_color=True, emoji=False)
    return _quiet_console_class()(highlight=False)


@functools.cache
def _quiet_console_class() -> type[Console]:
    from rich.console import Console

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:  # Rich would exit 1; main() ends a closed pipe quietly with 0
            raise ReaderGone

    return QuietConsole


def _show(renderable: RenderableType) -> None:
    _console().print(renderable)


def _show_lines(lines: list[Line]) -> None:
    """Plain text with --plain or TERM=dumb, otherwise Rich."""
    if _Settings.plain:
        from mhstod.render import plain

        _write(plain.render(lines))
    else:
        from mhstod.render import rich_lines

        _show(rich_lines.render(lines))


def _out(text: str) -> None:
    _write(text + "\n")


class ReaderGone(Exception):
    """Standard output was closed by its reader (mhstod contacts | head -1).

    Not an OSError, so that Click does not turn it into exit 1 on the way to main().
    """


def _write(text: str, flush: bool = False) -> None:
    try:
        sys.stdout.write(text)
        if flush:
            sys.stdout.flush()
    except BrokenPipeError:
        raise ReaderGone from None


@app.command()
def region(
    county: Annotated[str | None, typer.Option("--county", "-c", help="Län (eller kommun), t.ex. Skåne, SE-M, 12.")]
    = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", "-m", help="Kommun, t.ex. Lund eller 'Göteborgs stad'.")
    ] = None,
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa regionen, dess regionkoordinatorer och stödtelefonen för ett län eller en kommun."""
    from mhstod.freshness import today
    from mhstod.load import load
    from mhstod.lookups import region_report
    from mhstod.places import gazetteer_for

    if (county is None) == (municipality is None):
        raise UsageError("Ange antingen --county eller --municipality, till exempel: mhstod region --county Skåne")
    knowledge = load(data_dir)
    typed, prefer = (county, "county") if county is not None else (municipality, "municipality")
    assert typed is not None
    match = gazetteer_for(knowledge).find(typed, prefer)  # type: ignore[arg-type]
    report = region_report(knowledge, knowledge.region(match.place.county.region), match, today())
    if json:
        from mhstod.render import jsonout

        _out(jsonout.region_report(report, knowledge))
    else:
        from mhstod.render import views

        _show_lines(views.region_report(report, knowledge))


@app.command()
def counties(json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Lista Sveriges 21 län med koder och region."""
    from mhstod.load import load

    knowledge = load(data_dir)
    if json:
        from mhstod.render import jsonout

        _out(jsonout.counties(knowledge))
    elif _Settings.plain or _console().width < TABLE_MIN_WIDTH:  # a narrow table would break names mid-word
        from mhstod.render import views

        _show_lines(views.counties(knowledge))
    else:
        from mhstod.render import rich_out

        _show(rich_out.counties(knowledge))


@app.command()
def regions(json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Lista de sju regionerna med län och regionkoordinatorer."""
    from mhstod.freshness import today
    from mhstod.load import load

    knowledge = load(data_dir)
    if json:
        from mhstod.render import jsonout

        _out(jsonout.regions(knowledge, today()))
    else:
        from mhstod.render import views

        _show_lines(views.regions(knowledge, today()))


@app.command()
def contacts(json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Visa akutnummer, stödtelefonen och alla regionkoordinatorer."""
    from mhstod.freshness import today
    from mhstod.load import load

    knowledge = load(data_dir)
    if json:
        from mhstod.render import jsonout

        _out(jsonout.contacts(knowledge, today()))
    else:
        from mhstod.render import views

        _show_lines(views.contacts(knowledge, today()))


BANNER = ("mhstod – stöd vid misstanke om människohandel. Svara på några frågor och få en checklista: vad som "
          "ska göras nu, vem som gör vad och vem du kontaktar.\nVid akut fara: ring 112. Inget av svaren sparas "
          "om du inte själv väljer att spara.")


@app.command()
def guide(
    answers: Annotated[
        str | None, typer.Option("--answers", "-a", help="Svarsfil (YAML eller JSON) i stället för frågor.")
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Spara hela checklistan i en ny fil: .md, .html eller .json.")
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Hela checklistan: varje steg i processen och varje uppgift med källa.")
    ] = False,
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Gå igenom frågorna och få en checklista: vad du gör nu, vem du kontaktar och vem som gör vad."""
    from mhstod.export import CHECKLIST_FORMATS, check_new_file, format_of
    from mhstod.load import load

    if output is not None:  # said before the first question, not after the whole interview
        format_of(output, CHECKLIST_FORMATS)
        check_new_file(output)
    knowledge = load(data_dir)
    if answers is not None:
        from mhstod.answers import from_mapping
        from mhstod.load.answersfile import read_file

        given = from_mapping(knowledge, read_file(answers))
        for warning in given.warnings:
            sys.stderr.write(f"mhstod: varning: {warning}\n")
        session = None
    else:
        session = _Interview(knowledge)
        given = session.run()
    from mhstod.engine import build_checklist

    checklist = build_checklist(knowledge, given)
    failed: MhstodError | None = None
    if output is not None:
        try:
            _save_checklist(output, checklist, knowledge)
            sys.stderr.write(f"mhstod: checklistan sparades i {output} (bara du kan läsa filen)\n")
        except MhstodError as exc:
            failed = exc
    if json:
        _out(_render(checklist, knowledge, "json"))
    else:
        from mhstod.render.outline import outline

        _show_lines(outline(checklist, full=full))
    if failed is not None and (session is None or json):
        raise failed  # the checklist is shown above: a failed save loses nothing, and the exit code says it
    if session is not None and not json:
        if failed is not None:
            sys.stderr.write(f"mhstod: {failed} Välj en annan fil nedan; svaren finns kvar.\n")
        session.after(checklist, given)


class _Interview:
    """The interactive guide: the questions, then what to do with the checklist (see it whole, save, quit)."""

    def __init__(self, knowledge: Knowledge) -> None:
        if not sys.stdin.isatty():
            raise UsageError("Standardinmatningen är ingen terminal: ange svaren med --answers FIL.")
        from mhstod import interview, prompts

        self.knowledge = knowledge
        self.ui: interview.Ui = prompts.PlainUi(self._plain_write) if _Settings.plain else prompts.FancyUi()

    @staticmethod
    def _plain_write(text: str) -> None:
        _write(text, flush=True)

    def say(self, text: str) -> None:
        """A line between questions; plain mode writes it as it is (screen readers, TERM=dumb)."""
        if _Settings.plain:
            _write(f"\n{text}\n", flush=True)
        else:
            _console().print(f"\n{text}", style="dim", highlight=False, markup=False)

    def alert(self, text: str) -> None:
        """What must not wait for the end of the questions: ring 112."""
        if _Settings.plain:
            _write(f"\n!!! {text}\n", flush=True)
        else:
            _console().print(f"\n{text}", style="bold red", highlight=False, markup=False)

    def run(self) -> Answers:
        from mhstod import interview

        if _Settings.plain:
            _write(BANNER + "\n", flush=True)
        else:
            _console().print(BANNER, style="bold", highlight=False, markup=False)
        return interview.run(self.knowledge, self.say, self.ui, self.alert)

    def after(self, checklist: Checklist, given: Answers) -> None:
        """Nothing is lost when the guide ends: the whole checklist, a saved file or the answers, until quit."""
        from mhstod import interview
        from mhstod.export import ANSWERS_FORMATS, CHECKLIST_FORMATS, answers_text, format_of

        try:
            while (choice := interview.end_menu(self.ui)) != "quit":
                if choice == "full":
                    self._page(checklist)
                    continue
                if choice == "save":
                    path = self._path("Filnamn för checklistan (.md, .html eller .json); tomt för att avbryta:",
                                      CHECKLIST_FORMATS)
                    text = _render(checklist, self.knowledge, format_of(path, CHECKLIST_FORMATS)) if path else ""
                    done = f"Checklistan sparades i {path}; bara du kan läsa filen."
                else:
                    path = self._path("Filnamn för svaren (.yaml eller .json); tomt för att avbryta:", ANSWERS_FORMATS)
                    text = answers_text(self.knowledge, given, format_of(path, ANSWERS_FORMATS),
                                        checklist.today) if path else ""
                    done = f"Svaren sparades i {path}; bara du kan läsa filen. Kör igen: mhstod guide --answers {path}"
                if path and self._saved(path, text):
                    self.say(done)
        except KeyboardInterrupt:
            raise Interrupted("avbrutet.") from None

    def _path(self, message: str, formats: dict[str, str]) -> str:
        from mhstod import interview
        from mhstod.export import check_new_file, format_of

        def valid(text: str) -> bool | str:
            try:
                format_of(text, formats)
                check_new_file(text)
            except MhstodError as exc:
                return str(exc)
            return True

        return interview.ask_path(self.ui, message, valid)

    def _saved(self, path: str, text: str) -> bool:
        """Save, or say why not and go back to the menu: a failed save never loses the interview."""
        from mhstod.export import write_private

        try:
            write_private(path, text)
        except MhstodError as exc:
            self.say(f"{exc} Försök igen med ett annat namn.")
            return False
        return True

    def _page(self, checklist: Checklist) -> None:
        from mhstod.render.outline import outline

        lines = outline(checklist, full=True)
        if _Settings.plain:  # a screen reader reads on; a pager would only stand in its way
            from mhstod.render import plain

            _write(plain.render(lines), flush=True)
            return
        from mhstod.render import rich_lines

        console = _console()
        with console.pager(styles=False):  # the system pager may show colour codes as text (less without -R)
            console.print(rich_lines.render(lines))


def _save_checklist(path: str, checklist: Checklist, knowledge: Knowledge) -> None:
    from mhstod.export import CHECKLIST_FORMATS, format_of, write_private

    write_private(path, _render(checklist, knowledge, format_of(path, CHECKLIST_FORMATS)))


def _render(checklist: Checklist, knowledge: Knowledge, fmt: str) -> str:
    """A format for a file or for scripts: exports hold the whole checklist, with its date and sources."""
    if fmt == "json":
        from mhstod.render import json_checklist

        return json_checklist.render(checklist, knowledge)
    if fmt == "html":
        from mhstod.render import html

        return html.render(checklist)
    from mhstod.render import markdown

    return markdown.render(checklist)


@data_app.command("check")
def data_check(json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Validera datafilerna och visa en sammanfattning; avslutas med 1 vid fel."""
    from mhstod.load import load
    from mhstod.load.scenarios import scenarios_for
    from mhstod.lookups import counts, oldest_date

    try:
        knowledge = load(data_dir)
        sizes = {**counts(knowledge), "scenarios": len(scenarios_for(knowledge))}
    except DataError as exc:
        if json:  # a script that asked for JSON gets JSON on stdout too; the message also goes to stderr
            from mhstod.render.jsonout import dumps

            with contextlib.suppress(ReaderGone):  # the data error, not the closed pipe, decides the exit
                _out(dumps({"ok": False, "error": str(exc)}))
        raise
    oldest = oldest_date(knowledge)
    if json:
        from mhstod.render.jsonout import dumps

        _out(dumps({"ok": True, "counts": sizes, "oldest_source_date": oldest,
                    "local": [{"kind": kind, "id": ident, "file": file} for (kind, ident), file in knowledge.local]}))
        return
    _out(
        f"Data OK: {sizes['regions']} regioner, {sizes['counties']} län, {sizes['municipalities']} kommuner, "
        f"{sizes['actors']} aktörer med {sizes['responsibilities']} uppgifter, "
        f"{sizes['coordinators'] + sizes['numbers']} kontakter ({sizes['coordinators']} regionkoordinatorer, "
        f"{sizes['numbers']} nationella nummer), {sizes['steps']} steg, {sizes['scenarios']} undervisningsfall. "
        f"Äldsta källa: {oldest}."
    )
    for (kind, ident), file in knowledge.local:
        _out(f"Lokal uppgift: {kind} '{ident}' från {file}")


def main(argv: list[str] | None = None) -> int:
    """Run the app; every error the user can cause ends here as one line on stderr."""
    from mhstod import cli_reference  # noqa: F401  (registers the reference commands on the app)

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started with the stream closed (mhstod contacts >&-): no one reads it
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (open until exit)
        stream = getattr(sys, name)
        if hasattr(stream, "reconfigure"):  # a terminal that cannot show "☐" gets "?", not an internal error
            stream.reconfigure(errors="replace")
    given = _plain_first(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["--plain"] or os.environ.get("TERM") == "dumb":
        _plain_help_and_errors()
    code = _run(given)
    try:
        sys.stdout.flush()  # what is still buffered meets a closed pipe here, not in the interpreter's exit
    except BrokenPipeError:
        return _reader_gone()
    return code


def _plain_first(argv: list[str]) -> list[str]:
    """`--plain` anywhere on the line, as people type it (mhstod contacts --plain), before the command.

    It is an option of the whole program; after a `--` it is an argument and stays.
    """
    options = argv[:argv.index("--")] if "--" in argv else argv
    if "--plain" not in options:
        return list(argv)
    return ["--plain", *(a for a in options if a != "--plain"), *argv[len(options):]]


def _reader_gone() -> int:
    """The reader chose to stop reading: end quietly, and keep Python's exit from failing on the same pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return ExitCode.OK


def _run(argv: list[str] | None) -> int:
    try:
        app(args=argv, prog_name="mhstod")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else ExitCode.ERROR
    except MhstodError as exc:
        sys.stderr.write(f"mhstod: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("mhstod: avbrutet.\n")
        return ExitCode.INTERRUPTED
    except (ReaderGone, BrokenPipeError):
        return _reader_gone()
    except Exception as exc:  # the last guard: a user never sees a traceback
        if os.environ.get("MHSTOD_DEBUG"):
            raise
        sys.stderr.write(f"mhstod: internt fel ({type(exc).__name__}: {exc}). "
                         "Kör med MHSTOD_DEBUG=1 för detaljer och rapportera felet.\n")
        return ExitCode.ERROR
    return ExitCode.OK


def _plain_help_and_errors() -> None:
    """Click's own help and usage errors instead of Rich panels: no boxes, no escape codes.

    Typer reads TYPER_USE_RICH once, at import, into these flags, and consults them on every help and error.
    """
    import typer.core
    import typer.main

    typer.core.HAS_RICH = False
    setattr(typer.main, "HAS_RICH", False)  # noqa: B010  (typer.main imports the flag by name)
