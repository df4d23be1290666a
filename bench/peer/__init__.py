"""Strapi 5 as the benchmark's peer: installed from the npm registry into ``bench/peer/strapi-app``."""
