import { parseCsv, withColumns } from '../../src/lib/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const text = 'id,label,alt\r\n1,"a, b","x\ny"\n2,"say ""hi""",\n';
    expect(parseCsv(text)).toEqual([
      { id: '1', label: 'a, b', alt: 'x\ny' },
      { id: '2', label: 'say "hi"', alt: '' },
    ]);
  });

  it('gives every row every header name, a short row empty cells', () => {
    expect(parseCsv('id,label,alt\n1,a\n')).toEqual([{ id: '1', label: 'a', alt: '' }]);
  });
});

describe('withColumns', () => {
  const rows = parseCsv('conceptUri,preferredLabel,status\nu1,one,released\n');

  it('keeps the rows of a file that has the columns a reader needs', () => {
    const read = withColumns(rows, ['conceptUri', 'preferredLabel'], 'skills.csv');
    expect(read.map((r) => r.preferredLabel)).toEqual(['one']);
  });

  it('refuses a file without one of them, naming the file and every missing column', () => {
    expect(() => withColumns(rows, ['conceptUri', 'altLabels', 'code'], 'skills.csv')).toThrow(
      'skills.csv has no column "altLabels", "code".',
    );
  });

  it('takes an empty file as no rows', () => {
    expect(withColumns([], ['conceptUri'], 'empty.csv')).toEqual([]);
  });
});
