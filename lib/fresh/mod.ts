// Public API of the Fresh-2-style layer.
export { type App, type AppOptions, BODY_LIMIT, createApp } from "./app.ts";
export { buildIslands, type BundleFiles, bundleIslands, readBundle, writeBundle } from "./bundle.ts";
export { asksJson } from "./error_response.ts";
export { HttpError, InvalidInput } from "./http_error.ts";
export { findIslandFiles, type Island, type IslandFile, loadIslands } from "./islands.ts";
export {
  formBody,
  Nothing,
  readEmpty,
  readForm,
  readJson,
  readJsonOrEmpty,
  readJsonOrForm,
  readParams,
  readQuery,
  validateForm,
} from "./json_body.ts";
export { page, PageResult } from "./page.ts";
export { hole, PageTemplates, type Reuse } from "./page_templates.ts";
export { inertJson, plainJson } from "./island_props.ts";
export { DefaultApp, DefaultError, Head, render, renderDocument } from "./render.tsx";
export { compareRoutes, type Route, type RouteTable, scanRoutes, toPattern } from "./routes.ts";
export type {
  AppProps,
  ErrorPageProps,
  Handler,
  Handlers,
  Method,
  Middleware,
  PageProps,
  RouteConfig,
  RouteContext,
  RouteModule,
} from "./types.ts";
