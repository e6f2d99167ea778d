"""Run translint as ``python -m translint``."""

from translint.cli import main

main()
