import { defineConfig, type Plugin } from "vite";
import preact from "@preact/preset-vite";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The gRPC-Web paths of `orbit serve` (every service lives under /orbit.<area>.v1.<Service>/,
// health and reflection under /grpc.): the dev server proxies them to a running server
// (ORBIT_URL, default http://127.0.0.1:50051), so the GUI talks same-origin as in production.
const target = process.env.ORBIT_URL ?? "http://127.0.0.1:50051";

/** The card designer (pages/designer.tsx) gets its own copy of Adaptive Cards: it uses the
 * carousel, whose swiper library card pages never need; through one shared copy, every card page
 * would load it (about 35 KB gzipped) once the designer is in the build. A module the designer
 * reaches in adaptivecards (or swiper) is marked `?designer`, and so is everything it imports. */
const DESIGNER = "?designer";
const designerCopy: Plugin = {
  name: "orbit-designer-adaptivecards",
  enforce: "pre",
  async resolveId(source, importer, options) {
    if (!importer) return null;
    const fromDesigner = importer.includes("/node_modules/adaptivecards-designer/") && source === "adaptivecards";
    const inCopy = importer.endsWith(DESIGNER);
    if (!fromDesigner && !inCopy) return null;
    const r = await this.resolve(source, importer.replace(DESIGNER, ""), { ...options, skipSelf: true });
    if (!r || r.external || !/\/node_modules\/(adaptivecards|swiper)\//.test(r.id)) return r;
    return { ...r, id: r.id + DESIGNER };
  },
};

export default defineConfig({
  plugins: [designerCopy, preact({ devToolsEnabled: false, prefreshEnabled: true })],
  resolve: {
    alias: [
      // The card renderer's expression engine: its prebuilt browser bundle calls a bundled
      // `assert` it cannot call (every template fails), so the package's own modules are built
      // here, with the little they need of Node's modules (src/shims).
      { find: /^adaptive-expressions$/, replacement: here("node_modules/adaptive-expressions/lib/index.js") },
      { find: /^assert$/, replacement: here("src/shims/assert.cjs") },
      { find: /^util$/, replacement: here("src/shims/util.ts") },
      { find: /^os$/, replacement: here("src/shims/os.ts") },
      { find: /^(xpath|@xmldom\/xmldom|fast-xml-parser|jspath)$/, replacement: here("src/shims/absent.cjs") },
      { find: /^fs$/, replacement: here("src/shims/fs.ts") },
    ],
  },
  server: {
    fs: { allow: [".."] },
    proxy: {
      "^/orbit\\.": { target, changeOrigin: false },
      "^/grpc\\.": { target, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Content-hashed file names and no source maps: rebuilding the same sources gives the same
    // bytes, so the committed dist/ shows no diff after `npm run build`.
    sourcemap: false,
    reportCompressedSize: true,
    assetsInlineLimit: 0,
    // The card renderer's libraries (Adaptive Cards, its templating and expression engine) are
    // one lazy chunk of about 1060 KB (250 KB gzipped), loaded on the first card page only and
    // shared with the card designer (pages/designer.tsx).
    chunkSizeWarningLimit: 1100,
  },
});
