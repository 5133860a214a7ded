import { t } from '../i18n';
import { errorText, showError } from '../toast';

/** What a module's `evidence.createUpload` answers: a signed request to send the file's bytes with. */
export interface UploadTicket {
  uploadUrl: string;
  method: string;
  headers: Record<string, string>;
}

export class UploadError extends Error {
  constructor(readonly status: number) {
    super(`upload failed: ${status}`);
  }
}

/** PUT straight to the blob store (an S3 presigned URL, or the local stand-in) with upload progress. */
export function sendFile(upload: UploadTicket, file: File, onProgress: (share: number) => void = () => undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.uploadUrl);
    for (const [k, v] of Object.entries(upload.headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new UploadError(xhr.status)));
    xhr.onerror = () => reject(new UploadError(0));
    xhr.send(file);
  });
}

/** The message of a failed upload (a function so it follows the language switch). */
export const uploadMessage = (err: unknown): (() => string) => {
  if (!(err instanceof UploadError)) return () => errorText(err, { staleOnConflict: false });
  if (err.status === 0) return () => t('common.uploadNetwork');
  if (err.status === 403) return () => t('common.uploadExpired');
  return () => t('common.uploadFailed', { status: err.status });
};

/** Opens a stored file through a short-lived URL the server signs (and audits); the store serves it as a download. */
export async function openSignedUrl(sign: () => Promise<{ url: string }>): Promise<void> {
  try {
    location.assign((await sign()).url);
  } catch (err) {
    showError(err);
  }
}
