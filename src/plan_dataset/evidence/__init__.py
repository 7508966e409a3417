"""Evidence: walking a record's evidence, when two sources are one page, how well each
fact is corroborated, and finding quotes in archived texts."""
