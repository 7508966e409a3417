"""One module per measure: each registers its measures and writes its section of the report."""
