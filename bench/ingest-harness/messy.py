"""Makes a messy copy of the first 20,000 rows of a gen_survey.py file, to compare two
builds of the ingest on (bench/ingest-harness/compare.sh): invalid codes, labels,
special cells, bad numbers and times, blank ids, duplicates (later, earlier, same
time, resent, reused ids), quotes and line breaks, wrong field counts.
Usage: messy.py SOURCE.csv OUT.csv [SEED] [ENCODING]"""
import csv, random, sys, io
random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
src, out = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(src, newline='', encoding='utf-8')))
header, data = rows[0], rows[1:20001]
col = {n: i for i, n in enumerate(header)}
outrows = []
def mutate(r):
    r = list(r)
    k = random.random()
    q = 'q%d' % random.randint(1, 40)
    if k < 0.05: r[col[q]] = random.choice(['9', 'Often', ' 3 ', '３', 'n/a', '(跳过)', '-3', 'always', 'Never ', ''])
    elif k < 0.08: r[col['weight']] = random.choice(['abc', '0', '-1', '1e3', '１２.５', ' 7 ', ''])
    elif k < 0.10: r[col['region']] = random.choice(['12', '5001011', '', 'abcdef', '500101 '])
    elif k < 0.13: r[col['submitted']] = random.choice(['2024/5/1 9:00', '2024-05-01T09:00:00+08:00', '2024-13-01 10:00', '', '2024-05-01', '2024-05-01 09:00:00Z', '2024年5月1日 10:00'])
    elif k < 0.15: r[col['child_id']] = random.choice(['', ' ', 'C' + r[col['child_id']][1:] + ' '])
    elif k < 0.17: r[col['comment']] = random.choice(['a "quoted", text', 'line1\nline2', '  ', '逗号，和\r\n换行', 'x' * 70])
    elif k < 0.19: r[col['y1']] = random.choice(['1', '0', '2', 'Yes', 'no'])
    return r
for i, r in enumerate(data):
    outrows.append(mutate(r))
    p = random.random()
    if p < 0.02:   # same child later
        d = list(r); d[col['response_id']] = r[col['response_id']] + 'b'; d[col['submitted']] = '2024-06-30 23:59:59'; outrows.append(mutate(d))
    elif p < 0.04: # same child earlier
        d = list(r); d[col['response_id']] = r[col['response_id']] + 'c'; d[col['submitted']] = '2024-01-01 00:00:00'; outrows.append(d)
    elif p < 0.05: # same response id, other child
        d = list(r); d[col['child_id']] = 'X' + r[col['child_id']]; outrows.append(d)
    elif p < 0.06: # resent
        outrows.append(list(r))
    elif p < 0.065: # same child, same time
        d = list(r); d[col['response_id']] = r[col['response_id']] + 'd'; outrows.append(d)
    elif p < 0.07: # earlier duplicate of a much earlier row
        if i > 100:
            j = random.randint(0, i - 1); d = list(data[j]); d[col['response_id']] = 'Z%d' % i; d[col['submitted']] = random.choice(['2024-06-01 00:00:00', '2023-01-01 00:00:00', '']); outrows.append(d)
buf = io.StringIO()
w = csv.writer(buf, lineterminator='\r\n' if random.random() < 0.5 else '\n')
w.writerow(header)
for r in outrows: w.writerow(r)
text = buf.getvalue()
# field-count errors and broken rows
lines = text.split('\n')
for _ in range(30):
    n = random.randint(1, len(lines) - 2)
    if '"' in lines[n]: continue
    lines[n] = lines[n] + random.choice([',extra', ',', ''])
    if random.random() < 0.3: lines[n] = lines[n].rsplit(',', 1)[0]
text = '\n'.join(lines)
enc = sys.argv[4] if len(sys.argv) > 4 else 'utf-8'
open(out, 'wb').write(text.encode(enc))
