// Reads what the tests need from an XLSX workbook without a dependency: the zip's parts (the
// central directory, stored or deflated entries), the sheet names and each sheet's cells as
// text (shared strings resolved, numbers as written). Not a general reader: enough to check
// workbooks this project writes.
import { inflateRawSync } from 'node:zlib';

/** The parts of a zip archive, by name, as text. */
export function unzip(bytes) {
  const buf = Buffer.from(bytes);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts = new Map();
  for (let i = 0; i < count; i += 1) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    parts.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

function unescape(text) {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/**
 * The sheets of a workbook in order: `[{name, rows}]`, `rows` mapping a row number (1-based) to
 * an object from column letters to the cell's text; `formats` maps a cell (`E4`) to its style
 * index, and `frozen` is the top-left cell of the unfrozen pane, if any.
 */
export function readSheets(bytes) {
  const parts = unzip(bytes);
  const strings = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const names = [...parts.get('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]));
  return names.map((name, i) => {
    const xml = parts.get(`xl/worksheets/sheet${i + 1}.xml`) ?? '';
    const rows = new Map();
    const formats = new Map();
    for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, col, row, attrs, inner = ''] = c;
      const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      if (value === undefined) continue;
      const text = / t="s"/.test(attrs) ? strings[Number(value)] : unescape(value);
      if (!rows.has(Number(row))) rows.set(Number(row), {});
      rows.get(Number(row))[col] = text;
      const style = / s="(\d+)"/.exec(attrs)?.[1];
      if (style !== undefined) formats.set(`${col}${row}`, Number(style));
    }
    const frozen = /<pane [^>]*topLeftCell="([A-Z]+\d+)"[^>]*state="frozen"/.exec(xml)?.[1] ?? null;
    return { name, rows, formats, frozen, xml };
  });
}

/** The number formats of the workbook's cell styles: style index → format code (or null). */
export function styleFormats(bytes) {
  const styles = unzip(bytes).get('xl/styles.xml') ?? '';
  const codes = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), unescape(m[2])]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf ([^>]*?)\/?>/g)].map((m) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    return codes.get(id) ?? (id === 49 ? '@' : null);
  });
}
