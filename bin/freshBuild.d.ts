/** True when dist/ was compiled from package.json, src/ and parsers/ as they are under `root` now. */
export function freshBuild(root: string): boolean;
/** The hash of those sources' paths and contents that the build records in dist/.built. */
export function sourceHash(root: string): string;
