"""The document stage: HTML or plain text -> one `Document` with offsets into its text
(`mlefacts.document.build`). Importing a module of the package imports no parser: what quotes a
published claim's sentence (`mlefacts conflicts`) needs `sentences`, not lxml."""
