"""Subscriptions, plans and payments: which tier a user has bought (the tier table and its
checks are the identity layer's, cryptolens.access). Provider events go through the ledger
(ledger.py) with the period rules of periods.py; checkouts start in checkout.py."""
