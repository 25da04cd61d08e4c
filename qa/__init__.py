"""Stage 3: answers with citations, the district finder, and the CLI."""
