// SCIM clients send application/scim+json, and a malformed body must come back as a
// SCIM error rather than the JSON parser's own 400. So /scim/v2 reads its bodies
// itself, as text, before the app's JSON parser (which then skips the finished stream).
import type { NextFunction, Request, Response } from 'express';
import { ScimError } from './scim-errors.js';

export const MAX_SCIM_BODY_BYTES = 1024 * 1024;

export interface ScimRequest extends Request {
  scimBody?: string;
}

export function scimBodyReader(req: Request, res: Response, next: NextFunction): void {
  if (!['POST', 'PUT', 'PATCH'].includes(req.method)) return next();
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > MAX_SCIM_BODY_BYTES) {
      failed = true;
      res.status(413).type('application/scim+json').json(new ScimError(413, `The body is larger than ${MAX_SCIM_BODY_BYTES / 1024} KB`).toJSON());
      req.resume();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (failed) return;
    (req as ScimRequest).scimBody = Buffer.concat(chunks).toString('utf8');
    next();
  });
  req.on('error', (error) => {
    if (!failed) next(error);
  });
}
