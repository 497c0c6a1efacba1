// Type-checks the office module's declarations (`tsc -p tests/tsconfig.json`; never run): the
// lazy loader, workbook reading and writing, Word documents, and dates typed by a person.
import { demo, parseDate, writesXlsx, type Tables } from 'diaban';
import { loadOffice } from '../pkg/office.js';

export async function officeUsage(bytes: Uint8Array): Promise<Uint8Array[]> {
  const office = await loadOffice();
  const fromBook = office.Dataset.fromXlsx(bytes, 'so-theo-doi.xlsx');
  const day: string | null = parseDate('01/10/2024', 'today');
  const tables: Tables = {
    sheets: [
      {
        name: 'Kết quả kiểm tra',
        title: `Ngày xét hạn ${day ?? ''}`,
        columns: [{ header: 'Mã đơn vị' }, { header: 'Từ ngày', type: 'date' }, { header: 'Số', type: 'number' }],
        rows: [['01954', '2024-09-01', 3], ['01957', null, null]],
      },
    ],
  };
  const moved = office.Dataset.fromJson(demo().toJson());
  const canWrite: boolean = writesXlsx || office.writesXlsx;
  const documents: Uint8Array[] = office.writesDocx
    ? [moved.reportDocx({ year: 2024, today: day ?? undefined }), moved.coverageDocx({ at: '01/10/2024', scheme: 'commune-monitoring' })]
    : [];
  return canWrite ? [office.writeTables(tables), fromBook.toXlsx(), moved.toXlsx(), ...documents] : documents;
}
