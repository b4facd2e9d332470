"""`/admin/symbols`: the followed markets, their coverage, adding, switching and loading."""
