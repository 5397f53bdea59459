/// <reference types="vite/client" />

/** The release version, from package.json (or TOCSIN_VERSION at build time). */
declare const __TOCSIN_VERSION__: string;
