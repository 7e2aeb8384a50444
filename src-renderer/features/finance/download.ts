/** Files that come back from the handlers as base64 (invoice PDFs, report exports). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file picked by the user, as base64 for the contract (`invoices.create` document). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack on a large PDF.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const toBlob = (file: { mimeType: string; contentBase64: string }): Blob => new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType });

/**
 * Saves a file through the browser's download (a blob: URL on an `<a download>`): the
 * CSP allows blob: and nothing leaves the machine. Electron shows its save dialog.
 */
export function saveFile(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const url = URL.createObjectURL(toBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; let it go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
