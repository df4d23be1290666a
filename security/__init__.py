"""Hardening shared by the admin and the API: security headers and admin login throttling."""
