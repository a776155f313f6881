"""Prefect flows, the Parquet store, the scorer and the ``minutes`` CLI.

Importing the package turns off Prefect's telemetry and analytics (no code of this project
may reach the network at run time); an explicit setting in the environment still wins.
"""

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# The flows use no Prefect blocks; registering them all halves the ephemeral server's start.
os.environ.setdefault("PREFECT_SERVER_REGISTER_BLOCKS_ON_START", "false")
