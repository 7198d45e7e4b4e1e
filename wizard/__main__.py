"""``python -m wizard``: the same as the ``privacy-wizard`` command."""

import sys

from wizard.cli import main

sys.exit(main())
