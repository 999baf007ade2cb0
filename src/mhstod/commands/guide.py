"""The guide: the questions (or an answers file), the checklist, and what to do with it at the end."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from mhstod.commands.output import Completed, DataDirOption, JsonOption, Output, write
from mhstod.errors import Interrupted, MhstodError, UsageError, shown, shown_path

if TYPE_CHECKING:
    from datetime import date, datetime

    from mhstod.answers import Answers
    from mhstod.checklist import Checklist
    from mhstod.dates import CaseDays
    from mhstod.model import Knowledge

BANNER = ("mhstod – stöd vid misstanke om människohandel. Svara på några frågor och få en checklista: vad som "
          "ska göras nu, vem som gör vad och vem du kontaktar.\nVid akut fara: ring 112. Inget av svaren sparas "
          "om du inte själv väljer att spara.")


def guide(
    ctx: typer.Context,
    answers: Annotated[
        str | None,
        typer.Option("--answers", "-a", metavar="FIL", click_type=Completed("files"),
                     help="Svarsfil (YAML eller JSON) i stället för frågor."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FIL", click_type=Completed("files"),
                     help="Spara hela checklistan i en ny fil: .md, .html eller .json."),
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Hela checklistan: varje steg i processen och varje uppgift med källa.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Ersätt en befintlig fil vid --output eller --ics (aldrig en länk eller "
                                           "svarsfilen).")
    ] = False,
    counted_from: Annotated[
        list[str] | None,
        typer.Option("--from", metavar="DATUM",
                     help="Visa fristerna som datum, räknade från DATUM (ÅÅÅÅ-MM-DD eller idag) för varje händelse, "
                          "eller från en händelses egen dag: --from anmalan=DATUM (också utredning, "
                          "omhandertagande, verkstallighet, beslut-betanketid: den sista bara så); kan ges flera "
                          "gånger."),
    ] = None,
    ics: Annotated[
        str | None,
        typer.Option("--ics", metavar="FIL", click_type=Completed("files"),
                     help="Spara fristerna som datum i en ny kalenderfil (.ics); kräver --from utan frågor."),
    ] = None,
    moment: Annotated[
        str | None,
        typer.Option("--nu", metavar="TID", help="Svensk tid att visa checklistan för, ÅÅÅÅ-MM-DDTtt:mm (annars nu): "
                                                 "vem som svarar utanför kontorstid."),
    ] = None,
    consultation: Annotated[
        bool, typer.Option("--samtal", help="Visa i stället en sammanfattning utan personuppgifter att läsa upp "
                                            "när du ringer för råd.")
    ] = False,
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Gå igenom frågorna och få en checklista: vad du gör nu, vem du kontaktar och vem som gör vad."""
    from mhstod import freshness
    from mhstod.export import CALENDAR_FORMATS, CHECKLIST_FORMATS, check_new_file, format_of
    from mhstod.load import load

    keep = (answers,) if answers is not None else ()
    at = _moment(moment) if moment is not None else None
    # Said before the first question, not after the whole interview.
    day = at.date() if at is not None else freshness.today()  # --nu sets the day too, as MHSTOD_NOW does
    start = _days(counted_from, day) if counted_from else None
    for path, formats in ((output, CHECKLIST_FORMATS), (ics, CALENDAR_FORMATS)):
        if path is not None:
            format_of(path, formats)
            check_new_file(path, replace=force, keep=keep, hint=" eller använd --force för att ersätta den")
    if output is not None and ics is not None and os.path.abspath(output) == os.path.abspath(ics):
        raise UsageError("--output och --ics kan inte vara samma fil.")
    knowledge = load(data_dir)
    if answers is not None:
        from mhstod.answers import from_mapping
        from mhstod.load.answersfile import read_file

        given = from_mapping(knowledge, read_file(answers))
        for warning in given.warnings:
            sys.stderr.write(f"mhstod: varning: {warning}\n")
        if start is None and given.days is not None:  # the days the file was saved with (its `from`)
            start = given.days
        if ics is not None and start is None:
            raise UsageError("--ics behöver --from DATUM: dagen fristerna räknas från.")
        session = None
    else:
        session = Interview(knowledge, Output.of(ctx))
        given = session.run()
    from mhstod.engine import build_checklist

    checklist = build_checklist(knowledge, given, today=day, counted_from=start, moment=at)
    wants_dates = not consultation or ics is not None  # the summary for a call has no deadlines to date
    # The one day the guide asks for dates every event but those dated by name only (the decision on betänketid)
    by_name = {e.id for e in knowledge.events if e.by_name}
    if session is not None and start is None and wants_dates and any(
            i.due.period and i.due.event not in by_name for i in checklist.deadlines if i.due):
        asked = session.day(checklist.today)
        if asked is not None:
            from mhstod.dates import CaseDays

            checklist = build_checklist(knowledge, given, today=day, counted_from=CaseDays(every=asked), moment=at)
    elif start is not None and not checklist.dated:
        waiting = "".join(f"; från {label} räknas bara med --from {event}=DATUM"
                          for event, label in checklist.undated_by_name)
        sys.stderr.write(f"mhstod: inga frister att räkna med datum i det här fallet{waiting}\n")
    failed: MhstodError | None = None
    if output is not None:
        try:
            save_checklist(output, checklist, replace=force, keep=keep)
            sys.stderr.write(f"mhstod: checklistan sparades i {shown_path(output)} (bara du kan läsa filen)\n")
        except MhstodError as exc:
            failed = exc
    if ics is not None:  # tried even where --output failed: each file is its own request
        try:
            _save_calendar(ics, checklist, replace=force, keep=keep)
        except MhstodError as exc:
            if failed is not None:
                sys.stderr.write(f"mhstod: {failed}\n")
            failed = exc
    out = Output.of(ctx)
    if json:
        from mhstod.render import json as as_json

        payload = ({"consultation": as_json.consultation(checklist)} if consultation else as_json.checklist(checklist))
        out.out(as_json.dumps(payload, as_json.CHECKLIST_SCHEMA_VERSION))
    else:
        from mhstod.render.outline import consultation_outline, outline

        if session is not None:  # a person at a keyboard: the menu below, not a flag, gives the rest
            from mhstod.render.outline import MENU_HINT

            # Not paged: "Nu" stays on the screen the menu appears under (a pager's last page would not)
            out.lines(consultation_outline(checklist, MENU_HINT) if consultation
                      else outline(checklist, full=full, hint=MENU_HINT), page=False)
        else:
            out.lines(consultation_outline(checklist) if consultation else outline(checklist, full=full))
    if failed is not None and (session is None or json):
        raise failed  # the checklist is shown above: a failed save loses nothing, and the exit code says it
    if session is not None and not json:
        if failed is not None:
            sys.stderr.write(f"mhstod: {failed} Välj en annan fil nedan; svaren finns kvar.\n")
        session.after(checklist, given)


# data/process.yaml, events; beslut-betanketid is dated by name only (never from a bare --from DATUM)
EVENTS = ("anmalan", "utredning", "omhandertagande", "verkstallighet", "beslut-betanketid")


def _days(given: list[str], today: date) -> CaseDays:
    """--from DATUM (every event) and --from HÄNDELSE=DATUM (one event's own day), each at most once."""
    import unicodedata

    from mhstod.dates import CaseDays, parse_day

    every: date | None = None
    events: dict[str, date] = {}
    for text in given:
        event, equals, day = text.rpartition("=")
        if equals and not event.strip():
            raise UsageError(f"--from {shown(text)}: ange händelsen före '=', till exempel --from "
                             f"anmalan={shown(day, 20)}, eller bara datumet för alla händelser.")
        if equals and not day.strip():
            raise UsageError(f"--from {shown(text)}: ange ett datum efter '=', till exempel {shown(text)}"
                             "2026-11-27.")
        # beslut-betänketid, as typed with its ä, is beslut-betanketid
        decomposed = unicodedata.normalize("NFKD", event.strip().casefold())
        event = "".join(c for c in decomposed if not unicodedata.combining(c))
        if event and event not in EVENTS:
            raise UsageError(f"--from: okänd händelse {shown(event)!r}; händelserna är {', '.join(EVENTS)}.")
        if (event in events) if event else every is not None:
            raise UsageError(f"--from: {'händelsen ' + event if event else 'ett datum för alla händelser'} "
                             f"anges två gånger.")
        try:
            parsed = parse_day(day, today)
        except ValueError as exc:
            raise UsageError(f"--from: {exc}.") from None
        if event:
            events[event] = parsed
        else:
            every = parsed
    return CaseDays(every, tuple(events.items()))


def _moment(text: str) -> datetime:
    """--nu: a Swedish local time, 2026-12-18T16:30 (or with a space for the T), in the calendar's years."""
    from datetime import datetime

    from mhstod.dates import FIRST_YEAR, LAST_YEAR

    try:
        from mhstod.freshness import swedish_time

        at = swedish_time(datetime.fromisoformat(text.strip().replace(" ", "T", 1)))
        if not FIRST_YEAR <= at.year <= LAST_YEAR:
            raise ValueError
        return at
    except ValueError:
        raise UsageError(f"--nu: {shown(text)!r} är ingen tid: skriv ÅÅÅÅ-MM-DDTtt:mm, till exempel "
                         "2026-12-18T16:30.") from None


def _whole(path: str) -> str:
    """Where a file was saved, said in full: a relative name leaves the reader to guess the folder."""
    return shown_path(os.path.abspath(path))


def _save_calendar(path: str, checklist: Checklist, replace: bool, keep: tuple[str, ...]) -> None:
    """The dated deadlines as a calendar file; where the case has none, no file and a line that says so."""
    if not checklist.dated:
        sys.stderr.write("mhstod: inga frister med datum i det här fallet; ingen kalenderfil sparades\n")
        return
    from datetime import UTC, datetime

    from mhstod.export import write_private
    from mhstod.render.ics import calendar

    write_private(path, calendar(checklist, datetime.now(UTC)), replace, keep)
    sys.stderr.write(f"mhstod: fristerna sparades i {shown_path(path)} (bara du kan läsa filen)\n")


class Interview:
    """The interactive guide: the questions, then what to do with the checklist (see it whole, save, quit)."""

    def __init__(self, knowledge: Knowledge, out: Output) -> None:
        if not sys.stdin.isatty():
            raise UsageError("Standardinmatningen är ingen terminal: ange svaren med --answers FIL.")
        if not sys.stdout.isatty():  # `mhstod guide > fall.txt` wrote the questions into the file, unseen
            raise UsageError("Standardutmatningen är ingen terminal, så frågorna skulle inte synas: spara "
                             "checklistan med --output FIL i stället.")
        from mhstod import interview, prompts

        self.knowledge = knowledge
        self.output = out
        self.ui: interview.Ui = prompts.PlainUi(self._plain_write) if out.plain else prompts.FancyUi()

    @staticmethod
    def _plain_write(text: str) -> None:
        write(text, flush=True)

    def say(self, text: str) -> None:
        """A line between questions; plain mode writes it as it is (screen readers, TERM=dumb)."""
        if self.output.plain:
            write(f"\n{text}\n", flush=True)
        else:
            self._styled(f"\n{text}", "2")

    def alert(self, text: str) -> None:
        """What must not wait for the end of the questions: ring 112."""
        if self.output.plain:
            write(f"\n!!! {text}\n", flush=True)
        else:
            self._styled(f"\n{text}", "1" if os.environ.get("NO_COLOR") else "1;31")

    @staticmethod
    def _styled(text: str, sgr: str) -> None:
        """Text broken between words at the terminal's width, bold, dim or red where the terminal draws it.

        Written without Rich: the guide's lines before the checklist are all this needs, and Rich cost the first
        question ~40 ms of start-up. The checklist itself is drawn with Rich.
        """
        from mhstod.wrap import wrap

        body = wrap(text, max(shutil.get_terminal_size().columns, 20))
        write(f"\x1b[{sgr}m{body}\x1b[0m\n" if sys.stdout.isatty() else body + "\n", flush=True)

    def run(self) -> Answers:
        from mhstod import interview

        if self.output.plain:
            write(BANNER + "\n", flush=True)
        else:
            self._styled(BANNER, "1")
        return interview.run(self.knowledge, self.say, self.ui, self.alert)

    def day(self, today: date) -> date | None:
        """The day the deadlines run from, asked once the answers show that the checklist has some.

        None (an empty answer, Ctrl-C or Ctrl-D) leaves them relative: the checklist is shown all the same.
        """
        from mhstod import interview

        try:
            return interview.ask_day(self.ui, today)
        except KeyboardInterrupt:
            return None

    def after(self, checklist: Checklist, given: Answers) -> None:
        """Nothing is lost when the guide ends: the whole checklist, a saved file or the answers, until quit."""
        from mhstod import interview
        from mhstod.export import ANSWERS_FORMATS, CALENDAR_FORMATS, CHECKLIST_FORMATS, answers_text, format_of

        try:
            while (choice := interview.end_menu(self.ui, dated=bool(checklist.dated))) != "quit":
                if choice == "full":
                    self._page(checklist)
                    continue
                if choice == "consultation":
                    from mhstod.render.outline import MENU_HINT, consultation_outline

                    self.output.lines(consultation_outline(checklist, MENU_HINT))
                    continue
                if choice == "calendar":
                    from datetime import UTC, datetime

                    from mhstod.render.ics import calendar

                    path = self._path("Filnamn för kalenderfilen; Enter sparar, tomt för att avbryta:",
                                      CALENDAR_FORMATS, f"frister-{checklist.today.isoformat()}")
                    text = calendar(checklist, datetime.now(UTC)) if path else ""
                    done = f"Fristerna sparades i {_whole(path)}; bara du kan läsa filen."
                elif choice == "save":
                    path = self._path("Filnamn för checklistan (.md, .html eller .json); Enter sparar, tomt för att "
                                      "avbryta:", CHECKLIST_FORMATS, f"checklista-{checklist.today.isoformat()}")
                    text = render(checklist, format_of(path, CHECKLIST_FORMATS)) if path else ""
                    done = f"Checklistan sparades i {_whole(path)}; bara du kan läsa filen."
                else:
                    path = self._path("Filnamn för svaren (.yaml eller .json); Enter sparar, tomt för att avbryta:",
                                      ANSWERS_FORMATS, f"svar-{checklist.today.isoformat()}")
                    text = answers_text(self.knowledge, given, format_of(path, ANSWERS_FORMATS),
                                        checklist.today, checklist.counted_from) if path else ""
                    name = _whole(path)
                    done = f"Svaren sparades i {name}; bara du kan läsa filen. Kör igen: mhstod guide --answers {name}"
                if path and self._saved(path, text):
                    self.say(done)
        except KeyboardInterrupt:
            raise Interrupted("avbrutet.") from None

    def _path(self, message: str, formats: dict[str, str], stem: str) -> str:
        """A name to save under: a new one proposed in this folder, which Enter takes.

        A name without an ending gets the first ending (`checklista` is checklista.md); a name refused is said,
        and asked for again on a fresh prompt.
        """
        from mhstod import interview
        from mhstod.export import check_new_file, format_of

        ending = next(iter(formats))
        proposed = next((name for n in range(1, 1000)
                         if not os.path.lexists(name := f"{stem}{f'-{n}' if n > 1 else ''}{ending}")), "")
        # Plain mode reads a line (screen readers): there an empty line cancels, so the name is said, not filled in
        said = f"{message} Förslag: {proposed}" if self.output.plain and proposed else message
        while True:
            typed = interview.ask_path(self.ui, said, lambda _: True, "" if self.output.plain else proposed)
            if not typed:
                return ""
            if typed.endswith(("/", os.sep)) or os.path.isdir(typed):  # `Dokument/` made a hidden Dokument/.md
                self.say(f"'{shown_path(typed)}' är en katalog: skriv ett filnamn, eller tomt för att avbryta.")
                continue
            path = typed if os.path.splitext(typed)[1] else typed + ending  # `checklista` is checklista.md
            try:
                format_of(path, formats)
                check_new_file(path)
            except MhstodError as exc:
                self.say(f"{exc} Skriv ett annat namn, eller tomt för att avbryta.")
                continue
            return path

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
        if self.output.plain:  # a screen reader reads on; a pager would only stand in its way
            from mhstod.render import plain

            write(plain.render(lines), flush=True)
            return
        from mhstod.render import rich

        self.output.show(rich.render(lines))  # through the pager where it is longer than the screen


def save_checklist(path: str, checklist: Checklist, replace: bool = False, keep: tuple[str, ...] = ()) -> None:
    from mhstod.export import CHECKLIST_FORMATS, format_of, write_private

    write_private(path, render(checklist, format_of(path, CHECKLIST_FORMATS)), replace, keep)


def render(checklist: Checklist, fmt: str) -> str:
    """A format for a file or for scripts: exports hold the whole checklist, with its date and sources."""
    if fmt == "json":
        from mhstod.render import json

        return json.dumps(json.checklist(checklist), json.CHECKLIST_SCHEMA_VERSION)
    if fmt == "html":
        from mhstod.render import html

        return html.render(checklist)
    from mhstod.render import markdown

    return markdown.render(checklist)


