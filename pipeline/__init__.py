"""underlag: Excel workbooks of the nämnder's utvecklingsgrupper in, Word and PowerPoint out."""
