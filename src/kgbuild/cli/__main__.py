"""``python -m kgbuild.cli``."""

from kgbuild.cli import main

main()
