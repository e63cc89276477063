"""``python -m fouille.scanner.cli``."""

import sys

from fouille.scanner.cli.main import main

sys.exit(main())
