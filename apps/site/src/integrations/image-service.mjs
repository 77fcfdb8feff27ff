// Astro 7.3 loads the image service lazily: the first getImage() of a rendered page imports
// `virtual:image-service` inside the page bundle (Vite resolves it there) and leaves the service on
// globalThis.astroAsset.imageService, where the "generating optimized images" step
// (astro/dist/assets/build/generate.js) finds it. With experimental.incrementalBuild, pages served
// from the cache never run getImage(), yet their transforms are put back in the queue
// (restoreStaticImages). When no rendered page used an image and a remote original has to be fetched
// again (no cache headers, expired, or changed), generate.js itself runs
// `import("virtual:image-service")` from plain Node, which cannot resolve it: InvalidImageService,
// in every full build where all image pages were cached.
//
// This hook makes that import resolve to the configured service, so the image step works in every
// cache state, with optimisation and the page cache both on. It must not set the service up front:
// the Node copy reads `import.meta.env` (only defined inside Vite bundles) in getURL(), which pages
// call; generate.js only calls transform().
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const VIRTUAL_ID = 'virtual:image-service';
let registered = false;

/** @returns {import('astro').AstroIntegration} */
export default function imageService() {
  return {
    name: 'portal:image-service',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        if (registered) return;
        registered = true;
        const entry = config.image.service.entrypoint;
        // Package names resolve from the project root, like Vite does; relative paths against it too.
        const parent = pathToFileURL(`${fileURLToPath(config.root)}/package.json`).href;
        registerHooks({
          resolve(specifier, context, next) {
            if (specifier !== VIRTUAL_ID) return next(specifier, context);
            logger.info(`${VIRTUAL_ID} requested outside the page bundle: loading ${entry}`);
            return next(entry, { ...context, parentURL: parent });
          },
        });
      },
    },
  };
}
