"""Importing the action plans people already have (CSV, XLSX/ODS, DOCX tables) into plans, objectives and actions.

The steps, one module each: ``reading`` (a file into raw rows), ``layout`` (the header, the column mapping, repeated
headers, rows continued across page breaks, owner headings), ``splitting`` (multi-action cells into aligned lists),
``preview`` (how each row will be read, with row-level errors) and ``commit`` (one transaction, all or nothing).
Only ``commit`` touches the database.
"""
