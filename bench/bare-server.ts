import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The baseline: a bare Hono JSON route on the same Node and adapter as the platform. */
const app = new Hono();
app.get('/', (c) => c.json({ ok: true, items: [] }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
