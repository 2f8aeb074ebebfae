import type { StandardsService } from '../../standards/standards.service';
import { EXTENSION_PATHS, extensionContext, extensionSchema } from '../../standards/open-badges';
import { StandardFormat } from '../../standards/standards.type';
import type { Admission } from './admission';
import { HttpRefusal, isRead, sendJson, type Route } from './http-io';

/**
 * The documents the registry publishes for its Open Badges extension (JSON-LD context and JSON
 * schema): public vocabulary any origin may read, changing only with a release.
 */
export function vocabularyRoutes(publicUrl: string): Route[] {
  return [
    [EXTENSION_PATHS.context, extensionContext(publicUrl)] as const,
    [EXTENSION_PATHS.schema, extensionSchema(publicUrl)] as const,
  ].map(([path, document]) => ({
    name: path,
    matches: (pathname) => pathname === path,
    handle(_req, res) {
      sendJson(res, 200, document, {
        'access-control-allow-origin': '*',
        'cache-control': 'public, max-age=3600',
      });
    },
  }));
}

const CREDENTIAL_PATH = /^\/credentials\/([^/]+)$/;

/**
 * The registry's URI of a credential answers with the credential as an Open Badges 3.0
 * Achievement, or as CTDL with `?format=ctdl`: the ids the exports use resolve.
 */
export function credentialDocumentRoute(
  standards: StandardsService,
  admit: Admission,
  notFound: Route['handle'],
): Route {
  return {
    name: '/credentials/{id}',
    matches: (pathname) => CREDENTIAL_PATH.test(pathname),
    async handle(req, res, info) {
      const encodedId = CREDENTIAL_PATH.exec(info.url.pathname)?.[1];
      if (!isRead(req) || encodedId === undefined) return notFound(req, res, info);
      await admit(req);
      let id: string;
      try {
        id = decodeURIComponent(encodedId);
      } catch {
        throw new HttpRefusal(
          400,
          'BAD_REQUEST',
          'The credential id in the path is not URI-encoded.',
        );
      }
      const format =
        info.url.searchParams.get('format') === 'ctdl'
          ? StandardFormat.CTDL
          : StandardFormat.OPEN_BADGES_3;
      const doc = await standards.document(id, format);
      if (!doc) {
        sendJson(res, 404, {
          errors: [
            { message: `No credential "${id.slice(0, 200)}".`, extensions: { code: 'NOT_FOUND' } },
          ],
        });
        return;
      }
      sendJson(res, 200, doc, { 'access-control-allow-origin': '*' });
    },
  };
}
