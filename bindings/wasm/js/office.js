// The lazy loader of the office module (`pkg/office/`): the same library built a second time
// with XLSX reading and writing, kept out of the main module to hold its size budget. Nothing
// is downloaded until `loadOffice()` is first called; every later call returns the same module.
//
//   const office = await loadOffice();
//   const ds = office.Dataset.fromXlsx(new Uint8Array(await file.arrayBuffer()));
//   const bytes = office.writeTables({ sheets: [...] });
//
// The office module is a complete, separate instance of the API (its own `Dataset` class): a
// dataset of the main module moves over as JSON (`office.Dataset.fromJson(ds.toJson())`).
let loading;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/**
 * Loads the office module once (browsers fetch `office/diaban_wasm_bg.wasm` then). A failed
 * load (the files missing, the network down) is not remembered: the next call tries again.
 */
export function loadOffice() {
  loading ??= (isNode ? import('./office/node.js') : import('./office/index.js')).catch((e) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
