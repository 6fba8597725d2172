"""underlag: Excel workbooks of the nämnder's utvecklingsgrupper in, Word and PowerPoint out."""

__version__ = "0.1.0"
