"""The commands: parse arguments, call the core, render. `main` is the program's entry point."""
