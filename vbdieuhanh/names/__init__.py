"""The names layer: one way, for the parser and the archive alike, to compare and complete the names
of bodies, places and documents (keys, casing, abbreviations, places)."""
