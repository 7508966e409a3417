"""The flat tables, declared once: ``rows.py`` builds each table's rows from records
(standard library only, one line per table in ``ROW_FUNCTIONS``); ``spec.py`` says what a
table declaration is; ``tables.py`` and ``evidence_tables.py`` declare each table's
columns, types and keys (``TABLES``); ``columns.py`` is generated from them by the build
(names, types and vocabularies, for the loader and ``to_pandas`` without pydantic);
``frames.py`` turns rows into typed pandas frames.

Importing this package imports nothing: the loader imports ``rows`` and ``columns``
alone."""
