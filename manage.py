#!/usr/bin/env python
"""Django's command-line utility; the same as the `followup` console script."""

from followup.cli import main

if __name__ == "__main__":
    main()
