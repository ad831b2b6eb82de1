# The baseline for the whole-process import figure (scripts/bench-import.mjs, issue 15):
# a plain csv + SQLite insert of the same LinkedIn Connections.csv, one transaction,
# into a fresh database file. Usage: python3 scripts/bench-import-baseline.py FILE.csv DIR
import csv
import os
import sqlite3
import sys

path, folder = sys.argv[1], sys.argv[2]
with open(path, newline='', encoding='utf-8-sig') as f:
    lines = f.read().splitlines(keepends=True)
start = next(i for i, line in enumerate(lines[:20]) if line.startswith('First Name,'))
rows = list(csv.reader(lines[start:]))
header, records = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
db = sqlite3.connect(os.path.join(folder, 'baseline.db'))
db.execute('pragma journal_mode = wal')
db.execute('create table connections (first_name text, last_name text, url text, email text, company text, position text, connected_on text)')
with db:
    db.executemany('insert into connections values (?, ?, ?, ?, ?, ?, ?)', ((r + [''] * 7)[:7] for r in records))
print(db.execute('select count(*) from connections').fetchone()[0])
db.close()
