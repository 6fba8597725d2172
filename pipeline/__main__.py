"""Run the command line as `python -m pipeline`."""

from .cli import main

main(prog_name="underlag")
