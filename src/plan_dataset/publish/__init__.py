"""Publishing a validated dataset: the snapshot, the outputs registry, build and release."""
