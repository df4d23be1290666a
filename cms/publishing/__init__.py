"""Publishing: the news moderation workflow, coordinated releases across languages, cache purges."""
