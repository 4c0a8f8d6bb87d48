"""sitrep's benchmark: `python -m bench --quick` (under 2 minutes) or `--full`."""
