"""The dataset version: package, datapackage.json and release bundle all read it here."""

__version__ = "0.2.0"
