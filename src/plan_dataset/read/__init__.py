"""Reading files: bounded, without following links, and strict YAML with positions."""
