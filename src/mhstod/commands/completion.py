"""`mhstod completion SKAL`: the script that lets bash, zsh or fish complete the command line.

What completes is commands/shells.py, imported only here and when a shell asks for candidates.
"""

from __future__ import annotations

from typing import Annotated

import typer

from mhstod.commands.output import Completed, write


def completion(
    ctx: typer.Context,
    shell: Annotated[str, typer.Argument(metavar="SKAL", click_type=Completed("shells"), show_default=False,
                                         help="Skalet: bash, zsh eller fish.")],
) -> None:
    """Skriv skriptet som låter skalet fylla i kommandon, alternativ, län, kommuner, aktörer och fall med Tabb.

    Installera en gång och öppna sedan ett nytt skal:

    bash: mhstod completion bash >> ~/.bashrc

    zsh: mhstod completion zsh >> ~/.zshrc

    fish: mhstod completion fish > ~/.config/fish/completions/mhstod.fish
    """
    from mhstod.commands import shells

    write(shells.script(shell, ctx.find_root().command))
