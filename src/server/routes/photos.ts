import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '../../core/photo.js';
import type { ServiceContext } from '../../services/context.js';
import { getPhoto, removePhoto, setPhoto } from '../../services/photos.js';
import { PHOTO_CONTENT_TYPES } from '../edge.js';
import { idParam, noContent, ok } from './shared.js';

const tags = ['People'];

/** A person's photo: upload (the image itself as the body), read, remove. The type is always sniffed from the bytes. */
export function registerPhotoRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/people/{id}/photo',
      tags,
      summary: `Set a person's photo: send a PNG, JPEG, WebP or GIF of at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB as the body. The type is read from the bytes, whatever the Content-Type says; SVG and anything else is refused.`,
      request: { params: idParam(), body: { content: Object.fromEntries(PHOTO_CONTENT_TYPES.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])) } },
      responses: ok(z.object({ mediaType: z.enum(PHOTO_TYPES), size: z.number().int(), updatedAt: z.string() }), 'The photo is stored'),
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await setPhoto(context(), c.req.valid('param').id, bytes), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/photo',
      tags,
      summary: "A person's photo, served with its sniffed type; 404 when they have none",
      request: { params: idParam() },
      responses: { 200: { description: 'The image', content: Object.fromEntries(PHOTO_TYPES.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])) } },
    }),
    async (c) => {
      const photo = await getPhoto(context(), c.req.valid('param').id);
      // Served as the image it was sniffed to be, never anything a browser would run: no sniffing, no scripts, no framing of it as a page.
      return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': photo.mediaType,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Content-Disposition': 'inline',
        'Cache-Control': 'private, no-cache',
      }) as never;
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/people/{id}/photo', tags, summary: "Remove a person's photo", request: { params: idParam() }, responses: noContent('Removed (or there was none)') }),
    async (c) => {
      await removePhoto(context(), c.req.valid('param').id);
      return c.body(null, 204) as never;
    },
  );
}
