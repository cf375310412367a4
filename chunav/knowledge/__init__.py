"""What every stage knows about names: how a name is cleaned and keyed (``normalize``), and the
reference lists of states and parties with their abbreviations and aliases (``gazetteer``,
``parties``; versioned data in ``data/``). Pure functions over shipped data: ingest, extract,
resolve and store all read it, and it imports nothing of theirs."""
