"""Reading workbooks: what a file is, the schema, one cell, a whole workbook; and writing blank ones."""
