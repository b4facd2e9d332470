"""Payment providers behind one interface (base.py): card, crypto and the local fake."""
