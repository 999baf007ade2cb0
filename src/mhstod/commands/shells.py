"""Completion in bash, zsh and fish: the script each shell sources, and the answers to its questions.

Click's protocol, from Typer's bundled Click, is the engine: the script runs `mhstod` with _MHSTOD_COMPLETE set to
bash_complete (zsh_complete, fish_complete) and the words typed so far, one a line, and reads back a candidate a
line. Click finds which command, option or argument is being typed; the places, actors and teaching cases come from
the data, matched as `region` matches them (case and å, ä, ö aside).

Imported only for that and for `mhstod completion SKAL`. Whatever goes wrong while completing (a bad --data-dir, a
broken file, anything) completes nothing: a message or a traceback in the middle of a command line helps nobody.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Callable, Iterable
from typing import ClassVar

from typer._click.core import Command, Context
from typer._click.shell_completion import CompletionItem, ShellComplete

from mhstod.commands import COMPLETE_VAR
from mhstod.errors import ExitCode, UsageError, shown
from mhstod.load.nodes import hidden_character
from mhstod.model import Knowledge
from mhstod.places import MAX_INPUT, fold
from mhstod.text import KIND_LABELS

PROGRAM = "mhstod"

# The words go one a line, so that a word with a space in it ("Västra\ Götaland") stays one word; stderr is dropped.
BASH = r"""
%(func)s() {
    local IFS=$'\n' kind value
    COMPREPLY=()
    while IFS=$'\t' read -r kind value; do
        case $kind in
            plain) COMPREPLY+=("$value") ;;
            file) compopt -o default 2>/dev/null ;;
            dir) compopt -o dirnames 2>/dev/null ;;
        esac
    done < <(COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" COMP_LINE="$COMP_LINE" \
             COMP_POINT="$COMP_POINT" %(var)s=bash_complete "$1" 2>/dev/null)
    return 0
}

complete -F %(func)s %(prog)s
"""

ZSH = r"""#compdef %(prog)s

%(func)s() {
    local -a response described plain
    local kind value help
    response=("${(@f)$(COMP_WORDS="${(pj:\n:)words[1,CURRENT]}" COMP_CWORD=$((CURRENT - 1)) \
        %(var)s=zsh_complete %(prog)s 2>/dev/null)}")
    for kind value help in "${response[@]}"; do
        case $kind in
            # _describe reads "value:help" and a backslash as an escape: such a value goes without its help
            plain) if [[ $help == _ || $value == *\\* ]]; then plain+=("$value")
                   else described+=("${value//:/\\:}:$help"); fi ;;
            file) _files ;;
            dir) _files -/ ;;
        esac
    done
    # zsh's own matching first; only names it cannot see (vastra for Västra Götaland) replace the word as typed
    (( $#described )) && { _describe -V values described || _describe -V values described -U }
    (( $#plain )) && { compadd -V values -a plain || compadd -U -V values -a plain }
    return 0
}

# Autoloaded from $fpath as _%(prog)s, this file is the function: it completes, on the first Tab and every later one.
if [[ $zsh_eval_context[-1] == (loadautofunc|shfunc) ]]; then
    %(func)s "$@"
else
    (( $+functions[compdef] )) || { autoload -Uz compinit && compinit }
    compdef %(func)s %(prog)s
fi
"""

# fish hands over the earlier words as literal text already; only the word being typed is as typed.
FISH = r"""
function %(func)s
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -lx COMP_WORDS (string join \n -- $words "$current" | string collect)
    set -lx COMP_CWORD (count $words)
    for line in (env %(var)s=fish_complete %(prog)s 2>/dev/null)
        set -l kind (string split -m 1 \t -- $line)
        switch $kind[1]
            case plain
                printf '%%s\n' $kind[2]
            case file
                __fish_complete_path "$current"
            case dir
                __fish_complete_directories "$current"
        end
    end
end

complete --command %(prog)s --no-files --arguments '(%(func)s)'
"""


def script(shell: str, cli: Command) -> str:
    """The script to source for `shell`; an unknown shell is a usage error."""
    if shell not in SHELLS:
        *others, last = SHELLS
        raise UsageError(f"Okänt skal '{shown(shell)}'. Välj {', '.join(others)} eller {last}.")
    return SHELLS[shell](cli, {}, PROGRAM, COMPLETE_VAR).source()


def respond(instruction: str, cli: Callable[[], Command]) -> int:
    """Answer a shell: `bash_complete`, `zsh_source` … (Click's order) or `complete_bash` (Typer's)."""
    action, shell = _parts(instruction)
    if shell is None:
        sys.stderr.write(f"mhstod: {COMPLETE_VAR}='{shown(instruction)}' förstås inte; "
                         f"skriv ett nytt skript med 'mhstod completion SKAL'.\n")
        return ExitCode.USAGE
    try:
        asked = SHELLS[shell](cli(), {}, PROGRAM, COMPLETE_VAR)
        answer = asked.source() if action == "source" else asked.complete()
        if answer:
            sys.stdout.write(answer.rstrip("\n") + "\n")
            sys.stdout.flush()
    except Exception:  # a closed pipe (BrokenPipeError) too
        if os.environ.get("MHSTOD_DEBUG"):
            raise
        return ExitCode.ERROR  # nothing to offer, and nothing written where the user is typing
    return ExitCode.OK


def _parts(instruction: str) -> tuple[str, str | None]:
    first, _, second = instruction.partition("_")
    for shell, action in ((first, second), (second, first)):
        if shell in SHELLS and action in ("complete", "source"):
            return action, shell
    return "", None


class _Shell(ShellComplete):
    """What the three shells share: the words typed, one a line, in COMP_WORDS; the one typed now is COMP_CWORD."""

    literal_words: ClassVar[bool] = False  # whether the earlier words come without the shell's quoting

    def source_vars(self) -> dict[str, str]:
        return {"func": self.func_name, "var": self.complete_var, "prog": self.prog_name}

    def source(self) -> str:
        return super().source().strip("\n") + "\n"

    def get_completion_args(self) -> tuple[list[str], str]:
        words = os.environ["COMP_WORDS"].split("\n")
        index = int(os.environ["COMP_CWORD"])
        self.typed = words[index] if index < len(words) else ""
        args = [word if self.literal_words else unquoted(word) for word in words[1:index]]
        return args, unquoted(self.typed)

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        items = self.get_completions(args, incomplete)
        option, equals, _ = incomplete.partition("=")
        if equals and option.startswith("-"):  # --county=Skå: the shell replaces the whole word
            items = [CompletionItem(f"{option}={item.value}", item.type, item.help) for item in items]
        # A value with a control character (a line break would forge a second candidate) is never offered; the
        # loader refuses them, and a value that reaches a shell is checked once more here.
        said = (self.format_completion(item) for item in items if hidden_character(str(item.value)) is None)
        return "\n".join(line for line in said if line is not None)


class Bash(_Shell):
    name = "bash"
    source_template = BASH

    colon_prefix = ""  # what bash keeps of the word before its last ':' (it replaces only the rest)

    def get_completion_args(self) -> tuple[list[str], str]:
        """Bash breaks `--county=Skå` into three words; "=" after an option is dropped, as Click reads it.

        It also breaks a value at ':' (COMP_WORDBREAKS): the word as typed is read back from COMP_LINE, and
        each candidate is given without what bash keeps before the colon.
        """
        args, incomplete = super().get_completion_args()
        args, incomplete = self._across_colons(args, incomplete)
        kept: list[str] = []
        for word in args:
            if not (word == "=" and kept[-1:] and kept[-1].startswith("-")):
                kept.append(word)
        if self.typed == "=" and kept[-1:] and kept[-1].startswith("-"):
            incomplete = ""
        return kept, incomplete

    def _across_colons(self, args: list[str], incomplete: str) -> tuple[list[str], str]:
        line, point = os.environ.get("COMP_LINE"), os.environ.get("COMP_POINT", "")
        if not line or not point.isdigit() or self.typed[:1] in ("'", '"'):
            return args, incomplete
        before = line[:int(point)]
        word = "" if before[-1:].isspace() else before.split()[-1] if before.split() else ""
        if ":" not in word or word == self.typed or not word.endswith(self.typed) or "'" in word or '"' in word:
            return args, incomplete
        self.colon_prefix = word[: len(word) - len(self.typed)]
        pieces, joined = 0, ""
        while joined != self.colon_prefix and pieces < len(args):  # the words bash made of the prefix
            pieces += 1
            joined = "".join(args[-pieces:])
        if joined != self.colon_prefix:
            self.colon_prefix = ""
            return args, incomplete
        return args[:-pieces], unquoted(word)

    def format_completion(self, item: CompletionItem) -> str | None:  # type: ignore[override]
        r"""A value as bash must read it in the quotes it is typed in, or None where it cannot be offered safely.

        Bash inserts a candidate as it is, after an open quote too: the value is escaped for that context so
        that the word bash reads is the value, literally, and nothing in it runs (data/overlays are not code).
        """
        text = str(item.value)
        if self.colon_prefix:
            if not text.startswith(unquoted(self.colon_prefix)):
                return None
            text = text[len(unquoted(self.colon_prefix)):]
        value = bash_word(text, _open_quote(self.typed))
        return None if value is None else f"{item.type}\t{value}"


class Zsh(_Shell):
    name = "zsh"
    source_template = ZSH

    def format_completion(self, item: CompletionItem) -> str:
        return f"{item.type}\n{item.value}\n{_one_line(item.help) or '_'}"


class Fish(_Shell):
    name = "fish"
    source_template = FISH
    literal_words = True

    def format_completion(self, item: CompletionItem) -> str:
        help = _one_line(item.help)
        return f"{item.type}\t{item.value}\t{help}" if help else f"{item.type}\t{item.value}"


SHELLS: dict[str, type[_Shell]] = {"bash": Bash, "zsh": Zsh, "fish": Fish}
_UNSAFE = re.compile(r"[^\w@%+=:,./-]")  # what bash would read as a break, a quote or an expansion
_SPECIAL_IN_DOUBLE = re.compile(r'[$`"\\]')  # what a backslash still escapes inside "…"


def _open_quote(typed: str) -> str | None:
    """The quote the word being typed is inside at its end: "", "'" or '"'; None for a mix bash reads otherwise.

    Bash replaces the text after an opening quote at the word's start; a quote opened or closed elsewhere in
    the word leaves no place where a whole value could go, so nothing is offered there.
    """
    if "'" not in typed and '"' not in typed:
        return ""  # a backslash typed unquoted (Västra\\ G) is replaced with the rest of the word
    first = typed[:1]
    if first in ("'", '"') and first not in typed[1:]:
        return first
    return None


def bash_word(value: str, quote: str | None) -> str | None:
    r"""`value` as bash must see it after `quote` ("" unquoted) to read it literally; None where it cannot.

    Unquoted, every character bash could read as a break, a quote, a glob or an expansion gets a backslash.
    Inside '…' nothing is special, and a ' cannot be written at all. Inside "…", $ ` " and \ take a
    backslash; a ! would start history expansion in an interactive shell, whose backslash would stay in the
    word, so a value with one is not offered there.
    """
    if quote is None:
        return None
    if quote == "'":
        return None if "'" in value else value
    if quote == '"':
        return None if "!" in value else _SPECIAL_IN_DOUBLE.sub(r"\\\g<0>", value)
    return _UNSAFE.sub(r"\\\g<0>", value)


def unquoted(word: str) -> str:
    r"""A word as the shell will read it: `Västra\ Göt` and `"Västra Göt` (a quote still open) are Västra Göt."""
    lex = shlex.shlex(word, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    words: list[str] = []
    try:
        words.extend(lex)
    except ValueError:  # an open quote or a last backslash: what is typed so far
        words.append(lex.token)
    return " ".join(words)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


# What a value of each kind can be, each with a description for zsh and fish.
Named = Iterable[tuple[str, str | None]]


def _counties(knowledge: Knowledge) -> Named:
    return ((c.short_name, f"{c.name}, {knowledge.region(c.region).name}") for c in knowledge.counties)


def _municipalities(knowledge: Knowledge) -> Named:
    return ((m.name, f"kommun i {knowledge.county(m.county).name}") for m in knowledge.municipalities)


def _places(knowledge: Knowledge) -> Named:
    yield from _counties(knowledge)
    yield from _municipalities(knowledge)


def _actors(knowledge: Knowledge) -> Named:
    for actor in knowledge.actors:
        yield actor.name, KIND_LABELS[actor.kind]
        for alias in actor.aliases:
            yield alias, actor.name


def _scenarios(knowledge: Knowledge) -> Named:
    from mhstod.load.scenarios import scenarios_for

    return ((s.id, s.title) for s in scenarios_for(knowledge))


def _steps(knowledge: Knowledge) -> Named:
    return ((str(s.number), s.name) for s in knowledge.steps)


def _laws(knowledge: Knowledge) -> Named:
    return ((law.id, f"{law.name} ({law.reference})") for law in knowledge.laws)


VALUES: dict[str, Callable[[Knowledge], Named]] = {
    "counties": _counties, "municipalities": _municipalities, "places": _places, "actors": _actors,
    "scenarios": _scenarios, "steps": _steps, "laws": _laws,
}
PATHS = {"files": "file", "dirs": "dir"}


def candidates(values: str, ctx: Context, incomplete: str) -> list[CompletionItem]:
    """The values of one kind that start like `incomplete`, whatever the case and with or without å, ä, ö."""
    if values in PATHS:
        return [CompletionItem(incomplete, type=PATHS[values])]  # the shell lists the files itself
    if values == "shells":
        named: Named = ((shell, None) for shell in SHELLS)
    else:
        from mhstod.load import load

        named = VALUES[values](load(_data_dir(ctx)))
    typed = incomplete[:MAX_INPUT]
    probe, as_typed = fold(typed), typed.casefold()
    found: dict[str, str | None] = {}
    written: dict[str, str | None] = {}
    for value, help in named:
        if fold(value).startswith(probe):
            found.setdefault(value, help)  # Gotland, the county, before Gotland, its one municipality
            if value.casefold().startswith(as_typed):
                written.setdefault(value, help)
    # Bash replaces the word with what the candidates share: "Skå" with Skåne and Skara became "Sk". What
    # starts as typed, å and all, comes first; matches without accents (Skane → Skåne) only where none does.
    return [CompletionItem(value, help=help) for value, help in (written or found).items()]


def _data_dir(ctx: Context | None) -> str | None:
    """--data-dir (or MHSTOD_DATA_DIR) as typed on the line so far: a local overlay's names complete too."""
    while ctx is not None:
        if ctx.params.get("data_dir"):  # ~/lokalt as typed: the shell expands it only when the command runs
            return os.path.expanduser(str(ctx.params["data_dir"]))
        ctx = ctx.parent
    return None
