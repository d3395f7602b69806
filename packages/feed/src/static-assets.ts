import { readFileSync } from 'node:fs'

/** The page's files, shipped in `packages/feed/public` and served from memory (no CDN, works offline). */
export interface StaticAsset {
  body: Buffer
  contentType: string
}

const FILES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/assets/app.css': 'app.css',
  '/assets/list.css': 'list.css',
  '/assets/detail.css': 'detail.css',
  '/assets/app.js': 'app.js',
  '/assets/api.js': 'api.js',
  '/assets/dom.js': 'dom.js',
  '/assets/chart.js': 'chart.js',
  '/assets/list.js': 'list.js',
  '/assets/detail.js': 'detail.js',
  '/assets/icons.js': 'icons.js',
  '/assets/favicon.svg': 'favicon.svg',
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
}

/** Reads every asset once; a missing file fails here, at startup, not on the first request. */
export function loadStaticAssets(
  dir: URL = new URL('../public/', import.meta.url),
): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>()
  for (const [route, file] of Object.entries(FILES)) {
    const ext = file.slice(file.lastIndexOf('.') + 1)
    assets.set(route, {
      body: readFileSync(new URL(file, dir)),
      contentType: TYPES[ext] ?? 'application/octet-stream',
    })
  }
  return assets
}
