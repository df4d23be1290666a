"""Full-text search of the live pages, per language, on PostgreSQL (see ``indexing`` and ``query``)."""
