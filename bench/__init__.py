"""The API benchmark: seeded data, three servers side by side, a load generator and results."""
