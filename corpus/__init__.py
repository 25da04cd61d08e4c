"""Stage 1: files -> Documents -> Chunks."""
