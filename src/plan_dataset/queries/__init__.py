"""The loader's questions over loaded records. Standard library only."""
