"""Werkalliantie: `python main.py --help` lists the commands; without one the game opens."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
