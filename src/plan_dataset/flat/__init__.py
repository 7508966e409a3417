"""The flat tables, declared once. ``tables/`` declares each table (one module per record
table with its link tables, one registry line each in ``tables.MODULES``): its columns,
keys and row builder, in the standard library (``spec.py`` says what a declaration is,
``rows.py`` holds the builders). ``catalog.py`` resolves the declarations against the
models: a column that holds a model field takes its type, description and vocabulary
from it, and a record table's columns are its model's scalar fields, so that a new field
needs no code here. ``columns.py`` is generated from the catalog by the build (names,
types, vocabularies and record paths, for the loader and ``to_pandas`` without
pydantic); ``frames.py`` turns rows into typed pandas frames.

Importing this package imports nothing: the loader imports ``rows``, ``tables`` and
``columns`` alone."""
