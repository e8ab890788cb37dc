"""The benchmark harness behind benches/compare/run (standard library only)."""
