import { parseCsv } from '../../src/lib/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const text = 'id,label,alt\r\n1,"a, b","x\ny"\n2,"say ""hi""",\n';
    expect(parseCsv(text)).toEqual([
      { id: '1', label: 'a, b', alt: 'x\ny' },
      { id: '2', label: 'say "hi"', alt: '' },
    ]);
  });
});
