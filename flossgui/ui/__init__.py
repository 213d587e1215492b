"""Qt widgets; the model they show lives in :mod:`flossgui.model`."""
