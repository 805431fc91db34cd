"""One module per document kind: which template it uses and how its contexts are built."""
