"""The ``Workbench`` facade's calls, grouped by concept: one module per group, one class each,
which ``engine.workbench.Workbench`` inherits. Use ``Workbench``; these are its parts."""
