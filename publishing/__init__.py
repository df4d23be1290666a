"""Publishing: headless preview, coordinated releases across languages, cache invalidation."""
