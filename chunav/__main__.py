from chunav.cli import cli

cli()
