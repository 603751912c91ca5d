import { type Request, type Response, Router } from 'express';
import { admitViewer } from '../auth/auth-checker';
import { bearerToken } from '../auth/token';
import type { UserService } from '../auth/user.service';
import { AppError, badInput, type ErrorCode, isAppError } from '../errors';
import type { DownloadRoute } from '../export/download';
import { writeCsv } from '../export/csv-writer';
import { writeXlsx } from '../export/xlsx-writer';
import { isPrematureClose } from '../export/stream-end';
import type { Logger } from '../logger';
import type { KeyedLanes } from '../common/keyed-lanes';
import type { Viewer } from '../auth/request-context';

/** HTTP status for each domain error code (anything else is a 500). */
const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FAILED_PRECONDITION: 409,
  TIMEOUT: 504,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The single-valued string entries of route or query parameters (repeated, wildcard and nested ones are dropped). */
function stringEntries(query: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** Builds the route's sheets and writes them as XLSX, or one of them as CSV. */
async function sendSheets(
  route: DownloadRoute,
  ext: 'xlsx' | 'csv',
  req: Request,
  res: Response,
  viewer: Viewer,
): Promise<void> {
  const params = stringEntries(req.params);
  const query = stringEntries(req.query);
  const sheets = await route.sheets(params, viewer, query);
  const name = route.fileName(params).replace(/[^A-Za-z0-9._-]/g, '_');
  if (ext === 'xlsx') {
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="${name}.xlsx"`);
    return writeXlsx(res, sheets);
  }
  const sheet = query.sheet ? sheets.find((s) => s.name === query.sheet) : sheets[0];
  if (!sheet)
    throw badInput(`sheet must be one of ${sheets.map((s) => s.name).join(', ')}`, [
      { field: 'sheet', message: 'unknown sheet' },
    ]);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
  return writeCsv(res, sheet);
}

/**
 * Mounts every DownloadRoute as `.xlsx` and `.csv`, authenticated by `Authorization: Bearer`;
 * each user's exports share their heavy-read lanes (heavy-reads.ts).
 */
export function downloadRoutes(
  routes: DownloadRoute[],
  users: UserService,
  heavyReads: KeyedLanes,
  logger: Logger,
): Router {
  const router = Router();
  for (const route of routes) {
    for (const ext of ['xlsx', 'csv'] as const) {
      router.get(`${route.path}.${ext}`, async (req: Request, res: Response) => {
        try {
          const token = bearerToken(req.headers.authorization);
          const viewer = admitViewer(token ? await users.authenticate(token) : null, route.roles);
          await heavyReads.run(viewer.userId, viewer.userId, () => sendSheets(route, ext, req, res, viewer));
        } catch (e) {
          const error = isAppError(e) ? e : new AppError('INTERNAL', 'Internal server error');
          if (isPrematureClose(e))
            logger.info({ path: req.path }, 'export left unread: the client closed the connection');
          else if (!isAppError(e)) logger.error({ err: e, path: req.path }, 'export failed');
          if (res.headersSent) return void res.destroy();
          res
            .status(STATUS[error.code] ?? 500)
            .json({ error: { code: error.code, message: error.message, details: error.details } });
        }
      });
    }
  }
  return router;
}
