import sys

from plan_dataset.cli import main

sys.exit(main())
