"""The storage layer: typed models, engines, migrations and the functions that store facts."""
