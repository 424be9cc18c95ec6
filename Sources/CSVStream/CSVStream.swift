// CSVStream: the streaming CSV reader and writer over libcsv (see CSVReader.swift).
