"""The officer's commands: adding and importing signatories without disturbing the list, and counting them.

`add` and `import` never load and dump the list: they insert text at the
places the loader recorded, so every byte already in the file (comments,
quoting, blank lines, order, line endings) stays as it was. A new entry is
judged by the same checks `petition check` runs, on a record made from the
command line or the form export.
"""
