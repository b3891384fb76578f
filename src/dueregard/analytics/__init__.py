"""The evidence engine: equality statistics over record-level data. Framework-free: never imports Django."""
