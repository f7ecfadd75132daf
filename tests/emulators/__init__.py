"""Loopback emulators of the providers' HTTP APIs, for tests that speak real HTTP."""
